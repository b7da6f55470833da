#pragma once
// The two event sources behind parse_yaml (load/yaml_parser.h): each drives a TreeBuilder per
// document and hands the finished trees to deliver_document.

#include <memory>
#include <string_view>

#include "load/yaml_parser.h"

namespace daprlint {

/// yaml-cpp 0.7 (YAML 1.2 rules; `--parser yaml-cpp`).
ParsedStream parse_with_yaml_cpp(std::string_view text, const LoadLimits& limits,
                                 const TreeSinks& sinks);

/// libyaml 0.2 (YAML 1.1 rules, as go-yaml and so Kubernetes read them; the default).
ParsedStream parse_with_libyaml(std::string_view text, const LoadLimits& limits,
                                const TreeSinks& sinks);

/// Gives one finished document to the sink, or keeps it in `out`.
void deliver_document(std::shared_ptr<Tree> tree, ParsedStream& out, const TreeSinks& sinks);

}  // namespace daprlint
