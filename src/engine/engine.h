#pragma once
// Runs the selected rules over the inventory and returns findings in a deterministic order.

#include <algorithm>
#include <chrono>
#include <ctime>
#include <string>
#include <string_view>
#include <vector>

#include "load/limits.h"
#include "model/finding.h"
#include "model/inventory.h"
#include "model/version.h"
#include "rules/native/native_rule.h"
#include "rules/rule_loader.h"

namespace daprlint {

struct EngineOptions {
  std::vector<std::string> only;  // rule ids to run (--rule); empty: all
  std::string profile = "auto";   // auto | dapr-0.11 | dapr-1.0 | current
  std::time_t now = 0;
  bool timings = false;               // measure the load and every rule (`--timings`)
  LoadLimits limits;                  // bounds on each input file (yaml-limit-exceeded)
  unsigned jobs = 1;                  // threads reading files and running rules; 0: every core
  std::vector<std::string> disabled;  // turned off by .daprlint.yaml; --rule still runs them
  /// Run the rules that read one object while loading, and trim each object to what the
  /// inventory rules read (engine/object_phase.h). Off: every rule runs on whole trees at the
  /// end, the reference the tests compare the streamed run with.
  bool stream = true;
  std::size_t object_batch = 256;  // objects of a file per object-phase batch
  /// With jobs > 1, files at least this big are checked while they parse (engine/check_thread.h)
  std::size_t pipeline_bytes = std::size_t{1} << 20;

  /// Whether the run includes the rule with this id.
  bool selects(std::string_view id) const {
    if (!only.empty()) return std::find(only.begin(), only.end(), id) != only.end();
    return std::find(disabled.begin(), disabled.end(), id) == disabled.end();
  }
};

/// The guideline edition for a run: the requested one, or for `auto` the edition of the
/// control-plane image version in the input, else `current`.
std::string resolve_profile(const std::string& requested,
                            const std::optional<Version>& control_plane);

/// Native rule ids in `rules` that have no C++ implementation (a broken --rules-dir).
std::vector<std::string> unimplemented_native_rules(const RuleSet& rules);

/// Wall time of one phase of a run (`load`, or a rule id), for `--timings`.
struct Timing {
  std::string phase;
  double milliseconds = 0;
};

/// What a rule's findings depend on (rules/native/native_rule.h): a declarative rule reads its
/// object, the profile when a message names it, the inventory when it targets the
/// control-plane namespace.
Reads rule_reads(const Rule& rule);

/// Runs every selected rule, or with `inventory_only` only the rules that read the inventory
/// (the others ran in the object phase); the findings are in rule order until sort_findings().
/// When `timings` is given, appends each rule's wall time to it.
std::vector<Finding> run_rules(const RuleSet& rules, const Inventory& inventory,
                               const EngineOptions& options, std::string& profile_used,
                               std::vector<Timing>* timings = nullptr, bool inventory_only = false);

/// Wall time from `start` until now.
double milliseconds_since(std::chrono::steady_clock::time_point start);

/// The deterministic order every reporter relies on.
void sort_findings(std::vector<Finding>& findings);

}  // namespace daprlint
