// co-secret-store-not-found: a Component's or HTTPEndpoint's `auth.secretStore` names no secret
// store Component of its namespace; Dapr then cannot resolve its secretKeyRefs and the resource
// silently fails to load (dapr/dapr#2790, #7326). `kubernetes` is built in. A missing store is
// reported when the namespace holds some secret store, when the named store exists only in
// another namespace, or when a Component of that name is not a secret store: each only from the
// referrer's scope (ComponentCatalog::unresolved).
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
      const std::string why =
          catalog.unresolved(*o, store, "secretstores", "secret store", "secret store");
      if (why.empty()) continue;
      emit.report(*o, value,
                  o->kind + " " + o->name + " takes its secrets from '" + std::string(store) +
                      "', but " + why + ": Dapr cannot resolve its secretKeyRef values and the " +
                      (kind == "Component" ? "component" : "endpoint") + " fails to load");
    }
  }
}

}  // namespace daprlint
