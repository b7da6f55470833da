#include "model/quantity.h"

#include <re2/re2.h>

#include <array>
#include <charconv>
#include <cmath>
#include <cstdlib>
#include <string>
#include <utility>

namespace daprlint {

std::optional<double> parse_number(std::string_view s) {
  double v = 0;
  auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || ptr != s.data() + s.size() || s.empty()) return std::nullopt;
  return v;
}

std::optional<double> parse_quantity(std::string_view text) {
  static const RE2 grammar(
      R"(([+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+))(Ki|Mi|Gi|Ti|Pi|Ei|n|u|m|k|M|G|T|P|E|[eE][+-]?[0-9]+)?)");
  std::string number;
  std::string suffix;
  if (!RE2::FullMatch(text, grammar, &number, &suffix)) return std::nullopt;
  // strtod, not stod: an out-of-range number (400 digits) is infinity or zero, never a throw.
  double value = std::strtod(number.c_str(), nullptr);
  static const std::array<std::pair<std::string_view, double>, 13> kSuffixes{{
      {"Ki", 0x1p10},
      {"Mi", 0x1p20},
      {"Gi", 0x1p30},
      {"Ti", 0x1p40},
      {"Pi", 0x1p50},
      {"Ei", 0x1p60},
      {"n", 1e-9},
      {"u", 1e-6},
      {"m", 1e-3},
      {"k", 1e3},
      {"M", 1e6},
      {"G", 1e9},
      {"T", 1e12},
  }};
  if (suffix.empty()) return value;
  if (suffix == "P") return value * 1e15;
  if (suffix == "E") return value * 1e18;
  for (const auto& [name, factor] : kSuffixes) {
    if (suffix == name) return value * factor;
  }
  return value * std::pow(10.0, std::strtod(suffix.c_str() + 1, nullptr));  // decimal exponent
}

}  // namespace daprlint
