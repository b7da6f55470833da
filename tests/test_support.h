#pragma once
// Helpers shared by the test files: source paths, file reading, a pinned lint run.

#include <ctime>
#include <filesystem>
#include <string>
#include <vector>

#include "engine/lint.h"
#include "rules/rule_loader.h"

namespace daprlint::test {

inline std::filesystem::path source_dir() {
  return SOURCE_DIR;
}

/// ../shared beside the checkout (DAPRLINT_SHARED overrides).
std::filesystem::path shared_dir();

std::string read_text(const std::filesystem::path& p);

/// The clock every fixture runs with.
std::time_t fixture_clock();

/// The embedded rule set, loaded once.
const RuleSet& embedded_rules();

/// Lints files with the pinned clock, optionally one rule only and a fixed profile.
LintResult lint_pinned(const std::vector<std::string>& files,
                       const std::vector<std::string>& only = {},
                       const std::string& profile = "auto");

}  // namespace daprlint::test
