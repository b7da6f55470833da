#pragma once
// The rules that read one object at a time run on each batch of objects as soon as it is
// loaded (on the loading thread, or beside it for a big file: check_thread.h), so that a 100 MB
// List export never needs every item's whole tree at once. The run's profile is not known yet then
// (it comes from the control plane's version, which any later object may show): a rule that depends
// on it checks the object under every candidate profile and each finding records the profiles it
// holds under (Finding::profiles); keep_profile() drops the others once the profile is resolved.

#include <atomic>
#include <memory>
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
  struct Entry {
    const Rule* rule;
    std::vector<std::uint8_t> profiles;  // candidate profile indexes the rule applies under
    bool per_profile;                    // it reads the profile: one run per candidate
  };
  std::vector<Entry> entries_;
  std::time_t now_;
  bool timings_;
  std::unique_ptr<std::atomic<double>[]> elapsed_;  // milliseconds, per entry
};

/// The bit of a profile in Finding::profiles.
std::uint8_t profile_bit(const std::string& profile);

/// Drops the findings that do not hold under `profile`.
void keep_profile(std::vector<Finding>& findings, const std::string& profile);

}  // namespace daprlint
