// sc-jwt-audiences-no-sentry-jwt: the JWT-SVID consumers of a release ask Sentry for tokens, but
// Sentry mints them only with --jwt-enabled (v1.18.3 pkg/sentry/server/server.go:236
// `if s.jwtEnabled {`), so they never get one. The consumers: a pod's
// dapr.io/sentry-request-jwt-audiences (1.16), and an MCPServer's
// spec.endpoint.{streamableHTTP,sse}.auth.spiffe.jwt (1.18), which daprd attaches to its calls
// to the MCP server. Needs a Sentry Deployment in the consumer's scope
// (Inventory::in_one_scope); one with JWTs on anywhere in the input silences it.
#include <algorithm>
#include <string>
#include <vector>

#include "model/args.h"
#include "rules/native/rules.h"
#include "rules/release_facts.h"

namespace daprlint {

void sc_jwt_audiences_no_sentry_jwt(const RunContext& ctx, const Emitter& emit) {
  std::vector<const Object*> sentries;
  for (const Object* o : ctx.inventory.of_kind("Deployment")) {
    if (o->component != Component::Sentry || o->has_owner()) continue;
    if (bool_flag(dapr_container(*o), "jwt-enabled").value_or(false)) return;
    sentries.push_back(o);
  }
  if (sentries.empty()) return;
  // The Sentry in the consumer's scope, and what it means for the consumer; empty when none.
  auto no_jwt = [&](const Object& consumer) -> std::string {
    auto near = std::find_if(sentries.begin(), sentries.end(), [&](const Object* s) {
      return ctx.inventory.in_one_scope(*s, consumer);
    });
    if (near == sentries.end()) return {};
    return " but Sentry " + (*near)->name +
           " runs without --jwt-enabled=true, so it issues no JWT and ";
  };
  for (const Object& o : ctx.inventory.objects) {
    if (!o.dapr_app || o.has_owner()) continue;
    Node audiences = o.pod_annotations().get("dapr.io/sentry-request-jwt-audiences");
    if (audiences.text().empty()) continue;
    const std::string why = no_jwt(o);
    if (why.empty()) continue;
    emit.report(o, audiences,
                o.kind + " " + o.name +
                    " requests JWT-SVIDs (dapr.io/sentry-request-jwt-audiences)" + why +
                    "the app cannot authenticate with it");
  }
  // The releases whose CRDs have MCPServer: its spiffe auth exists only there.
  const ReleaseFacts& facts = ReleaseFacts::embedded();
  const ReleaseMask mcp = facts.mask(facts.crd("mcpservers.dapr.io").get("releases").text());
  for (const Object* o : ctx.inventory.of_kind("MCPServer")) {
    if (!o->api_version.starts_with("dapr.io/")) continue;
    Node endpoint = o->root.get("spec").get("endpoint");
    for (std::string_view transport : {"streamableHTTP", "sse"}) {
      Node jwt = endpoint.get(transport).get("auth").get("spiffe").get("jwt");
      if (!jwt) continue;
      const std::string why = no_jwt(*o);
      if (why.empty()) continue;
      Node audience = jwt.get("audience");
      emit.report(*o, audience ? audience : jwt,
                  "MCPServer " + o->name + " sends a JWT-SVID to its server (spec.endpoint." +
                      std::string(transport) + ".auth.spiffe.jwt)" + why +
                      "its apps' calls to the MCP server carry no token",
                  std::nullopt, mcp);
    }
  }
}

}  // namespace daprlint
