#include "cli/run.h"

#include <unistd.h>

#include <cstdlib>
#include <fstream>
#include <iostream>

#include "cli/options.h"
#include "engine/engine.h"
#include "load/input.h"
#include "load/manifest_loader.h"
#include "report/report.h"

namespace daprlint {
namespace {

/// Reads and loads every input file into the inventory; yaml-syntax findings and notices aside.
void load_all(const std::vector<std::string>& files, Inventory& inventory, std::vector<Finding>& findings,
              std::vector<Notice>& notices, std::vector<std::string>& errors) {
  inventory.files = files;
  for (std::size_t i = 0; i < files.size(); ++i) {
    std::string text, error;
    if (!read_input(files[i], text, error)) {
      errors.push_back(error);
      continue;
    }
    LoadedFile loaded = load_manifests(text, i);
    for (Object& o : loaded.objects) inventory.objects.push_back(std::move(o));
    for (Finding& f : loaded.findings) findings.push_back(std::move(f));
    if (!loaded.notice.empty()) notices.push_back({i, loaded.notice});
  }
  inventory.index();
}

bool fails(const std::vector<Finding>& findings, const std::string& fail_on) {
  if (fail_on == "none") return false;
  Severity threshold = *parse_severity(fail_on);
  for (const Finding& f : findings) {
    if (f.severity >= threshold) return true;
  }
  return false;
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

  RuleSet rules = load_rules(options->rules_dir);
  for (const std::string& id : unimplemented_native_rules(rules)) {
    rules.errors.push_back(rules.find(id)->source + ": engine native, but daprlint has no implementation of " + id);
  }
  for (const std::string& id : options->only_rules) {
    if (!rules.find(id)) rules.errors.push_back("--rule: unknown rule '" + id + "'");
  }
  if (!rules.errors.empty()) {
    for (const std::string& e : rules.errors) err << "daprlint: " << e << '\n';
    return 2;
  }

  InputList inputs = collect_inputs(options->paths);
  std::vector<std::string> errors = inputs.errors;
  Inventory inventory;
  std::vector<Finding> findings;
  Report report;
  load_all(inputs.files, inventory, findings, report.notices, errors);

  // Loader findings (yaml-syntax) belong to a rule too, so --rule filters them alike.
  if (!options->only_rules.empty()) {
    std::erase_if(findings, [&](const Finding& f) {
      return std::find(options->only_rules.begin(), options->only_rules.end(), f.rule_id) == options->only_rules.end();
    });
  }
  EngineOptions engine{options->only_rules, options->profile, options->now};
  std::vector<Finding> rule_findings = run_rules(rules, inventory, engine, report.profile);
  findings.insert(findings.end(), rule_findings.begin(), rule_findings.end());
  sort_findings(findings);

  report.files = inventory.files;
  report.findings = std::move(findings);
  report.objects = inventory.objects.size();
  for (const Rule& r : rules.rules) {
    if (options->only_rules.empty() ||
        std::find(options->only_rules.begin(), options->only_rules.end(), r.id) != options->only_rules.end()) {
      report.rules.push_back(&r);
    }
  }

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
    err << "daprlint: cannot write the report" << (options->output.empty() ? "" : " to " + options->output) << '\n';
    return 2;
  }
  for (const std::string& e : errors) err << "daprlint: " << e << '\n';
  for (const Notice& n : report.notices) {
    if (options->format != "text") err << "daprlint: " << report.files[n.file_index] << ": " << n.message << '\n';
  }
  if (!errors.empty()) return 2;
  return fails(report.findings, options->fail_on) ? 1 : 0;
}

}  // namespace daprlint
