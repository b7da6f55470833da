#include "model/duration.h"

#include <array>
#include <limits>
#include <utility>

#include "model/text.h"

namespace daprlint {
namespace {

constexpr std::int64_t kMax = std::numeric_limits<std::int64_t>::max();

// Longest names first, so `ms` is not read as `m` followed by `s`.
constexpr std::array<std::pair<std::string_view, std::int64_t>, 8> kUnits{{
    {"ns", 1},
    {"us", 1'000},
    {"\xC2\xB5s", 1'000},  // U+00B5 micro sign
    {"\xCE\xBCs", 1'000},  // U+03BC Greek small mu
    {"ms", 1'000'000},
    {"s", 1'000'000'000},
    {"m", 60'000'000'000},
    {"h", 3'600'000'000'000},
}};

}  // namespace

std::optional<std::int64_t> parse_go_duration_ns(std::string_view s) {
  bool negative = false;
  if (!s.empty() && (s[0] == '-' || s[0] == '+')) {
    negative = s[0] == '-';
    s.remove_prefix(1);
  }
  if (s == "0") return 0;
  if (s.empty()) return std::nullopt;
  // Accumulate in unsigned 64 bits like Go, which allows exactly -2^63 and rejects the rest.
  std::uint64_t total = 0;
  const std::uint64_t limit = static_cast<std::uint64_t>(kMax) + (negative ? 1 : 0);
  while (!s.empty()) {
    // [0-9]*(\.[0-9]*)?
    std::uint64_t whole = 0;
    bool any_digits = false;
    bool overflow = false;
    while (!s.empty() && is_ascii_digit(s[0])) {
      if (whole > (static_cast<std::uint64_t>(kMax) - (s[0] - '0')) / 10) overflow = true;
      whole = whole * 10 + static_cast<std::uint64_t>(s[0] - '0');
      any_digits = true;
      s.remove_prefix(1);
    }
    if (overflow) return std::nullopt;
    std::uint64_t frac = 0;
    std::uint64_t scale = 1;
    if (!s.empty() && s[0] == '.') {
      s.remove_prefix(1);
      while (!s.empty() && is_ascii_digit(s[0])) {
        any_digits = true;
        if (scale <= static_cast<std::uint64_t>(kMax) / 10) {  // extra digits are dropped
          frac = frac * 10 + static_cast<std::uint64_t>(s[0] - '0');
          scale *= 10;
        }
        s.remove_prefix(1);
      }
    }
    if (!any_digits) return std::nullopt;
    std::size_t unit_len = 0;
    while (unit_len < s.size() && s[unit_len] != '.' && !is_ascii_digit(s[unit_len])) ++unit_len;
    if (unit_len == 0) return std::nullopt;  // missing unit
    std::string_view unit = s.substr(0, unit_len);
    s.remove_prefix(unit_len);
    std::int64_t factor = 0;
    for (const auto& [name, f] : kUnits) {
      if (name == unit) factor = f;
    }
    if (factor == 0) return std::nullopt;  // unknown unit
    const auto ufactor = static_cast<std::uint64_t>(factor);
    if (whole > limit / ufactor) return std::nullopt;
    std::uint64_t value = whole * ufactor;
    if (frac > 0) {
      // frac/scale of the unit, truncated to whole nanoseconds as Go does.
      long double part = static_cast<long double>(frac) * static_cast<long double>(ufactor) /
                         static_cast<long double>(scale);
      value += static_cast<std::uint64_t>(part);
      if (value > limit) return std::nullopt;
    }
    if (value > limit - total) return std::nullopt;
    total += value;
  }
  if (negative) {
    if (total == static_cast<std::uint64_t>(kMax) + 1)
      return std::numeric_limits<std::int64_t>::min();
    return -static_cast<std::int64_t>(total);
  }
  return static_cast<std::int64_t>(total);
}

std::string format_duration(std::int64_t ns) {
  if (ns == 0) return "0s";
  std::string out;
  std::uint64_t v =
      ns < 0 ? static_cast<std::uint64_t>(-(ns + 1)) + 1 : static_cast<std::uint64_t>(ns);
  if (ns < 0) out += '-';
  if (v < 1'000'000'000) {
    if (v % 1'000'000 == 0) return out + std::to_string(v / 1'000'000) + "ms";
    if (v % 1'000 == 0) return out + std::to_string(v / 1'000) + "us";
    return out + std::to_string(v) + "ns";
  }
  const std::uint64_t hours = v / 3'600'000'000'000;
  v %= 3'600'000'000'000;
  const std::uint64_t minutes = v / 60'000'000'000;
  v %= 60'000'000'000;
  if (hours) out += std::to_string(hours) + "h";
  if (hours || minutes) out += std::to_string(minutes) + "m";
  std::string seconds = std::to_string(v / 1'000'000'000);
  if (std::uint64_t rest = v % 1'000'000'000) {
    std::string digits = std::to_string(rest);
    digits.insert(0, 9 - digits.size(), '0');
    while (digits.back() == '0') digits.pop_back();
    seconds += "." + digits;
  }
  return out + seconds + "s";
}

}  // namespace daprlint
