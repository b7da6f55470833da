#include "cli/run.h"

#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <set>

#include "cli/options.h"
#include "config/config.h"
#include "engine/baseline.h"
#include "engine/lint.h"
#include "engine/suppressions.h"
#include "load/input.h"
#include "report/rule_docs.h"

namespace daprlint {
namespace {

bool fails(const std::vector<Finding>& findings, const std::string& fail_on) {
  if (fail_on == "none") return false;
  Severity threshold = *parse_severity(fail_on);
  for (const Finding& f : findings) {
    if (!f.suppression && f.severity >= threshold) return true;
  }
  return false;
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

/// `daprlint init`: the starter config, never over an existing file.
int write_starter_config(const Options& options, std::ostream& out, std::ostream& err) {
  std::string path = options.output.empty() ? kConfigFileName : options.output;
  if (path == "-") {
    out << starter_config();
    return out ? 0 : 2;
  }
  std::error_code ec;
  if (std::filesystem::exists(path, ec)) {
    err << "daprlint: " << path << " already exists; remove it first or use --output FILE\n";
    return 2;
  }
  std::ofstream file(path, std::ios::binary);
  file << starter_config();
  file.close();
  if (!file) {
    err << "daprlint: cannot write " << path << '\n';
    return 2;
  }
  out << "daprlint: wrote " << path << "; edit it, then run daprlint\n";
  return 0;
}

/// The --config file, else the nearest .daprlint.yaml, else none.
std::optional<Config> read_config(const Options& options, std::vector<std::string>& errors) {
  if (options.no_config) return std::nullopt;
  std::string path = options.config;
  if (path.empty()) {
    std::error_code ec;
    auto found = find_config(std::filesystem::current_path(ec));
    if (!found) return std::nullopt;
    // Shown relative to the working directory, like the linted files.
    path = found->lexically_relative(std::filesystem::current_path(ec)).generic_string();
  }
  return load_config(path, errors);
}

/// The command line's limits, else the config's, else the defaults.
LoadLimits limits_of(const Options& options, const std::optional<Config>& config) {
  LoadLimits limits = options.limits;
  if (!config) return limits;
  if (!options.limits_given.file_size && config->max_file_size)
    limits.max_file_size = *config->max_file_size;
  if (!options.limits_given.depth && config->max_depth)
    limits.max_depth = static_cast<std::uint32_t>(*config->max_depth);
  if (!options.limits_given.nodes && config->max_nodes) limits.max_nodes = *config->max_nodes;
  if (!options.limits_given.parser && config->parser) limits.parser = *config->parser;
  return limits;
}

/// The words of a selection option, named after it for messages.
std::vector<Selector> selectors(const std::vector<std::string>& words, const char* option) {
  std::vector<Selector> out;
  for (const std::string& w : words) out.push_back({w, option});
  return out;
}

/// The selectors of the run, as the report shows them: --select replaces the config's
/// `select`, the others add up.
RuleSelection selection_of(const Options& options, const std::optional<Config>& config) {
  RuleSelection s = config ? config->selection : RuleSelection{};
  if (!options.select.empty()) s.select = selectors(options.select, "--select");
  for (const Selector& x : selectors(options.extend_select, "--extend-select"))
    s.extend_select.push_back(x);
  for (const Selector& x : selectors(options.ignore, "--ignore")) s.ignore.push_back(x);
  return s;
}

/// The ids of the rules the run leaves out: the selection's select and extend-select, then
/// the config's `ignore`, its `categories` and `rules` switches, then --ignore.
std::vector<std::string> deselected(RuleSet& rules, const RuleSelection& selection,
                                    const Options& options, const std::optional<Config>& config,
                                    std::vector<std::string>& errors) {
  std::set<std::string> selected = select_rules(rules, selection, errors);
  if (config) {
    ignore_rules(rules, config->selection.ignore, selected, errors);
    apply_config(*config, rules, selected, errors);
  }
  ignore_rules(rules, selectors(options.ignore, "--ignore"), selected, errors);
  std::vector<std::string> out;
  for (const Rule& r : rules.rules) {
    if (!selected.contains(r.id)) out.push_back(r.id);
  }
  return out;
}

/// Inside GitHub Actions, links to the commit's blob: relative links in a step summary or PR
/// comment resolve against the run's or the PR's page, not the repository. Elsewhere relative.
std::string markdown_link_base() {
  const char* actions = std::getenv("GITHUB_ACTIONS");
  const char* server = std::getenv("GITHUB_SERVER_URL");
  const char* repo = std::getenv("GITHUB_REPOSITORY");
  const char* sha = std::getenv("GITHUB_SHA");
  if (!actions || std::string_view(actions) != "true" || !server || !*server || !repo || !*repo ||
      !sha || !*sha)
    return "";
  return std::string(server) + "/" + repo + "/blob/" + sha + "/";
}

/// `FILE@1.16` -> (FILE, 1.16); a FILE whose name holds an `@` and no version stays whole.
std::pair<std::string, std::string> split_version(const std::string& given) {
  const std::size_t at = given.rfind('@');
  if (at == std::string::npos) return {given, ""};
  const std::string version = given.substr(at + 1);
  const bool is_version =
      !version.empty() && version.find_first_not_of("v0123456789.") == std::string::npos;
  return is_version ? std::pair{given.substr(0, at), version} : std::pair{given, std::string()};
}

void render(const Report& report, const Options& options, std::ostream& sink, bool to_stdout) {
  if (options.format == "json") {
    render_json(report, sink);
  } else if (options.format == "sarif") {
    render_sarif(report, sink);
  } else if (options.format == "github") {
    render_github(report, sink);
  } else if (options.format == "codeclimate") {
    render_codeclimate(report, sink);
  } else if (options.format == "junit") {
    render_junit(report, sink);
  } else if (options.format == "markdown") {
    render_markdown(report, sink, markdown_link_base());
  } else if (options.format == "html") {
    render_html(report, sink);
  } else {
    bool color = options.color && options.output.empty() && std::getenv("NO_COLOR") == nullptr &&
                 isatty(STDOUT_FILENO) && to_stdout;
    render_text(report, sink, color);
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
  if (options->command == "init") return write_starter_config(*options, out, err);

  RuleSet rules = load_rules(options->rules_dir, false, options->jobs);
  for (const std::string& id : unimplemented_native_rules(rules)) {
    rules.errors.push_back(rules.find(id)->source +
                           ": engine native, but daprlint has no implementation of " + id);
  }
  for (const std::string& id : options->only_rules) {
    if (!rules.find(id)) rules.errors.push_back("--rule: unknown rule '" + id + "'");
  }
  if (options->command == "explain" && !rules.find(options->paths.front())) {
    std::string hint = rules.suggest(options->paths.front());
    rules.errors.push_back("explain: unknown rule '" + options->paths.front() + "'" +
                           (hint.empty() ? "" : " (did you mean " + hint + "?)"));
  }
  std::optional<Config> config;
  RuleSelection selection;
  std::vector<std::string> disabled;
  if (rules.errors.empty()) {
    config = read_config(*options, rules.errors);
    selection = selection_of(*options, config);
    disabled = deselected(rules, selection, *options, config, rules.errors);
  }
  std::optional<Baseline> baseline;
  if (rules.errors.empty() && !options->baseline.empty()) {
    baseline = read_baseline(options->baseline, error);
    if (!baseline) rules.errors.push_back(error);
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

  RenderSettings renderer = options->render;
  if (!options->render.kustomize && config && config->kustomize) renderer.kustomize = true;
  if (!renderer.helm.empty() && render_program(RenderTool::helm, renderer).empty()) {
    err << "daprlint: --helm: " << renderer.helm << " is not an executable program\n";
    return 2;
  }
  // `daprlint --chart-values FILE` lints that file alone, not the current folder too.
  InputList inputs = options->paths.empty() && !options->chart_values.empty()
                         ? InputList{}
                         : collect_inputs(options->paths, &renderer);
  if (config) drop_inputs(inputs, [&](const std::string& f) { return config->excludes(f); });
  std::vector<std::pair<std::string, std::string>> chart_values;
  if (config) chart_values = config->chart_values;
  for (const std::string& given : options->chart_values)
    chart_values.push_back(split_version(given));
  mark_chart_values(inputs, chart_values);
  render_inputs(inputs, renderer, limits_of(*options, config).max_file_size);
  std::string dapr_version = !options->dapr_version.empty() ? options->dapr_version
                             : config                       ? config->dapr_version.value_or("auto")
                                                            : "auto";
  std::string fail_on = !options->fail_on.empty() ? options->fail_on
                        : config                  ? config->fail_on.value_or("warning")
                                                  : "warning";
  EngineOptions engine{options->only_rules,         dapr_version,  options->now, options->timings,
                       limits_of(*options, config), options->jobs, disabled};
  engine.sources = std::move(inputs.sources);
  LintResult result = lint_files(inputs.files, rules, engine);
  apply_suppressions(result, rules, engine, config ? &*config : nullptr);
  std::vector<std::string> errors = inputs.errors;
  errors.insert(errors.end(), result.errors.begin(), result.errors.end());
  if (!options->write_baseline.empty() &&
      !write_baseline(options->write_baseline, result.findings, result.inventory.files, error)) {
    err << "daprlint: " << error << '\n';
    return 2;
  }
  if (options->omit_suppressed)
    std::erase_if(result.findings, [](const Finding& f) { return f.suppression.has_value(); });
  BaselineMatch matched;
  std::vector<Finding> baseline_findings;
  if (baseline)
    matched = apply_baseline(*baseline, result.findings, result.inventory.files,
                             options->format == "html" ? &baseline_findings : nullptr);
  Report report = make_report(result, rules, engine);
  report.baseline_findings = std::move(baseline_findings);
  report.baseline_path = options->baseline;
  report.fail_on = parse_severity(fail_on);
  report.selection = selection;
  report.show_suppressed = options->show_suppressed;
  report.jobs = options->jobs;
  report.baseline_used = baseline.has_value();
  report.baseline_matched = matched.matched;
  report.baseline_absent = matched.absent;

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
  render(report, *options, *sink, &out == &std::cout);
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
  if (!options->write_baseline.empty()) return 0;
  return fails(report.findings, fail_on) ? 1 : 0;
}

}  // namespace daprlint
