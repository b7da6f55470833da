#include "load/yaml_parser.h"

#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/mark.h>
#include <yaml-cpp/parser.h>

#include <sstream>
#include <unordered_map>

namespace daprlint {
namespace {

/// Builds one Tree from the events of one document.
class TreeBuilder : public YAML::EventHandler {
 public:
  std::shared_ptr<Tree> tree = std::make_shared<Tree>();

  void OnDocumentStart(const YAML::Mark&) override {}
  void OnDocumentEnd() override {}

  void OnNull(const YAML::Mark& mark, YAML::anchor_t anchor) override {
    add(NodeType::Null, mark, anchor);
  }
  void OnAlias(const YAML::Mark& mark, YAML::anchor_t anchor) override {
    std::uint32_t n = add(NodeType::Alias, mark, 0);
    auto it = anchors_.find(anchor);
    tree->nodes[n].first_child = it == anchors_.end() ? kNoNode : it->second;
  }
  void OnScalar(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                const std::string& value) override {
    std::uint32_t n = add(NodeType::Scalar, mark, anchor);
    NodeData& d = tree->nodes[n];
    // yaml-cpp tags plain scalars "?" and quoted/block scalars "!"; explicit tags like !!str are
    // strings too, so only the non-specific "?" counts as plain.
    d.style = tag == "?" ? ScalarStyle::Plain : ScalarStyle::Quoted;
    d.text_offset = static_cast<std::uint32_t>(tree->text.size());
    d.text_length = static_cast<std::uint32_t>(value.size());
    tree->text += value;
  }
  void OnSequenceStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor,
                       YAML::EmitterStyle::value) override {
    open_.push_back(add(NodeType::Seq, mark, anchor));
  }
  void OnSequenceEnd() override { close(); }
  void OnMapStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor,
                  YAML::EmitterStyle::value) override {
    open_.push_back(add(NodeType::Map, mark, anchor));
  }
  void OnMapEnd() override { close(); }

 private:
  std::uint32_t add(NodeType type, const YAML::Mark& mark, YAML::anchor_t anchor) {
    auto index = static_cast<std::uint32_t>(tree->nodes.size());
    NodeData d;
    d.type = type;
    d.line = static_cast<std::uint32_t>(mark.line + 1);
    d.column = static_cast<std::uint32_t>(mark.column + 1);
    if (!open_.empty()) {
      std::uint32_t p = open_.back();
      NodeData& pd = tree->nodes[p];
      d.parent = p;
      const bool map_parent = pd.type == NodeType::Map;
      // In a map, children alternate key, value: a value's slot is the key before it.
      std::uint32_t position = map_parent ? pd.count * 2 + (pending_value(p) ? 1 : 0) : pd.count;
      if (map_parent) {
        d.slot = (position % 2 == 1) ? pd.last_child : kNoNode;
      } else {
        d.slot = pd.count;
      }
      if (pd.last_child != kNoNode) {
        tree->nodes[pd.last_child].next_sibling = index;
      } else {
        pd.first_child = index;
      }
      pd.last_child = index;
      if (!map_parent || position % 2 == 1) ++pd.count;
    } else {
      tree->root = index;
    }
    tree->nodes.push_back(d);
    if (anchor != 0) anchors_[anchor] = index;
    return index;
  }

  /// True when the map's last child is a key still waiting for its value.
  bool pending_value(std::uint32_t map) const {
    const NodeData& m = tree->nodes[map];
    if (m.last_child == kNoNode) return false;
    // Keys have no slot; values point at their key.
    return tree->nodes[m.last_child].slot == kNoNode;
  }

  void close() {
    if (!open_.empty()) open_.pop_back();
  }

  std::vector<std::uint32_t> open_;
  std::unordered_map<YAML::anchor_t, std::uint32_t> anchors_;
};

}  // namespace

ParsedStream parse_yaml(std::string_view text) {
  ParsedStream out;
  std::istringstream in{std::string(text)};
  try {
    YAML::Parser parser(in);
    const NodeData* previous_null = nullptr;
    for (;;) {
      TreeBuilder builder;
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
      out.documents.push_back(std::move(builder.tree));
      const Tree& kept = *out.documents.back();
      previous_null = kept.root != kNoNode && kept.nodes[kept.root].type == NodeType::Null
                          ? &kept.nodes[kept.root]
                          : nullptr;
    }
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
