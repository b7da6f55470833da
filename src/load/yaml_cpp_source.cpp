#include <yaml-cpp/depthguard.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/mark.h>
#include <yaml-cpp/parser.h>

#include <istream>
#include <streambuf>

#include "load/event_sources.h"

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

ParsedStream parse_with_yaml_cpp(std::string_view text, const LoadLimits& limits,
                                 const TreeSinks& sinks) {
  ParsedStream out;
  ViewBuffer buffer(text);
  std::istream in(&buffer);
  try {
    YAML::Parser parser(in);
    std::uint64_t previous_null = 0;  // line << 32 | column of the last empty document; 0: none
    for (;;) {
      TreeBuilder builder(limits, out.duplicates, sinks.item);
      if (!parser.HandleNextDocument(builder)) break;
      // yaml-cpp 0.7 loops forever on a flow entry (`,`) where a document's node should start:
      // it returns the same empty document again without consuming input. Two empty documents
      // at one position are that loop, not YAML.
      const Tree& tree = *builder.tree;
      const NodeData* root = tree.root == kNoNode ? nullptr : &tree.nodes[tree.root];
      const bool null_root = root && root->type == NodeType::Null;
      const std::uint64_t position = root ? std::uint64_t{root->line} << 32 | root->column : 0;
      if (null_root && previous_null == position) {
        out.error = SyntaxError{root->line, root->column,
                                "unexpected ',' outside a flow collection ([...] or {...})"};
        // The empty document before is that loop too (a sink has seen it: it holds nothing).
        if (!sinks.document) out.documents.pop_back();
        break;
      }
      previous_null = null_root ? position : 0;
      deliver_document(std::move(builder.tree), out, sinks);
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
