// One self-contained HTML page for a person reading an audit: the run's summary and an SVG
// chart, the findings by namespace and object with filters, the accepted (suppressed or
// baseline-known) findings apart, and each rule's why and fix once, opened under a finding by
// the inline script. A Content-Security-Policy forbids every load from outside the file.
#include <algorithm>
#include <map>
#include <set>
#include <vector>

#include "report/html_assets.h"
#include "report/markup.h"
#include "report/report.h"

namespace daprlint {
namespace {

constexpr const char* kSeverities[] = {"error", "warning", "note"};
constexpr const char* kNoNamespace = "-";  // not a valid namespace name

std::string esc(std::string_view s) {
  return xml_escape(s, true);
}

std::string category_of(const Finding& f, const std::map<std::string_view, const Rule*>& rules) {
  auto it = rules.find(f.rule_id);
  return it == rules.end() || it->second->category.empty() ? "other" : it->second->category;
}

std::string location(const Report& report, const Finding& f) {
  return report.files[f.file_index] + ":" + std::to_string(f.line) + ":" + std::to_string(f.column);
}

/// Horizontal bars, one per label, scaled to the largest count.
std::string bar_chart(const std::vector<std::pair<std::string, std::size_t>>& bars) {
  std::size_t most = 1;
  for (const auto& [label, n] : bars) most = std::max(most, n);
  const std::size_t row = 20, height = bars.size() * row + 4;
  std::string svg =
      "<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" width=\"420\" height=\"" +
      std::to_string(height) + "\" viewBox=\"0 0 420 " + std::to_string(height) +
      "\"><title>Findings by severity and category</title>";
  for (std::size_t i = 0; i < bars.size(); ++i) {
    const auto& [label, n] = bars[i];
    const std::size_t y = i * row + 2, width = n * 240 / most;
    const char* color = label == "error"     ? "#c62828"
                        : label == "warning" ? "#b26a00"
                        : label == "note"    ? "#1565c0"
                                             : "#5f6368";
    svg += "<text x=\"0\" y=\"" + std::to_string(y + 14) + "\" font-size=\"12\">" + esc(label) +
           "</text><rect x=\"120\" y=\"" + std::to_string(y + 3) + "\" width=\"" +
           std::to_string(width) + "\" height=\"14\" fill=\"" + color + "\"/><text x=\"" +
           std::to_string(126 + width) + "\" y=\"" + std::to_string(y + 14) +
           "\" font-size=\"12\">" + std::to_string(n) + "</text>";
  }
  return svg + "</svg>";
}

void write_head(const Report& report, std::ostream& out) {
  out << "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
      << "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
         "style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:\">\n"
      << "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
      << "<meta name=\"generator\" content=\"daprlint " << DAPRLINT_VERSION << "\">\n"
      << "<title>daprlint report: " << esc(report.release_text) << "</title>\n<style>" << kHtmlStyle
      << "</style>\n</head>\n";
}

void write_summary(const Report& report, const std::vector<const Finding*>& active,
                   const std::map<std::string_view, const Rule*>& rules, std::ostream& out) {
  const Counts c = count(report.findings);
  std::map<std::string, std::size_t> categories;
  for (const Finding* f : active) ++categories[category_of(*f, rules)];
  out << "<header>\n<h1>daprlint report</h1>\n<p class=\"meta\">" << report.files.size() << " file"
      << (report.files.size() == 1 ? "" : "s") << ", " << report.objects << " object"
      << (report.objects == 1 ? "" : "s") << "; " << esc(report.release_text) << "; "
      << report.rules.size() << " rules ran; fails on "
      << (report.fail_on ? std::string(severity_name(*report.fail_on)) + " and above" : "nothing")
      << "; daprlint " << DAPRLINT_VERSION << "</p>\n<dl class=\"meta\"><dt>Dapr release</dt><dd>"
      << esc(report.release.empty() ? "none found" : report.release)
      << (report.release_version.empty() ? "" : " (" + esc(report.release_version) + ")")
      << (report.release_source.empty() ? "" : ", from " + esc(report.release_source))
      << "</dd><dt>Guidance applied</dt><dd>" << esc(report.release_text) << "</dd></dl>\n"
      << "<div class=\"summary\">\n<table class=\"counts\"><tr><th>severity</th>"
         "<th class=\"num\">findings</th></tr>\n";
  const std::size_t by_severity[] = {c.errors, c.warnings, c.notes};
  std::vector<std::pair<std::string, std::size_t>> bars;
  for (std::size_t i = 0; i < 3; ++i) {
    out << "<tr><td class=\"sev sev-" << kSeverities[i] << "\">" << kSeverities[i]
        << "</td><td class=\"num\" id=\"count-" << kSeverities[i] << "\">" << by_severity[i]
        << "</td></tr>\n";
    bars.emplace_back(kSeverities[i], by_severity[i]);
  }
  out << "<tr><td>suppressed</td><td class=\"num\" id=\"count-suppressed\">" << c.suppressed
      << "</td></tr>\n";
  if (report.baseline_used)
    out << "<tr><td>known (baseline)</td><td class=\"num\" id=\"count-baseline\">"
        << report.baseline_matched << "</td></tr>\n";
  out << "</table>\n";
  for (const auto& [name, n] : categories) bars.emplace_back(name, n);
  out << bar_chart(bars) << "\n</div>\n</header>\n";
}

void write_filters(const std::set<std::string>& categories, const std::set<std::string>& spaces,
                   std::ostream& out) {
  out << "<form class=\"filters\" id=\"filters\"><fieldset><legend>Severity</legend>";
  for (const char* s : kSeverities)
    out << "<label><input type=\"checkbox\" name=\"severity\" value=\"" << s << "\" checked> " << s
        << "</label>";
  out << "</fieldset><fieldset><legend>Category</legend>";
  for (const std::string& c : categories)
    out << "<label><input type=\"checkbox\" name=\"category\" value=\"" << esc(c) << "\" checked> "
        << esc(c) << "</label>";
  out << "</fieldset><label><b>Namespace</b> <select id=\"f-namespace\"><option value=\"\">all"
         "</option>";
  for (const std::string& ns : spaces)
    out << "<option value=\"" << esc(ns) << "\">" << (ns == kNoNamespace ? "(none)" : esc(ns))
        << "</option>";
  out << "</select></label></form>\n";
}

void write_row(const Report& report, const Finding& f, const std::string& category,
               std::ostream& out) {
  const char* sev = kSeverities[2 - static_cast<int>(f.severity)];
  out << "<tr class=\"f\" data-severity=\"" << sev << "\" data-category=\"" << esc(category)
      << "\"><td class=\"sev sev-" << sev << "\">" << sev << "</td><td><code>"
      << esc(location(report, f)) << "</code></td><td>" << esc(f.message);
  if (!f.helm_source.empty())
    out << "<div class=\"helm\">helm source: " << esc(f.helm_source) << "</div>";
  out << "</td><td><a class=\"explain\" href=\"#rule-" << esc(f.rule_id) << "\">" << esc(f.rule_id)
      << "</a></td></tr>\n";
}

constexpr const char* kColumns =
    "<colgroup><col class=\"s\"><col class=\"l\"><col><col class=\"r\"></colgroup>";

/// Namespace -> object (`Kind name`, or the file for findings about a file) -> findings.
using Groups = std::map<std::string, std::map<std::string, std::vector<const Finding*>>>;

void write_findings(const Report& report, const Groups& groups,
                    const std::map<std::string_view, const Rule*>& rules, std::size_t total,
                    std::ostream& out) {
  out << "<h2>Findings (<span id=\"shown\">" << total << " of " << total << "</span>)</h2>\n"
      << "<div id=\"findings\">\n";
  if (groups.empty()) out << "<p class=\"none\">No findings.</p>\n";
  for (const auto& [ns, objects] : groups) {
    out << "<section class=\"ns\" data-namespace=\"" << esc(ns) << "\"><h3>"
        << (ns == kNoNamespace ? "No namespace" : "Namespace " + esc(ns)) << "</h3>\n";
    for (const auto& [object, findings] : objects) {
      out << "<div class=\"obj\"><h4>" << esc(object) << " <span class=\"where\">"
          << esc(report.files[findings.front()->file_index]) << "</span></h4><table class=\"f\">"
          << kColumns << "\n";
      for (const Finding* f : findings) write_row(report, *f, category_of(*f, rules), out);
      out << "</table></div>\n";
    }
    out << "</section>\n";
  }
  out << "</div>\n";
}

std::string accepted_reason(const Finding& f, const Report& report) {
  if (!f.suppression) return "known: in the baseline " + report.baseline_path;
  std::string why =
      f.suppression->in_source ? "suppressed in the manifest" : "exempted in the configuration";
  return why +
         (f.suppression->reason.empty() ? " (no reason given)" : ": " + f.suppression->reason);
}

void write_accepted(const Report& report, std::ostream& out) {
  std::vector<const Finding*> accepted;
  for (const Finding& f : report.findings)
    if (f.suppression) accepted.push_back(&f);
  for (const Finding& f : report.baseline_findings) accepted.push_back(&f);
  out << "<h2 id=\"accepted\">Suppressed and baseline-known findings (" << accepted.size()
      << ")</h2>\n";
  if (accepted.empty()) {
    out << "<p class=\"none\">None.</p>\n";
    return;
  }
  out << "<table class=\"f\">" << kColumns
      << "<tr><th>severity</th><th>location</th><th>finding and reason</th><th>rule</th></tr>\n";
  for (const Finding* f : accepted) {
    const char* sev = kSeverities[2 - static_cast<int>(f->severity)];
    out << "<tr><td class=\"sev sev-" << sev << "\">" << sev << "</td><td><code>"
        << esc(location(report, *f)) << "</code></td><td>" << esc(f->message + object_suffix(*f))
        << "<div class=\"reason\">" << esc(accepted_reason(*f, report))
        << "</div></td><td><a href=\"#rule-" << esc(f->rule_id) << "\">" << esc(f->rule_id)
        << "</a></td></tr>\n";
  }
  out << "</table>\n";
}

void write_rule_docs(const std::set<std::string>& ids,
                     const std::map<std::string_view, const Rule*>& rules, std::ostream& out) {
  out << "<h2 id=\"rules\">Rules with findings</h2>\n";
  for (const std::string& id : ids) {
    out << "<div class=\"rule-doc\" id=\"rule-" << esc(id) << "\"><h3><code>" << esc(id)
        << "</code>";
    auto it = rules.find(id);
    if (it == rules.end()) {
      out << "</h3><div class=\"body\"></div></div>\n";
      continue;
    }
    const Rule& r = *it->second;
    out << " " << esc(r.title) << "</h3><div class=\"body\"><p class=\"meta\">"
        << severity_name(r.severity) << ", " << esc(r.category) << "</p><h4>Why</h4><p>"
        << esc(r.description) << "</p><h4>How to fix</h4><pre>" << esc(r.remediation) << "</pre>";
    if (!r.help_uri.empty())
      out << "<p><a href=\"" << esc(r.help_uri)
          << "\" rel=\"noreferrer\">Guideline: " << esc(r.help_uri) << "</a></p>";
    out << "</div></div>\n";
  }
}

}  // namespace

void render_html(const Report& report, std::ostream& out) {
  const auto rules = rules_by_id(report);
  std::vector<const Finding*> active;
  Groups groups;
  std::set<std::string> categories, spaces, ids;
  for (const Finding& f : report.findings) {
    ids.insert(f.rule_id);
    if (f.suppression) continue;
    active.push_back(&f);
    const std::string ns = f.namespace_.empty() ? kNoNamespace : f.namespace_;
    const std::string object =
        f.kind.empty() ? "File " + report.files[f.file_index] : f.kind + " " + f.name;
    groups[ns][object].push_back(&f);
    categories.insert(category_of(f, rules));
    spaces.insert(ns);
  }
  for (const Finding& f : report.baseline_findings) ids.insert(f.rule_id);
  write_head(report, out);
  out << "<body>\n";
  write_summary(report, active, rules, out);
  write_filters(categories, spaces, out);
  out << "<main>\n";
  write_findings(report, groups, rules, active.size(), out);
  write_accepted(report, out);
  if (!report.notices.empty()) {
    out << "<h2>Files read but not linted</h2>\n<ul>\n";
    for (const Notice& n : report.notices)
      out << "<li><code>" << esc(report.files[n.file_index]) << "</code>: " << esc(n.message)
          << "</li>\n";
    out << "</ul>\n";
  }
  write_rule_docs(ids, rules, out);
  out << "</main>\n<script>" << kHtmlScript << "</script>\n</body>\n</html>\n";
}

}  // namespace daprlint
