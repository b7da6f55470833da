#pragma once
// The rule catalogue as documentation: `daprlint rules` (a table) and `daprlint explain <id>`.

#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "rules/rule.h"

namespace daprlint {

/// Every rule with severity, category and title; `format` is text, json or markdown.
void render_rule_list(const std::vector<Rule>& rules, std::string_view format, std::ostream& out);

/// One rule's documentation: title, why it matters, how to fix it, what it applies to.
void render_rule_explanation(const Rule& rule, std::ostream& out);

/// Which Dapr releases the rule applies to and what differs between them (its `by_release`
/// params and the release facts it reads), as Markdown lines: for explain, docs/rules.md and
/// the SARIF help.
std::string release_section(const Rule& rule);

}  // namespace daprlint
