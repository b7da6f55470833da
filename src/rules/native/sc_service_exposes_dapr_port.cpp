// sc-service-exposes-dapr-port: a Service that selects a Dapr app's pods forwards a port to one of
// the sidecar's ports that listen on the pod IP, so the Dapr API becomes reachable through the
// app's Service. The API ports do so only where dapr.io/sidecar-listen-addresses widens them
// (or before 1.4); otherwise the Service reaches nothing there: sc-service-dapr-api-unreachable.
// The operator's own `<app-id>-dapr` Service (annotation dapr.io/app-id, label dapr.io/enabled)
// is skipped.
#include "rules/native/rules.h"
#include "rules/native/service_sidecar_ports.h"
#include "rules/release_facts.h"

namespace daprlint {

void sc_service_exposes_dapr_port(const RunContext& ctx, const Emitter& emit) {
  const ReleaseFacts& facts = ReleaseFacts::embedded();
  constexpr std::string_view kListen = "dapr.io/sidecar-listen-addresses";
  const ReleaseMask reads = facts.annotation(kListen);
  for_each_sidecar_target(
      ctx.inventory, emit.rule().params, ctx.release, [&](const SidecarTarget& t) {
        if (!t.sidecar.api) {
          emit.report(t.service, t.at, t.describe() + ": " + t.sidecar.impact);
          return;
        }
        ReleaseMask exposed = facts.every();
        for (const PodLocalApi& local : api_local_to_pod(t.app)) exposed &= ~local.releases;
        const std::string listen(t.app.pod_annotations().get(kListen).text());
        if (ReleaseMask m = exposed & reads) {
          emit.report(t.service, t.at,
                      t.describe() + ", which " + std::string(kListen) + " \"" + listen +
                          "\" opens beyond loopback: " + t.sidecar.impact,
                      std::nullopt, m);
        }
        if (ReleaseMask m = exposed & ~reads) {
          emit.report(t.service, t.at,
                      t.describe() + ", which listens on every interface in Dapr " +
                          facts.describe(m) + ": " + t.sidecar.impact,
                      std::nullopt, m);
        }
      });
}

}  // namespace daprlint
