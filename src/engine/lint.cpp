#include "engine/lint.h"

#include "engine/load_files.h"

namespace daprlint {
LintResult lint_files(const std::vector<std::string>& files, const RuleSet& rules,
                      const EngineOptions& options) {
  LintResult r;
  auto start = std::chrono::steady_clock::now();
  r.inventory.files = files;
  r.comments.resize(files.size());
  std::vector<FileLoad> loads = load_files(files, options.limits, options.jobs);
  for (std::size_t i = 0; i < files.size(); ++i) {
    if (loads[i].status == ReadStatus::failed) {
      r.errors.push_back(loads[i].error);
      continue;
    }
    r.comments[i] = std::move(loads[i].comments);
    LoadedFile& loaded = loads[i].loaded;
    for (Object& o : loaded.objects) r.inventory.objects.push_back(std::move(o));
    // Loader findings (yaml-syntax) belong to a rule too, so --rule selects them alike and
    // .daprlint.yaml sets their severity alike.
    for (Finding& f : loaded.findings) {
      if (!options.selects(f.rule_id)) continue;
      if (const Rule* rule = rules.find(f.rule_id); rule && rule->configured_severity)
        f.severity = *rule->configured_severity;
      r.findings.push_back(std::move(f));
    }
    if (!loaded.notice.empty()) r.notices.push_back({i, loaded.notice});
  }
  r.inventory.index();
  if (options.timings) r.timings.push_back({"load", milliseconds_since(start)});
  std::vector<Finding> found =
      run_rules(rules, r.inventory, options, r.profile, options.timings ? &r.timings : nullptr);
  r.findings.insert(r.findings.end(), std::make_move_iterator(found.begin()),
                    std::make_move_iterator(found.end()));
  sort_findings(r.findings);
  return r;
}

Report make_report(LintResult& result, const RuleSet& rules, const EngineOptions& options) {
  Report report;
  report.files = result.inventory.files;
  report.findings = std::move(result.findings);
  report.notices = std::move(result.notices);
  report.objects = result.inventory.objects.size();
  report.profile = result.profile;
  for (const Rule& rule : rules.rules) {
    if (options.selects(rule.id)) report.rules.push_back(&rule);
  }
  return report;
}

}  // namespace daprlint
