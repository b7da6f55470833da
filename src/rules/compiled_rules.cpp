#include "rules/compiled_rules.h"

namespace daprlint {

// A new NodeData field must be packed below too (the drift test compares every field).
static_assert(sizeof(NodeData) == 40 && kNodeFields == 11);

std::array<std::uint32_t, kNodeFields> pack(const NodeData& n) {
  return {static_cast<std::uint32_t>(n.type),
          static_cast<std::uint32_t>(n.style),
          n.line,
          n.column,
          n.parent,
          n.first_child,
          n.next_sibling,
          n.count,
          n.slot,
          n.text_offset,
          n.text_length};
}

NodeData unpack(const std::uint32_t* f) {
  NodeData n;
  n.type = static_cast<NodeType>(f[0]);
  n.style = static_cast<ScalarStyle>(f[1]);
  n.line = f[2];
  n.column = f[3];
  n.parent = f[4];
  n.first_child = f[5];
  n.next_sibling = f[6];
  n.count = f[7];
  n.slot = f[8];
  n.text_offset = f[9];
  n.text_length = f[10];
  return n;
}

std::shared_ptr<const Tree> rebuild_tree(const CompiledRuleFile& file) {
  auto tree = std::make_shared<Tree>();
  tree->nodes.reserve(file.nodes.size() / kNodeFields);
  for (std::size_t i = 0; i + kNodeFields <= file.nodes.size(); i += kNodeFields) {
    tree->nodes.push_back(unpack(&file.nodes[i]));
  }
  tree->text = file.text;
  tree->root = file.root;
  return tree;
}

}  // namespace daprlint
