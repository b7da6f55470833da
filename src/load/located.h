#pragma once
// `file:line:col: why`, the one-line error format for rule files and .daprlint.yaml.

#include <string>
#include <string_view>

#include "load/yaml_parser.h"
#include "model/tree.h"

namespace daprlint {

/// At `at`, or just `file: why` when the node is absent.
inline std::string located(const std::string& file, Node at, std::string_view why) {
  std::string where = file;
  if (at) where += ":" + std::to_string(at.line()) + ":" + std::to_string(at.column());
  return where + ": " + std::string(why);
}

inline std::string located(const std::string& file, const SyntaxError& e) {
  return file + ":" + std::to_string(e.line) + ":" + std::to_string(e.column) +
         ": malformed YAML: " + e.message;
}

}  // namespace daprlint
