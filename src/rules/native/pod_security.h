#pragma once
// What the Pod Security "restricted" rules share: the namespaces of the input that enforce the
// level (params `label`, `level`) and the seccomp profile types it accepts (`allowed_types`).

#include <map>
#include <string>
#include <string_view>

#include "model/inventory.h"
#include "rules/params.h"

namespace daprlint {

/// The Namespace objects whose `label` is `level`.
class EnforcingNamespaces {
 public:
  EnforcingNamespaces(const Inventory& inventory, const RuleParams& params);
  bool empty() const { return by_name_.empty(); }
  /// Whether the namespace of `object` enforces the level: a Namespace of that name in its scope
  /// (Inventory::in_one_scope) says so; another repository's may be of another cluster.
  bool enforced(const Object& object) const;

 private:
  const Inventory& inventory_;
  std::multimap<std::string, const Object*, std::less<>> by_name_;
};

/// Whether `type` is a seccomp profile type the level accepts.
bool allowed_seccomp(const RuleParams& params, std::string_view type);

}  // namespace daprlint
