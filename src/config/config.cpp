#include "config/config.h"

#include <re2/re2.h>

#include <algorithm>
#include <charconv>
#include <set>

#include "engine/engine.h"
#include "load/input.h"
#include "load/located.h"
#include "load/schema_validator.h"
#include "load/yaml_parser.h"
#include "model/quantity.h"
#include "rules/embedded.h"

namespace fs = std::filesystem;

namespace daprlint {
namespace {

std::optional<std::uint64_t> unsigned_value(Node n) {
  if (!n) return std::nullopt;
  std::uint64_t v = 0;
  std::string_view t = n.text();
  auto [end, ec] = std::from_chars(t.data(), t.data() + t.size(), v);
  if (ec != std::errc() || end != t.data() + t.size()) return std::nullopt;
  return v;
}

std::string names_of(Node map) {
  std::string out;
  for (const NodeEntry& e : map.entries())
    out += (out.empty() ? "" : ", ") + std::string(e.key.text());
  return out.empty() ? "none" : out;
}

/// Parameters whose name ends in `pattern` or `patterns` hold RE2 patterns: compile them now,
/// so a typo is an error at its line instead of a rule that silently never matches.
void check_patterns(const std::string& path, std::string_view name, Node value,
                    std::vector<std::string>& errors) {
  if (!name.ends_with("pattern") && !name.ends_with("patterns")) return;
  std::vector<Node> patterns = value.is_seq() ? value.elements() : std::vector<Node>{value};
  RE2::Options options;
  options.set_log_errors(false);
  for (Node p : patterns) {
    RE2 re(p.text(), options);
    if (!re.ok()) errors.push_back(located(path, p, "bad RE2 pattern: " + re.error()));
  }
}

/// An override must have the shape of the default it replaces: a number for a number, a list
/// for a list, a map for a map.
void check_param(const std::string& path, const Rule& rule, const NodeEntry& param,
                 std::vector<std::string>& errors) {
  Node fallback = rule.params.defaults().get(param.key.text());
  std::string name(param.key.text());
  if (!fallback) {
    errors.push_back(located(path, param.key,
                             rule.id + " has no parameter '" + name +
                                 "'; its parameters: " + names_of(rule.params.defaults())));
    return;
  }
  Node v = param.value;
  const char* expected = nullptr;
  if (fallback.is_seq() && !v.is_seq()) expected = "a list";
  if (fallback.is_map() && !v.is_map()) expected = "a map";
  if (fallback.is_scalar() && !v.is_scalar()) expected = "a single value";
  if (fallback.is_scalar() && parse_number(fallback.text()) && !parse_number(v.text()))
    expected = "a number";
  if (expected) {
    errors.push_back(
        located(path, v ? v : param.key,
                rule.id + " parameter '" + name + "' must be " + expected + " (default: " +
                    std::string(fallback.is_scalar() ? fallback.text()
                                                     : "see daprlint explain " + rule.id) +
                    ")"));
    return;
  }
  check_patterns(path, name, v, errors);
}

}  // namespace

bool Config::excludes(const std::string& file) const {
  if (exclude.empty() || file == kStdinName) return false;
  std::error_code ec;
  fs::path absolute = fs::absolute(file, ec).lexically_normal();
  std::string relative = absolute.lexically_relative(dir).generic_string();
  std::string name = absolute.filename().string();
  for (const Glob& g : exclude) {
    // A pattern without `/` matches a file name anywhere, as in .gitignore.
    bool by_name = g.pattern().find('/') == std::string::npos;
    if (g.matches(relative) || (by_name && g.matches(name))) return true;
  }
  return false;
}

std::optional<fs::path> find_config(const fs::path& start) {
  std::error_code ec;
  for (fs::path dir = fs::absolute(start, ec); !dir.empty(); dir = dir.parent_path()) {
    fs::path candidate = dir / kConfigFileName;
    if (fs::is_regular_file(candidate, ec)) return candidate;
    if (dir == dir.parent_path()) break;
  }
  return std::nullopt;
}

std::optional<Config> load_config(const std::string& path, std::vector<std::string>& errors) {
  std::string text, error;
  if (!read_input(path, text, error)) {
    errors.push_back(error);
    return std::nullopt;
  }
  ParsedStream parsed = parse_yaml(text);
  if (parsed.error) {
    errors.push_back(located(path, *parsed.error));
    return std::nullopt;
  }
  Config c;
  c.path = path;
  std::error_code ec;
  c.dir = fs::absolute(path, ec).lexically_normal().parent_path();
  if (parsed.documents.empty()) return c;  // an empty file is an empty config
  if (parsed.documents.size() > 1) {
    errors.push_back(path + ":1:1: a config file holds one YAML document");
    return std::nullopt;
  }
  c.tree = parsed.documents.front();
  Node root(c.tree.get(), c.tree->root);
  if (root.is_null()) return c;
  static const SchemaValidator schema(embedded_file("schemas/config.schema.json"));
  auto problems = schema.validate(root);
  if (!problems.empty()) {
    // Every unknown key at once (they are cheap to fix together), else the most specific error.
    std::size_t before = errors.size();
    for (const SchemaError& p : problems) {
      if (p.message.find("unknown key") != std::string::npos)
        errors.push_back(located(path, p.at, p.message));
    }
    if (errors.size() == before)
      errors.push_back(located(path, problems.front().at, problems.front().message));
    return std::nullopt;
  }
  if (root.get("profile") && root.get("dapr-version")) {
    errors.push_back(located(path, root.get("profile").key(),
                             "profile is the older name of dapr-version: give one of them"));
    return std::nullopt;
  }
  if (Node n = root.get("profile")) c.dapr_version = profile_release(std::string(n.text()));
  if (Node n = root.get("dapr-version")) c.dapr_version = std::string(n.text());
  if (Node n = root.get("fail-on")) c.fail_on = std::string(n.text());
  auto selectors = [&](const char* key, std::vector<Selector>& out) {
    for (Node n : root.get(key).elements())
      out.push_back({std::string(n.text()), located(path, n, key)});
  };
  selectors("select", c.selection.select);
  selectors("extend-select", c.selection.extend_select);
  selectors("ignore", c.selection.ignore);
  for (const NodeEntry& e : root.get("categories").entries())
    c.categories[std::string(e.key.text())] = e.value.text() == "on";
  for (const NodeEntry& e : root.get("rules").entries()) {
    Config::RuleSetting s;
    s.at = e.key;
    std::string_view v = e.value.text();
    if (v == "on" || v == "off") s.enabled = v == "on";
    if (auto sev = parse_severity(v)) s.severity = sev;
    if (Node enabled = e.value.get("enabled")) s.enabled = enabled.text() == "true";
    if (Node sev = e.value.get("severity")) s.severity = parse_severity(sev.text());
    s.params = e.value.get("params");
    c.rules[std::string(e.key.text())] = s;
  }
  for (Node v : root.get("chart-values").elements()) {
    fs::path file = c.dir / std::string(v.get("path").text());
    fs::path relative = file.lexically_normal().lexically_relative(fs::current_path(ec));
    c.chart_values.emplace_back((relative.empty() ? file : relative).generic_string(),
                                std::string(v.get("version").text()));
  }
  if (Node k = root.get("kustomize")) c.kustomize = k.text() == "true";
  for (Node g : root.get("exclude").elements()) c.exclude.emplace_back(g.text());
  for (Node item : root.get("exemptions").elements()) {
    Exemption x;
    if (Node n = item.get("kind")) x.kind.emplace(n.text());
    if (Node n = item.get("namespace")) x.namespace_.emplace(n.text());
    if (Node n = item.get("name")) x.name.emplace(n.text());
    if (Node n = item.get("container")) x.container.emplace(n.text());
    for (Node r : item.get("rules").elements()) x.rules.emplace_back(r.text());
    x.reason = item.get("reason").text();
    x.at = item;
    c.exemptions.push_back(std::move(x));
  }
  Node limits = root.get("limits");
  c.max_file_size = unsigned_value(limits.get("max-file-size"));
  c.max_depth = unsigned_value(limits.get("max-depth"));
  c.max_nodes = unsigned_value(limits.get("max-nodes"));
  if (Node p = root.get("parser"))
    c.parser = p.text() == "yaml-cpp" ? YamlParser::yaml_cpp : YamlParser::libyaml;
  return c;
}

void apply_config(const Config& config, RuleSet& rules, std::set<std::string>& selected,
                  std::vector<std::string>& errors) {
  auto unknown = [&](Node at, std::string_view id) {
    std::string hint = rules.suggest(id);
    errors.push_back(located(config.path, at,
                             "unknown rule '" + std::string(id) + "'" +
                                 (hint.empty() ? "" : " (did you mean " + hint + "?)")));
  };
  for (Rule& rule : rules.rules) {
    auto category = config.categories.find(rule.category);
    if (category == config.categories.end()) continue;
    if (category->second)
      selected.insert(rule.id);
    else
      selected.erase(rule.id);
  }
  for (const auto& [id, setting] : config.rules) {
    Rule* rule = rules.find_mutable(id);
    if (!rule) {
      unknown(setting.at, id);
      continue;
    }
    if (setting.enabled) {
      if (*setting.enabled)
        selected.insert(id);
      else
        selected.erase(id);
    }
    if (setting.severity) {
      rule->severity = *setting.severity;
      rule->configured_severity = setting.severity;
    }
    if (!setting.params) continue;
    std::size_t before = errors.size();
    for (const NodeEntry& p : setting.params.entries()) check_param(config.path, *rule, p, errors);
    if (errors.size() != before) continue;
    rule->params.set_overrides(setting.params, config.tree);
    if (rule->engine == Engine::Declarative && !compile_rule(*rule, errors)) {
      errors.back() += " (with the params of " + config.path + ")";
    }
  }
  for (const Exemption& x : config.exemptions) {
    for (Node r : x.at.get("rules").elements()) {
      if (!rules.find(r.text())) unknown(r, r.text());
    }
  }
}

std::string_view starter_config() {
  return embedded_file("src/config/starter.daprlint.yaml");
}

}  // namespace daprlint
