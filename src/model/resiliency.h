#pragma once
// Dapr Resiliency resources: their targets and the policy names they define, indexed once per
// run for the re-* rules. daprd merges every Resiliency spec that applies to an app into one set
// of named policies (pkg/resiliency in dapr/dapr), so a target may use a policy defined in
// another Resiliency of its namespace.

#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "model/inventory.h"

namespace daprlint {

/// One target of spec.targets: an app, an actor type, or a component's inbound or outbound side.
struct ResiliencyTarget {
  const Object* object = nullptr;
  std::string path;  // e.g. `apps.inventory`, `components.pubsub.outbound`
  Node node;         // the target's map
  Node timeout;      // the policy names it refers to (absent when not set)
  Node retry;
  Node circuit_breaker;
};

/// Every target of a Resiliency object, in document order.
std::vector<ResiliencyTarget> resiliency_targets(const Object& resiliency);

/// The policies defined by the input's Resiliency objects, per namespace.
class ResiliencyPolicies {
 public:
  explicit ResiliencyPolicies(const Inventory& inventory);

  /// Whether a Resiliency of `ns` defines `name` in spec.policies.<section> (`timeouts`,
  /// `retries` or `circuitBreakers`).
  bool defines(std::string_view ns, std::string_view section, std::string_view name) const;
  /// The definition of a policy, preferring the one in `object`; absent when none.
  Node find(const Object& object, std::string_view section, std::string_view name) const;
  /// Every name defined in a section of `ns`.
  const std::set<std::string, std::less<>>& names(std::string_view ns,
                                                  std::string_view section) const;

 private:
  // (namespace, section) -> name -> definitions in input order
  std::map<std::pair<std::string, std::string>,
           std::map<std::string, std::vector<Node>, std::less<>>>
      defs_;
  std::map<std::pair<std::string, std::string>, std::set<std::string, std::less<>>> names_;
};

}  // namespace daprlint
