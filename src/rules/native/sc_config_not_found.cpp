// sc-config-not-found: `dapr.io/config` names a Configuration that is not in the app's namespace;
// the sidecar cannot load it and exits (dapr/quickstarts#322). Silent when the app's scope holds
// no Configuration in that namespace (a manifest repo rarely holds the whole cluster, and another
// repository's Configurations may go to another cluster). Hints name only Configurations in the
// app's scope (Inventory::in_one_scope); one of that name anywhere in the input resolves.
#include <set>

#include "model/references.h"
#include "model/selector.h"
#include "rules/native/rules.h"

namespace daprlint {

void sc_config_not_found(const RunContext& ctx, const Emitter& emit) {
  const Inventory& inventory = ctx.inventory;
  if (!inventory.has_kind("Configuration")) return;
  for (const Object& o : inventory.objects) {
    if (!o.dapr_app) continue;
    Node value = o.pod_annotations().get("dapr.io/config");
    std::string_view name = value.text();
    if (name.empty()) continue;
    const std::string_view ns = o.effective_namespace();
    if (!inventory.has_kind_near("Configuration", o) || inventory.find("Configuration", ns, name))
      continue;
    if (owned_by_input_object(inventory, o)) continue;  // the owner is reported
    // The hints: where a Configuration of that name is, else the names of this namespace.
    std::set<std::string> elsewhere;
    std::vector<std::string> names;
    for (const Object* c : inventory.of_kind("Configuration")) {
      if (!inventory.in_one_scope(*c, o)) continue;
      if (c->name == name) elsewhere.insert(std::string(c->effective_namespace()));
      if (c->effective_namespace() == ns) names.push_back(c->name);
    }
    const std::string hint = !elsewhere.empty() ? " (it is in namespace " + *elsewhere.begin() + ")"
                                                : did_you_mean(name, names);
    emit.report(o, value,
                o.kind + " " + o.name + " sets dapr.io/config to '" + std::string(name) +
                    "', but namespace " + std::string(ns) + " has no Configuration of that name" +
                    hint + ": the Dapr sidecar fails to load it and exits at startup");
  }
}

}  // namespace daprlint
