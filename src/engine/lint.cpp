#include "engine/lint.h"

#include <algorithm>
#include <iterator>
#include <optional>

#include "engine/load_files.h"
#include "engine/object_phase.h"

namespace daprlint {
LintResult lint_files(const std::vector<std::string>& files, const RuleSet& rules,
                      const EngineOptions& options) {
  LintResult r;
  auto start = std::chrono::steady_clock::now();
  r.inventory.files = files;
  r.comments.resize(files.size());
  // Streaming: the object rules check each batch as it is loaded (ObjectPhase).
  std::optional<ObjectPhase> phase;
  LoadOptions load{options.limits,       options.jobs,           {},
                   options.object_batch, options.pipeline_bytes, options.sources};
  if (options.stream) {
    phase.emplace(rules, options);
    load.check = [&](std::span<Object> batch, std::vector<Finding>& found) {
      phase->check(batch, found);
    };
  }
  std::vector<FileLoad> loads = load_files(files, load);
  // Objects move file by file into a vector sized once, or as a whole when one file holds them
  // all: for a List export they are much of the peak, and two vectors would hold them twice.
  std::size_t objects = 0, holders = 0;
  for (const FileLoad& l : loads) {
    objects += l.loaded.objects.size();
    holders += l.loaded.objects.empty() ? 0 : 1;
  }
  if (holders > 1) r.inventory.objects.reserve(objects);
  for (std::size_t i = 0; i < files.size(); ++i) {
    if (loads[i].status == ReadStatus::failed) {
      r.errors.push_back(loads[i].error);
      continue;
    }
    r.comments[i] = std::move(loads[i].comments);
    LoadedFile& loaded = loads[i].loaded;
    if (holders == 1 && !loaded.objects.empty()) {
      r.inventory.objects = std::move(loaded.objects);
    } else {
      std::move(loaded.objects.begin(), loaded.objects.end(),
                std::back_inserter(r.inventory.objects));
      std::vector<Object>().swap(loaded.objects);
    }
    if (!loaded.notice.empty()) r.notices.push_back({i, loaded.notice});
  }
  r.inventory.index();
  if (options.timings) r.timings.push_back({"load", milliseconds_since(start)});
  r.release = resolve_release(options.dapr_version, r.inventory);
  std::vector<Finding> found = run_rules(rules, r.inventory, options, r.release,
                                         options.timings ? &r.timings : nullptr, options.stream);
  // The biggest file's object-phase findings move over as a whole vector (a List export's are
  // most of the peak: copying them into a new vector would hold them twice); the rest are appended.
  auto biggest = std::max_element(loads.begin(), loads.end(), [](const auto& a, const auto& b) {
    return a.checked.size() < b.checked.size();
  });
  if (biggest != loads.end()) r.findings = std::move(biggest->checked);
  for (FileLoad& l : loads) {
    // Loader findings (yaml-syntax) belong to a rule too, so --rule selects them alike and
    // .daprlint.yaml sets their severity alike.
    for (Finding& f : l.loaded.findings) {
      if (!options.selects(f.rule_id)) continue;
      if (const Rule* rule = rules.find(f.rule_id); rule && rule->configured_severity)
        f.severity = *rule->configured_severity;
      r.findings.push_back(std::move(f));
    }
    if (&l == &*biggest) continue;
    std::move(l.checked.begin(), l.checked.end(), std::back_inserter(r.findings));
    std::vector<Finding>().swap(l.checked);
  }
  std::move(found.begin(), found.end(), std::back_inserter(r.findings));
  keep_release(r.findings, r.release.index);
  if (phase) {
    if (options.timings) {
      std::vector<Timing> checked = phase->timings();
      r.timings.insert(r.timings.end(), checked.begin(), checked.end());
    }
  }
  sort_findings(r.findings);
  return r;
}

Report make_report(LintResult& result, const RuleSet& rules, const EngineOptions& options) {
  Report report;
  report.files = result.inventory.files;
  report.findings = std::move(result.findings);
  report.notices = std::move(result.notices);
  report.objects = result.inventory.objects.size();
  report.release = result.release.release();
  report.release_version = result.release.version;
  report.release_source = result.release.source;
  report.release_text = result.release.describe();
  for (const Rule& rule : rules.rules) {
    report.all_rules.push_back(&rule);
    if (options.selects(rule.id)) report.rules.push_back(&rule);
  }
  return report;
}

}  // namespace daprlint
