// cp-sentry-oidc-open: Sentry's OIDC discovery server (1.16, --oidc-enabled) publishes the JWKS
// that cloud identity providers trust for Dapr JWT-SVIDs; it is meant to be reachable from
// outside, unauthenticated, its security left to the user (dapr/proposals
// 20250524-R-sentry-jwt-oidc.md), so it should serve TLS and answer only its public host names.
#include <string>

#include "model/args.h"
#include "rules/native/rules.h"

namespace daprlint {

void cp_sentry_oidc_open(const RunContext& ctx, const Emitter& emit) {
  for (const Object* o : ctx.inventory.of_kind("Deployment")) {
    if (o->component != Component::Sentry) continue;
    Node container = dapr_container(*o);
    if (!bool_flag(container, "oidc-enabled").value_or(false)) continue;
    FlagUse enabled = last_flag(container, "oidc-enabled");
    if (bool_flag(container, "oidc-server-tls-enabled") == false) {
      emit.report(*o, last_flag(container, "oidc-server-tls-enabled").flag,
                  "Sentry " + o->name +
                      " serves its OIDC discovery and JWKS endpoints without TLS "
                      "(--oidc-server-tls-enabled=false), so identity providers fetch the keys "
                      "they trust over plain HTTP");
    }
    FlagUse hosts = last_flag(container, "oidc-allowed-hosts");
    if (!hosts.flag || hosts.text.empty()) {
      emit.report(*o, hosts.flag ? hosts.flag : enabled.flag,
                  "Sentry " + o->name +
                      " enables the OIDC server without --oidc-allowed-hosts, so its "
                      "unauthenticated discovery and JWKS endpoints answer requests for any host");
    }
  }
}

}  // namespace daprlint
