// cf-workflow-retention-missing: without spec.workflow.stateRetentionPolicy (1.17) daprd never
// purges completed, failed or terminated workflows, so their history grows in the actor state
// store for good (charts/dapr/crds/configuration.yaml: "If not set, workflow instances will not
// be automatically purged"). Actors alone cannot be told apart from workflows: hence opt-in.
#include <map>
#include <set>
#include <string>

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
  // Namespace (for manifests without one, their directory: presence_scope) -> the first actor
  // state store there.
  std::map<std::string, const Object*, std::less<>> stores;
  for (const Object* c : ctx.inventory.of_kind("Component")) {
    if (c->api_version.starts_with("dapr.io/") && actor_state_store(*c))
      stores.emplace(ctx.inventory.presence_scope(*c), c);
  }
  if (stores.empty()) return;
  // Namespace -> the Configurations its apps name; a namespace without apps in the input has
  // no entry, and then each of its Configurations may be the one they use.
  std::map<std::string, std::set<std::string, std::less<>>, std::less<>> used;
  for (const Object& o : ctx.inventory.objects) {
    if (!o.dapr_app || o.has_owner()) continue;
    auto& names = used[ctx.inventory.presence_scope(o)];
    if (Node config = o.pod_annotations().get("dapr.io/config")) names.emplace(config.text());
  }
  for (const Object* o : ctx.inventory.of_kind("Configuration")) {
    if (!o->api_version.starts_with("dapr.io/")) continue;
    if (o->name == "daprsystem") continue;  // the control plane's own (the chart's name)
    const std::string scope = ctx.inventory.presence_scope(*o);
    auto store = stores.find(scope);
    if (store == stores.end()) continue;
    auto apps = used.find(scope);
    if (apps != used.end() && !apps->second.contains(o->name)) continue;
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
                    store->second->name +
                    ": completed, failed and terminated workflows are never purged from it");
  }
}

}  // namespace daprlint
