#include "rules/native/service_sidecar_ports.h"

// Cost: workloads are indexed by label; a numeric port that is no sidecar port of any app, and a
// port name that no app's container maps to a sidecar port, need no lookup at all.
#include <charconv>
#include <set>
#include <unordered_map>
#include <vector>

#include "model/selector.h"
#include "model/sidecar.h"
#include "rules/release_facts.h"

namespace daprlint {
namespace {

std::optional<int> number(std::string_view text) {
  int v = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
  if (ec != std::errc() || end != text.data() + text.size() || text.empty()) return std::nullopt;
  return v;
}

/// The sidecar's ports; an annotation moves its port only when the injector of the run's
/// release reads it (dapr.io/grpc-port from 1.15).
std::vector<SidecarPortSpec> load_ports(const RuleParams& params,
                                        std::optional<std::size_t> release) {
  const ReleaseFacts& facts = ReleaseFacts::embedded();
  std::vector<SidecarPortSpec> out;
  for (Node p : params.get("sidecar_ports").elements()) {
    if (auto v = number(p.get("port").text())) {
      std::string annotation(p.get("annotation").text());
      if (!annotation.empty() && release && !(facts.annotation(annotation) & release_bit(*release)))
        annotation.clear();
      out.push_back({*v, std::string(p.get("what").text()), annotation,
                     std::string(p.get("impact").text()), p.get("api").text() == "true"});
    }
  }
  return out;
}

/// The sidecar port that `port` is for this app, or null.
const SidecarPortSpec* sidecar_port(const std::vector<SidecarPortSpec>& ports, const Object& app,
                                    int port) {
  for (const SidecarPortSpec& p : ports) {
    int actual = p.port;
    if (!p.annotation.empty()) {
      if (auto moved = number(app.pod_annotations().get(p.annotation).text())) actual = *moved;
    }
    if (actual == port) return &p;
  }
  return nullptr;
}

std::string key(std::string_view ns, std::string_view name) {
  std::string out(ns);
  out.push_back('\0');
  out.append(name);
  return out;
}

struct Hit {
  const Object* app;
  int port;
};

}  // namespace

std::string SidecarTarget::describe() const {
  std::string_view name = port.get("name").text();
  return "Service " + service.name + " port " + std::string(port.get("port").text()) +
         (name.empty() ? "" : " (" + std::string(name) + ")") + " targets " +
         std::to_string(target) + ", the Dapr sidecar's " + sidecar.what + " in " + app.kind + " " +
         app.name;
}

void for_each_sidecar_target(const Inventory& inventory, const RuleParams& params,
                             std::optional<std::size_t> release,
                             const std::function<void(const SidecarTarget&)>& found) {
  if (!inventory.has_kind("Service")) return;
  const std::vector<SidecarPortSpec> ports = load_ports(params, release);
  WorkloadIndex apps;
  std::set<int> possible;  // every port number that is a sidecar port of some app
  for (const SidecarPortSpec& p : ports) possible.insert(p.port);
  // (namespace, container port name) -> apps whose container port of that name is a sidecar port
  // (in cluster exports, the injected daprd container's dapr-http, dapr-grpc, ...).
  std::unordered_map<std::string, std::vector<Hit>> named;
  for (const Object& o : inventory.objects) {
    if (!o.dapr_app) continue;
    apps.add(o);
    for (const SidecarPortSpec& p : ports) {
      if (p.annotation.empty()) continue;
      if (auto moved = number(o.pod_annotations().get(p.annotation).text()))
        possible.insert(*moved);
    }
    for (Node c : o.pod_template.get("spec").get("containers").elements()) {
      for (Node cp : c.get("ports").elements()) {
        std::string_view name = cp.get("name").text();
        std::optional<int> n = number(cp.get("containerPort").text());
        if (!name.empty() && n && sidecar_port(ports, o, *n)) {
          named[key(o.effective_namespace(), name)].push_back({&o, *n});
        }
      }
    }
  }
  for (const Object* svc : inventory.of_kind("Service")) {
    Node meta = svc->root.get("metadata");
    if (meta.get("annotations").get("dapr.io/app-id") || meta.get("labels").get("dapr.io/enabled"))
      continue;  // the operator's <app-id>-dapr Service
    Node spec = svc->root.get("spec");
    if (spec.get("type").text() == "ExternalName") continue;
    const std::string_view ns = svc->effective_namespace();
    Node selector = spec.get("selector");
    for (Node port : spec.get("ports").elements()) {
      Node target = port.get("targetPort");
      Node at = target ? target : port.get("port");
      const Object* app = nullptr;
      int resolved = 0;
      if (std::optional<int> n = number(at.text())) {
        if (!possible.count(*n)) continue;
        resolved = *n;
        app = apps.find_selected(ns, selector, EmptySelector::SelectsNothing, [&](const Object& o) {
          return sidecar_port(ports, o, *n) != nullptr && inventory.in_one_scope(o, *svc);
        });
      } else if (target) {
        auto it = named.find(key(ns, target.text()));
        if (it == named.end()) continue;
        for (const Hit& h : it->second) {
          Node labels = h.app->pod_template.get("metadata").get("labels");
          if (selects(selector, labels, EmptySelector::SelectsNothing) &&
              inventory.in_one_scope(*h.app, *svc)) {
            app = h.app;
            resolved = h.port;
            break;
          }
        }
      }
      if (!app) continue;
      found({*svc, at, port, *app, resolved, *sidecar_port(ports, *app, resolved)});
    }
  }
}

std::vector<PodLocalApi> api_local_to_pod(const Object& app) {
  const ReleaseFacts& facts = ReleaseFacts::embedded();
  Node annotations = app.pod_annotations();
  std::vector<PodLocalApi> out;
  ReleaseMask left = facts.every();
  // A Unix socket replaces the TCP API listeners (pkg/http and pkg/grpc servers).
  constexpr std::string_view kSocket = "dapr.io/unix-domain-socket-path";
  if (!annotations.get(kSocket).text().empty()) {
    if (ReleaseMask m = facts.annotation(kSocket)) {
      out.push_back({m, "which serves it on a Unix socket (" + std::string(kSocket) + ")"});
      left &= ~m;
    }
  }
  // Before 1.4 the injector has no such annotation and daprd listens on every interface.
  constexpr std::string_view kListen = "dapr.io/sidecar-listen-addresses";
  Node listen = annotations.get(kListen);
  const ReleaseMask m = facts.annotation(kListen) & left;
  if (m && sidecar_api_listen(listen.text()) == ApiListen::Loopback) {
    out.push_back({m, listen ? "which listens on loopback only (" + std::string(kListen) + " \"" +
                                   std::string(listen.text()) + "\")"
                             : "which listens on loopback only (the injector's default " +
                                   std::string(kListen) + " \"[::1],127.0.0.1\")"});
  }
  return out;
}

}  // namespace daprlint
