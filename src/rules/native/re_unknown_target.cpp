// re-unknown-target: a Resiliency target names an app or a component that the input does not
// hold, so its policies never apply. `targets.apps` keys are the callee's app-id, which may live
// in any namespace (daprd strips `.namespace` before the policy lookup), or an HTTPEndpoint name;
// checked only when the Resiliency's namespace holds a Dapr app in its scope. `targets.components`
// keys are Components of the Resiliency's own namespace; checked only when that namespace holds
// Components in its scope. Actor types cannot be checked. What counts as present, and the
// suggestions, come only from the Resiliency's scope (Inventory::in_one_scope); a name of the
// input anywhere resolves.
#include <algorithm>
#include <optional>
#include <unordered_set>

#include "model/references.h"
#include "rules/native/rules.h"

namespace daprlint {

void re_unknown_target(const RunContext& ctx, const Emitter& emit) {
  const Inventory& inventory = ctx.inventory;
  if (!inventory.has_kind("Resiliency")) return;
  const AppIds apps(inventory);
  std::unordered_set<std::string> endpoints;
  for (const Object* e : inventory.of_kind("HTTPEndpoint")) endpoints.insert(e->name);
  for (const Object* r : inventory.of_kind("Resiliency")) {
    const std::string ns(r->effective_namespace());
    Node targets = r->root.get("spec").get("targets");
    if (apps.has_apps_near(*r)) {
      auto known = [&](std::string_view id) {
        return apps.known_anywhere(id) || endpoints.count(std::string(id)) > 0;
      };
      auto known_near = [&](std::string_view id) {
        if (apps.known_near(*r, id)) return true;
        const auto& all = inventory.of_kind("HTTPEndpoint");
        return std::any_of(all.begin(), all.end(), [&](const Object* e) {
          return e->name == id && inventory.in_one_scope(*e, *r);
        });
      };
      const std::vector<NodeEntry> entries = targets.get("apps").entries();
      // No target names an app of its scope: the callees are deployed from elsewhere (partial
      // input); only targets close to a known id are reported then.
      const bool some_known = std::any_of(entries.begin(), entries.end(), [&](const NodeEntry& e) {
        return known_near(e.key.text());
      });
      for (const NodeEntry& e : entries) {
        std::string_view id = e.key.text();
        if (id.empty() || known(id)) continue;
        std::string hint = did_you_mean(id, apps.ids_near(*r));
        if (hint.empty() && !some_known) continue;
        emit.report(*r, e.value,
                    "Resiliency " + r->name + " targets app-id '" + std::string(id) +
                        "', but no Dapr app or HTTPEndpoint in the input has that id" + hint +
                        ": its policies never apply to service invocation calls");
      }
    }
    if (inventory.has_kind_near("Component", *r)) {
      // Suggestions: the namespace's Components in scope, gathered at the first unknown name
      // (a scan of every Component per Resiliency made a large export quadratic).
      std::optional<std::vector<std::string>> components;
      for (const NodeEntry& e : targets.get("components").entries()) {
        std::string_view name = e.key.text();
        if (name.empty() || inventory.find("Component", ns, name)) continue;
        if (!components) {
          components.emplace();
          for (const Object* c : inventory.of_kind("Component")) {
            if (c->effective_namespace() == ns && inventory.in_one_scope(*c, *r))
              components->push_back(c->name);
          }
        }
        emit.report(*r, e.value,
                    "Resiliency " + r->name + " targets component '" + std::string(name) +
                        "', but namespace " + ns + " has no Component of that name" +
                        did_you_mean(name, *components) +
                        ": its policies never apply to that component's calls");
      }
    }
  }
}

}  // namespace daprlint
