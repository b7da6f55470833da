#include "report/report.h"

namespace daprlint {
namespace {

/// Workflow-command escaping: the message (`data`) escapes %, CR and LF; properties also `:`
/// and `,`, which would end the property.
std::string escape(std::string_view s, bool property) {
  std::string out;
  for (char c : s) {
    if (c == '%')
      out += "%25";
    else if (c == '\r')
      out += "%0D";
    else if (c == '\n')
      out += "%0A";
    else if (property && c == ':')
      out += "%3A";
    else if (property && c == ',')
      out += "%2C";
    else
      out += c;
  }
  return out;
}

const char* command_of(Severity s) {
  switch (s) {
    case Severity::Error:
      return "error";
    case Severity::Warning:
      return "warning";
    case Severity::Note:
      return "notice";
  }
  return "notice";
}

}  // namespace

void render_github(const Report& report, std::ostream& out) {
  for (const Finding& f : report.findings) {
    if (f.suppression) continue;
    std::string message = f.message + object_suffix(f);
    if (!f.helm_source.empty()) message += "\nhelm source: " + f.helm_source;
    message += "\ndaprlint explain " + f.rule_id;
    out << "::" << command_of(f.severity) << " file=" << escape(report.files[f.file_index], true)
        << ",line=" << f.line << ",col=" << f.column << ",title=" << escape(f.rule_id, true)
        << "::" << escape(message, false) << '\n';
  }
  for (const Notice& n : report.notices) {
    out << "::notice file=" << escape(report.files[n.file_index], true)
        << "::" << escape(n.message, false) << '\n';
  }
  out << "daprlint: " << summary_line(report) << '\n';
}

}  // namespace daprlint
