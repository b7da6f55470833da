// sc-port-collision: an app port equal to a port the injected daprd listens on; one of the two
// processes cannot bind it (dapr/dapr#2637, #8068). The sidecar's ports are params.sidecar_ports.
#include "model/sidecar.h"
#include "rules/native/rules.h"

namespace daprlint {
namespace {

struct SidecarPort {
  std::int64_t port;
  std::string what;
};

std::optional<std::int64_t> port_number(std::string_view text) {
  auto v = parse_go_int(text);
  if (!v || *v < 1 || *v > 65535) return std::nullopt;
  return v;
}

/// The ports daprd opens for this pod template, per the table and the pod's annotations.
std::vector<SidecarPort> sidecar_ports(Node table, Node annotations) {
  std::vector<SidecarPort> out;
  for (Node entry : table.elements()) {
    if (Node toggle = entry.get("enabled_by")) {
      Node value = annotations.get(toggle.text());
      const bool on =
          value ? is_truthy(value.text()) : entry.get("enabled_by_default").text() == "true";
      if (!on) continue;
    }
    if (Node off = entry.get("off_with"); off && !annotations.get(off.text()).text().empty())
      continue;
    auto port = port_number(entry.get("port").text());
    if (Node annotation = entry.get("port_annotation")) {
      if (auto set = port_number(annotations.get(annotation.text()).text())) port = set;
    }
    if (port) out.push_back({*port, std::string(entry.get("name").text())});
  }
  return out;
}

const SidecarPort* taken(const std::vector<SidecarPort>& ports, std::string_view text) {
  auto p = port_number(text);
  if (!p) return nullptr;
  for (const SidecarPort& s : ports) {
    if (s.port == *p) return &s;
  }
  return nullptr;
}

/// App containers: every container but daprd, and native sidecars (init containers that keep
/// running, restartPolicy Always) for the same reason.
std::vector<Node> app_containers(Node pod_spec, std::string_view sidecar_name) {
  std::vector<Node> out;
  for (Node c : pod_spec.get("containers").elements()) {
    if (c.get("name").text() != sidecar_name) out.push_back(c);
  }
  for (Node c : pod_spec.get("initContainers").elements()) {
    if (c.get("name").text() != sidecar_name && c.get("restartPolicy").text() == "Always")
      out.push_back(c);
  }
  return out;
}

}  // namespace

void sc_port_collision(const RunContext& ctx, const Emitter& emit) {
  const RuleParams& params = emit.rule().params;
  const std::string_view sidecar_name = params.get("sidecar_container").text();
  for (const Object& o : ctx.inventory.objects) {
    if (!o.dapr_app || o.has_owner()) continue;
    Node annotations = o.pod_annotations();
    const std::vector<SidecarPort> ports = sidecar_ports(params.get("sidecar_ports"), annotations);
    const std::string object = o.kind + " " + o.name;
    Node app_port = annotations.get("dapr.io/app-port");
    if (const SidecarPort* s = taken(ports, app_port.text())) {
      emit.report(
          o, app_port,
          "dapr.io/app-port " + std::string(app_port.text()) + " of " + object +
              " is the port of the Dapr sidecar's " + s->what +
              ": the app and daprd cannot both listen on it, so one of them fails to start");
    }
    for (Node c : app_containers(o.pod_template.get("spec"), sidecar_name)) {
      for (Node p : c.get("ports").elements()) {
        std::string_view protocol = p.get("protocol").text();
        if (!protocol.empty() && protocol != "TCP") continue;  // daprd listens on TCP only
        Node number = p.get("containerPort");
        const SidecarPort* s = taken(ports, number.text());
        if (!s) continue;
        emit.report(o, number,
                    "container " + std::string(c.get("name").text()) + " of " + object +
                        " declares port " + std::string(number.text()) +
                        ", the port of the Dapr sidecar's " + s->what +
                        ": the app and daprd cannot both listen on it, so one of them fails to "
                        "start");
      }
    }
  }
}

}  // namespace daprlint
