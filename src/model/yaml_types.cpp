#include "model/yaml_types.h"

#include <re2/re2.h>

namespace daprlint {

YamlType kubernetes_type(Node scalar) {
  if (scalar.is_null()) return YamlType::Null;
  if (!scalar.is_scalar() || scalar.quoted()) return YamlType::String;
  // The YAML 1.1 resolvers of go-yaml v2 (resolve.go).
  static const RE2 kNull(R"(~|null|Null|NULL|)");
  static const RE2 kBool(
      R"(y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF)");
  static const RE2 kInt(
      R"([-+]?(0b[01_]+|0[0-7_]+|(0|[1-9][0-9_]*)|0x[0-9a-fA-F_]+|[1-9][0-9_]*(:[0-5]?[0-9])+))");
  static const RE2 kFloat(
      R"([-+]?([0-9][0-9_]*)?\.[0-9_]*([eE][-+]?[0-9]+)?|[-+]?[0-9][0-9_]*([eE][-+]?[0-9]+)|[-+]?\.(inf|Inf|INF)|\.(nan|NaN|NAN))");
  std::string_view text = scalar.text();
  if (RE2::FullMatch(text, kNull)) return YamlType::Null;
  if (RE2::FullMatch(text, kBool)) return YamlType::Bool;
  if (RE2::FullMatch(text, kInt)) return YamlType::Int;
  if (RE2::FullMatch(text, kFloat)) return YamlType::Float;
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
