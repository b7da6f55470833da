#include "model/sidecar.h"

#include <charconv>
#include <limits>

#include "model/quantity.h"
#include "model/text.h"

namespace daprlint {
namespace {

bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
  while (!s.empty() && is_space(s.back())) s.remove_suffix(1);
  return s;
}

bool is_name_start(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
}

/// At `i` (just after a comma): `\s*[a-zA-Z_][a-zA-Z0-9_]*=`; returns the index after `=`.
std::optional<std::size_t> name_and_equals(std::string_view s, std::size_t i) {
  while (i < s.size() && is_space(s[i])) ++i;
  if (i >= s.size() || !is_name_start(s[i])) return std::nullopt;
  ++i;
  while (i < s.size() && (is_name_start(s[i]) || is_ascii_digit(s[i]))) ++i;
  if (i >= s.size() || s[i] != '=') return std::nullopt;
  return i + 1;
}

}  // namespace

std::optional<std::int64_t> parse_go_int(std::string_view text) {
  if (!text.empty() && text.front() == '+') {
    text.remove_prefix(1);
    if (!text.empty() && text.front() == '-') return std::nullopt;
  }
  if (text.empty()) return std::nullopt;
  std::int64_t v = 0;
  auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
  if (ec != std::errc() || ptr != text.data() + text.size()) return std::nullopt;
  return v;
}

std::optional<std::uint64_t> parse_go_byte_count(std::string_view s) {
  std::uint64_t factor = 1;
  if (s.ends_with("B")) {
    s.remove_suffix(1);
    if (s.size() >= 2 && s.back() == 'i') {
      switch (s[s.size() - 2]) {
        case 'K':
          factor = 1ULL << 10;
          break;
        case 'M':
          factor = 1ULL << 20;
          break;
        case 'G':
          factor = 1ULL << 30;
          break;
        case 'T':
          factor = 1ULL << 40;
          break;
        default:
          return std::nullopt;
      }
      s.remove_suffix(2);
    }
  }
  if (s.empty()) return std::nullopt;
  std::uint64_t v = 0;
  for (char c : s) {
    if (!is_ascii_digit(c)) return std::nullopt;
    std::uint64_t digit = static_cast<std::uint64_t>(c - '0');
    if (v > (std::numeric_limits<std::uint64_t>::max() - digit) / 10) return std::nullopt;
    v = v * 10 + digit;
  }
  // The runtime keeps the limit in an int64.
  constexpr auto kMax = static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max());
  if (v > kMax / factor) return std::nullopt;
  return v * factor;
}

std::vector<EnvVar> parse_dapr_env(std::string_view text) {
  // Split points: commas followed by `NAME=` (the injector's regexp, matches not overlapping).
  std::vector<std::size_t> commas;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] != ',') continue;
    if (auto after = name_and_equals(text, i + 1)) {
      commas.push_back(i);
      i = *after - 1;
    }
  }
  std::vector<EnvVar> out;
  std::size_t start = 0;
  for (std::size_t k = 0; k <= commas.size(); ++k) {
    std::size_t end = k < commas.size() ? commas[k] : text.size();
    std::string_view part = trim(text.substr(start, end - start));
    start = end + 1;
    std::size_t eq = part.find('=');
    if (eq == std::string_view::npos || part.find('=', eq + 1) != std::string_view::npos) continue;
    out.push_back({std::string(part.substr(0, eq)), std::string(part.substr(eq + 1))});
  }
  return out;
}

ApiListen sidecar_api_listen(std::string_view annotation) {
  ApiListen out = ApiListen::Loopback;
  while (!annotation.empty()) {
    const std::size_t comma = annotation.find(',');
    std::string_view entry = trim(annotation.substr(0, comma));
    annotation =
        comma == std::string_view::npos ? std::string_view() : annotation.substr(comma + 1);
    if (entry == "0.0.0.0" || entry == "[::]") return ApiListen::AllInterfaces;
    // Skipped: empty entries, and IPv6 without brackets, which daprd cannot join to the port
    // (":::3500" does not parse).
    if (entry.empty() || (entry.front() != '[' && entry.find(':') != std::string_view::npos))
      continue;
    if (entry == "[::1]" || entry == "localhost" || entry.starts_with("127.")) continue;
    out = ApiListen::Widened;
  }
  return out;
}

bool sidecar_resources_dropped(Node pod_annotations) {
  for (const char* key : {"dapr.io/sidecar-cpu-request", "dapr.io/sidecar-cpu-limit",
                          "dapr.io/sidecar-memory-request", "dapr.io/sidecar-memory-limit"}) {
    std::string_view v = pod_annotations.get(key).text();
    if (!v.empty() && !parse_quantity(v)) return true;
  }
  return false;
}

}  // namespace daprlint
