// cp-ha-zone-only-spread: the chart's HA anti-affinity is keyed on topology.kubernetes.io/zone,
// which separates nothing on a single-zone cluster (1.18 production page, dapr/docs#5080). With
// Node objects in the input cp-anti-affinity-missing checks the real zones instead.
#include <string>
#include <vector>

#include "rules/native/rules.h"

namespace daprlint {

void cp_ha_zone_only_spread(const RunContext& ctx, const Emitter& emit) {
  if (!ctx.inventory.of_kind("Node").empty()) return;
  Node zone_keys = emit.rule().params.get("zone_keys");
  auto is_zone = [&](std::string_view key) {
    for (Node k : zone_keys.elements())
      if (k.text() == key) return true;
    return false;
  };
  for (const Object& o : ctx.inventory.objects) {
    if (!o.is_control_plane() || (o.kind != "Deployment" && o.kind != "StatefulSet")) continue;
    const long replicas = o.replicas();
    if (replicas <= 1) continue;
    Node spec = o.pod_template.get("spec");
    Node anti = spec.get("affinity").get("podAntiAffinity");
    std::vector<Node> keys, required;
    for (Node t : anti.get("preferredDuringSchedulingIgnoredDuringExecution").elements())
      keys.push_back(t.get("podAffinityTerm").get("topologyKey"));
    for (Node t : anti.get("requiredDuringSchedulingIgnoredDuringExecution").elements()) {
      keys.push_back(t.get("topologyKey"));
      required.push_back(t.get("topologyKey"));
    }
    for (Node t : spec.get("topologySpreadConstraints").elements())
      keys.push_back(t.get("topologyKey"));
    bool zone_only = !keys.empty();
    for (Node k : keys) zone_only = zone_only && is_zone(k.text());
    if (!zone_only) continue;
    const std::string who = std::string(component_name(o.component)) + " " + o.kind + " " + o.name;
    if (!required.empty()) {
      emit.report(o, required.front(),
                  who + " requires its " + std::to_string(replicas) +
                      " replicas in different zones (" + std::string(required.front().text()) +
                      "): a cluster with fewer zones " +
                      "leaves the rest Pending; use kubernetes.io/hostname unless it spans " +
                      std::to_string(replicas) + " zones");
    } else {
      emit.report(o, keys.front(),
                  who + " spreads its " + std::to_string(replicas) + " replicas only by zone (" +
                      std::string(keys.front().text()) + "), which separates nothing on a " +
                      "single-zone cluster; there spread by kubernetes.io/hostname " +
                      "(global.ha.topologyKey since 1.17)");
    }
  }
}

}  // namespace daprlint
