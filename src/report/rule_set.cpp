#include "report/rule_set.h"

#include <set>

namespace daprlint {

nlohmann::ordered_json rule_set_json(const Report& report) {
  auto words = [](const std::vector<Selector>& selectors) {
    nlohmann::ordered_json out = nlohmann::ordered_json::array();
    for (const Selector& s : selectors) out.push_back(s.text);
    return out;
  };
  nlohmann::ordered_json select = words(report.selection.select);
  if (select.empty()) select.push_back("default");
  nlohmann::ordered_json opt_in_run = nlohmann::ordered_json::array();
  std::set<std::string_view> ran;
  for (const Rule* r : report.rules) {
    ran.insert(r->id);
    if (!r->in_default_set()) opt_in_run.push_back(r->id);
  }
  nlohmann::ordered_json default_not_run = nlohmann::ordered_json::array();
  for (const Rule* r : report.all_rules) {
    if (r->in_default_set() && !ran.contains(r->id)) default_not_run.push_back(r->id);
  }
  return {{"select", std::move(select)},
          {"extendSelect", words(report.selection.extend_select)},
          {"ignore", words(report.selection.ignore)},
          {"rules", report.rules.size()},
          {"known", report.all_rules.size()},
          {"optInRun", std::move(opt_in_run)},
          {"defaultNotRun", std::move(default_not_run)}};
}

}  // namespace daprlint
