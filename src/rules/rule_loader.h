#pragma once
// Loads rule files: validates each against schemas/rule.schema.json, then compiles it.

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "rules/rule.h"

namespace daprlint {

struct RuleSet {
  std::vector<Rule> rules;  // sorted by id
  /// `file:line:col: reason` for every rejected file; any error makes the run exit 2.
  std::vector<std::string> errors;

  const Rule* find(std::string_view id) const;
  Rule* find_mutable(std::string_view id);
  /// The rule id nearest to a mistyped one (for "did you mean"), or empty when none is close.
  std::string suggest(std::string_view id) const;
};

/// Parses, validates (unless `validate` is false) and compiles one rule file.
std::optional<Rule> load_rule(std::string_view text, const std::string& source,
                              std::vector<std::string>& errors, bool validate = true);
/// The same for a rule file already parsed into `tree`.
std::optional<Rule> load_rule(std::shared_ptr<const Tree> tree, const std::string& source,
                              std::vector<std::string>& errors, bool validate = true);

/// Compiles a loaded rule's checks (again, after .daprlint.yaml changed its params).
bool compile_rule(Rule& rule, std::vector<std::string>& errors);

/// The embedded rules, then every *.yaml of `rules_dir` (if not empty), which adds rules or
/// replaces embedded ones with the same id. Files of `rules_dir` are always checked against
/// the rule schema; the embedded ones only with `validate_embedded`: they cannot change after
/// the build, the test suite validates them, and skipping it halves daprlint's startup. The
/// embedded files are parsed on `jobs` threads (0: every core).
RuleSet load_rules(const std::string& rules_dir, bool validate_embedded = false, unsigned jobs = 1);

}  // namespace daprlint
