#include "report/rule_docs.h"

#include <algorithm>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>

#include "rules/release_facts.h"

namespace daprlint {
namespace {

/// Wraps a paragraph (the folded `description`) at `width` columns, indented.
std::string wrap(std::string_view text, std::size_t width, std::string_view indent) {
  std::istringstream words{std::string(text)};
  std::string out, line, word;
  while (words >> word) {
    if (!line.empty() && indent.size() + line.size() + 1 + word.size() > width) {
      out += std::string(indent) + line + "\n";
      line.clear();
    }
    line += (line.empty() ? "" : " ") + word;
  }
  if (!line.empty()) out += std::string(indent) + line + "\n";
  return out;
}

std::string join(const std::vector<std::string>& items, std::string_view separator) {
  std::string out;
  for (const std::string& item : items) out += (out.empty() ? "" : std::string(separator)) + item;
  return out;
}

std::string applies_to(const Rule& r) {
  std::vector<std::string> parts;
  if (!r.targets.kinds.empty()) parts.push_back("kinds " + join(r.targets.kinds, ", "));
  if (!r.targets.components.empty())
    parts.push_back("control-plane components " + join(r.targets.components, ", "));
  else if (r.targets.role != "any")
    parts.push_back(r.targets.role == "dapr-app"     ? "Dapr app workloads"
                    : r.targets.role == "dapr-chart" ? "Dapr chart installs (Flux HelmRelease, "
                                                       "Argo CD Application)"
                                                     : "the control plane");
  if (r.targets.live) parts.push_back(*r.targets.live ? "cluster exports only" : "manifests only");
  const ReleaseFacts& facts = ReleaseFacts::embedded();
  parts.push_back(facts.covers_every(r.releases) ? "every Dapr release"
                                                 : "Dapr " + facts.describe(r.releases));
  return join(parts, "; ");
}

/// `1.10-1.16: 2s; 1.17-1.18: 8s` from a release-ranged map.
std::string ranged_values(Node ranged) {
  const ReleaseFacts& facts = ReleaseFacts::embedded();
  std::vector<std::string> parts;
  for (const auto& [range, value] : ranged.entries()) {
    std::string text = value.is_scalar() ? std::string(value.text()) : "(a list)";
    if (value.is_seq()) {
      std::vector<std::string> items;
      for (Node e : value.elements()) items.emplace_back(e.text());
      text = "[" + join(items, ", ") + "]";
    }
    parts.push_back(facts.describe(facts.mask(range.text())) + ": " +
                    (text.empty() ? "\"\"" : text));
  }
  return parts.empty() ? "none" : join(parts, "; ");
}

/// What each release adds to, and drops from, a map of name -> release range (or -> {releases:
/// range}): `1.17: a, b; 1.18: c; dropped in 1.9: d`. Names under a name added by the same
/// release are left out (`x.y` when `x` is new).
std::string additions(Node ranges) {
  const ReleaseFacts& facts = ReleaseFacts::embedded();
  const std::size_t count = facts.releases().size();
  std::vector<std::vector<std::string>> added(count), dropped(count);
  std::vector<std::pair<std::string, std::size_t>> firsts;
  for (const auto& [name, value] : ranges.entries()) {
    Node range = value.is_map() ? value.get("releases") : value;
    const ReleaseMask m = facts.mask(range.text());
    std::string n(name.text());
    for (std::size_t i = 0; i < count; ++i) {
      const bool here = m & release_bit(i), before = i > 0 && (m & release_bit(i - 1));
      if (here && !before && i > 0) {
        bool under_new = std::any_of(firsts.begin(), firsts.end(), [&](const auto& f) {
          return f.second == i && n.starts_with(f.first) && n.size() > f.first.size() &&
                 (n[f.first.size()] == '.' || n[f.first.size()] == '[');
        });
        firsts.emplace_back(n, i);
        if (!under_new) added[i].push_back(n);
      }
      if (!here && before) dropped[i].push_back(n);
    }
  }
  std::vector<std::string> parts;
  for (std::size_t i = 0; i < count; ++i) {
    const std::string release = to_string(facts.releases()[i]);
    if (!added[i].empty()) parts.push_back(release + ": " + join(added[i], ", "));
    if (!dropped[i].empty())
      parts.push_back("dropped in " + release + ": " + join(dropped[i], ", "));
  }
  return parts.empty() ? "none" : join(parts, "; ");
}

/// One line per fact the rule reads, from rules/facts.
std::string fact_line(const std::string& kind, const std::string& name) {
  const ReleaseFacts& facts = ReleaseFacts::embedded();
  if (kind == "chart-value")
    return "chart default of `" + name +
           "`: " + ranged_values(facts.chart_value(name).get("default"));
  if (kind == "flag") {
    std::size_t slash = name.find('/');
    Node flag = facts.flag(name.substr(0, slash), name.substr(slash + 1));
    return "default of " + name.substr(0, slash) + " `--" + name.substr(slash + 1) +
           "`: " + ranged_values(flag.get("default"));
  }
  if (kind == "annotations")
    return "pod annotations each release adds: " + additions(facts.annotations());
  if (kind == "components") {
    // Every type is new in the first release whose registrations are known: list the changes
    // after it.
    const ReleaseMask known = facts.components_known();
    std::vector<std::string> parts;
    for (std::size_t i = 1; i < facts.releases().size(); ++i) {
      if (!(known & release_bit(i)) || !(known & release_bit(i - 1))) continue;
      std::vector<std::string> added, dropped;
      for (const auto& [type, range] : facts.component_types().entries()) {
        const ReleaseMask m = facts.mask(range.text());
        if ((m & release_bit(i)) && !(m & release_bit(i - 1))) added.emplace_back(type.text());
        if (!(m & release_bit(i)) && (m & release_bit(i - 1))) dropped.emplace_back(type.text());
      }
      const std::string release = to_string(facts.releases()[i]);
      if (!added.empty()) parts.push_back(release + ": " + join(added, ", "));
      if (!dropped.empty()) parts.push_back("dropped in " + release + ": " + join(dropped, ", "));
    }
    return "component types daprd registers, known for " + facts.describe(known) +
           "; the changes: " + (parts.empty() ? "none" : join(parts, "; "));
  }
  if (kind == "crd") {
    std::string out;
    for (const auto& [version, entry] : facts.crd(name).get("versions").entries())
      out += (out.empty() ? "" : "; ") + std::string(version.text()) + ": " +
             additions(entry.get("fields"));
    return "schema fields each release adds to `" + name + "`: " + out;
  }
  if (kind == "crd-required") {
    std::size_t space = name.find(' ');
    std::string crd = name.substr(0, space), path = name.substr(space + 1);
    std::string out;
    for (const auto& [version, entry] : facts.crd(crd).get("versions").entries())
      out += (out.empty() ? "" : "; ") + std::string(version.text()) + ": " +
             ranged_values(entry.get("required").get(path));
    return "fields `" + crd + "` requires under `" + path + "`: " + out;
  }
  if (kind == "workload") {
    Node workload = facts.workload(name);
    std::string out = "what the chart renders for `" + name + "` with default values: containers " +
                      ranged_values(workload.get("containers"));
    for (const char* part : {"podSecurityContext", "securityContext"}) {
      for (const auto& [leaf, values] : workload.get(part).entries())
        out +=
            "; " + std::string(part) + "." + std::string(leaf.text()) + " " + ranged_values(values);
    }
    return out;
  }
  return kind + " " + name;
}

/// A node as YAML flow text: `{min: 1s, max: 10s}`.
std::string flow(Node n) {
  if (n.is_scalar()) return std::string(n.text());
  std::vector<std::string> parts;
  if (n.is_seq()) {
    for (Node e : n.elements()) parts.push_back(flow(e));
    return "[" + join(parts, ", ") + "]";
  }
  for (const auto& [key, value] : n.entries())
    parts.push_back(std::string(key.text()) + ": " + flow(value));
  return "{" + join(parts, ", ") + "}";
}

/// A `by_release` entry of the params: its fields but `releases`, as `key: value`.
std::string param_entry(Node entry) {
  std::vector<std::string> parts;
  for (const auto& [key, value] : entry.entries()) {
    if (key.text() != "releases") parts.push_back(std::string(key.text()) + ": " + flow(value));
  }
  return join(parts, ", ");
}

/// `1.14-1.18`, or `all` for every release: the releases column of `daprlint rules`.
std::string releases_column(const Rule& r) {
  const ReleaseFacts& facts = ReleaseFacts::embedded();
  return facts.covers_every(r.releases) ? "all" : facts.describe(r.releases);
}

/// `default` or `opt-in`: the set column of `daprlint rules`.
std::string set_column(const Rule& r) {
  return r.in_default_set() ? "default" : "opt-in";
}

void list_text(const std::vector<Rule>& rules, std::ostream& out) {
  std::size_t id_width = 2, releases_width = 8;
  for (const Rule& r : rules) {
    id_width = std::max(id_width, r.id.size());
    releases_width = std::max(releases_width, releases_column(r).size());
  }
  auto pad = [](const std::string& text, std::size_t width) {
    return text + std::string(width > text.size() ? width - text.size() : 1, ' ');
  };
  out << pad("id", id_width + 2) << pad("severity", 9) << pad("category", 15) << pad("set", 9)
      << pad("releases", releases_width + 2) << "title\n";
  std::size_t opt_in = 0;
  for (const Rule& r : rules) {
    opt_in += r.in_default_set() ? 0 : 1;
    out << pad(r.id, id_width + 2) << pad(std::string(severity_name(r.severity)), 9)
        << pad(r.category, 15) << pad(set_column(r), 9)
        << pad(releases_column(r), releases_width + 2) << r.title << '\n';
  }
  out << rules.size() << " rules, " << rules.size() - opt_in << " in the default set ("
      << "--extend-select opt-in or --select all adds the others); `daprlint explain <id>` "
         "prints one rule's documentation\n";
}

void list_markdown(const std::vector<Rule>& rules, std::ostream& out) {
  out << "# daprlint rules\n\n"
         "Generated by `daprlint rules --format markdown`; do not edit by hand.\n\n"
         "## Rule sets\n\n"
         "A rule is in the **default** set when its finding is a deviation that a correct "
         "production manifest does not have: a broken reference, a value Dapr rejects or "
         "ignores, a departure from the production guidelines of the release in use. A rule "
         "whose finding would apply to most correct production manifests (a hardening "
         "suggestion) is **opt-in**: `--extend-select opt-in` (or a category, a prefix such as "
         "`sc`, or a rule id) adds it, `--select all` (alias `strict`) runs every rule, and "
         "`.daprlint.yaml` takes the same words under `select:`, `extend-select:` and "
         "`ignore:`. The JSON summary and the SARIF run properties name the set that ran "
         "(`ruleSet`).\n\n"
         "| opt-in rule | why it is not in the default set |\n|---|---|\n";
  for (const Rule& r : rules) {
    if (!r.in_default_set())
      out << "| [`" << r.id << "`](#" << r.id << ") | " << r.opt_in << " |\n";
  }
  out << "\n## All rules\n\n"
         "| id | severity | category | set | Dapr releases | title |\n|---|---|---|---|---|---|\n";
  for (const Rule& r : rules) {
    out << "| [`" << r.id << "`](#" << r.id << ") | " << severity_name(r.severity) << " | "
        << r.category << " | " << set_column(r) << " | " << releases_column(r) << " | " << r.title
        << " |\n";
  }
  for (const Rule& r : rules) {
    out << "\n## " << r.id << "\n\n**" << r.title << "** — " << severity_name(r.severity) << ", "
        << r.category << "; applies to " << applies_to(r) << ".\n\n"
        << (r.in_default_set() ? "" : "Opt-in: " + r.opt_in + ".\n\n") << r.description
        << "\n\n### Releases\n\n"
        << release_section(r) << "\n### How to fix\n\n"
        << r.remediation << (r.remediation.ends_with('\n') ? "" : "\n") << "\nMore: <" << r.help_uri
        << ">\n";
  }
}

void list_json(const std::vector<Rule>& rules, std::ostream& out) {
  nlohmann::ordered_json list = nlohmann::ordered_json::array();
  for (const Rule& r : rules) {
    list.push_back({{"id", r.id},
                    {"title", r.title},
                    {"severity", severity_name(r.severity)},
                    {"category", r.category},
                    {"tags", r.tags},
                    {"set", set_column(r)},
                    {"releases", ReleaseFacts::embedded().describe(r.releases)},
                    {"appliesTo", applies_to(r)},
                    {"description", r.description},
                    {"remediation", r.remediation},
                    {"helpUri", r.help_uri}});
    if (!r.in_default_set()) list.back()["optIn"] = r.opt_in;
  }
  out << list.dump(2) << '\n';
}

}  // namespace

void render_rule_list(const std::vector<Rule>& rules, std::string_view format, std::ostream& out) {
  if (format == "markdown")
    list_markdown(rules, out);
  else if (format == "json")
    list_json(rules, out);
  else
    list_text(rules, out);
}

std::string release_section(const Rule& r) {
  const ReleaseFacts& facts = ReleaseFacts::embedded();
  std::string out = "Dapr releases: " + facts.describe(r.releases) +
                    (r.releases_text.empty() ? "" : " (`" + r.releases_text + "`)") + ".\n";
  for (Node entry : r.params.get("by_release").elements()) {
    out += "- " + facts.describe(facts.mask(entry.get("releases").text())) + ": " +
           param_entry(entry) + "\n";
  }
  for (const auto& [kind, name] : r.facts) out += "- " + fact_line(kind, name) + "\n";
  return out;
}

void render_rule_explanation(const Rule& r, std::ostream& out) {
  out << r.id << " (" << severity_name(r.severity) << ", " << r.category
      << (r.in_default_set() ? "" : ", opt-in") << ")\n"
      << r.title << "\n\nApplies to " << applies_to(r) << ".\n\n"
      << (r.in_default_set()
              ? ""
              : wrap("Opt-in: " + r.opt_in + "; run it with --extend-select " + r.id + ".", 80,
                     "") +
                    "\n")
      << "Why\n"
      << wrap(r.description, 80, "  ") << "\nReleases\n";
  std::istringstream release_lines(release_section(r));
  for (std::string line; std::getline(release_lines, line);) {
    const bool bullet = line.starts_with("- ");
    std::string wrapped = wrap(bullet ? line.substr(2) : line, 80, bullet ? "    " : "  ");
    if (bullet) wrapped.replace(0, 4, "  - ");
    out << wrapped;
  }
  out << "\nHow to fix\n";
  std::istringstream lines(r.remediation);
  for (std::string line; std::getline(lines, line);)
    out << (line.empty() ? "" : "  ") << line << '\n';
  out << "\nMore: " << r.help_uri << '\n';
}

}  // namespace daprlint
