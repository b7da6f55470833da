// Unit tests for the annotations group: how Kubernetes types YAML scalars (kubernetes_type), which
// sc-annotation-not-string and cf-sampling-rate-type rely on.
#include <doctest/doctest.h>

#include <string>

#include "load/yaml_parser.h"
#include "model/yaml_types.h"

using namespace daprlint;

namespace {

/// The type Kubernetes gives `value` written after `v: ` in a YAML document.
YamlType type_of(const std::string& value) {
  ParsedStream parsed = parse_yaml("v: " + value + "\n");
  REQUIRE_FALSE(parsed.error);
  REQUIRE(parsed.documents.size() == 1);
  const auto& tree = parsed.documents.front();
  return kubernetes_type(Node(tree.get(), tree->root).get("v"));
}

}  // namespace

TEST_CASE("kubernetes_type: YAML 1.1 booleans of go-yaml v2, case-sensitive spellings only") {
  for (std::string v :
       {"true", "True", "TRUE", "false", "False", "FALSE", "yes", "Yes", "YES", "no", "No",
        "NO",   "on",   "On",   "ON",    "off",   "Off",   "OFF", "y",   "Y",   "n",  "N"}) {
    CAPTURE(v);
    CHECK(type_of(v) == YamlType::Bool);
  }
  // Mixed case and the dapr/kit truthy letters that YAML does not know stay strings.
  for (std::string v : {"yES", "tRUE", "t", "T", "f", "enabled", "1true"}) {
    CAPTURE(v);
    CHECK(type_of(v) == YamlType::String);
  }
}

TEST_CASE("kubernetes_type: integers in every base Go's ParseInt accepts, any size") {
  for (std::string v : {"0", "8080", "-1", "+3", "1_000", "0x1F", "0X1f", "0o17", "0O17", "017",
                        "0b101", "-0b1", "00", "99999999999999999999999"}) {
    CAPTURE(v);
    CHECK(type_of(v) == YamlType::Int);
  }
}

TEST_CASE("kubernetes_type: floats, including leading-zero decimals that are not octal") {
  for (std::string v : {"0.5", "1.", ".5", "-.5", "+.5", "1e3", "1E-3", "1_000.5", "08080", "09",
                        ".inf", "-.Inf", "+.INF", ".nan", ".NaN"}) {
    CAPTURE(v);
    CHECK(type_of(v) == YamlType::Float);
  }
}

TEST_CASE("kubernetes_type: strings that look numeric but go-yaml v2 does not resolve") {
  for (std::string v : {"1.16.0", "100m", "250Mi", "1:30",  "0x",         "0b",       ".",    "._5",
                        "+",      "-x",   "v1",    "1e400", "2024-01-31", "1.5.",     "0.5%", "inf",
                        "nan",    "NaN",  "_1",    "1/2",   "3500,50001", "127.0.0.1"}) {
    CAPTURE(v);
    CHECK(type_of(v) == YamlType::String);
  }
}

TEST_CASE("kubernetes_type: nulls, and quoted or block scalars are always strings") {
  CHECK(type_of("") == YamlType::Null);
  CHECK(type_of("~") == YamlType::Null);
  CHECK(type_of("null") == YamlType::Null);
  CHECK(type_of("Null") == YamlType::Null);
  CHECK(type_of("NULL") == YamlType::Null);
  CHECK(type_of("nULL") == YamlType::String);
  for (std::string v : {"\"true\"", "'8080'", "\"0.5\"", "\"\"", "!!str 80", "|\n  true"}) {
    CAPTURE(v);
    CHECK(type_of(v) == YamlType::String);
  }
  CHECK(yaml_type_name(YamlType::Bool) == "boolean");
  CHECK(yaml_type_name(YamlType::Int) == "integer");
  CHECK(yaml_type_name(YamlType::Float) == "number");
  CHECK(yaml_type_name(YamlType::Null) == "null");
  CHECK(yaml_type_name(YamlType::String) == "string");
}

TEST_CASE("kubernetes_type: maps and sequences are not scalars and count as strings") {
  CHECK(type_of("{a: 1}") == YamlType::String);
  CHECK(type_of("[1, 2]") == YamlType::String);
}
