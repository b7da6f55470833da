#pragma once
// Applies suppressions to a run's findings: `ignore-check.daprlint.io/<id>` annotations,
// `# daprlint:ignore` comments and .daprlint.yaml exemptions. Suppressed findings are kept,
// marked; suppressions without a reason or that match nothing become notes of their own.

#include "config/config.h"
#include "engine/lint.h"

namespace daprlint {

inline constexpr std::string_view kIgnoreAnnotationPrefix = "ignore-check.daprlint.io/";

/// Marks the suppressed findings of `result` and appends `suppression-without-reason` and
/// `unused-suppression` notes (when the run selects them), then sorts the findings again.
/// `config` may be null.
void apply_suppressions(LintResult& result, const RuleSet& rules, const EngineOptions& options,
                        const Config* config);

}  // namespace daprlint
