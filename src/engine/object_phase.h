#pragma once
// The rules that read one object at a time run on each batch of objects as soon as it is
// loaded (on the loading thread, or also on the others for a big file: check_pool.h), so that a 100
// MB List export never needs every item's whole tree at once. The run's Dapr release is not known
// yet then (it comes from the control plane's version, which any later object may show): each
// finding records the releases whose guidance it follows (Finding::releases), and keep_release()
// drops the others once the release is resolved.

#include <atomic>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "engine/engine.h"
#include "model/object.h"

namespace daprlint {

class ObjectPhase {
 public:
  ObjectPhase(const RuleSet& rules, const EngineOptions& options);

  /// Runs every object rule on `batch`, appending the findings to `out`, then trims each object
  /// to what the inventory rules read (trim.h). Thread-safe.
  void check(std::span<Object> batch, std::vector<Finding>& out) const;

  /// Each object rule's wall time summed over every batch, for `--timings`.
  std::vector<Timing> timings() const;

 private:
  std::vector<const Rule*> rules_;
  std::time_t now_;
  /// Given with --dapr-version: findings of other releases are dropped batch by batch, so a big
  /// audit never holds them.
  std::optional<std::size_t> release_;
  bool timings_;
  std::unique_ptr<std::atomic<double>[]> elapsed_;  // milliseconds, per entry
};

/// Drops the findings from `from` on that do not follow the guidance of the `release`-th known
/// release.
void keep_release(std::vector<Finding>& findings, std::size_t release, std::size_t from = 0);

}  // namespace daprlint
