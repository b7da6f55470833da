// cf-mtls-in-app-config: a Configuration other than the control plane's `daprsystem` sets
// `spec.mtls`; only daprsystem in the control-plane namespace configures mTLS (mtls page), so the
// block does nothing. A daprsystem outside the control-plane namespace (when the operator is in
// the Configuration's scope, Inventory::control_plane_namespace_near) is an app Configuration too.
#include "rules/native/rules.h"

namespace daprlint {

void cf_mtls_in_app_config(const RunContext& ctx, const Emitter& emit) {
  const Inventory& inventory = ctx.inventory;
  for (const Object* c : inventory.of_kind("Configuration")) {
    Node mtls = c->root.get("spec").get("mtls");
    if (!mtls) continue;
    const std::string cp(inventory.control_plane_namespace_near(*c));
    const std::string_view ns = c->effective_namespace();
    std::string where;
    if (c->name == "daprsystem") {
      if (cp.empty() || ns == cp) continue;  // the control plane's own Configuration
      where = " in " + std::string(ns) + ", not in the control-plane namespace " + cp + ",";
    }
    emit.report(*c, mtls,
                "Configuration " + c->name + where +
                    " sets spec.mtls, which Dapr ignores: mTLS is configured only by the "
                    "daprsystem Configuration of the control-plane namespace");
  }
}

}  // namespace daprlint
