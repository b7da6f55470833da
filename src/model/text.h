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

}  // namespace daprlint
