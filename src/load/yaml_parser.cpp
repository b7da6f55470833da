#include "load/yaml_parser.h"

#include <yaml-cpp/depthguard.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/mark.h>
#include <yaml-cpp/parser.h>

#include <istream>
#include <streambuf>

namespace daprlint {
namespace {

/// Lets yaml-cpp read the caller's text in place instead of a copy in an istringstream.
class ViewBuffer : public std::streambuf {
 public:
  explicit ViewBuffer(std::string_view text) {
    char* begin = const_cast<char*>(text.data());  // read-only: the get area is never written
    setg(begin, begin, begin + text.size());
  }
};

}  // namespace

ParsedStream parse_yaml(std::string_view text, const LoadLimits& limits) {
  ParsedStream out;
  ViewBuffer buffer(text);
  std::istream in(&buffer);
  try {
    YAML::Parser parser(in);
    const NodeData* previous_null = nullptr;
    for (;;) {
      TreeBuilder builder(limits, out.duplicates);
      if (!parser.HandleNextDocument(builder)) break;
      // yaml-cpp 0.7 loops forever on a flow entry (`,`) where a document's node should start:
      // it returns the same empty document again without consuming input. Two empty documents
      // at one position are that loop, not YAML.
      const Tree& tree = *builder.tree;
      const NodeData* root = tree.root == kNoNode ? nullptr : &tree.nodes[tree.root];
      if (root && root->type == NodeType::Null) {
        if (previous_null && previous_null->line == root->line &&
            previous_null->column == root->column) {
          out.error = SyntaxError{root->line, root->column,
                                  "unexpected ',' outside a flow collection ([...] or {...})"};
          out.documents.pop_back();
          break;
        }
      }
      // Every tree is kept until the rules have run: give back the doubling slack of small
      // documents (a copy of a few KB). A huge one keeps it: copying would double its peak.
      if (builder.tree->nodes.size() < (1u << 16)) {
        builder.tree->nodes.shrink_to_fit();
        builder.tree->text.shrink_to_fit();
      }
      out.documents.push_back(std::move(builder.tree));
      const Tree& kept = *out.documents.back();
      previous_null = kept.root != kNoNode && kept.nodes[kept.root].type == NodeType::Null
                          ? &kept.nodes[kept.root]
                          : nullptr;
    }
  } catch (const ParseStop& e) {
    out.error = SyntaxError{e.line, e.column, e.what(), e.limit};
  } catch (const YAML::DeepRecursion& e) {
    out.error = SyntaxError{
        static_cast<std::uint32_t>(e.mark.line + 1), static_cast<std::uint32_t>(e.mark.column + 1),
        "nesting deeper than yaml-cpp can parse (about 500 levels; --max-depth)", true};
  } catch (const YAML::Exception& e) {
    SyntaxError err;
    if (!e.mark.is_null()) {
      err.line = static_cast<std::uint32_t>(e.mark.line + 1);
      err.column = static_cast<std::uint32_t>(e.mark.column + 1);
    }
    err.message = e.msg;
    out.error = std::move(err);
  } catch (const std::exception& e) {
    out.error = SyntaxError{1, 1, e.what()};
  }
  return out;
}

}  // namespace daprlint
