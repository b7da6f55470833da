// sc-service-dapr-api-unreachable: a Service forwards a port to the Dapr API (HTTP or gRPC) of
// the pods it selects, but their sidecar serves it on loopback only (the default) or on a Unix
// socket, so the Service reaches nothing on that port. The counterpart of
// sc-service-exposes-dapr-port, which reports the releases and pods where the API does listen
// on the pod IP.
#include "rules/native/rules.h"
#include "rules/native/service_sidecar_ports.h"

namespace daprlint {

void sc_service_dapr_api_unreachable(const RunContext& ctx, const Emitter& emit) {
  for_each_sidecar_target(
      ctx.inventory, emit.rule().params, ctx.release, [&](const SidecarTarget& t) {
        if (!t.sidecar.api) return;
        for (const PodLocalApi& local : api_local_to_pod(t.app)) {
          emit.report(t.service, t.at,
                      t.describe() + ", " + local.why +
                          ": connections to the Service on this port are refused",
                      std::nullopt, local.releases);
        }
      });
}

}  // namespace daprlint
