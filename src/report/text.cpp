#include "report/report.h"

namespace daprlint {

Counts count(const std::vector<Finding>& findings) {
  Counts c;
  for (const Finding& f : findings) {
    if (f.suppression)
      ++c.suppressed;
    else if (f.severity == Severity::Error)
      ++c.errors;
    else if (f.severity == Severity::Warning)
      ++c.warnings;
    else
      ++c.notes;
  }
  return c;
}

namespace {

std::string plural(std::size_t n, const char* word) {
  return std::to_string(n) + " " + word + (n == 1 ? "" : "s");
}

const char* color_of(Severity s) {
  switch (s) {
    case Severity::Error:
      return "\033[1;31m";
    case Severity::Warning:
      return "\033[1;33m";
    case Severity::Note:
      return "\033[1;36m";
  }
  return "";
}

}  // namespace

std::string object_suffix(const Finding& f) {
  if (f.kind.empty()) return "";
  return " (" + f.kind + " " + (f.namespace_.empty() ? "" : f.namespace_ + "/") + f.name + ")";
}

std::string summary_line(const Report& report) {
  Counts c = count(report.findings);
  std::string line = plural(c.errors, "error") + ", " + plural(c.warnings, "warning") + ", " +
                     plural(c.notes, "note") + " in " + plural(report.files.size(), "file") + " (" +
                     plural(report.objects, "object") + "); " + report.release_text;
  if (c.suppressed)
    line += "; " + std::to_string(c.suppressed) + " suppressed" +
            (report.show_suppressed ? "" : " (--show-suppressed lists them)");
  if (report.baseline_used)
    line += "; baseline: " + std::to_string(report.baseline_matched) + " known finding" +
            (report.baseline_matched == 1 ? "" : "s") + " hidden, " +
            std::to_string(report.baseline_absent) + " entr" +
            (report.baseline_absent == 1 ? "y" : "ies") + " no longer occur" +
            (report.baseline_absent == 1 ? "s" : "");
  return line;
}

void render_text(const Report& report, std::ostream& out, bool color) {
  const char* bold = color ? "\033[1m" : "";
  const char* dim = color ? "\033[2m" : "";
  const char* reset = color ? "\033[0m" : "";
  for (const Finding& f : report.findings) {
    if (f.suppression && !report.show_suppressed) continue;
    out << bold << report.files[f.file_index] << ':' << f.line << ':' << f.column << ':' << reset
        << ' ' << (color ? color_of(f.severity) : "") << severity_name(f.severity) << ':' << reset
        << ' ' << f.message << " [" << f.rule_id << ']';
    if (!f.kind.empty()) out << dim << object_suffix(f) << reset;
    if (f.suppression) {
      out << dim << " [suppressed"
          << (f.suppression->reason.empty() ? "" : ": " + f.suppression->reason) << ']' << reset;
    }
    out << '\n';
    if (!f.helm_source.empty()) out << dim << "    helm source: " << f.helm_source << reset << '\n';
  }
  for (const Notice& n : report.notices) {
    out << report.files[n.file_index] << ": notice: " << n.message << '\n';
  }
  out << summary_line(report) << '\n';
}

}  // namespace daprlint
