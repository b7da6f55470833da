#pragma once
// Label selectors and the lookups that cross-object rules need: which workloads a Service or a
// PodDisruptionBudget selects, and whether an object is owned by another object of the input.

#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "model/inventory.h"
#include "model/object.h"

namespace daprlint {

/// What a selector without any requirement selects: a Service's `spec.selector: {}` selects no
/// pod; a policy/v1 PodDisruptionBudget's `selector: {}` selects every pod of its namespace.
enum class EmptySelector { SelectsNothing, SelectsAll };

/// Whether `selector` selects a pod with `labels`. `selector` is either a plain `key: value` map
/// (Service, ReplicationController) or a LabelSelector with `matchLabels` and `matchExpressions`
/// (operators In, NotIn, Exists, DoesNotExist; requirements are ANDed). An absent or null
/// selector, and an unknown operator, select nothing.
bool selects(Node selector, Node labels, EmptySelector empty);

/// Workloads indexed by (namespace, pod-template label key, value), so that finding the
/// workloads a selector selects costs one hash lookup plus the candidates that share a label.
class WorkloadIndex {
 public:
  /// Adds a workload (anything with a pod template); others are ignored.
  void add(const Object& workload);
  /// The indexed workloads in `ns` whose pod-template labels `selector` selects, in the order
  /// they were added.
  std::vector<const Object*> selected(std::string_view ns, Node selector,
                                      EmptySelector empty) const;
  /// The first selected workload, in the order they were added, for which `accept` holds; null
  /// when there is none. Stops at the first match.
  const Object* find_selected(std::string_view ns, Node selector, EmptySelector empty,
                              const std::function<bool(const Object&)>& accept) const;

 private:
  const std::vector<const Object*>* bucket(std::string_view ns, std::string_view key,
                                           std::string_view value) const;

  std::unordered_map<std::string, std::vector<const Object*>> by_label_;
  std::unordered_map<std::string, std::vector<const Object*>> by_namespace_;
};

/// Whether one of `object`'s metadata.ownerReferences names an object of the input (same
/// namespace). A live export holds a Deployment, its ReplicaSets and their Pods with the same
/// pod template: rules about the template report the owner only.
bool owned_by_input_object(const Inventory& inventory, const Object& object);

}  // namespace daprlint
