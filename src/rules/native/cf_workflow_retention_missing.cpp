// cf-workflow-retention-missing: without spec.workflow.stateRetentionPolicy (1.17) daprd never
// purges completed, failed or terminated workflows, so their history grows in the actor state
// store for good (charts/dapr/crds/configuration.yaml: "If not set, workflow instances will not
// be automatically purged"). Actors alone cannot be told apart from workflows: hence opt-in.
// The actor state store and the apps that pick Configurations count only in the Configuration's
// scope (Inventory::in_one_scope).
#include <map>
#include <string>
#include <vector>

#include "model/text.h"
#include "rules/native/rules.h"

namespace daprlint {
namespace {

bool actor_state_store(const Object& component) {
  Node spec = component.root.get("spec");
  if (!spec.get("type").text().starts_with("state.")) return false;
  for (Node item : spec.get("metadata").elements()) {
    if (lower(item.get("name").text()) == "actorstatestore" && is_truthy(item.get("value").text()))
      return true;
  }
  return false;
}

}  // namespace

void cf_workflow_retention_missing(const RunContext& ctx, const Emitter& emit) {
  const Inventory& inventory = ctx.inventory;
  // Presence scope (the namespace, or for manifests without one their directory) -> the actor
  // state stores there, in input order.
  std::map<std::string, std::vector<const Object*>, std::less<>> stores;
  for (const Object* c : inventory.of_kind("Component")) {
    if (c->api_version.starts_with("dapr.io/") && actor_state_store(*c))
      stores[inventory.presence_scope(*c)].push_back(c);
  }
  if (stores.empty()) return;
  // The apps by presence scope, and the Configurations they name (scope \0 name): where a
  // Configuration's scope holds apps, only those they name are used; otherwise any may be.
  ScopeIndex apps, used;
  for (const Object& o : inventory.objects) {
    if (!o.dapr_app || o.has_owner()) continue;
    const std::string scope = inventory.presence_scope(o);
    inventory.place(apps, scope, o);
    if (Node config = o.pod_annotations().get("dapr.io/config"))
      inventory.place(used, scope + '\0' + std::string(config.text()), o);
  }
  for (const Object* o : inventory.of_kind("Configuration")) {
    if (!o->api_version.starts_with("dapr.io/")) continue;
    if (o->name == "daprsystem") continue;  // the control plane's own (the chart's name)
    const std::string scope = inventory.presence_scope(*o);
    auto in_scope = stores.find(scope);
    if (in_scope == stores.end()) continue;
    const Object* store = nullptr;  // the first in the Configuration's scope
    for (const Object* c : in_scope->second) {
      if (inventory.in_one_scope(*c, *o)) {
        store = c;
        break;
      }
    }
    if (!store) continue;
    if (inventory.near(apps, scope, *o) && !inventory.near(used, scope + '\0' + o->name, *o))
      continue;
    Node spec = o->root.get("spec");
    Node workflow = spec.get("workflow");
    if (workflow.get("stateRetentionPolicy")) continue;
    emit.report(*o,
                workflow ? workflow
                : spec   ? spec
                         : o->root,
                "Configuration " + o->name +
                    " sets no spec.workflow.stateRetentionPolicy while its namespace has the "
                    "actor state store " +
                    store->name +
                    ": completed, failed and terminated workflows are never purged from it");
  }
}

}  // namespace daprlint
