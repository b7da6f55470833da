#pragma once
// What every rule sees while it runs, and how it reports.

#include <ctime>
#include <optional>
#include <string>
#include <vector>

#include "model/finding.h"
#include "model/inventory.h"
#include "model/version.h"
#include "rules/rule.h"

namespace daprlint {

/// The whole run: rules may read every object but report only about the object they name.
struct RunContext {
  const Inventory& inventory;
  std::time_t now = 0;  // the clock for certificate expiry
  /// The Dapr release whose guidance applies (an index into ReleaseFacts::releases()). Unknown
  /// while objects are checked as they load (Reads::Object): a rule whose finding depends on
  /// the release then says which releases it holds for (Emitter::report).
  std::optional<std::size_t> release;
  /// The control plane's release (control_plane_version), computed once per run.
  std::optional<Version> control_plane;
};

/// Turns (object, node, message) into located findings of one rule.
class Emitter {
 public:
  Emitter(const Rule& rule, std::vector<Finding>& out) : rule_(rule), out_(out) {}

  /// Reports at `at`, or at the object's root when `at` is absent. `releases`: the Dapr
  /// releases whose guidance the finding follows (it is kept only when the run's release is
  /// one of them, and the rule applies to it).
  void report(const Object& object, Node at, std::string message,
              std::optional<Severity> severity = std::nullopt,
              ReleaseMask releases = kEveryRelease) const;

  const Rule& rule() const { return rule_; }

 private:
  const Rule& rule_;
  std::vector<Finding>& out_;
};

}  // namespace daprlint
