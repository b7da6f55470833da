#include "model/yaml_types.h"

#include <algorithm>
#include <array>
#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <string>

#include "model/text.h"

namespace daprlint {
namespace {

// The fixed spellings of go-yaml v2's resolve table (resolve.go, as vendored by sigs.k8s.io/yaml
// in goyaml.v2): compared as whole words, case-sensitively.
constexpr std::array<std::string_view, 22> kBools{
    "y", "Y", "yes", "Yes", "YES", "true",  "True",  "TRUE",  "on",  "On",  "ON",
    "n", "N", "no",  "No",  "NO",  "false", "False", "FALSE", "off", "Off", "OFF"};
constexpr std::array<std::string_view, 4> kNulls{"~", "null", "Null", "NULL"};
constexpr std::array<std::string_view, 12> kSpecialFloats{".nan",  ".NaN",  ".NAN",  ".inf",
                                                          ".Inf",  ".INF",  "+.inf", "+.Inf",
                                                          "+.INF", "-.inf", "-.Inf", "-.INF"};

template <std::size_t N>
bool listed(const std::array<std::string_view, N>& table, std::string_view s) {
  return std::find(table.begin(), table.end(), s) != table.end();
}

bool all_of(std::string_view s, bool (*pred)(char)) {
  return !s.empty() && std::all_of(s.begin(), s.end(), pred);
}
bool is_octal(char c) {
  return c >= '0' && c <= '7';
}
bool is_binary(char c) {
  return c == '0' || c == '1';
}
bool is_hex(char c) {
  return is_ascii_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

/// Go's strconv.ParseInt(s, 0, 64) syntax, ignoring range (go-yaml falls back to ParseUint and
/// big.Int for values that overflow, so any well-formed integer is an integer).
bool go_integer(std::string_view s) {
  if (!s.empty() && (s[0] == '+' || s[0] == '-')) s.remove_prefix(1);
  if (s.size() >= 2 && s[0] == '0') {
    switch (s[1]) {
      case 'x':
      case 'X':
        return all_of(s.substr(2), is_hex);
      case 'b':
      case 'B':
        return all_of(s.substr(2), is_binary);
      case 'o':
      case 'O':
        return all_of(s.substr(2), is_octal);
      default:
        return all_of(s.substr(1), is_octal);  // a leading 0 means octal
    }
  }
  return all_of(s, is_ascii_digit);
}

/// go-yaml's yamlStyleFloat: ^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$
bool yaml_style_float(std::string_view s) {
  std::size_t i = 0;
  auto digits = [&] {
    std::size_t start = i;
    while (i < s.size() && is_ascii_digit(s[i])) ++i;
    return i - start;
  };
  if (i < s.size() && (s[i] == '+' || s[i] == '-')) ++i;
  if (i < s.size() && s[i] == '.') {
    ++i;
    if (digits() == 0) return false;
  } else {
    if (digits() == 0) return false;
    if (i < s.size() && s[i] == '.') {
      ++i;
      digits();
    }
  }
  if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
    ++i;
    if (i < s.size() && (s[i] == '+' || s[i] == '-')) ++i;
    if (digits() == 0) return false;
  }
  return i == s.size();
}

/// strconv.ParseFloat fails with ErrRange when a well-formed value overflows a float64; go-yaml
/// then keeps the scalar a string.
bool fits_float64(std::string_view s) {
  std::string copy(s);
  errno = 0;
  double v = std::strtod(copy.c_str(), nullptr);
  return !(errno == ERANGE && std::isinf(v));
}

}  // namespace

YamlType kubernetes_type(Node scalar) {
  if (scalar.is_null()) return YamlType::Null;
  if (!scalar.is_scalar() || scalar.quoted()) return YamlType::String;
  // go-yaml v2 resolve(): the first character decides which spellings are tried at all.
  std::string_view text = scalar.text();
  if (text.empty() || listed(kNulls, text)) return YamlType::Null;
  const char first = text[0];
  const bool sign = first == '+' || first == '-';
  if (!sign && !is_ascii_digit(first) && first != '.' &&
      std::string_view("yYnNtTfFoO~").find(first) == std::string_view::npos) {
    return YamlType::String;
  }
  if (listed(kBools, text)) return YamlType::Bool;
  if (listed(kSpecialFloats, text)) return YamlType::Float;
  if (first == '.') {
    // strconv.ParseFloat on the raw text: `.5`, `.5e3` (no underscores, no bare `.`).
    return yaml_style_float(text) && fits_float64(text) ? YamlType::Float : YamlType::String;
  }
  if (!sign && !is_ascii_digit(first)) return YamlType::String;
  // Timestamps (`2024-01-31`) would come first, but decoded into interface{} they stay strings,
  // and none of them parses as a number below.
  std::string plain;
  plain.reserve(text.size());
  for (char c : text) {
    if (c != '_') plain += c;  // go-yaml drops every underscore before parsing numbers
  }
  if (go_integer(plain)) return YamlType::Int;
  if (yaml_style_float(plain) && fits_float64(plain)) return YamlType::Float;
  return YamlType::String;
}

std::string_view yaml_type_name(YamlType type) {
  switch (type) {
    case YamlType::Bool:
      return "boolean";
    case YamlType::Int:
      return "integer";
    case YamlType::Float:
      return "number";
    case YamlType::Null:
      return "null";
    case YamlType::String:
      break;
  }
  return "string";
}

}  // namespace daprlint
