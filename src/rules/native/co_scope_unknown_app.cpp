// co-scope-unknown-app: a Component's top-level `scopes` lists an app-id that no Dapr app of its
// namespace runs with (components load only in their own namespace). Silent for namespaces
// without any Dapr app in the Component's scope. Apps without `dapr.io/app-id` run under their
// pod name, which a manifest can name only for bare Pods and StatefulSets (see AppIds). What
// counts as present, and the hints, come only from the Component's scope
// (Inventory::in_one_scope); an app of its namespace anywhere in the input resolves.
#include <algorithm>
#include <map>

#include "model/references.h"
#include "rules/native/rules.h"

namespace daprlint {

void co_scope_unknown_app(const RunContext& ctx, const Emitter& emit) {
  const Inventory& inventory = ctx.inventory;
  if (!inventory.has_kind("Component")) return;
  const AppIds apps(inventory);
  // (namespace, workload name) -> the workload, for "the scope names the workload, not its id".
  std::map<std::pair<std::string, std::string>, const Object*> workloads;
  for (const Object& o : inventory.objects) {
    if (o.dapr_app && !o.app_id().empty())
      workloads.emplace(std::make_pair(std::string(o.effective_namespace()), o.name), &o);
  }
  for (const Object* c : inventory.of_kind("Component")) {
    const std::string ns(c->effective_namespace());
    if (!apps.has_apps_near(*c)) continue;
    const std::vector<Node> scopes = c->root.get("scopes").elements();
    // When no entry names an app of its scope, the component's apps are deployed from elsewhere
    // (partial input): only entries with a concrete hint are reported then.
    const bool some_known = std::any_of(scopes.begin(), scopes.end(),
                                        [&](Node s) { return apps.known_near(*c, s.text(), ns); });
    for (Node scope : scopes) {
      std::string_view id = scope.text();
      if (id.empty() || apps.known(ns, id)) continue;
      std::string hint;
      if (auto w = workloads.find(std::make_pair(ns, std::string(id)));
          w != workloads.end() && inventory.in_one_scope(*w->second, *c)) {
        hint = " (" + w->second->kind + " " + w->second->name + " runs with app-id '" +
               std::string(w->second->app_id()) + "')";
      } else if (apps.known_near(*c, id)) {
        hint = " (an app of another namespace has it; components load only in their own)";
      } else {
        hint = did_you_mean(id, apps.ids_near(*c, ns));
      }
      if (hint.empty() && !some_known) continue;
      emit.report(*c, scope,
                  "Component " + c->name + " is scoped to app-id '" + std::string(id) +
                      "', but no Dapr app in namespace " + ns + " runs with that id" + hint +
                      ": if the id is misspelt, the app it was meant for does not load the "
                      "component");
    }
  }
}

}  // namespace daprlint
