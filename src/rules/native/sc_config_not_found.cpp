// sc-config-not-found: `dapr.io/config` names a Configuration that is not in the app's namespace;
// the sidecar cannot load it and exits (dapr/quickstarts#322). Silent when the input holds no
// Configuration in that namespace (a manifest repo rarely holds the whole cluster).
#include <map>
#include <set>

#include "model/references.h"
#include "model/selector.h"
#include "rules/native/rules.h"

namespace daprlint {

void sc_config_not_found(const RunContext& ctx, const Emitter& emit) {
  const Inventory& inventory = ctx.inventory;
  if (!inventory.has_kind("Configuration")) return;
  // Configuration names -> namespaces, and names per namespace, for the hints.
  std::map<std::string, std::set<std::string>, std::less<>> namespaces_of;
  std::map<std::string, std::vector<std::string>, std::less<>> names_in;
  for (const Object* c : inventory.of_kind("Configuration")) {
    namespaces_of[c->name].insert(std::string(c->effective_namespace()));
    names_in[std::string(c->effective_namespace())].push_back(c->name);
  }
  for (const Object& o : inventory.objects) {
    if (!o.dapr_app) continue;
    Node value = o.pod_annotations().get("dapr.io/config");
    std::string_view name = value.text();
    if (name.empty()) continue;
    const std::string_view ns = o.effective_namespace();
    if (!inventory.has_kind_near("Configuration", o) || inventory.find("Configuration", ns, name))
      continue;
    if (owned_by_input_object(inventory, o)) continue;  // the owner is reported
    std::string hint;
    if (auto it = namespaces_of.find(name); it != namespaces_of.end()) {
      hint = " (it is in namespace " + *it->second.begin() + ")";
    } else if (auto names = names_in.find(ns); names != names_in.end()) {
      hint = did_you_mean(name, names->second);
    }
    emit.report(o, value,
                o.kind + " " + o.name + " sets dapr.io/config to '" + std::string(name) +
                    "', but namespace " + std::string(ns) + " has no Configuration of that name" +
                    hint + ": the Dapr sidecar fails to load it and exits at startup");
  }
}

}  // namespace daprlint
