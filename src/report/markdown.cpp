// A Markdown summary for a pull-request comment or $GITHUB_STEP_SUMMARY: counts, then the
// findings that fail the run, most severe first, as a GitHub-flavoured table.
//
// Links: a relative link in a step summary resolves against the run's page and in a PR comment
// against the PR's, neither the repository, so the CLI passes a blob URL of the commit as
// `link_base` inside GitHub Actions; elsewhere (GitLab, a file in the repository) links stay
// relative to the repository root. The table stops at kBudget bytes with a count of the rest:
// a PR comment holds 65,536 characters, a step summary 1 MiB.
#include <algorithm>
#include <vector>

#include "report/markup.h"
#include "report/report.h"

namespace daprlint {
namespace {

constexpr std::size_t kBudget = 60000;
constexpr std::size_t kMessageLimit = 400;  // bytes of a message shown; the rest is cut

/// Inline text that Markdown and the HTML it allows take literally: CommonMark backslash
/// escapes for the characters that could start markup, a tag, an entity, a table cell, a
/// mention or an issue reference, and line breaks as spaces.
std::string md_escape(std::string_view s) {
  std::string escaped;
  for (char c : s) {
    if (c == '\n' || c == '\r' || c == '\t') {
      escaped += ' ';
      continue;
    }
    if (std::string_view("\\`*_[]|~@#<>&").find(c) != std::string_view::npos) escaped += '\\';
    escaped += c;
  }
  return utf8_clean(escaped);
}

std::string cut(const std::string& s) {
  if (s.size() <= kMessageLimit) return s;
  std::size_t end = kMessageLimit;
  while (end > 0 && (static_cast<unsigned char>(s[end]) & 0xC0) == 0x80) --end;  // whole chars
  return s.substr(0, end) + "…";
}

std::string link(const Report& report, const Finding& f, const std::string& link_base) {
  const std::string& file = report.files[f.file_index];
  std::string text = md_escape(file + ":" + std::to_string(f.line));
  if (file.starts_with("/")) return text;  // outside the repository: no link
  return "[" + text + "](" + link_base + url_path(file) + "#L" + std::to_string(f.line) + ")";
}

std::string row(const Report& report, const Finding& f, const std::string& link_base,
                const std::map<std::string_view, const Rule*>& rules) {
  std::string rule = "`" + f.rule_id + "`";  // ids are [a-z0-9-]
  if (auto it = rules.find(f.rule_id); it != rules.end() && !it->second->help_uri.empty())
    rule = "[" + rule + "](" + it->second->help_uri + ")";
  std::string object = object_name(f);
  return "| " + std::string(severity_name(f.severity)) + " | " + link(report, f, link_base) +
         " | " + rule + " | " + md_escape(cut(f.message)) +
         (object.empty() ? "" : " — " + md_escape(object)) + " |\n";
}

}  // namespace

void render_markdown(const Report& report, std::ostream& out, const std::string& link_base) {
  const Counts c = count(report.findings);
  out << "### daprlint: " << c.errors << " error" << (c.errors == 1 ? "" : "s") << ", "
      << c.warnings << " warning" << (c.warnings == 1 ? "" : "s") << ", " << c.notes << " note"
      << (c.notes == 1 ? "" : "s") << "\n\n"
      << report.files.size() << " file" << (report.files.size() == 1 ? "" : "s") << ", "
      << report.objects << " object" << (report.objects == 1 ? "" : "s") << "; "
      << md_escape(report.release_text) << ".\n\n"
      << "| severity | findings |\n|---|---:|\n"
      << "| error | " << c.errors << " |\n| warning | " << c.warnings << " |\n| note | " << c.notes
      << " |\n";
  if (c.suppressed) out << "| suppressed | " << c.suppressed << " |\n";
  if (report.baseline_used) out << "| known (baseline) | " << report.baseline_matched << " |\n";
  out << '\n';

  if (!report.fail_on) {
    out << "No finding fails the run (`--fail-on none`).\n";
    return;
  }
  const std::string threshold(severity_name(*report.fail_on));
  std::vector<const Finding*> failing;
  for (const Finding& f : report.findings) {
    if (fails_run(f, report)) failing.push_back(&f);
  }
  if (failing.empty()) {
    out << "No finding at or above " << threshold << ".\n";
    return;
  }
  // Most severe first; within a severity, the report's file and line order.
  std::stable_sort(failing.begin(), failing.end(),
                   [](const Finding* a, const Finding* b) { return a->severity > b->severity; });
  const auto rules = rules_by_id(report);
  std::string table = "| severity | location | rule | finding |\n|---|---|---|---|\n";
  std::size_t shown = 0;
  for (const Finding* f : failing) {
    std::string line = row(report, *f, link_base, rules);
    if (table.size() + line.size() > kBudget) break;
    table += line;
    ++shown;
  }
  out << "**" << failing.size() << " finding" << (failing.size() == 1 ? "" : "s") << " at or above "
      << threshold << "** (`--fail-on " << threshold << "`):\n\n"
      << table;
  if (shown < failing.size())
    out << "\n…and " << failing.size() - shown << " more; the full list is in the "
        << "text, JSON or HTML report.\n";
}

}  // namespace daprlint
