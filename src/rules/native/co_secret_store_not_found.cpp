// co-secret-store-not-found: a Component's or HTTPEndpoint's `auth.secretStore` names no secret
// store Component of its namespace; Dapr then cannot resolve its secretKeyRefs and the resource
// silently fails to load (dapr/dapr#2790, #7326). `kubernetes` is built in. A missing store is
// reported when the namespace holds some secret store, or when the named store exists only in
// another namespace; a Component of that name that is not a secret store is always reported.
#include "model/references.h"
#include "rules/native/rules.h"

namespace daprlint {
void co_secret_store_not_found(const RunContext& ctx, const Emitter& emit) {
  const Inventory& inventory = ctx.inventory;
  std::string_view builtin = emit.rule().params.get("builtin_store").text();
  if (builtin.empty()) builtin = "kubernetes";
  const ComponentCatalog catalog(inventory);
  for (std::string_view kind : {"Component", "HTTPEndpoint"}) {
    for (const Object* o : inventory.of_kind(kind)) {
      Node value = o->root.get("auth").get("secretStore");
      std::string_view store = value.text();
      if (store.empty() || store == builtin) continue;
      const std::string ns(o->effective_namespace());
      const std::string what = o->kind + " " + o->name;
      const std::string tail = ": Dapr cannot resolve its secretKeyRef values and the " +
                               std::string(kind == "Component" ? "component" : "endpoint") +
                               " fails to load";
      if (const Object* c = inventory.find("Component", ns, store)) {
        std::string_view type = c->root.get("spec").get("type").text();
        if (component_family(type) == "secretstores") continue;
        emit.report(*o, value,
                    what + " takes its secrets from '" + std::string(store) + "', but Component " +
                        c->name + " is of type " + (type.empty() ? "(none)" : std::string(type)) +
                        ", not a secret store" + tail);
        continue;
      }
      std::vector<std::string> elsewhere = catalog.namespaces_of("secretstores", store);
      if (!elsewhere.empty()) {
        emit.report(*o, value,
                    what + " takes its secrets from '" + std::string(store) +
                        "', but that secret store is in namespace " + comma_list(elsewhere) +
                        ", not in " + ns + tail);
      } else if (catalog.has_family_near("secretstores", *o)) {
        emit.report(*o, value,
                    what + " takes its secrets from '" + std::string(store) + "', but namespace " +
                        ns + " has no secret store of that name" +
                        did_you_mean(store, catalog.names_in("secretstores", ns)) + tail);
      }
    }
  }
}

}  // namespace daprlint
