#pragma once
// A Kubernetes object read from the input, with what daprlint knows about its role.

#include <memory>
#include <string>
#include <string_view>

#include "model/tree.h"

namespace daprlint {

/// Dapr control-plane parts, as classified from annotations, labels, containers or names.
enum class Component {
  None,
  Operator,
  Sentry,
  SidecarInjector,
  Placement,
  Scheduler,
  Dashboard,
  PlacementLegacy,  // the 0.11 `dapr-placement` Deployment
};

std::string_view component_name(Component c);
Component component_from_name(std::string_view name);

struct Object {
  std::string api_version;
  std::string kind;
  std::string namespace_;  // empty when the manifest sets none
  std::string name;
  std::size_t file_index = 0;  // into the run's file list
  std::string helm_source;     // from the `# Source:` comment, if any
  std::shared_ptr<const Tree> tree;
  Node root;

  // Derived by classify().
  Node pod_template;  // the pod template (metadata + spec), or the Pod itself; absent otherwise
  Component component = Component::None;
  bool dapr_app = false;  // pod template has a truthy dapr.io/enabled
  bool live = false;      // read from a cluster export (status, uid or resourceVersion)

  bool is_control_plane() const { return component != Component::None; }
  bool is_workload() const { return static_cast<bool>(pod_template); }
  /// The namespace the API server would use: the manifest's, else `default`.
  std::string_view effective_namespace() const {
    return namespace_.empty() ? std::string_view("default") : std::string_view(namespace_);
  }
  Node pod_annotations() const { return pod_template.get("metadata").get("annotations"); }
  /// The pod template's `dapr.io/app-id`; empty when unset (the sidecar then uses the pod name).
  std::string_view app_id() const { return pod_annotations().get("dapr.io/app-id").text(); }
};

/// Fills the derived fields of an object.
void classify(Object& object);

/// dapr/kit IsTruthy: y, yes, true, t, on, 1 (case-insensitive).
bool is_truthy(std::string_view value);

}  // namespace daprlint
