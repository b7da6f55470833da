#include "cli/options.h"

#include <cxxopts.hpp>
#include <iomanip>
#include <sstream>

#include "engine/engine.h"

namespace daprlint {

std::optional<std::time_t> parse_date(const std::string& text) {
  std::tm tm{};
  std::istringstream in(text);
  in >> std::get_time(&tm, text.size() > 10 ? "%Y-%m-%dT%H:%M:%S" : "%Y-%m-%d");
  if (in.fail()) return std::nullopt;
  return timegm(&tm);
}

std::optional<Options> parse_options(int argc, const char* const* argv, std::string& error) {
  Options o;
  // A subcommand comes first; without one, daprlint lints (`daprlint lint rules/` lints a
  // directory named `rules`).
  std::string first = argc > 1 ? argv[1] : "";
  if (first == "lint" || first == "rules" || first == "explain" || first == "init") {
    o.command = first;
    --argc;
    ++argv;
  }
  cxxopts::Options spec("daprlint", "Production-readiness linter for Dapr on Kubernetes manifests");
  spec.custom_help("[lint] [options]");
  spec.positional_help(
      "[PATH ...]  (files, directories, or - for stdin; default: .)\n"
      "  daprlint rules [--format text|json|markdown]   list every rule\n"
      "  daprlint explain RULE-ID                        why a rule matters and how to fix it\n"
      "  daprlint init [--output FILE]                   write a commented .daprlint.yaml");
  spec.add_options()(
      "f,format",
      "output format: text, json, sarif, github, codeclimate, junit, markdown or html (rules: "
      "text, json or markdown)",
      cxxopts::value<std::string>()->default_value("text"))(
      "o,output", "write the report to FILE instead of stdout", cxxopts::value<std::string>())(
      "fail-on",
      "exit 1 when a finding is at or above: error, warning, note or none (default: warning)",
      cxxopts::value<std::string>())(
      "dapr-version",
      "the Dapr release whose guidance applies: X.Y[.Z], latest or auto (default: auto, the "
      "release the input runs, found from its control plane or chart version)",
      cxxopts::value<std::string>())(
      "profile", "older name of --dapr-version: dapr-0.11, dapr-1.0 (1.11), current (latest), auto",
      cxxopts::value<std::string>())("config", "read FILE instead of the nearest .daprlint.yaml",
                                     cxxopts::value<std::string>())("no-config",
                                                                    "ignore .daprlint.yaml files")(
      "show-suppressed", "also list suppressed findings in the text output")(
      "omit-suppressed",
      "leave suppressed findings out of every format (for uploaders that ignore SARIF "
      "suppressions, such as GitHub code scanning)")(
      "baseline", "report only findings that are not in the baseline FILE",
      cxxopts::value<std::string>())(
      "write-baseline", "record the current findings in FILE (exit 0 unless an input is bad)",
      cxxopts::value<std::string>())("rules-dir",
                                     "add or override rules with the rules/*.yaml files of DIR",
                                     cxxopts::value<std::string>())(
      "select",
      "run these rules instead of the default set: ids, categories, id prefixes (sc, cp), "
      "default, opt-in, or all (alias strict); comma-separated",
      cxxopts::value<std::vector<std::string>>())(
      "extend-select", "run these rules too (e.g. opt-in, or sc-seccomp-missing)",
      cxxopts::value<std::vector<std::string>>())("ignore",
                                                  "do not run these rules (same words as --select)",
                                                  cxxopts::value<std::vector<std::string>>())(
      "rule", "run only this rule, whatever the selection (repeatable)",
      cxxopts::value<std::vector<std::string>>())(
      "now", "clock for certificate expiry, YYYY-MM-DD[THH:MM:SS] UTC (default: now)",
      cxxopts::value<std::string>())("no-color", "never colour the text output")(
      "timings", "print the time spent loading and in each rule to stderr")(
      "j,jobs", "threads that read files and run rules (default: every core)",
      cxxopts::value<unsigned>()->default_value("0"))(
      "max-file-size", "skip a file larger than BYTES with a yaml-limit-exceeded finding",
      cxxopts::value<std::uint64_t>()->default_value(std::to_string(o.limits.max_file_size)))(
      "max-depth", "deepest nesting of maps and sequences read in a document",
      cxxopts::value<std::uint32_t>()->default_value(std::to_string(o.limits.max_depth)))(
      "max-nodes",
      "most nodes read in a document or List item, aliases counted as what they repeat",
      cxxopts::value<std::uint64_t>()->default_value(std::to_string(o.limits.max_nodes)))(
      "parser", "YAML parser: libyaml (reads YAML as Kubernetes does) or yaml-cpp (the reference)",
      cxxopts::value<std::string>()->default_value("libyaml"))(
      "chart-values",
      "lint FILE as values of the Dapr Helm chart (FILE@1.16: for that chart version)",
      cxxopts::value<std::vector<std::string>>())(
      "helm", "helm program that renders chart folders (default: helm on PATH)",
      cxxopts::value<std::string>())(
      "helm-values", "values file for rendered chart folders (helm -f), after their values.yaml",
      cxxopts::value<std::vector<std::string>>())(
      "set", "KEY=VALUE for rendered chart folders (helm --set)",
      cxxopts::value<std::vector<std::string>>())(
      "namespace", "release namespace for rendered chart folders (helm --namespace)",
      cxxopts::value<std::string>())(
      "kustomize",
      "build folders with a kustomization.yaml (kubectl kustomize) and lint the output")(
      "version", "print the version")("h,help", "print this help")(
      "paths", "", cxxopts::value<std::vector<std::string>>());
  spec.parse_positional({"paths"});
  try {
    auto r = spec.parse(argc, argv);
    o.help = r.count("help") > 0;
    o.version = r.count("version") > 0;
    o.help_text = spec.help();
    o.format = r["format"].as<std::string>();
    if (r.count("fail-on")) o.fail_on = r["fail-on"].as<std::string>();
    if (r.count("profile") && r.count("dapr-version")) {
      error = "--profile is the older name of --dapr-version: give one of them";
      return std::nullopt;
    }
    if (r.count("profile")) {
      const std::string profile = r["profile"].as<std::string>();
      if (profile != "auto" && profile != "dapr-0.11" && profile != "dapr-1.0" &&
          profile != "current") {
        error = "--profile: expected auto, dapr-0.11, dapr-1.0 or current, got '" + profile + "'";
        return std::nullopt;
      }
      o.dapr_version = profile_release(profile);
    }
    if (r.count("dapr-version")) o.dapr_version = r["dapr-version"].as<std::string>();
    if (r.count("config")) o.config = r["config"].as<std::string>();
    if (r.count("baseline")) o.baseline = r["baseline"].as<std::string>();
    if (r.count("write-baseline")) o.write_baseline = r["write-baseline"].as<std::string>();
    o.no_config = r.count("no-config") > 0;
    o.show_suppressed = r.count("show-suppressed") > 0;
    o.omit_suppressed = r.count("omit-suppressed") > 0;
    if (r.count("output")) o.output = r["output"].as<std::string>();
    if (r.count("rules-dir")) o.rules_dir = r["rules-dir"].as<std::string>();
    if (r.count("rule")) o.only_rules = r["rule"].as<std::vector<std::string>>();
    if (r.count("select")) o.select = r["select"].as<std::vector<std::string>>();
    if (r.count("extend-select"))
      o.extend_select = r["extend-select"].as<std::vector<std::string>>();
    if (r.count("ignore")) o.ignore = r["ignore"].as<std::vector<std::string>>();
    if (r.count("paths")) o.paths = r["paths"].as<std::vector<std::string>>();
    o.color = r.count("no-color") == 0;
    o.timings = r.count("timings") > 0;
    o.jobs = r["jobs"].as<unsigned>();
    o.limits = {r["max-file-size"].as<std::uint64_t>(), r["max-depth"].as<std::uint32_t>(),
                r["max-nodes"].as<std::uint64_t>()};
    o.limits_given = {r.count("max-file-size") > 0, r.count("max-depth") > 0,
                      r.count("max-nodes") > 0};
    const std::string parser = r["parser"].as<std::string>();
    if (parser != "libyaml" && parser != "yaml-cpp") {
      error = "--parser: expected libyaml or yaml-cpp, got '" + parser + "'";
      return std::nullopt;
    }
    o.limits.parser = parser == "yaml-cpp" ? YamlParser::yaml_cpp : YamlParser::libyaml;
    o.limits_given.parser = r.count("parser") > 0;
    if (r.count("chart-values")) o.chart_values = r["chart-values"].as<std::vector<std::string>>();
    if (r.count("helm")) o.render.helm = r["helm"].as<std::string>();
    if (r.count("helm-values"))
      o.render.helm_values = r["helm-values"].as<std::vector<std::string>>();
    if (r.count("set")) o.render.set = r["set"].as<std::vector<std::string>>();
    if (r.count("namespace")) o.render.namespace_ = r["namespace"].as<std::string>();
    o.render.kustomize = r.count("kustomize") > 0;
    o.now = std::time(nullptr);
    if (r.count("now")) {
      auto t = parse_date(r["now"].as<std::string>());
      if (!t) {
        error = "--now: expected YYYY-MM-DD or YYYY-MM-DDTHH:MM:SS, got '" +
                r["now"].as<std::string>() + "'";
        return std::nullopt;
      }
      o.now = *t;
    }
  } catch (const cxxopts::exceptions::exception& e) {
    error = e.what();
    return std::nullopt;
  }
  if (o.limits.max_depth == 0 || o.limits.max_nodes == 0 || o.limits.max_nodes > 0xfffffff0u) {
    error = "--max-depth and --max-nodes: expected a number from 1 (--max-nodes below 2^32)";
    return std::nullopt;
  }
  if (o.command == "rules" && o.format != "text" && o.format != "json" && o.format != "markdown") {
    error = "--format: expected text, json or markdown, got '" + o.format + "'";
    return std::nullopt;
  }
  if (o.command != "rules" && o.format != "text" && o.format != "json" && o.format != "sarif" &&
      o.format != "github" && o.format != "codeclimate" && o.format != "junit" &&
      o.format != "markdown" && o.format != "html") {
    error =
        "--format: expected text, json, sarif, github, codeclimate, junit, markdown or html, "
        "got '" +
        o.format + "'";
    return std::nullopt;
  }
  if ((o.command == "rules" || o.command == "init") && !o.paths.empty()) {
    error = o.command + ": unexpected argument '" + o.paths.front() + "'";
    return std::nullopt;
  }
  if (!o.config.empty() && o.no_config) {
    error = "--config and --no-config exclude each other";
    return std::nullopt;
  }
  if (o.command == "explain" && o.paths.size() != 1) {
    error = "explain: expected one rule id, e.g. daprlint explain cp-ha-replicas";
    return std::nullopt;
  }
  if (!o.fail_on.empty() && o.fail_on != "error" && o.fail_on != "warning" && o.fail_on != "note" &&
      o.fail_on != "none") {
    error = "--fail-on: expected error, warning, note or none, got '" + o.fail_on + "'";
    return std::nullopt;
  }
  if (!o.dapr_version.empty() && !valid_dapr_version(o.dapr_version)) {
    error = "--dapr-version: expected a release such as 1.16 or 1.16.2, latest or auto, got '" +
            o.dapr_version + "'";
    return std::nullopt;
  }
  return o;
}

}  // namespace daprlint
