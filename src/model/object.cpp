#include "model/object.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <charconv>
#include <span>
#include <utility>

#include "model/text.h"

namespace daprlint {
namespace {

struct Known {
  std::string_view name;  // object name, container name and `app` label of the chart
  Component component;
};

// Names the chart (and its 0.11 and <=1.10 predecessors) gives workloads, containers and `app`.
constexpr std::array<Known, 7> kKnownNames{{
    {"dapr-operator", Component::Operator},
    {"dapr-sentry", Component::Sentry},
    {"dapr-sidecar-injector", Component::SidecarInjector},
    {"dapr-placement-server", Component::Placement},
    {"dapr-scheduler-server", Component::Scheduler},
    {"dapr-dashboard", Component::Dashboard},
    {"dapr-placement", Component::PlacementLegacy},
}};

// Services of the chart whose name differs from the workload they front.
constexpr std::array<Known, 3> kServiceNames{{
    {"dapr-api", Component::Operator},
    {"dapr-webhook", Component::Operator},
    {"dapr-scheduler-server-a", Component::Scheduler},
}};

// Names of the components in rules (targets.components), messages and the annotation.
constexpr std::array<std::pair<Component, std::string_view>, 7> kComponentNames{{
    {Component::Operator, "operator"},
    {Component::Sentry, "sentry"},
    {Component::SidecarInjector, "sidecar-injector"},
    {Component::Placement, "placement"},
    {Component::Scheduler, "scheduler"},
    {Component::Dashboard, "dashboard"},
    {Component::PlacementLegacy, "placement-legacy"},
}};

Component lookup(std::string_view name, std::span<const Known> table = kKnownNames) {
  for (const Known& k : table) {
    if (k.name == name) return k.component;
  }
  return Component::None;
}

bool is_workload_kind(std::string_view kind) {
  return kind == "Deployment" || kind == "StatefulSet" || kind == "DaemonSet" ||
         kind == "ReplicaSet" || kind == "ReplicationController" || kind == "Job";
}

Node find_pod_template(const Object& o) {
  if (o.kind == "Pod") return o.root;
  if (o.kind == "CronJob") return o.root.get("spec").get("jobTemplate").get("spec").get("template");
  if (is_workload_kind(o.kind)) return o.root.get("spec").get("template");
  return {};
}

/// Chart labels: `app: dapr-x` together with `app.kubernetes.io/part-of: dapr`.
Component from_labels(Node labels) {
  if (labels.get("app.kubernetes.io/part-of").text() != "dapr") return Component::None;
  return lookup(labels.get("app").text());
}

/// `ghcr.io/dapr/operator:1.16.2` -> operator; `daprio/dapr:0.11.3` + command `/operator` ->
/// operator.
Component from_container(Node container) {
  if (Component c = lookup(container.get("name").text()); c != Component::None) return c;
  std::string_view image = container.get("image").text();
  std::string_view repo = image.substr(0, image.find_first_of("@"));
  if (auto colon = repo.rfind(':');
      colon != std::string_view::npos && repo.find('/', colon) == std::string_view::npos) {
    repo = repo.substr(0, colon);
  }
  const bool dapr_registry = repo.find("daprio/") != std::string_view::npos ||
                             repo.find("/dapr/") != std::string_view::npos;
  if (!dapr_registry) return Component::None;
  std::string_view last = repo.substr(repo.rfind('/') + 1);
  if (last == "dapr") {  // one image for every binary (<= 1.9): the command tells
    Node command = container.get("command").at(0);
    last = command.text();
    if (!last.empty() && last[0] == '/') last.remove_prefix(1);
  }
  if (last == "operator") return Component::Operator;
  if (last == "sentry") return Component::Sentry;
  if (last == "injector") return Component::SidecarInjector;
  if (last == "placement") return Component::Placement;
  if (last == "scheduler") return Component::Scheduler;
  if (last == "dashboard") return Component::Dashboard;
  return Component::None;
}

Component classify_component(const Object& o) {
  Node pod_meta = o.pod_template.get("metadata");
  Component c =
      component_from_name(pod_meta.get("annotations").get("dapr.io/control-plane").text());
  if (c == Component::None) c = from_labels(pod_meta.get("labels"));
  if (c == Component::None) c = from_labels(o.root.get("metadata").get("labels"));
  if (c == Component::None && o.pod_template) {
    for (Node container : o.pod_template.get("spec").get("containers").elements()) {
      if ((c = from_container(container)) != Component::None) break;
    }
  }
  if (c == Component::None &&
      (o.kind == "Deployment" || o.kind == "StatefulSet" || o.kind == "Service")) {
    c = lookup(o.name);
    if (c == Component::None && o.kind == "Service") c = lookup(o.name, kServiceNames);
  }
  // The 0.11 placement ran as a Deployment (or its Service) named dapr-placement.
  if (c == Component::Placement && (o.kind == "Deployment" || o.name == "dapr-placement")) {
    c = Component::PlacementLegacy;
  }
  return c;
}

/// Chart `dapr`, or a chart directory ending in /dapr (Flux charts from a GitRepository).
bool is_dapr_chart(std::string_view chart) {
  return chart == "dapr" || chart.ends_with("/dapr");
}

bool non_empty(Node n) {
  return n.is_scalar() ? !n.text().empty() : n.size() > 0;
}

/// Flux HelmRelease (helm.toolkit.fluxcd.io, any version; and the legacy Helm Operator's
/// helm.fluxcd.io/v1) and Argo CD Application (one `source` or several `sources`).
void classify_chart(Object& o) {
  Node spec = o.root.get("spec");
  Node values;
  if (o.kind == "HelmRelease" && o.api_version.starts_with("helm.toolkit.fluxcd.io/")) {
    if (spec.get("chartRef")) return;  // an OCIRepository or HelmChart object names the chart
    Node chart = spec.get("chart").get("spec");
    if (!is_dapr_chart(chart.get("chart").text())) return;
    o.chart_version = chart.get("version");
    values = spec.get("values");
    o.chart_values_external = non_empty(spec.get("valuesFrom")) ||
                              non_empty(chart.get("valuesFiles")) ||
                              non_empty(chart.get("valuesFile"));
  } else if (o.kind == "HelmRelease" && o.api_version.starts_with("helm.fluxcd.io/")) {
    Node chart = spec.get("chart");
    if (chart.get("name").text() != "dapr" && !is_dapr_chart(chart.get("path").text())) return;
    o.chart_version = chart.get("version");
    values = spec.get("values");
    o.chart_values_external =
        non_empty(spec.get("valuesFrom")) || non_empty(spec.get("valueFileSecrets"));
  } else if (o.kind == "Application" && o.api_version.starts_with("argoproj.io/")) {
    Node source = spec.get("source");
    if (!is_dapr_chart(source.get("chart").text())) {
      source = {};
      for (Node s : spec.get("sources").elements()) {
        if (is_dapr_chart(s.get("chart").text())) {
          source = s;
          break;
        }
      }
    }
    if (!source) return;
    o.chart_version = source.get("targetRevision");
    Node helm = source.get("helm");
    Node object = helm.get("valuesObject");
    Node text = helm.get("values");
    if (object.is_map()) {
      values = object;
    } else if (text.is_scalar() && !text.text().empty()) {
      o.chart_values_text = text;  // parsed by the loader
    } else {
      values = text;  // a map where a string belongs: read it all the same
    }
    // Argo CD merges valuesObject over values: with both, neither holds every key.
    o.chart_values_external =
        non_empty(helm.get("valueFiles")) || non_empty(helm.get("parameters")) ||
        non_empty(helm.get("fileParameters")) || (object.is_map() && non_empty(text));
  } else {
    return;
  }
  o.dapr_chart = true;
  if (values.is_map()) o.chart_values = values;
}

/// The path of `at` inside the object (List items share a tree with their siblings).
std::string path_in(const Object& o, Node at) {
  std::string full = at.path();
  std::string base = o.root.path();
  std::string out = full.substr(std::min(base.size(), full.size()));
  if (!out.empty() && out[0] == '.') out.erase(0, 1);
  return out;
}

}  // namespace

long Object::replicas() const {
  long n = 0;
  std::string_view r = root.get("spec").get("replicas").text();
  std::from_chars(r.data(), r.data() + r.size(), n);
  return n;
}

std::string Object::node_path(Node at) const {
  if (at && chart_values_tree && at.tree() == chart_values_tree.get()) {
    std::string outer = path_in(*this, chart_values_text);
    std::string inner = at.path();
    if (inner.empty()) return outer;
    return outer + (inner[0] == '[' ? "" : ".") + inner;
  }
  return path_in(*this, at);
}

std::string_view component_name(Component c) {
  for (const auto& [component, name] : kComponentNames) {
    if (component == c) return name;
  }
  return "";
}

std::string_view chart_workload_name(Component c) {
  for (const Known& k : kKnownNames) {
    if (k.component == c) return k.name;
  }
  return "";
}

Component component_from_name(std::string_view name) {
  if (name == "injector") return Component::SidecarInjector;  // the annotation's spelling
  for (const auto& [component, known] : kComponentNames) {
    if (known == name) return component;
  }
  return Component::None;
}

Node dapr_container(const Object& o) {
  if (!o.is_control_plane() || !o.is_workload()) return {};
  Node containers = o.pod_template.get("spec").get("containers");
  for (Node c : containers.elements()) {
    Component found = from_container(c);
    if (found == o.component ||
        (o.component == Component::PlacementLegacy && found == Component::Placement)) {
      return c;
    }
  }
  return containers.size() == 1 ? containers.at(0) : Node();
}

std::string_view chart_install_namespace(const Object& install) {
  Node spec = install.root.get("spec");
  if (install.kind == "Application") return spec.get("destination").get("namespace").text();
  std::string_view ns = spec.get("targetNamespace").text();
  return ns.empty() && install.kind == "HelmRelease" ? install.effective_namespace() : ns;
}

bool schedulable_linux_worker(const Object& node) {
  auto control_plane_key = [](std::string_view key) {
    return key == "node-role.kubernetes.io/control-plane" ||
           key == "node-role.kubernetes.io/master";
  };
  Node labels = node.root.get("metadata").get("labels");
  Node os = labels.get("kubernetes.io/os");
  if (!os) os = labels.get("beta.kubernetes.io/os");
  if (os && os.text() != "linux") return false;
  if (node.root.get("spec").get("unschedulable").text() == "true") return false;
  for (const auto& e : labels.entries()) {
    if (control_plane_key(e.key.text())) return false;
  }
  for (Node taint : node.root.get("spec").get("taints").elements()) {
    if (control_plane_key(taint.get("key").text()) && taint.get("effect").text() == "NoSchedule")
      return false;
  }
  return true;
}

bool is_truthy(std::string_view value) {
  const std::string v = lower(value);
  return v == "y" || v == "yes" || v == "true" || v == "t" || v == "on" || v == "1";
}

Node actor_state_store_flag(const Object& component) {
  Node spec = component.root.get("spec");
  if (!spec.get("type").text().starts_with("state.")) return {};
  Node flag;
  for (Node item : spec.get("metadata").elements()) {
    if (lower(item.get("name").text()) == "actorstatestore") flag = item.get("value");
  }
  return flag && is_truthy(flag.text()) ? flag : Node{};
}

void classify(Object& o) {
  o.pod_template = find_pod_template(o);
  if (o.pod_template || o.kind == "Service") o.component = classify_component(o);
  o.dapr_app = o.pod_template && !o.is_control_plane() &&
               is_truthy(o.pod_annotations().get("dapr.io/enabled").text());
  Node meta = o.root.get("metadata");
  o.live = static_cast<bool>(o.root.get("status")) || static_cast<bool>(meta.get("uid")) ||
           static_cast<bool>(meta.get("resourceVersion"));
  if (!o.pod_template) classify_chart(o);
}

}  // namespace daprlint
