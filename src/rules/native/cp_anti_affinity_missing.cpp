// cp-anti-affinity-missing: replicas of the control plane must not fail together. Without any
// pod anti-affinity or topology spread the scheduler may stack them on one node. With Node
// objects in the input (a cluster export) the rule also checks that the spreading separates
// anything there: the chart's HA anti-affinity is a preferred one on topology.kubernetes.io/zone,
// which separates nothing when every node is in one zone (1.18 production docs,
// dapr/docs#5080), and a required one needs as many topology values as replicas.
#include <set>
#include <string>
#include <vector>

#include "rules/native/rules.h"

namespace daprlint {
namespace {

/// The values a topology key takes on the nodes, and whether some node lacks it.
struct Domains {
  std::set<std::string, std::less<>> values;
  bool unlabeled = false;
};

Domains domains(const std::vector<const Object*>& nodes, std::string_view key) {
  Domains d;
  for (const Object* n : nodes) {
    Node v = n->root.get("metadata").get("labels").get(key);
    if (v.is_scalar())
      d.values.emplace(v.text());
    else
      d.unlabeled = true;
  }
  return d;
}

struct Term {
  Node key;  // topologyKey
  bool required = false;
};

}  // namespace

void cp_anti_affinity_missing(const RunContext& ctx, const Emitter& emit) {
  std::vector<const Object*> nodes;
  for (const Object* n : ctx.inventory.of_kind("Node")) {
    if (schedulable_linux_worker(*n)) nodes.push_back(n);
  }
  const std::string node_count = std::to_string(nodes.size()) + " schedulable Linux node(s)";
  for (const Object& o : ctx.inventory.objects) {
    if (!o.is_control_plane() || (o.kind != "Deployment" && o.kind != "StatefulSet")) continue;
    const long replicas = o.replicas();
    if (replicas <= 1) continue;
    const std::string who = std::string(component_name(o.component)) + " " + o.kind + " " + o.name;
    Node spec = o.pod_template.get("spec");
    Node anti = spec.get("affinity").get("podAntiAffinity");
    std::vector<Term> terms;
    for (Node t : anti.get("preferredDuringSchedulingIgnoredDuringExecution").elements())
      terms.push_back({t.get("podAffinityTerm").get("topologyKey"), false});
    for (Node t : anti.get("requiredDuringSchedulingIgnoredDuringExecution").elements())
      terms.push_back({t.get("topologyKey"), true});
    for (Node t : spec.get("topologySpreadConstraints").elements())
      terms.push_back({t.get("topologyKey"), false});

    if (terms.empty()) {
      // At the missing anti-affinity: the deepest of affinity.podAntiAffinity.preferred... there.
      Node at = spec;
      for (const char* k :
           {"affinity", "podAntiAffinity", "preferredDuringSchedulingIgnoredDuringExecution"}) {
        if (!at.get(k)) break;
        at = at.get(k);
      }
      emit.report(o, at,
                  who +
                      " runs several replicas with no pod anti-affinity or topology spread, so "
                      "the scheduler may put them all on one node or zone");
      continue;
    }
    if (nodes.empty()) continue;  // no cluster export: the nodes' topology is unknown

    // A required anti-affinity holds each replica to its own topology value: with fewer values
    // than replicas the rest stay Pending (nodes without the label take any number).
    bool required = false;
    for (const Term& t : terms) {
      if (!t.required) continue;
      required = true;
      const Domains d = domains(nodes, t.key.text());
      if (d.unlabeled || static_cast<long>(d.values.size()) >= replicas) continue;
      emit.report(o, t.key,
                  who + " requires its " + std::to_string(replicas) + " replicas on different " +
                      std::string(t.key.text()) + " values, but the " + node_count + " have only " +
                      std::to_string(d.values.size()) + ": " +
                      std::to_string(replicas - static_cast<long>(d.values.size())) +
                      " replica(s) stay Pending",
                  Severity::Error);
    }
    if (required) continue;

    // Preferred terms and spread constraints separate replicas only over keys with two values.
    std::set<std::string, std::less<>> keys;
    bool separates = false;
    for (const Term& t : terms) {
      keys.emplace(t.key.text());
      separates = separates || domains(nodes, t.key.text()).values.size() >= 2;
    }
    if (separates) continue;
    std::string by, where;
    for (const std::string& k : keys) by += (by.empty() ? "" : ", ") + k;
    if (keys.size() == 1) {
      const Domains d = domains(nodes, *keys.begin());
      where = d.values.empty() ? ", which none of the " + node_count + " has"
                               : ", which is \"" + *d.values.begin() + "\"" +
                                     (d.unlabeled ? " or unset" : "") + " on all " + node_count;
    } else {
      where = ", which have at most one value across the " + node_count;
    }
    emit.report(o, terms.front().key,
                who + " spreads its " + std::to_string(replicas) + " replicas only by " + by +
                    where +
                    ": nothing keeps them on different nodes, so one node failure can take them "
                    "all; spread by kubernetes.io/hostname (global.ha.topologyKey since 1.17)",
                Severity::Warning);
  }
}

}  // namespace daprlint
