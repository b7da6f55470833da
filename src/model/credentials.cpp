#include "model/credentials.h"

#include <re2/re2.h>

#include <algorithm>
#include <cctype>

#include "model/text.h"

namespace daprlint {
namespace {

// Header names that carry credentials (unanchored), with the tracing backends' own: Honeycomb's
// x-honeycomb-team (an API key) and Uptrace's uptrace-dsn (a DSN holding the project token).
const RE2& header_names() {
  static const RE2 re(
      R"((?i)authori[sz]ation|token|api[-_]?key|(^|[-_])key($|[-_])|subscription[-_]?key|secret|)"
      R"(passw(or)?d|cookie|credential|signature|session|honeycomb-team|(^|[-_])dsn$)");
  return re;
}

// Names the patterns above match that carry no credential (whole name): key ids are public.
const RE2& not_secret_headers() {
  static const RE2 re(R"((?i)idempotency-key|sec-websocket-key|.*key[-_]?id)");
  return re;
}

// A value that starts with an HTTP authentication scheme, whatever the header's name.
const RE2& credential_schemes() {
  static const RE2 re(
      R"((?i)^\s*(bearer|basic|digest|token|apikey|sharedaccesssignature|sas|aws4-hmac-sha256)\s+\S)");
  return re;
}

// URL parameters that carry credentials: the header vocabulary, plus the short names of Azure
// Storage SAS (`sig`), Azure Functions keys (`code`) and password parameters. Not `credential`:
// X-Amz-Credential and X-Goog-Credential name a key id and scope, not a secret.
const RE2& parameter_names() {
  static const RE2 re(
      R"((?i)^(sig|code|pwd|pass|auth)$|authori[sz]ation|token|api[-_]?key|(^|[-_])key($|[-_])|)"
      R"((access|account|subscription|sharedaccess)[-_]?key|secret|passw(or)?d|signature)");
  return re;
}

const RE2& not_secret_parameters() {
  static const RE2 re(R"((?i).*key[-_]?id|token[-_]?type)");
  return re;
}

bool scheme_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || is_ascii_digit(c) || c == '+' ||
         c == '-' || c == '.';
}

void add(std::vector<UrlCredential>& out, UrlCredential c) {
  const auto same = [&](const UrlCredential& o) {
    return o.userinfo == c.userinfo && lower(o.parameter) == lower(c.parameter);
  };
  if (std::none_of(out.begin(), out.end(), same)) out.push_back(std::move(c));
}

/// `name=value&...` pairs whose name is a credential's and whose value is not empty.
void scan_parameters(std::string_view params, std::vector<UrlCredential>& out) {
  while (!params.empty()) {
    const std::size_t amp = params.find('&');
    const std::string_view pair = params.substr(0, amp);
    const std::size_t eq = pair.find('=');
    if (eq != std::string_view::npos && eq > 0 && eq + 1 < pair.size()) {
      const std::string_view name = pair.substr(0, eq);
      if (RE2::PartialMatch(name, parameter_names()) &&
          !RE2::FullMatch(name, not_secret_parameters()))
        add(out, {false, std::string(name)});
    }
    if (amp == std::string_view::npos) break;
    params.remove_prefix(amp + 1);
  }
}

}  // namespace

bool credential_header(std::string_view name, std::string_view value) {
  const bool by_name =
      RE2::PartialMatch(name, header_names()) && !RE2::FullMatch(name, not_secret_headers());
  return by_name || RE2::PartialMatch(value, credential_schemes());
}

std::vector<UrlCredential> url_credentials(std::string_view text) {
  std::vector<UrlCredential> out;
  for (std::size_t sep = text.find("://"); sep != std::string_view::npos;
       sep = text.find("://", sep + 3)) {
    std::size_t start = sep;
    while (start > 0 && scheme_char(text[start - 1])) --start;
    if (start == sep || !std::isalpha(static_cast<unsigned char>(text[start]))) continue;
    // The URL runs to the first blank or quote; a URL nested in it (a redirect parameter) is
    // scanned again on its own.
    std::string_view url = text.substr(sep + 3);
    url = url.substr(0, url.find_first_of(" \t\r\n\"'<>"));
    const std::size_t path = url.find_first_of("/?#");
    const std::string_view authority = url.substr(0, path);
    if (const std::size_t at = authority.rfind('@'); at != std::string_view::npos) {
      const std::string_view userinfo = authority.substr(0, at);
      const std::size_t colon = userinfo.find(':');
      if (colon != std::string_view::npos && colon + 1 < userinfo.size()) add(out, {true, {}});
    }
    if (path == std::string_view::npos) continue;
    const std::string_view rest = url.substr(path);
    const std::size_t query = rest.find('?');
    const std::size_t fragment = rest.find('#');
    if (query != std::string_view::npos && query < fragment) {
      const std::string_view params = rest.substr(query + 1);
      scan_parameters(params.substr(0, params.find('#')), out);
    }
  }
  return out;
}

std::string describe(const std::vector<UrlCredential>& found) {
  std::string out;
  std::vector<std::string> names;
  for (const UrlCredential& c : found) {
    if (c.userinfo) out = "a password in the URL userinfo";
    if (!c.userinfo) names.push_back("'" + c.parameter + "'");
  }
  if (names.empty()) return out;
  if (!out.empty()) out += " and ";
  out += names.size() == 1 ? "a credential in URL query parameter "
                           : "credentials in URL query parameters ";
  for (std::size_t i = 0; i < names.size(); ++i) {
    if (i > 0) out += i + 1 == names.size() ? " and " : ", ";
    out += names[i];
  }
  return out;
}

bool literal_value(Node value) {
  if (!value || value.is_null()) return false;
  if (value.is_scalar()) return !value.text().empty();
  return value.size() > 0;
}

}  // namespace daprlint
