#include "report/markup.h"

#include <cctype>

namespace daprlint {
namespace {

/// Length of the UTF-8 sequence at s[i] (1-4), or 0 when it is not well-formed.
std::size_t utf8_length(std::string_view s, std::size_t i) {
  const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
  const unsigned char c = byte(i);
  if (c < 0x80) return 1;
  std::size_t n = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC2 ? 2 : 0;
  if (n == 0 || c > 0xF4 || i + n > s.size()) return 0;
  for (std::size_t k = 1; k < n; ++k) {
    if ((byte(i + k) & 0xC0) != 0x80) return 0;
  }
  // Overlong 3- and 4-byte forms, UTF-16 surrogates and code points past U+10FFFF.
  if (c == 0xE0 && byte(i + 1) < 0xA0) return 0;
  if (c == 0xED && byte(i + 1) >= 0xA0) return 0;
  if (c == 0xF0 && byte(i + 1) < 0x90) return 0;
  if (c == 0xF4 && byte(i + 1) >= 0x90) return 0;
  // U+FFFE and U+FFFF are not XML characters either.
  if (c == 0xEF && byte(i + 1) == 0xBF && (byte(i + 2) == 0xBE || byte(i + 2) == 0xBF)) return 0;
  return n;
}

}  // namespace

std::string xml_escape(std::string_view s, bool attribute) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size();) {
    const char c = s[i];
    const std::size_t n = utf8_length(s, i);
    if (n == 0) {
      out += "\xEF\xBF\xBD";
      ++i;
      continue;
    }
    i += n;
    if (n > 1) {
      out.append(s.substr(i - n, n));
    } else if (c == '&') {
      out += "&amp;";
    } else if (c == '<') {
      out += "&lt;";
    } else if (c == '>') {
      out += "&gt;";
    } else if (c == '"') {
      out += "&quot;";
    } else if (c == '\'') {
      out += "&#39;";
    } else if (c == '\n' || c == '\r' || c == '\t') {
      out += attribute ? "&#" + std::to_string(static_cast<int>(c)) + ";" : std::string(1, c);
    } else if (static_cast<unsigned char>(c) < 0x20 || c == 0x7F) {
      out += "\xEF\xBF\xBD";
    } else {
      out += c;
    }
  }
  return out;
}

std::string utf8_clean(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size();) {
    const std::size_t n = utf8_length(s, i);
    const auto c = static_cast<unsigned char>(s[i]);
    if (n == 0 || (n == 1 && ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7F))) {
      out += "\xEF\xBF\xBD";
      ++i;
      continue;
    }
    out.append(s.substr(i, n));
    i += n;
  }
  return out;
}

std::string url_path(std::string_view path) {
  static const char* hex = "0123456789ABCDEF";
  if (path.starts_with("./")) path.remove_prefix(2);
  std::string out;
  for (unsigned char c : path) {
    if (std::isalnum(c) || c == '-' || c == '.' || c == '_' || c == '~' || c == '/') {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += hex[c >> 4];
      out += hex[c & 15];
    }
  }
  return out;
}

std::string object_name(const Finding& f) {
  if (f.kind.empty()) return "";
  return f.kind + " " + (f.namespace_.empty() ? "" : f.namespace_ + "/") + f.name;
}

bool fails_run(const Finding& f, const Report& report) {
  return !f.suppression && report.fail_on && f.severity >= *report.fail_on;
}

std::map<std::string_view, const Rule*> rules_by_id(const Report& report) {
  std::map<std::string_view, const Rule*> out;
  for (const Rule* r : report.all_rules) out[r->id] = r;
  for (const Rule* r : report.rules) out[r->id] = r;
  return out;
}

}  // namespace daprlint
