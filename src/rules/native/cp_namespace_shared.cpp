// cp-namespace-shared: a Dapr app runs in the control-plane namespace (G-19: the control plane
// belongs in a dedicated namespace). Known only when the operator is in the app's scope
// (Inventory::control_plane_namespace_near). Skipped when
// that namespace is `default`: cp-namespace-default reports the control plane there, and the fix
// is to move the control plane, not the apps.
#include "model/selector.h"
#include "rules/native/rules.h"

namespace daprlint {

void cp_namespace_shared(const RunContext& ctx, const Emitter& emit) {
  const Inventory& inventory = ctx.inventory;
  if (inventory.control_plane_namespace().empty()) return;
  for (const Object& o : inventory.objects) {
    if (!o.dapr_app) continue;
    const std::string cp(inventory.control_plane_namespace_near(o));
    if (cp.empty() || cp == "default" || o.effective_namespace() != cp) continue;
    if (owned_by_input_object(inventory, o)) continue;  // the owner is reported
    Node meta = o.root.get("metadata");
    Node at = meta.get("namespace");
    emit.report(o, at ? at : meta,
                "Dapr app " + o.kind + " " + o.name + " runs in " + cp +
                    ", the namespace of the Dapr control plane: whoever may manage the app "
                    "there can also change the control plane and read its trust bundle");
  }
}

}  // namespace daprlint
