// libFuzzer target: the whole pipeline on one input file, as lint_files runs it: load with the
// object rules checking and trimming each batch (batches of 2, so Lists and streams split), index,
// the inventory rules, under the input's or a pinned Dapr release; the suppressions (annotations
// and
// `# daprlint:ignore` comments), and every reporter (text, JSON, SARIF, GitHub workflow
// commands, Code Climate).
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <iterator>
#include <sstream>
#include <string_view>

#include "engine/engine.h"
#include "engine/lint.h"
#include "engine/object_phase.h"
#include "engine/suppressions.h"
#include "load/manifest_loader.h"
#include "load/suppression_comments.h"
#include "report/report.h"

using namespace daprlint;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const RuleSet rules = load_rules("");  // embedded rules, compiled once
  std::string_view text(reinterpret_cast<const char*>(data), size);
  EngineOptions options;
  options.now = 1'800'000'000;  // fixed clock: reproducible certificate findings
  options.limits.max_nodes = 200'000;
  // The release comes from the input (control plane, chart version) unless the first byte pins one.
  static const char* const kReleases[] = {"auto", "0.11", "1.11", "1.14", "latest"};
  options.dapr_version = kReleases[size > 0 ? data[0] % 5 : 0];

  LintResult result;
  Inventory& inventory = result.inventory;
  inventory.files = {"fuzz.yaml"};
  const ObjectPhase phase(rules, options);
  std::vector<Finding> checked;
  auto check = [&](std::vector<Object>&& batch) {
    phase.check(batch, checked);
    std::move(batch.begin(), batch.end(), std::back_inserter(inventory.objects));
  };
  LoadedFile loaded = load_manifests(text, 0, options.limits, check, 2);
  inventory.index();
  result.comments = {scan_suppression_comments(text)};
  result.findings = std::move(loaded.findings);
  result.release = resolve_release(options.dapr_version, inventory);
  std::vector<Finding> found = run_rules(rules, inventory, options, result.release, nullptr, true);
  result.findings.insert(result.findings.end(), found.begin(), found.end());
  result.findings.insert(result.findings.end(), checked.begin(), checked.end());
  keep_release(result.findings, result.release.index);
  sort_findings(result.findings);
  apply_suppressions(result, rules, options, nullptr);
  Report report;
  report.files = inventory.files;
  report.findings = std::move(result.findings);
  report.release = result.release.release();
  report.release_text = result.release.describe();
  report.show_suppressed = size > 1 && data[1] % 2;
  if (!loaded.notice.empty()) report.notices.push_back({0, loaded.notice});
  report.objects = inventory.objects.size();
  // Only the rules that reported: the SARIF rule catalogue does not depend on the input, and
  // rendering all ~100 entries would cut the executions per second twentyfold.
  for (const Rule& r : rules.rules) {
    auto fired = [&](const Finding& f) { return f.rule_id == r.id; };
    if (std::any_of(report.findings.begin(), report.findings.end(), fired))
      report.rules.push_back(&r);
  }

  std::ostringstream out;
  render_text(report, out, true);
  render_json(report, out);
  render_sarif(report, out);
  render_github(report, out);
  render_codeclimate(report, out);
  render_junit(report, out);
  render_markdown(report, out, "");
  render_html(report, out);
  return 0;
}
