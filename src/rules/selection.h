#pragma once
// Which rules a run includes. Rules are in the default set unless their file says `opt-in:`
// (a hardening suggestion that most correct manifests would trip). Selectors, from --select,
// --extend-select, --ignore and .daprlint.yaml, name rules the way ruff's do:
//   default          the default set
//   all, strict      every rule
//   opt-in           the rules left out of the default set
//   security, ...    every rule of a category
//   sc, cp, ...      every rule whose id starts with that prefix and a '-'
//   sc-seccomp-missing  one rule

#include <set>
#include <string>
#include <vector>

#include "rules/rule_loader.h"

namespace daprlint {

/// One selector as written, and where, for messages: `--select` or `file:line:col`.
struct Selector {
  std::string text;
  std::string origin;
};

/// The selectors of a run, as the report shows them (JSON summary.ruleSet, SARIF run
/// properties): `select` replaces the default set, `extend_select` adds, `ignore` removes.
struct RuleSelection {
  std::vector<Selector> select;  // empty: the default set
  std::vector<Selector> extend_select;
  std::vector<Selector> ignore;
};

/// The ids of the rules one selector names; an error (with a did-you-mean) when none.
std::set<std::string> selected_by(const RuleSet& rules, const Selector& selector,
                                  std::vector<std::string>& errors);

/// The ids `select` (or the default set) and `extend_select` turn on; ignore_rules() removes
/// the `ignore` ones, which the caller applies in order with the config's switches.
std::set<std::string> select_rules(const RuleSet& rules, const RuleSelection& selection,
                                   std::vector<std::string>& errors);

/// Removes the rules `ignore` names from `selected`.
void ignore_rules(const RuleSet& rules, const std::vector<Selector>& ignore,
                  std::set<std::string>& selected, std::vector<std::string>& errors);

}  // namespace daprlint
