// cp-pdb-missing: an HA control-plane workload (more than one replica) that no
// PodDisruptionBudget of its namespace selects: a node drain may evict every replica at once.
// The chart renders a PDB per component in HA mode (and always for the scheduler from 1.15), so a
// complete render holds PDBs; when the input holds none in the namespace it is partial (a
// `kubectl get all` export, a repo that keeps PDBs elsewhere) and the rule stays silent.
#include <algorithm>
#include <charconv>
#include <unordered_set>

#include "model/selector.h"
#include "rules/native/rules.h"

namespace daprlint {
namespace {

int replicas(Node n) {
  std::string_view text = n.text();
  int v = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
  return (ec == std::errc() && end == text.data() + text.size()) ? v : 0;
}

}  // namespace

void cp_pdb_missing(const RunContext& ctx, const Emitter& emit) {
  const Inventory& inventory = ctx.inventory;
  if (!inventory.has_kind("PodDisruptionBudget")) return;
  std::vector<std::string> components;
  for (Node c : emit.rule().params.get("components").elements()) components.emplace_back(c.text());
  std::vector<const Object*> candidates;
  WorkloadIndex index;
  for (const Object& o : inventory.objects) {
    if (!o.is_control_plane() || !o.is_workload()) continue;
    if (std::find(components.begin(), components.end(), component_name(o.component)) ==
        components.end())
      continue;
    if (replicas(o.root.get("spec").get("replicas")) < 2) continue;
    if (!inventory.has_kind_near("PodDisruptionBudget", o)) continue;
    if (owned_by_input_object(inventory, o)) continue;  // the Deployment is reported
    candidates.push_back(&o);
    index.add(o);
  }
  if (candidates.empty()) return;
  std::unordered_set<const Object*> covered;
  for (const Object* pdb : inventory.of_kind("PodDisruptionBudget")) {
    // policy/v1beta1: an empty selector selects nothing; policy/v1: every pod of the namespace.
    const EmptySelector empty = pdb->api_version == "policy/v1beta1" ? EmptySelector::SelectsNothing
                                                                     : EmptySelector::SelectsAll;
    for (const Object* w :
         index.selected(pdb->effective_namespace(), pdb->root.get("spec").get("selector"), empty)) {
      covered.insert(w);
    }
  }
  for (const Object* o : candidates) {
    if (covered.count(o)) continue;
    Node at = o->root.get("spec").get("replicas");
    emit.report(*o, at,
                o->kind + " " + o->name + " runs " + std::string(at.text()) +
                    " replicas but no PodDisruptionBudget in " +
                    std::string(o->effective_namespace()) +
                    " selects its pods: a node drain or cluster upgrade may evict every " +
                    std::string(component_name(o->component)) + " replica at once");
  }
}

}  // namespace daprlint
