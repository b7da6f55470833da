#include "cli/run.h"

#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>

#include "cli/options.h"
#include "engine/lint.h"
#include "load/input.h"
#include "model/edit_distance.h"
#include "report/rule_docs.h"

namespace daprlint {
namespace {

bool fails(const std::vector<Finding>& findings, const std::string& fail_on) {
  if (fail_on == "none") return false;
  Severity threshold = *parse_severity(fail_on);
  for (const Finding& f : findings) {
    if (f.severity >= threshold) return true;
  }
  return false;
}

/// The rule id nearest to a mistyped one, or empty when none is close.
std::string closest_rule_id(const RuleSet& rules, const std::string& id) {
  std::string best;
  std::size_t best_distance = id.size() / 3 + 1;
  for (const Rule& r : rules.rules) {
    std::size_t d = edit_distance(id, r.id);
    if (d < best_distance) {
      best_distance = d;
      best = r.id;
    }
  }
  return best;
}

/// Slowest first, so a user sees at once which rule dominates a large audit.
void print_timings(std::vector<Timing> timings, std::ostream& err) {
  std::stable_sort(timings.begin(), timings.end(), [](const Timing& a, const Timing& b) {
    return a.milliseconds > b.milliseconds;
  });
  for (const Timing& t : timings) {
    char ms[32];
    std::snprintf(ms, sizeof ms, "%10.2f ms  ", t.milliseconds);
    err << "daprlint: timing " << ms << t.phase << '\n';
  }
}

}  // namespace

int run(int argc, const char* const* argv, std::ostream& out, std::ostream& err) {
  std::string error;
  auto options = parse_options(argc, argv, error);
  if (!options) {
    err << "daprlint: " << error << " (see daprlint --help)\n";
    return 2;
  }
  if (options->help) {
    out << options->help_text;
    return 0;
  }
  if (options->version) {
    out << "daprlint " << DAPRLINT_VERSION << '\n';
    return 0;
  }

  RuleSet rules = load_rules(options->rules_dir, false, options->jobs);
  for (const std::string& id : unimplemented_native_rules(rules)) {
    rules.errors.push_back(rules.find(id)->source +
                           ": engine native, but daprlint has no implementation of " + id);
  }
  for (const std::string& id : options->only_rules) {
    if (!rules.find(id)) rules.errors.push_back("--rule: unknown rule '" + id + "'");
  }
  if (options->command == "explain" && !rules.find(options->paths.front())) {
    std::string hint = closest_rule_id(rules, options->paths.front());
    rules.errors.push_back("explain: unknown rule '" + options->paths.front() + "'" +
                           (hint.empty() ? "" : " (did you mean " + hint + "?)"));
  }
  if (!rules.errors.empty()) {
    for (const std::string& e : rules.errors) err << "daprlint: " << e << '\n';
    return 2;
  }
  if (options->command == "rules") {
    render_rule_list(rules.rules, options->format, out);
    return out ? 0 : 2;
  }
  if (options->command == "explain") {
    render_rule_explanation(*rules.find(options->paths.front()), out);
    return out ? 0 : 2;
  }

  InputList inputs = collect_inputs(options->paths);
  EngineOptions engine{options->only_rules, options->profile, options->now,
                       options->timings,    options->limits,  options->jobs};
  LintResult result = lint_files(inputs.files, rules, engine);
  std::vector<std::string> errors = inputs.errors;
  errors.insert(errors.end(), result.errors.begin(), result.errors.end());
  Report report = make_report(result, rules, engine);

  std::ofstream file;
  std::ostream* sink = &out;
  if (!options->output.empty()) {
    file.open(options->output, std::ios::binary);
    if (!file) {
      err << "daprlint: cannot write " << options->output << '\n';
      return 2;
    }
    sink = &file;
  }
  if (options->format == "json") {
    render_json(report, *sink);
  } else if (options->format == "sarif") {
    render_sarif(report, *sink);
  } else {
    bool color = options->color && options->output.empty() && std::getenv("NO_COLOR") == nullptr &&
                 isatty(STDOUT_FILENO) && &out == &std::cout;
    render_text(report, *sink, color);
  }
  sink->flush();
  if (!*sink) {
    err << "daprlint: cannot write the report"
        << (options->output.empty() ? "" : " to " + options->output) << '\n';
    return 2;
  }
  for (const std::string& e : errors) err << "daprlint: " << e << '\n';
  print_timings(result.timings, err);
  for (const Notice& n : report.notices) {
    if (options->format != "text")
      err << "daprlint: " << report.files[n.file_index] << ": " << n.message << '\n';
  }
  if (!errors.empty()) return 2;
  return fails(report.findings, options->fail_on) ? 1 : 0;
}

}  // namespace daprlint
