#pragma once
// Runs the selected rules over the inventory and returns findings in a deterministic order.

#include <algorithm>
#include <chrono>
#include <ctime>
#include <string>
#include <string_view>
#include <vector>

#include "load/input.h"
#include "load/limits.h"
#include "model/finding.h"
#include "model/inventory.h"
#include "model/version.h"
#include "rules/native/native_rule.h"
#include "rules/rule_loader.h"

namespace daprlint {

struct EngineOptions {
  std::vector<std::string> only;  // rule ids to run (--rule); empty: all
  /// The Dapr release whose guidance applies: `auto` (found in the input, else the latest the
  /// facts know), `latest`, or a release `X.Y[.Z]` (--dapr-version).
  std::string dapr_version = "auto";
  std::time_t now = 0;
  bool timings = false;               // measure the load and every rule (`--timings`)
  LoadLimits limits;                  // bounds on each input file (yaml-limit-exceeded)
  unsigned jobs = 1;                  // threads reading files and running rules; 0: every core
  std::vector<std::string> disabled;  // left out by the rule selection; --rule still runs them
  /// Run the rules that read one object while loading, and trim each object to what the
  /// inventory rules read (engine/object_phase.h). Off: every rule runs on whole trees at the
  /// end, the reference the tests compare the streamed run with.
  bool stream = true;
  std::size_t object_batch = 256;  // objects of a file per object-phase batch
  /// With jobs > 1, files at least this big are checked while they parse (engine/check_pool.h)
  std::size_t pipeline_bytes = std::size_t{1} << 20;
  /// Per input file, how it is read (load/input.h InputSource); may be empty.
  std::vector<InputSource> sources = {};

  /// Whether the run includes the rule with this id.
  bool selects(std::string_view id) const {
    if (!only.empty()) return std::find(only.begin(), only.end(), id) != only.end();
    return std::find(disabled.begin(), disabled.end(), id) == disabled.end();
  }
};

/// The Dapr release whose guidance a run applies, and why.
struct RunRelease {
  std::size_t index = 0;  // into ReleaseFacts::releases(): the facts that apply
  std::string version;    // as found or given (`1.16.19`, `1.16.x`); empty when none was found
  std::string source;     // `control-plane images`, `--dapr-version`, ...; empty when none

  /// `1.16`: the release whose guidance applies.
  std::string release() const;
  /// `Dapr 1.16 guidance, from control-plane images 1.16.19`, `Dapr 1.18 guidance, the latest
  /// (no Dapr release found in the input)`.
  std::string describe() const;
};

/// The release a guideline edition of the older --profile / `profile:` stands for: dapr-0.11
/// -> 0.11, dapr-1.0 -> 1.11 (the last release of that edition), current -> latest; anything
/// else is returned as it is.
std::string profile_release(const std::string& profile);

/// Whether `requested` is a value EngineOptions::dapr_version accepts.
bool valid_dapr_version(std::string_view requested);

/// The release for a run: the requested one, or for `auto` the one input_version() finds, else
/// the latest the facts know.
RunRelease resolve_release(const std::string& requested, const Inventory& inventory);

/// Native rule ids in `rules` that have no C++ implementation (a broken --rules-dir).
std::vector<std::string> unimplemented_native_rules(const RuleSet& rules);

/// Wall time of one phase of a run (`load`, or a rule id), for `--timings`.
struct Timing {
  std::string phase;
  double milliseconds = 0;
};

/// What a rule's findings depend on (rules/native/native_rule.h): a declarative rule reads its
/// object, or the inventory when it targets the control-plane namespace.
Reads rule_reads(const Rule& rule);

/// Runs every selected rule, or with `inventory_only` only the rules that read the inventory
/// (the others ran in the object phase); the findings are in rule order until sort_findings().
/// When `timings` is given, appends each rule's wall time to it.
std::vector<Finding> run_rules(const RuleSet& rules, const Inventory& inventory,
                               const EngineOptions& options, const RunRelease& release,
                               std::vector<Timing>* timings = nullptr, bool inventory_only = false);

/// Wall time from `start` until now.
double milliseconds_since(std::chrono::steady_clock::time_point start);

/// The deterministic order every reporter relies on.
void sort_findings(std::vector<Finding>& findings);

}  // namespace daprlint
