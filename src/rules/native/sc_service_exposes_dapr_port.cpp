// sc-service-exposes-dapr-port: a Service that selects a Dapr app's pods forwards a port to one of
// the sidecar's API ports, so the Dapr API becomes reachable through the app's Service. The
// operator's own `<app-id>-dapr` Service (annotation dapr.io/app-id, label dapr.io/enabled) is
// skipped. Cost: workloads are indexed by label; a numeric port that is no sidecar port of any
// app, and a port name that no app's container maps to a sidecar port, need no lookup at all.
#include <algorithm>
#include <charconv>
#include <optional>
#include <set>
#include <unordered_map>

#include "model/selector.h"
#include "rules/native/rules.h"
#include "rules/release_facts.h"

namespace daprlint {
namespace {

std::optional<int> number(std::string_view text) {
  int v = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
  if (ec != std::errc() || end != text.data() + text.size() || text.empty()) return std::nullopt;
  return v;
}

struct SidecarPort {
  int port = 0;
  std::string what;
  std::string annotation;  // the pod annotation that moves it, if any
  std::string impact;      // what exposing it means, for the message
};

/// The sidecar's ports; an annotation moves its port only when the injector of the run's
/// release reads it (dapr.io/grpc-port from 1.15).
std::vector<SidecarPort> load_ports(const RuleParams& params, std::optional<std::size_t> release) {
  const ReleaseFacts& facts = ReleaseFacts::embedded();
  std::vector<SidecarPort> out;
  for (Node p : params.get("sidecar_ports").elements()) {
    if (auto v = number(p.get("port").text())) {
      std::string annotation(p.get("annotation").text());
      if (!annotation.empty() && release && !(facts.annotation(annotation) & release_bit(*release)))
        annotation.clear();
      out.push_back(
          {*v, std::string(p.get("what").text()), annotation, std::string(p.get("impact").text())});
    }
  }
  return out;
}

/// The sidecar port that `port` is for this app, or null.
const SidecarPort* sidecar_port(const std::vector<SidecarPort>& ports, const Object& app,
                                int port) {
  for (const SidecarPort& p : ports) {
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

void sc_service_exposes_dapr_port(const RunContext& ctx, const Emitter& emit) {
  const Inventory& inventory = ctx.inventory;
  if (!inventory.has_kind("Service")) return;
  const std::vector<SidecarPort> ports = load_ports(emit.rule().params, ctx.release);
  WorkloadIndex apps;
  std::set<int> possible;  // every port number that is a sidecar port of some app
  for (const SidecarPort& p : ports) possible.insert(p.port);
  // (namespace, container port name) -> apps whose container port of that name is a sidecar port
  // (in cluster exports, the injected daprd container's dapr-http, dapr-grpc, ...).
  std::unordered_map<std::string, std::vector<Hit>> named;
  for (const Object& o : inventory.objects) {
    if (!o.dapr_app) continue;
    apps.add(o);
    for (const SidecarPort& p : ports) {
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
          return sidecar_port(ports, o, *n) != nullptr;
        });
      } else if (target) {
        auto it = named.find(key(ns, target.text()));
        if (it == named.end()) continue;
        for (const Hit& h : it->second) {
          Node labels = h.app->pod_template.get("metadata").get("labels");
          if (selects(selector, labels, EmptySelector::SelectsNothing)) {
            app = h.app;
            resolved = h.port;
            break;
          }
        }
      }
      if (!app) continue;
      std::string_view port_name = port.get("name").text();
      const SidecarPort* hit = sidecar_port(ports, *app, resolved);
      emit.report(*svc, at,
                  "Service " + svc->name + " port " + std::string(port.get("port").text()) +
                      (port_name.empty() ? "" : " (" + std::string(port_name) + ")") + " targets " +
                      std::to_string(resolved) + ", the Dapr sidecar's " + hit->what + " in " +
                      app->kind + " " + app->name + ": " + hit->impact);
    }
  }
}

}  // namespace daprlint
