#include "rules/rule_loader.h"

#include <algorithm>
#include <filesystem>
#include <map>
#include <utility>

#include "engine/parallel.h"
#include "load/input.h"
#include "load/located.h"
#include "load/schema_validator.h"
#include "load/yaml_parser.h"
#include "model/edit_distance.h"
#include "rules/compiled_rules.h"
#include "rules/embedded.h"
#include "rules/release_facts.h"

namespace fs = std::filesystem;

namespace daprlint {
namespace {

const SchemaValidator& rule_schema() {
  static const SchemaValidator validator(embedded_file("schemas/rule.schema.json"));
  return validator;
}

std::vector<std::string> strings(Node seq) {
  std::vector<std::string> out;
  for (Node e : seq.elements()) out.emplace_back(e.text());
  return out;
}

/// Compiles what the schema cannot check: paths, predicates, regexes.
class RuleCompiler {
 public:
  RuleCompiler(const std::string& source, std::vector<std::string>& errors,
               const RuleParams& params)
      : source_(source), errors_(errors), params_(params) {}

  bool path(Node text, std::optional<Path>& out) {
    if (!text) return true;
    std::string why;
    out = parse_path(text.text(), why);
    if (!out) errors_.push_back(located(source_, text, why));
    return out.has_value();
  }

  bool predicate(Node yaml, Predicate& out) {
    std::string why;
    Node at;
    auto p = compile_predicate(yaml, why, at, &params_);
    if (!p) {
      errors_.push_back(located(source_, at ? at : yaml, why));
      return false;
    }
    out = std::move(*p);
    return true;
  }

 private:
  const std::string& source_;
  std::vector<std::string>& errors_;
  const RuleParams& params_;
};

/// A message with every `${name}` replaced by the rule's parameter `name`.
std::string with_params(std::string_view message, const RuleParams& params) {
  std::string out;
  std::size_t at = 0;
  for (std::size_t open = message.find("${"); open != std::string_view::npos;
       open = message.find("${", at)) {
    std::size_t close = message.find('}', open);
    if (close == std::string_view::npos) break;
    out.append(message.substr(at, open - at));
    Node value = params.get(message.substr(open + 2, close - open - 2));
    out.append(value.is_scalar() ? value.text() : message.substr(open, close + 1 - open));
    at = close + 1;
  }
  out.append(message.substr(at));
  return out;
}

bool known_placeholders(const std::string& message, std::string& bad) {
  static const char* kKnown[] = {"kind",      "name",  "namespace", "component",
                                 "container", "value", "missing",   "releases"};
  for (std::size_t open = message.find('{'); open != std::string::npos;
       open = message.find('{', open + 1)) {
    std::size_t close = message.find('}', open);
    if (close == std::string::npos) break;
    std::string name = message.substr(open + 1, close - open - 1);
    if (std::none_of(std::begin(kKnown), std::end(kKnown),
                     [&](const char* k) { return name == k; })) {
      bad = name;
      return false;
    }
  }
  return true;
}

/// A `releases:` range of a rule or check; nullopt with a located error when it is malformed.
std::optional<ReleaseMask> release_range(const std::string& source, Node range,
                                         std::vector<std::string>& errors) {
  std::string why;
  auto mask = ReleaseFacts::embedded().range(range.text(), why);
  if (!mask) errors.push_back(located(source, range, why));
  return mask;
}

bool uses_chart_anchor(const Path& p) {
  return p.anchor == Path::Anchor::Values || p.anchor == Path::Anchor::ChartVersion;
}

bool uses_chart_anchor(const Predicate& p) {
  return std::any_of(p.paths.begin(), p.paths.end(),
                     [](const Path& path) { return uses_chart_anchor(path); }) ||
         std::any_of(p.children.begin(), p.children.end(),
                     [](const Predicate& c) { return uses_chart_anchor(c); });
}

}  // namespace

bool compile_rule(Rule& r, std::vector<std::string>& errors) {
  Node root(r.tree.get(), r.tree->root);
  Node targets = root.get("targets");
  r.checks.clear();
  RuleCompiler compile(r.source, errors, r.params);
  bool ok = true;
  if (Node when = targets.get("when")) {
    Predicate p;
    ok = compile.predicate(when, p) && ok;
    r.targets.when = std::move(p);
  }
  ok = compile.path(root.get("for_each"), r.for_each) && ok;
  for (Node c : root.get("checks").elements()) {
    Check check;
    ok = compile.predicate(c.get("match"), check.match) && ok;
    check.message = with_params(c.get("message").text(), r.params);
    std::string bad;
    if (!known_placeholders(check.message, bad)) {
      errors.push_back(located(r.source, c.get("message"), "unknown placeholder {" + bad + "}"));
      ok = false;
    }
    if (Node s = c.get("severity")) check.severity = parse_severity(s.text());
    if (Node range = c.get("releases")) {
      auto mask = release_range(r.source, range, errors);
      ok = mask.has_value() && ok;
      check.releases = mask.value_or(0);
    }
    ok = compile.path(c.get("report_at"), check.report_at) && ok;
    r.checks.push_back(std::move(check));
  }
  if (!ok) return false;
  // @values and @chart_version exist only on chart installs: elsewhere `not` would always hold.
  bool chart_paths = (r.for_each && uses_chart_anchor(*r.for_each)) ||
                     (r.targets.when && uses_chart_anchor(*r.targets.when));
  for (const Check& c : r.checks) {
    chart_paths = chart_paths || uses_chart_anchor(c.match) ||
                  (c.report_at && uses_chart_anchor(*c.report_at));
  }
  if (chart_paths && r.targets.role != "dapr-chart") {
    errors.push_back(located(r.source, targets ? targets : root,
                             "paths under @values or @chart_version need targets.role: "
                             "dapr-chart"));
    return false;
  }
  return true;
}

namespace {

/// `releases:`, or the guideline editions of `profiles:` that it replaced (rules of a
/// --rules-dir written before releases): dapr-0.11 is 0.11, dapr-1.0 is 1.0-1.11, current 1.12 on.
bool read_releases(Rule& r, Node root, std::vector<std::string>& errors) {
  const ReleaseFacts& facts = ReleaseFacts::embedded();
  if (Node range = root.get("releases")) {
    auto mask = release_range(r.source, range, errors);
    if (!mask) return false;
    r.releases = *mask;
    r.releases_text = range.text();
    return true;
  }
  Node profiles = root.get("profiles");
  if (!profiles) return true;
  static const std::pair<std::string_view, std::string_view> kEditions[] = {
      {"dapr-0.11", "<1.0"}, {"dapr-1.0", ">=1.0 <1.12"}, {"current", ">=1.12"}};
  std::vector<std::string> ranges;
  r.releases = 0;
  for (Node p : profiles.elements()) {
    for (const auto& [edition, range] : kEditions) {
      if (p.text() != edition) continue;
      r.releases |= facts.mask(range);
      ranges.emplace_back(range);
    }
  }
  for (const std::string& range : ranges)
    r.releases_text += (r.releases_text.empty() ? "" : " || ") + range;
  return true;
}

}  // namespace

const Rule* RuleSet::find(std::string_view id) const {
  for (const Rule& r : rules) {
    if (r.id == id) return &r;
  }
  return nullptr;
}

Rule* RuleSet::find_mutable(std::string_view id) {
  return const_cast<Rule*>(std::as_const(*this).find(id));
}

std::string RuleSet::suggest(std::string_view id) const {
  std::string best;
  std::size_t best_distance = id.size() / 3 + 1;
  for (const Rule& r : rules) {
    std::size_t d = edit_distance(id, r.id);
    if (d < best_distance) {
      best_distance = d;
      best = r.id;
    }
  }
  return best;
}

std::optional<Rule> load_rule(std::string_view text, const std::string& source,
                              std::vector<std::string>& errors, bool validate) {
  ParsedStream parsed = parse_yaml(text);
  if (parsed.error) {
    errors.push_back(located(source, *parsed.error));
    return std::nullopt;
  }
  if (parsed.documents.size() != 1) {
    errors.push_back(source + ":1:1: a rule file holds exactly one YAML document");
    return std::nullopt;
  }
  return load_rule(parsed.documents.front(), source, errors, validate);
}

std::optional<Rule> load_rule(std::shared_ptr<const Tree> tree, const std::string& source,
                              std::vector<std::string>& errors, bool validate) {
  Rule r;
  r.tree = std::move(tree);
  Node root(r.tree.get(), r.tree->root);
  auto problems = validate ? rule_schema().validate(root) : std::vector<SchemaError>{};
  if (!problems.empty()) {
    errors.push_back(located(source, problems.front().at, problems.front().message));
    return std::nullopt;
  }
  r.source = source;
  r.id = root.get("id").text();
  std::string stem = fs::path(source).stem().string();
  if (stem != r.id) {
    errors.push_back(located(source, root.get("id"),
                             "id '" + r.id + "' differs from the file name '" + stem + "'"));
    return std::nullopt;
  }
  r.title = root.get("title").text();
  r.severity = *parse_severity(root.get("severity").text());
  r.category = root.get("category").text();
  r.tags = strings(root.get("tags"));
  r.security_severity = root.get("security-severity").text();
  if (!read_releases(r, root, errors)) return std::nullopt;
  for (Node fact : root.get("facts").elements()) {
    for (const auto& [kind, name] : fact.entries())
      r.facts.emplace_back(std::string(kind.text()), std::string(name.text()));
  }
  r.description = root.get("description").text();
  r.remediation = root.get("remediation").text();
  r.help_uri = root.get("helpUri").text();
  r.opt_in = root.get("opt-in").text();
  r.params = RuleParams(root.get("params"));
  std::string_view engine = root.get("engine").text();
  r.engine = engine == "native"         ? Engine::Native
             : engine == "loader"       ? Engine::Loader
             : engine == "suppressions" ? Engine::Suppressions
                                        : Engine::Declarative;

  Node targets = root.get("targets");
  r.targets.kinds = strings(targets.get("kinds"));
  r.targets.components = strings(targets.get("components"));
  if (Node role = targets.get("role")) r.targets.role = role.text();
  if (!r.targets.components.empty()) r.targets.role = "control-plane";
  r.targets.in_control_plane_namespace = targets.get("in_control_plane_namespace").text() == "true";
  if (Node live = targets.get("live")) r.targets.live = live.text() == "true";

  if (!compile_rule(r, errors)) return std::nullopt;
  return r;
}

RuleSet load_rules(const std::string& rules_dir, bool validate_embedded, unsigned jobs) {
  RuleSet set;
  std::map<std::string, Rule> by_id;
  std::vector<const EmbeddedFile*> embedded;
  for (const EmbeddedFile& f : embedded_files()) {
    if (f.path.starts_with("rules/") && !f.path.starts_with("rules/facts/")) embedded.push_back(&f);
  }
  // Each embedded file's tree, parsed at build time; null for a file left to parse here.
  std::vector<const CompiledRuleFile*> compiled(embedded.size());
  for (std::size_t i = 0; i < embedded.size(); ++i)
    compiled[i] = find_compiled_rule_file(embedded[i]->path);
  // Compiling the rules (their regexes above all) is the largest part of daprlint's startup:
  // spread it over the threads, each file into its own slot, merged in file order as one thread
  // would have.
  std::vector<std::optional<Rule>> loaded(embedded.size());
  std::vector<std::vector<std::string>> errors(embedded.size());
  parallel_for(embedded.size(), jobs, [&](std::size_t i) {
    std::string source(embedded[i]->path);
    loaded[i] = compiled[i]
                    ? load_rule(rebuild_tree(*compiled[i]), source, errors[i], validate_embedded)
                    : load_rule(embedded[i]->content, source, errors[i], validate_embedded);
  });
  for (std::size_t i = 0; i < embedded.size(); ++i) {
    set.errors.insert(set.errors.end(), errors[i].begin(), errors[i].end());
    if (loaded[i]) by_id[loaded[i]->id] = std::move(*loaded[i]);
  }
  if (!rules_dir.empty()) {
    std::error_code ec;
    if (!fs::is_directory(rules_dir, ec)) {
      set.errors.push_back(rules_dir + ": not a directory");
    } else {
      std::vector<fs::path> files;
      for (const auto& entry : fs::directory_iterator(rules_dir, ec)) {
        if (entry.path().extension() == ".yaml") files.push_back(entry.path());
      }
      std::sort(files.begin(), files.end());
      for (const fs::path& p : files) {
        std::string text, error;
        if (!read_input(p.string(), text, error)) {
          set.errors.push_back(error);
          continue;
        }
        if (auto r = load_rule(text, p.generic_string(), set.errors)) by_id[r->id] = std::move(*r);
      }
    }
  }
  for (auto& [id, rule] : by_id) set.rules.push_back(std::move(rule));
  return set;
}

}  // namespace daprlint
