#pragma once
// One lint run over files: read, load, index, run rules. The CLI and the tests share it.

#include <string>
#include <vector>

#include "engine/engine.h"
#include "load/suppression_comments.h"
#include "model/inventory.h"
#include "report/report.h"

namespace daprlint {

struct LintResult {
  Inventory inventory;
  std::vector<Finding> findings;  // sorted, loader findings included
  std::vector<Notice> notices;
  std::vector<std::string> errors;  // unreadable files
  RunRelease release;               // whose guidance applied
  std::vector<Timing> timings;      // filled when EngineOptions::timings is set
  /// `# daprlint:ignore` comments per file (same index as inventory.files).
  std::vector<std::vector<CommentSuppression>> comments;
};

LintResult lint_files(const std::vector<std::string>& files, const RuleSet& rules,
                      const EngineOptions& options);

/// The report of a run, listing the rules that ran.
Report make_report(LintResult& result, const RuleSet& rules, const EngineOptions& options);

}  // namespace daprlint
