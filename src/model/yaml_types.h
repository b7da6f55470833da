#pragma once
// How Kubernetes tooling types a YAML scalar. The API server and kubectl convert YAML to JSON
// with sigs.k8s.io/yaml (go-yaml v2, YAML 1.1 rules), so `yes`, `on`, `0x1F` and `1_000` are
// not strings there even though YAML 1.2 parsers read some of them as strings.

#include <string_view>

#include "model/tree.h"

namespace daprlint {

enum class YamlType { String, Bool, Int, Float, Null };

/// The JSON type Kubernetes gives a plain scalar; quoted and block scalars are strings.
YamlType kubernetes_type(Node scalar);

/// "boolean", "integer", "number", "null" or "string", for messages.
std::string_view yaml_type_name(YamlType type);

}  // namespace daprlint
