#pragma once
// Helpers shared by the test files: source paths, file reading, a pinned lint run.

#include <ctime>
#include <filesystem>
#include <string>
#include <vector>

#include "engine/lint.h"
#include "load/yaml_parser.h"
#include "rules/rule_loader.h"

namespace daprlint::test {

inline std::filesystem::path source_dir() {
  return SOURCE_DIR;
}

/// ../shared beside the checkout (DAPRLINT_SHARED overrides).
std::filesystem::path shared_dir();

std::string read_text(const std::filesystem::path& p);

/// The .yaml, .yml and .json files under `dir`, recursively, sorted.
std::vector<std::string> manifest_files(const std::filesystem::path& dir);

/// The clock every fixture runs with.
std::time_t fixture_clock();

/// The embedded rule set, loaded once.
const RuleSet& embedded_rules();

/// Lints files with the pinned clock, optionally one rule only and a given Dapr release.
LintResult lint_pinned(const std::vector<std::string>& files,
                       const std::vector<std::string>& only = {},
                       const std::string& dapr_version = "auto");

/// The first document of a YAML text, parsed with the project's parser.
struct Doc {
  ParsedStream parsed;
  Node root;
  explicit Doc(const char* text)
      : parsed(parse_yaml(text)),
        root(parsed.documents.at(0).get(), parsed.documents.at(0)->root) {}
};

/// The objects of a manifest text, loaded and indexed as one file `test.yaml`.
Inventory inventory_of(const char* text);

}  // namespace daprlint::test
