#include "rules/selection.h"

#include "model/references.h"

namespace daprlint {
namespace {

/// `sc` for `sc-seccomp-missing`: the family a rule id starts with.
std::string_view family(std::string_view id) {
  return id.substr(0, id.find('-'));
}

/// The selector words that name more than one rule, for did-you-mean.
std::vector<std::string> selector_words(const RuleSet& rules) {
  std::set<std::string> words{"all", "default", "opt-in", "strict"};
  for (const Rule& r : rules.rules) {
    words.insert(r.category);
    words.emplace(family(r.id));
  }
  return {words.begin(), words.end()};
}

}  // namespace

std::set<std::string> selected_by(const RuleSet& rules, const Selector& selector,
                                  std::vector<std::string>& errors) {
  const std::string& s = selector.text;
  std::set<std::string> out;
  for (const Rule& r : rules.rules) {
    if (s == "all" || s == "strict" || (s == "default" && r.in_default_set()) ||
        (s == "opt-in" && !r.in_default_set()) || s == r.category || s == family(r.id) || s == r.id)
      out.insert(r.id);
  }
  if (!out.empty() || s == "opt-in") return out;
  std::vector<std::string> candidates = selector_words(rules);
  for (const Rule& r : rules.rules) candidates.push_back(r.id);
  std::string hint = nearest_name(s, candidates);
  errors.push_back(selector.origin + ": unknown rule, category or set '" + s + "'" +
                   (hint.empty() ? "" : " (did you mean " + hint + "?)"));
  return out;
}

std::set<std::string> select_rules(const RuleSet& rules, const RuleSelection& selection,
                                   std::vector<std::string>& errors) {
  std::set<std::string> selected;
  if (selection.select.empty()) selected = selected_by(rules, {"default", "the default"}, errors);
  for (const Selector& s : selection.select) selected.merge(selected_by(rules, s, errors));
  for (const Selector& s : selection.extend_select) selected.merge(selected_by(rules, s, errors));
  return selected;
}

void ignore_rules(const RuleSet& rules, const std::vector<Selector>& ignore,
                  std::set<std::string>& selected, std::vector<std::string>& errors) {
  for (const Selector& s : ignore) {
    for (const std::string& id : selected_by(rules, s, errors)) selected.erase(id);
  }
}

}  // namespace daprlint
