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
/// The name the chart gives the component's workload (`dapr-operator`); empty for None.
std::string_view chart_workload_name(Component c);
Component component_from_name(std::string_view name);

/// The namespace of Helm release objects whose namespace the input does not tell: not a valid
/// namespace name, so it never equals a real one, but the same for every such object.
inline constexpr std::string_view kUnknownReleaseNamespace = "(release namespace)";

struct Object {
  std::string api_version;
  std::string kind;
  std::string namespace_;  // empty when the manifest sets none (and no render names it)
  /// namespace_ is the release namespace of a Helm render, which the manifest does not set
  /// (load/release_namespace.h).
  bool namespace_inferred = false;
  /// From a Helm render that sets no namespace and does not say which the release's is.
  bool release_namespace_unknown = false;
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

  // Derived by classify() for a Flux HelmRelease or an Argo CD Application of the Dapr chart.
  bool dapr_chart = false;  // installs the Helm chart `dapr`
  Node chart_version;       // the version or constraint it asks for; absent: the latest
  /// The Helm values given in the object, as a map (Flux `spec.values`, Argo
  /// `helm.valuesObject`, or Argo's `helm.values` string parsed by the loader); absent when none.
  Node chart_values;
  Node chart_values_text;  // Argo's `helm.values` string, when the values come from one
  /// Part of the values may come from outside the object (Flux `valuesFrom`, chart
  /// `valuesFiles`; Argo `valueFiles`, `parameters`, `fileParameters`): a key missing from
  /// chart_values may still be set.
  bool chart_values_external = false;
  std::shared_ptr<const Tree> chart_values_tree;  // owns chart_values parsed from a string

  bool is_control_plane() const { return component != Component::None; }
  bool is_workload() const { return static_cast<bool>(pod_template); }
  /// The namespace the API server would use: the manifest's (or its Helm release's), else
  /// `default`; kUnknownReleaseNamespace for an object of a Helm release whose namespace the
  /// input does not tell.
  std::string_view effective_namespace() const {
    if (!namespace_.empty()) return namespace_;
    return release_namespace_unknown ? kUnknownReleaseNamespace : std::string_view("default");
  }
  Node pod_annotations() const { return pod_template.get("metadata").get("annotations"); }
  /// Whether a controller owns the object (metadata.ownerReferences): in a live export the Pod
  /// and ReplicaSet repeat their Deployment's pod template, so pod-template rules report the owner.
  bool has_owner() const { return root.get("metadata").get("ownerReferences").size() > 0; }
  /// The pod template's `dapr.io/app-id`; empty when unset (the sidecar then uses the pod name).
  std::string_view app_id() const { return pod_annotations().get("dapr.io/app-id").text(); }
  /// `spec.replicas` as a number; 0 when absent or not a number.
  long replicas() const;
  /// The path of `at` inside this object (`spec.replicas`); a node of values parsed from a
  /// string gets the string's path in front (`spec.source.helm.values.global.ha.enabled`).
  std::string node_path(Node at) const;
};

/// The container of a control-plane workload that runs the Dapr binary (`dapr-operator`, or
/// one whose image is the component's), not one added beside it (1.18's
/// global.extraContainers: log shippers, agents); else its only container. Absent for other
/// objects, and when several containers leave it unclear which is Dapr's.
Node dapr_container(const Object& object);

/// Whether a Node object can take control-plane pods: Linux, not cordoned, no control-plane
/// role label or NoSchedule taint.
bool schedulable_linux_worker(const Object& node);

/// The namespace a Flux HelmRelease or an Argo CD Application installs its chart into:
/// `spec.targetNamespace`, else the HelmRelease's own; `spec.destination.namespace`; empty when
/// the object does not say.
std::string_view chart_install_namespace(const Object& install);

/// Fills the derived fields of an object. Values held in a string are left to the loader,
/// which has the file's text to locate them (chart_values_text is set, chart_values is not).
void classify(Object& object);

/// dapr/kit IsTruthy: y, yes, true, t, on, 1 (case-insensitive).
bool is_truthy(std::string_view value);

/// A state store Component's `actorStateStore` metadata value when it is truthy (the last item
/// of that name, compared case-insensitively, as the metadata map keeps it); absent otherwise.
Node actor_state_store_flag(const Object& component);

}  // namespace daprlint
