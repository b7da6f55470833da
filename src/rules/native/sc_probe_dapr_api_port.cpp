// sc-probe-dapr-api-port: an app container's probe aimed at the Dapr sidecar's API port. The
// kubelet connects to the pod IP, where daprd's API does not listen from 1.4 on (loopback only
// by default, or a Unix socket): the probe always fails, so the pod never becomes ready (or is
// restarted in a loop). daprd's own health endpoint is on 3501, which listens on every interface.
#include "model/sidecar.h"
#include "rules/native/rules.h"
#include "rules/native/service_sidecar_ports.h"
#include "rules/release_facts.h"

namespace daprlint {
namespace {

/// The port a probe connects to: httpGet, tcpSocket or grpc, a container port name resolved
/// against the container's ports. Null when the probe names a host of its own.
struct ProbeTarget {
  Node at;
  std::optional<std::int64_t> port;
};

ProbeTarget probe_target(Node probe, Node container) {
  for (const char* handler : {"httpGet", "tcpSocket", "grpc"}) {
    Node h = probe.get(handler);
    if (!h) continue;
    if (!h.get("host").text().empty()) return {};  // the kubelet connects elsewhere
    Node port = h.get("port");
    if (auto number = parse_go_int(port.text())) return {port, number};
    for (Node p : container.get("ports").elements()) {
      if (p.get("name").text() == port.text() && !port.text().empty())
        return {port, parse_go_int(p.get("containerPort").text())};
    }
    return {};
  }
  return {};
}

/// The API port `port` is in the releases of `mask`: 3500 always, the gRPC API on 50001 or
/// where dapr.io/grpc-port moves it in the releases that read that annotation.
struct ApiPort {
  const char* what;
  ReleaseMask releases;
};

std::optional<ApiPort> api_port(std::int64_t port, Node annotations) {
  if (port == 3500) return ApiPort{"HTTP API", kEveryRelease};
  const ReleaseMask moves = ReleaseFacts::embedded().annotation("dapr.io/grpc-port");
  auto moved = parse_go_int(annotations.get("dapr.io/grpc-port").text());
  ReleaseMask m = 0;
  if (port == 50001) m |= moved ? ~moves : kEveryRelease;
  if (moved && port == *moved) m |= moves;
  if (!m) return std::nullopt;
  return ApiPort{"gRPC API", m};
}

}  // namespace

void sc_probe_dapr_api_port(const RunContext& ctx, const Emitter& emit) {
  const std::string_view sidecar = emit.rule().params.get("sidecar_container").text();
  for (const Object& o : ctx.inventory.objects) {
    if (!o.dapr_app || o.has_owner()) continue;
    const std::vector<PodLocalApi> local = api_local_to_pod(o);
    if (local.empty()) continue;
    Node annotations = o.pod_annotations();
    for (Node c : o.pod_template.get("spec").get("containers").elements()) {
      if (c.get("name").text() == sidecar) continue;
      for (const char* kind : {"livenessProbe", "readinessProbe", "startupProbe"}) {
        const ProbeTarget target = probe_target(c.get(kind), c);
        if (!target.port) continue;
        const auto api = api_port(*target.port, annotations);
        if (!api) continue;
        for (const PodLocalApi& l : local) {
          if (!(l.releases & api->releases)) continue;
          emit.report(o, target.at,
                      std::string(kind) + " of container " + std::string(c.get("name").text()) +
                          " in " + o.kind + " " + o.name + " connects to port " +
                          std::to_string(*target.port) + ", the Dapr sidecar's " + api->what +
                          ", " + l.why +
                          ": the kubelet cannot reach it there, so the probe always fails; "
                          "probe the app's own port, or daprd's /v1.0/healthz on 3501",
                      std::nullopt, l.releases & api->releases);
        }
      }
    }
  }
}

}  // namespace daprlint
