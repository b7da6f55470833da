#include "rules/compiled_rules.h"

namespace daprlint {

// A new NodeData field must be packed below too (the drift test compares every field).
// A scalar's text_offset and text_length share first_child's and count's storage.
static_assert(sizeof(NodeData) == 32 && kNodeFields == 9);

std::array<std::uint32_t, kNodeFields> pack(const NodeData& n) {
  const bool scalar = n.type == NodeType::Scalar;
  return {static_cast<std::uint32_t>(n.type),
          static_cast<std::uint32_t>(n.style),
          n.line,
          n.column,
          n.parent,
          n.next_sibling,
          n.slot,
          scalar ? n.text_offset : n.first_child,
          scalar ? n.text_length : n.count};
}

NodeData unpack(const std::uint32_t* f) {
  NodeData n;
  n.type = static_cast<NodeType>(f[0]);
  n.style = static_cast<ScalarStyle>(f[1]);
  n.line = f[2];
  n.column = f[3];
  n.parent = f[4];
  n.next_sibling = f[5];
  n.slot = f[6];
  if (n.type == NodeType::Scalar) {
    n.text_offset = f[7];
    n.text_length = f[8];
  } else {
    n.first_child = f[7];
    n.count = f[8];
  }
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
