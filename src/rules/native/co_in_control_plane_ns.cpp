// co-in-control-plane-ns: a Component in the control-plane namespace (inferred). Components load
// only in their own namespace, so apps elsewhere never see it, and the control-plane namespace
// should hold only Dapr itself (G-19). Known only when the operator is in the Component's scope
// (Inventory::control_plane_namespace_near); skipped when that namespace is `default`
// (cp-namespace-default reports the control plane there).
#include "rules/native/rules.h"

namespace daprlint {

void co_in_control_plane_ns(const RunContext& ctx, const Emitter& emit) {
  const Inventory& inventory = ctx.inventory;
  if (inventory.control_plane_namespace().empty()) return;
  for (const Object* c : inventory.of_kind("Component")) {
    const std::string cp(inventory.control_plane_namespace_near(*c));
    if (cp.empty() || cp == "default" || c->effective_namespace() != cp) continue;
    Node meta = c->root.get("metadata");
    Node at = meta.get("namespace");
    std::string_view type = c->root.get("spec").get("type").text();
    emit.report(*c, at ? at : meta,
                "Component " + c->name + (type.empty() ? "" : " (" + std::string(type) + ")") +
                    " is in " + cp +
                    ", the control-plane namespace: only Dapr apps of that namespace can load it, "
                    "apps in their own namespaces never see it");
  }
}

}  // namespace daprlint
