#pragma once
// Predicates of declarative rules: a small closed set of operators, each stating the BAD
// condition (a finding is raised when the predicate holds). Documented in docs/rule-format.md.

#include <re2/re2.h>

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "model/tree.h"
#include "rules/params.h"
#include "rules/path.h"

namespace daprlint {

struct Predicate {
  enum class Op {
    Exists,
    Absent,
    Missing,
    Equals,
    NotEquals,
    In,
    NotIn,
    Matches,
    Truthy,
    Falsy,
    LessThan,
    GreaterThan,
    QuantityInvalid,
    QuantityGreater,
    QuantityLess,
    VersionBelow,
    All,
    Any,
    Not,
  } op = Op::Exists;
  std::vector<Path> paths;          // Missing: several; others: one (QuantityGreater: two)
  std::vector<std::string> values;  // Equals/NotEquals: one; In/NotIn: several
  double number = 0;                // LessThan/GreaterThan; QuantityLess: the bound
  std::optional<double> fallback;   // LessThan/GreaterThan: value when the path is absent
  std::shared_ptr<RE2> regex;       // Matches
  std::vector<Predicate> children;  // All/Any/Not
};

/// Where a predicate is evaluated: `here` is the object root or the current for_each element.
struct Scope {
  Scope(Node here_, Node root_, Node pod_, Node values_ = {}, Node chart_version_ = {},
        bool values_known_ = false, Node dapr_container_ = {})
      : here(here_),
        root(root_),
        pod(pod_),
        dapr_container(dapr_container_),
        values(values_),
        chart_version(chart_version_),
        values_known(values_known_) {}

  Node here;
  Node root;
  Node pod;
  Node dapr_container;  // @dapr_container: absent for objects that are not control-plane workloads
  Node values;          // @values: the chart values map (absent when the install gives none)
  Node chart_version;   // @chart_version
  /// Whether a path under @values or @chart_version that reaches nothing is known to be unset
  /// (the object installs the Dapr chart and every value is in it). When not, `absent`,
  /// `missing` and the `default` of comparisons do not hold for those paths.
  bool values_known = false;
};

/// The outcome, with what a message and a location need.
struct Match {
  bool hit = false;
  Node at;              // the offending node, or the nearest existing parent of an absent one
  bool found = false;   // `at` is the offending node itself (not a parent)
  std::string value;    // scalar text of the offending node ({value})
  std::string missing;  // leaf names of absent paths ({missing})
};

/// Compiles a predicate from its YAML form; nullopt with `error` (and `error_at`) on failure.
/// `value: ${name}` takes the value of the rule's parameter `name` (from `params`, which
/// .daprlint.yaml can override).
std::optional<Predicate> compile_predicate(Node yaml, std::string& error, Node& error_at,
                                           const RuleParams* params = nullptr);

/// Evaluates a compiled predicate.
Match evaluate(const Predicate& p, const Scope& scope);

/// The node a path starts from in a scope.
Node anchor_of(const Path& path, const Scope& scope);

}  // namespace daprlint
