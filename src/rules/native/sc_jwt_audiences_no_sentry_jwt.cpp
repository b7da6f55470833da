// sc-jwt-audiences-no-sentry-jwt: daprd asks Sentry for JWT-SVIDs with the audiences of
// dapr.io/sentry-request-jwt-audiences (1.16), but Sentry mints them only with --jwt-enabled
// (v1.18.3 pkg/sentry/server/server.go:236 `if s.jwtEnabled {`), so the app never gets a token
// for workload identity federation. Needs a Sentry Deployment in the app's scope
// (Inventory::in_one_scope); one with JWTs on anywhere in the input silences it.
#include <algorithm>
#include <string>
#include <vector>

#include "model/args.h"
#include "rules/native/rules.h"

namespace daprlint {

void sc_jwt_audiences_no_sentry_jwt(const RunContext& ctx, const Emitter& emit) {
  std::vector<const Object*> sentries;
  for (const Object* o : ctx.inventory.of_kind("Deployment")) {
    if (o->component != Component::Sentry || o->has_owner()) continue;
    if (bool_flag(dapr_container(*o), "jwt-enabled").value_or(false)) return;
    sentries.push_back(o);
  }
  if (sentries.empty()) return;
  for (const Object& o : ctx.inventory.objects) {
    if (!o.dapr_app || o.has_owner()) continue;
    Node audiences = o.pod_annotations().get("dapr.io/sentry-request-jwt-audiences");
    if (audiences.text().empty()) continue;
    auto near = std::find_if(sentries.begin(), sentries.end(),
                             [&](const Object* s) { return ctx.inventory.in_one_scope(*s, o); });
    if (near == sentries.end()) continue;
    const Object* sentry = *near;
    emit.report(o, audiences,
                o.kind + " " + o.name +
                    " requests JWT-SVIDs (dapr.io/sentry-request-jwt-audiences) but Sentry " +
                    sentry->name +
                    " runs without --jwt-enabled=true, so it issues no JWT and the app cannot "
                    "authenticate with it");
  }
}

}  // namespace daprlint
