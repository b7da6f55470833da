// cp-scheduler-storage-class: the StorageClass of the scheduler's etcd volumes, when the input
// holds it (a cluster export, or a GitOps repository that defines its classes). dapr/docs#5180
// (closed by the persistence page's storage guidance, dapr/docs#5179): etcd on a standard-tier
// disk misses leader heartbeats ("leader is overloaded likely from slow disk"), and a volume
// pinned to one zone (Azure *_LRS, a zonal GCE PD) cannot follow the pod to another zone. Only
// classes whose provisioner and parameters tell are judged; without StorageClasses, silent.
#include <algorithm>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "model/chart_version.h"
#include "model/text.h"
#include "rules/native/rules.h"

namespace daprlint {
namespace {

bool one_of(std::string_view v, std::initializer_list<std::string_view> set) {
  return std::find(set.begin(), set.end(), v) != set.end();
}

/// A StorageClass parameter, its key compared case-insensitively (the Azure driver does).
struct Parameter {
  Node value;
  std::string shown;  // `skuname StandardSSD_LRS`, as written
};
Parameter parameter(const Object& sc, std::initializer_list<std::string_view> keys) {
  for (const NodeEntry& e : sc.root.get("parameters").entries()) {
    if (one_of(lower(e.key.text()), keys))
      return {e.value, std::string(e.key.text()) + " " + std::string(e.value.text())};
  }
  return {};
}

/// What the class's provisioner and parameters say about it for etcd.
struct Verdict {
  std::string disk;       // `skuName StandardSSD_LRS`: what was read; empty when nothing
  bool hdd = false;       // spinning disks
  bool standard = false;  // standard-tier SSD
  std::string zone_fix;   // a zone-redundant choice of the same provisioner, when zonal
};

Verdict judge(const Object& sc) {
  Verdict v;
  const std::string_view provisioner = sc.root.get("provisioner").text();
  if (one_of(provisioner, {"disk.csi.azure.com", "kubernetes.io/azure-disk"})) {
    const Parameter sku = parameter(sc, {"skuname", "storageaccounttype"});
    if (!sku.value) return v;
    const std::string s = lower(sku.value.text());
    v.disk = sku.shown;
    v.hdd = s == "standard_lrs";
    v.standard = s.starts_with("standardssd_");
    if (s.ends_with("_lrs")) v.zone_fix = "a zone-redundant _ZRS sku such as Premium_ZRS";
  } else if (one_of(provisioner, {"ebs.csi.aws.com", "kubernetes.io/aws-ebs"})) {
    // EBS volumes always live in one zone, with no zone-redundant type to switch to.
    const Parameter type = parameter(sc, {"type"});
    v.hdd = one_of(lower(type.value.text()), {"st1", "sc1", "standard"});
    v.disk = type.shown;
  } else if (one_of(provisioner, {"pd.csi.storage.gke.io", "kubernetes.io/gce-pd"})) {
    const Parameter type = parameter(sc, {"type"});
    const Parameter replication = parameter(sc, {"replication-type"});
    v.disk = (type.value ? type.shown + ", " : std::string()) +
             (replication.value ? replication.shown : std::string("no replication-type"));
    v.hdd = lower(type.value.text()) == "pd-standard";
    if (lower(replication.value.text()) != "regional-pd")
      v.zone_fix = "replication-type: regional-pd";
  }
  return v;
}

/// The StorageClass a claim gets: the named one, or the input's only default class for none.
const Object* storage_class(const std::vector<const Object*>& classes, Node name) {
  if (name.is_scalar() && !name.text().empty()) {
    for (const Object* c : classes) {
      if (c->name == name.text()) return c;
    }
    return nullptr;
  }
  const Object* found = nullptr;
  for (const Object* c : classes) {
    Node annotations = c->root.get("metadata").get("annotations");
    for (std::string_view key : {"storageclass.kubernetes.io/is-default-class",
                                 "storageclass.beta.kubernetes.io/is-default-class"}) {
      if (annotations.get(key).text() != "true") continue;
      if (found && found != c) return nullptr;  // several defaults: which one wins is not shown
      found = c;
    }
  }
  return found;
}

/// Whether the Node objects in the scope of `o` show a cluster with at most one zone, where
/// zonal volumes do no harm.
bool single_zone(const Inventory& inv, const Object& o) {
  std::set<std::string, std::less<>> zones;
  bool any = false;
  for (const Object* n : inv.of_kind("Node")) {
    if (!schedulable_linux_worker(*n) || !inv.in_one_scope(*n, o)) continue;
    any = true;
    Node zone = n->root.get("metadata").get("labels").get("topology.kubernetes.io/zone");
    if (!zone.is_scalar()) return false;
    zones.emplace(zone.text());
  }
  return any && zones.size() <= 1;
}

class Checker {
 public:
  Checker(const RunContext& ctx, const Emitter& emit) : inv_(ctx.inventory), emit_(emit) {
    for (const Object* c : inv_.of_kind("StorageClass")) {
      if (c->api_version.starts_with("storage.k8s.io/")) classes_.push_back(c);
    }
  }
  bool has_classes() const { return !classes_.empty(); }

  /// `who` keeps its etcd data on the class `name` names (unset or null: the default class);
  /// the finding goes at `name`, else at `at`. Only the classes in its scope count: a sibling
  /// folder's may belong to another cluster.
  void check(const Object& o, const std::string& who, Node name, Node at) const {
    std::vector<const Object*> near;
    for (const Object* c : classes_) {
      if (inv_.in_one_scope(*c, o)) near.push_back(c);
    }
    const Object* sc = storage_class(near, name);
    if (!sc) return;
    const Verdict v = judge(*sc);
    const bool named = name.is_scalar() && !name.text().empty();
    const std::string on = who + " keeps its etcd data on StorageClass " + sc->name + " (" +
                           (named ? "" : "the default class; ") +
                           std::string(sc->root.get("provisioner").text()) + ", " + v.disk + ")";
    Node where = name ? name : at;
    if (v.hdd || v.standard) {
      emit_.report(o, where,
                   on + ", " + (v.hdd ? "a spinning disk" : "a standard-tier disk") +
                       ": etcd loses its leader when writes are slow (leader failed to send out "
                       "heartbeat on time), delaying jobs, reminders and workflows; use a "
                       "premium SSD class",
                   v.hdd ? Severity::Warning : Severity::Note);
    }
    if (!v.zone_fix.empty() && !single_zone(inv_, o)) {
      emit_.report(o, where,
                   on +
                       ", which binds each volume to one zone: a scheduler pod that must move to "
                       "another zone (node upgrade, zone outage) cannot start until that zone "
                       "is back; use " +
                       v.zone_fix,
                   Severity::Note);
    }
  }

 private:
  const Inventory& inv_;
  const Emitter& emit_;
  std::vector<const Object*> classes_;
};

/// The scheduler is off, in memory, or older than its volume (chart 1.14) in a chart install.
bool chart_without_volume(const Object& o) {
  Node values = o.chart_values;
  if (Node on = values.get("global").get("scheduler").get("enabled"); on && !is_truthy(on.text()))
    return true;
  if (is_truthy(values.get("dapr_scheduler").get("cluster").get("inMemoryStorage").text()))
    return true;
  auto line = newest_release_line(o.chart_version.text());
  return line && *line < ReleaseLine{1, 14};
}

}  // namespace

void cp_scheduler_storage_class(const RunContext& ctx, const Emitter& emit) {
  const Checker checker(ctx, emit);
  if (!checker.has_classes()) return;
  for (const Object* o : ctx.inventory.of_kind("StatefulSet")) {
    if (o->component != Component::Scheduler || o->has_owner()) continue;
    if (o->root.get("spec").get("replicas").text() == "0") continue;  // scheduler disabled
    for (Node claim : o->root.get("spec").get("volumeClaimTemplates").elements()) {
      Node spec = claim.get("spec");
      Node name = spec.get("storageClassName");
      if (name.is_scalar() && name.quoted() && name.text().empty()) continue;  // no class at all
      checker.check(*o, "scheduler StatefulSet " + o->name, name, spec ? spec : claim);
    }
  }
  for (const Object& o : ctx.inventory.objects) {
    if (!o.dapr_chart || chart_without_volume(o)) continue;
    Node cluster = o.chart_values.get("dapr_scheduler").get("cluster");
    Node name = cluster.get("storageClassName");
    // The chart writes storageClassName only when the value is set; other values may set it.
    if (name.text().empty() && o.chart_values_external) continue;
    Node at = cluster                                ? cluster
              : o.chart_values.get("dapr_scheduler") ? o.chart_values.get("dapr_scheduler")
              : o.chart_values                       ? o.chart_values
                                                     : o.root.get("spec");
    checker.check(o, "the scheduler of " + o.kind + " " + o.name,
                  name.text().empty() ? Node() : name, at);
  }
}

}  // namespace daprlint
