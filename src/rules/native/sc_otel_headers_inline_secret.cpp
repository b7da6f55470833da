// sc-otel-headers-inline-secret: OTEL_EXPORTER_OTLP_HEADERS and OTEL_EXPORTER_OTLP_TRACES_HEADERS
// in dapr.io/env put the exporter's headers, API keys and Authorization included, in plain text
// in the pod template (the Configuration's otel.headers are dr-inline-secret's). The value is
// never printed.
#include <cctype>
#include <string>
#include <vector>

#include "model/credentials.h"
#include "rules/native/rules.h"

namespace daprlint {
namespace {

bool env_name_char(char c) {
  return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

/// Where the entry starting at `i` (after a comma, blanks skipped) is `NAME=` in upper case: the
/// next variable, not the next header of a header list (W3C baggage style, lower-case names).
bool next_variable(std::string_view text, std::size_t i) {
  while (i < text.size() && text[i] == ' ') ++i;
  std::size_t j = i;
  while (j < text.size() && env_name_char(text[j])) ++j;
  return j > i && j < text.size() && text[j] == '=';
}

std::string percent_decode(std::string_view s) {
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '%' && i + 2 < s.size() && std::isxdigit(static_cast<unsigned char>(s[i + 1])) &&
        std::isxdigit(static_cast<unsigned char>(s[i + 2]))) {
      out.push_back(static_cast<char>(std::stoi(std::string(s.substr(i + 1, 2)), nullptr, 16)));
      i += 2;
    } else {
      out.push_back(s[i]);
    }
  }
  return out;
}

/// The names of the headers in `list` (`k1=v1,k2=v2`) that carry a credential.
std::vector<std::string> credential_headers(std::string_view list) {
  std::vector<std::string> out;
  while (!list.empty()) {
    const std::size_t comma = list.find(',');
    std::string_view item = list.substr(0, comma);
    list = comma == std::string_view::npos ? std::string_view() : list.substr(comma + 1);
    const std::size_t eq = item.find('=');
    if (eq == std::string_view::npos) continue;
    std::string name = percent_decode(item.substr(0, eq));
    name.erase(0, name.find_first_not_of(' '));
    name.erase(name.find_last_not_of(' ') + 1);
    if (!name.empty() && item.size() > eq + 1 &&
        credential_header(name, percent_decode(item.substr(eq + 1))))
      out.push_back(name);
  }
  return out;
}

}  // namespace

void sc_otel_headers_inline_secret(const RunContext& ctx, const Emitter& emit) {
  for (const Object& o : ctx.inventory.objects) {
    if (!o.dapr_app || o.has_owner()) continue;
    Node env = o.pod_annotations().get("dapr.io/env");
    const std::string_view text = env.text();
    // Each variable starts the annotation or follows a comma.
    for (std::size_t start = 0; start < text.size();) {
      while (start < text.size() && text[start] == ' ') ++start;
      std::size_t end = start;
      while (end < text.size() && !(text[end] == ',' && next_variable(text, end + 1))) ++end;
      const std::string_view entry = text.substr(start, end - start);
      start = end + 1;
      const std::size_t eq = entry.find('=');
      const std::string_view name = entry.substr(0, eq);
      if (eq == std::string_view::npos ||
          (name != "OTEL_EXPORTER_OTLP_HEADERS" && name != "OTEL_EXPORTER_OTLP_TRACES_HEADERS"))
        continue;
      std::string headers;
      for (const std::string& h : credential_headers(entry.substr(eq + 1)))
        headers += (headers.empty() ? "'" : ", '") + h + "'";
      if (headers.empty()) continue;
      emit.report(o, env,
                  std::string(name) + " in dapr.io/env of " + o.kind + " " + o.name +
                      " carries the credential of header " + headers +
                      " in plain text in the pod template; take it from a Secret with "
                      "dapr.io/env-from-secret");
    }
  }
}

}  // namespace daprlint
