#pragma once
// The path syntax of declarative rules, documented in docs/rule-format.md:
//   spec.replicas                       keys separated by dots
//   metadata.annotations["dapr.io/x"]   quoted keys for names with dots or slashes
//   spec.containers[*].args[0]          every element, or one element
//   ports[name=metrics]                 elements whose `name` equals `metrics` (filters chain)
//   @pod.spec.containers                from the pod template (any workload kind, CronJob too)
//   @dapr_container.args                from a control-plane workload's Dapr container
//   @root.metadata.name                 from the object root (inside for_each)
//   @values.global.ha.enabled           from the Helm values of a Dapr chart install
//   @chart_version                      the chart version (constraint) a chart install asks for

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/tree.h"

namespace daprlint {

struct PathSegment {
  enum class Type { Key, Index, Each, Filter } type = Type::Key;
  std::string key;    // Key: the key; Filter: the element's field
  std::string value;  // Filter: the wanted value
  std::uint32_t index = 0;
};

struct Path {
  enum class Anchor { Here, Root, Pod, DaprContainer, Values, ChartVersion } anchor = Anchor::Here;
  std::vector<PathSegment> segments;
  std::string text;  // as written, for messages

  /// How messages name the path: a quoted last key alone (`dapr.io/app-id`), else the path
  /// without its anchor (`resources.requests.cpu`).
  std::string display_name() const;
};

/// Parses `text`; on failure returns nullopt and sets `error`.
std::optional<Path> parse_path(std::string_view text, std::string& error);

/// Every node the path reaches from `start`.
std::vector<Node> resolve(const Path& path, Node start);
/// The deepest node reached along the path: where to point when the path is absent.
Node deepest(const Path& path, Node start);

}  // namespace daprlint
