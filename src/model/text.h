#pragma once
// Small text helpers shared by rules.

#include <algorithm>
#include <cctype>
#include <string>
#include <string_view>

namespace daprlint {

/// ASCII lower case, for case-insensitive names (annotation keys, field names, flags).
inline std::string lower(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return std::tolower(c); });
  return out;
}

/// `s` without leading and trailing spaces, tabs and line breaks.
inline std::string_view trimmed(std::string_view s) {
  const auto first = s.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos) return {};
  return s.substr(first, s.find_last_not_of(" \t\r\n") - first + 1);
}

/// '0'-'9' only: std::isdigit depends on the locale and takes an int.
inline bool is_ascii_digit(char c) {
  return c >= '0' && c <= '9';
}

}  // namespace daprlint
