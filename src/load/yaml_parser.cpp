#include "load/yaml_parser.h"

#include "load/event_sources.h"

namespace daprlint {

ParsedStream parse_yaml(std::string_view text, const LoadLimits& limits, const TreeSinks& sinks) {
  return limits.parser == YamlParser::yaml_cpp ? parse_with_yaml_cpp(text, limits, sinks)
                                               : parse_with_libyaml(text, limits, sinks);
}

void deliver_document(std::shared_ptr<Tree> tree, ParsedStream& out, const TreeSinks& sinks) {
  // Trees may be kept until the rules have run: give back the doubling slack of small
  // documents (a copy of a few KB). A huge one keeps it: copying would double its peak.
  if (tree->nodes.size() < (1u << 16)) {
    tree->nodes.shrink_to_fit();
    tree->text.shrink_to_fit();
  }
  if (sinks.document) {
    sinks.document(std::move(tree));
  } else {
    out.documents.push_back(std::move(tree));
  }
}

}  // namespace daprlint
