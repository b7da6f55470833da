// sc-port-collision: an app port equal to a port the injected daprd listens on; one of the two
// processes cannot bind it (dapr/dapr#2637, #8068). The sidecar's ports are params.sidecar_ports;
// an annotation that moves or toggles one counts only in the releases whose injector reads it
// (rules/facts/annotations.yaml), so each finding carries the releases it holds for. Checked:
// dapr.io/app-port and the ports of the one app container (app_container): other containers
// often declare ports they do not bind, to name them for a Service.
#include "model/sidecar.h"
#include "rules/native/rules.h"
#include "rules/release_facts.h"

namespace daprlint {
namespace {

/// A pod annotation that changes a sidecar port, and the releases that read it.
struct Honoured {
  std::string annotation;
  std::string effect;  // "moves", "turns off"
  ReleaseMask releases = 0;
};

/// One port daprd opens for this pod template.
struct SidecarPort {
  std::int64_t port = 0;      // the default
  std::int64_t moved_to = 0;  // set by the port annotation; 0 when unset
  ReleaseMask moved = 0;      // releases that read the port annotation (when set)
  ReleaseMask open = 0;       // releases in which daprd opens the port at all
  std::string what;
  std::vector<Honoured> set;  // the annotations of the pod that change it

  /// The releases in which daprd listens on `p`.
  ReleaseMask on(std::int64_t p) const {
    ReleaseMask m = 0;
    if (moved_to != 0 && p == moved_to) m |= moved;
    if (p == port) m |= ~moved;
    return m & open;
  }
};

std::optional<std::int64_t> port_number(std::string_view text) {
  auto v = parse_go_int(text);
  if (!v || *v < 1 || *v > 65535) return std::nullopt;
  return v;
}

/// The ports daprd opens for this pod template, per the table and the pod's annotations.
std::vector<SidecarPort> sidecar_ports(Node table, Node annotations) {
  const ReleaseFacts& facts = ReleaseFacts::embedded();
  const ReleaseMask every = facts.every();
  std::vector<SidecarPort> out;
  for (Node entry : table.elements()) {
    SidecarPort s;
    s.what = entry.get("name").text();
    s.open = every;
    if (Node toggle = entry.get("enabled_by")) {
      // Releases that do not read the toggle keep the default.
      const ReleaseMask reads = facts.annotation(toggle.text());
      const bool by_default = entry.get("enabled_by_default").text() == "true";
      ReleaseMask on = by_default ? every : 0;
      if (Node value = annotations.get(toggle.text())) {
        const bool truthy = is_truthy(value.text());
        on = (on & ~reads) | (truthy ? reads : 0);
        if (!truthy) s.set.push_back({std::string(toggle.text()), "turns off", reads});
      }
      s.open &= on;
    }
    if (Node off = entry.get("off_with"); off && !annotations.get(off.text()).text().empty()) {
      const ReleaseMask reads = facts.annotation(off.text());
      s.open &= ~reads;
      s.set.push_back({std::string(off.text()), "turns off", reads});
    }
    auto port = port_number(entry.get("port").text());
    if (!port || !s.open) continue;
    s.port = *port;
    if (Node annotation = entry.get("port_annotation")) {
      if (auto set = port_number(annotations.get(annotation.text()).text())) {
        s.moved_to = *set;
        s.moved = facts.annotation(annotation.text());
        s.set.push_back({std::string(annotation.text()), "moves", s.moved});
      }
    }
    out.push_back(std::move(s));
  }
  return out;
}

struct Collision {
  const SidecarPort* port;
  ReleaseMask releases;
};

/// The sidecar ports `text` names, each for the releases in which it holds (an earlier entry of
/// the table wins when two share the port).
std::vector<Collision> taken(const std::vector<SidecarPort>& ports, std::string_view text) {
  std::vector<Collision> out;
  auto p = port_number(text);
  if (!p) return out;
  ReleaseMask left = ReleaseFacts::embedded().every();
  for (const SidecarPort& s : ports) {
    if (ReleaseMask m = s.on(*p) & left) {
      out.push_back({&s, m});
      left &= ~m;
    }
  }
  return out;
}

/// `gRPC API`, or `gRPC API, which dapr.io/grpc-port moves only in Dapr 1.15-1.18` when the
/// pod sets an annotation that the releases of the finding ignore.
std::string described(const Collision& c) {
  for (const Honoured& h : c.port->set) {
    if ((h.releases & c.releases) == 0) {
      return c.port->what + ", which " + h.annotation + " " + h.effect +
             (h.releases ? " only in Dapr " + ReleaseFacts::embedded().describe(h.releases)
                         : std::string(" in no Dapr release"));
    }
  }
  return c.port->what;
}

/// Whether `c` is named in the params list `names`.
bool named_in(Node c, Node names) {
  for (Node n : names.elements()) {
    if (n.text() == c.get("name").text()) return true;
  }
  return false;
}

/// Whether container `c` declares `port` as a TCP containerPort.
bool declares(Node c, std::int64_t port) {
  for (Node p : c.get("ports").elements()) {
    std::string_view protocol = p.get("protocol").text();
    if ((protocol.empty() || protocol == "TCP") &&
        port_number(p.get("containerPort").text()) == port)
      return true;
  }
  return false;
}

/// The container that serves the app: the one declaring dapr.io/app-port (a proxy only when no
/// other does); else the one kubectl.kubernetes.io/default-container names; else the only
/// container but daprd, or the only one that is not a known proxy. Absent when the pod leaves
/// it open: other containers (proxies, native sidecars) often declare ports they do not bind,
/// to name them for a Service.
Node app_container(Node pod, std::optional<std::int64_t> app_port, std::string_view sidecar,
                   Node proxies) {
  std::vector<Node> candidates;
  for (Node c : pod.get("spec").get("containers").elements()) {
    if (c.get("name").text() != sidecar) candidates.push_back(c);
  }
  if (app_port) {
    Node proxy;
    for (Node c : candidates) {
      if (!declares(c, *app_port)) continue;
      if (!named_in(c, proxies)) return c;
      if (!proxy) proxy = c;
    }
    if (proxy) return proxy;
  }
  std::string_view chosen =
      pod.get("metadata").get("annotations").get("kubectl.kubernetes.io/default-container").text();
  for (Node c : candidates) {
    if (!chosen.empty() && c.get("name").text() == chosen) return c;
  }
  if (candidates.size() == 1) return candidates.front();
  Node only;
  for (Node c : candidates) {
    if (named_in(c, proxies)) continue;
    if (only) return {};
    only = c;
  }
  return only;
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
    for (const Collision& c : taken(ports, app_port.text())) {
      emit.report(o, app_port,
                  "dapr.io/app-port " + std::string(app_port.text()) + " of " + object +
                      " is the port of the Dapr sidecar's " + described(c) +
                      ": the app and daprd cannot both listen on it, so one of them fails to "
                      "start",
                  std::nullopt, c.releases);
    }
    Node c = app_container(o.pod_template, port_number(app_port.text()), sidecar_name,
                           params.get("proxy_containers"));
    for (Node p : c.get("ports").elements()) {
      std::string_view protocol = p.get("protocol").text();
      if (!protocol.empty() && protocol != "TCP") continue;  // daprd listens on TCP only
      // `dapr-http: 3500` names the sidecar's port (as the injector does) for a Service.
      if (p.get("name").text().starts_with("dapr-")) continue;
      Node number = p.get("containerPort");
      for (const Collision& s : taken(ports, number.text())) {
        emit.report(o, number,
                    "container " + std::string(c.get("name").text()) + " of " + object +
                        " declares port " + std::string(number.text()) +
                        ", the port of the Dapr sidecar's " + described(s) +
                        ": the app and daprd cannot both listen on it, so one of them fails "
                        "to start",
                    std::nullopt, s.releases);
      }
    }
  }
}

}  // namespace daprlint
