#include "model/tree.h"

#include <algorithm>

namespace daprlint {

Node::Node(const Tree* tree, std::uint32_t index) : tree_(tree), index_(index) {
  if (!tree_ || index_ == kNoNode) {
    tree_ = nullptr;
    index_ = kNoNode;
    return;
  }
  // An alias names a node that was complete before it, so one hop suffices and cannot loop.
  if (data().type == NodeType::Alias) index_ = data().first_child;
  if (index_ == kNoNode) tree_ = nullptr;
}

Node Node::raw(std::uint32_t index) const {
  Node n;
  if (tree_ && index != kNoNode) {
    n.tree_ = tree_;
    n.index_ = index;
  }
  return n;
}

std::string_view Node::text() const {
  if (!is_scalar()) return {};
  const NodeData& d = data();
  return std::string_view(tree_->text).substr(d.text_offset, d.text_length);
}

std::optional<std::string_view> Node::scalar() const {
  if (!is_scalar()) return std::nullopt;
  return text();
}

Node Node::get(std::string_view key) const {
  if (!is_map()) return {};
  for (std::uint32_t k = data().first_child; k != kNoNode;) {
    const NodeData& kd = tree_->nodes[k];
    std::uint32_t v = kd.next_sibling;
    if (kd.type == NodeType::Scalar &&
        std::string_view(tree_->text).substr(kd.text_offset, kd.text_length) == key) {
      return Node(tree_, v);
    }
    if (v == kNoNode) break;
    k = tree_->nodes[v].next_sibling;
  }
  return {};
}

Node Node::at(std::uint32_t i) const {
  if (!is_seq() || i >= size()) return {};
  std::uint32_t c = data().first_child;
  for (std::uint32_t n = 0; n < i && c != kNoNode; ++n) c = tree_->nodes[c].next_sibling;
  return Node(tree_, c);
}

Node Node::parent() const {
  return tree_ ? raw(data().parent) : Node();
}

Node Node::key() const {
  if (!tree_) return {};
  Node p = parent();
  if (!p.is_map()) return {};
  return raw(data().slot);
}

std::optional<std::uint32_t> Node::seq_index() const {
  if (!tree_) return std::nullopt;
  Node p = parent();
  if (!p.is_seq()) return std::nullopt;
  return data().slot;
}

std::vector<NodeEntry> Node::entries() const {
  std::vector<NodeEntry> out;
  if (!tree_) return out;
  out.reserve(size());
  if (is_map()) {
    for (std::uint32_t k = data().first_child; k != kNoNode;) {
      std::uint32_t v = tree_->nodes[k].next_sibling;
      out.push_back({raw(k), Node(tree_, v)});
      if (v == kNoNode) break;
      k = tree_->nodes[v].next_sibling;
    }
  } else if (is_seq()) {
    for (std::uint32_t c = data().first_child; c != kNoNode; c = tree_->nodes[c].next_sibling) {
      out.push_back({Node(), Node(tree_, c)});
    }
  }
  return out;
}

std::vector<Node> Node::elements() const {
  std::vector<Node> out;
  if (!is_seq()) return out;
  out.reserve(size());
  for (std::uint32_t c = data().first_child; c != kNoNode; c = tree_->nodes[c].next_sibling) {
    out.emplace_back(tree_, c);
  }
  return out;
}

static bool plain_key(std::string_view k) {
  return !k.empty() && std::all_of(k.begin(), k.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
           c == '-';
  });
}

std::string Node::path() const {
  std::vector<std::string> parts;
  for (Node n = *this; n; n = n.parent()) {
    Node p = n.parent();
    if (!p) break;
    if (p.is_seq()) {
      parts.push_back("[" + std::to_string(n.data().slot) + "]");
    } else {
      // A key has no slot: it stands for the entry it names.
      std::string k(n.data().slot == kNoNode ? n.text() : raw(n.data().slot).text());
      parts.push_back(plain_key(k) ? "." + k : "[\"" + k + "\"]");
    }
  }
  std::string out;
  for (auto it = parts.rbegin(); it != parts.rend(); ++it) out += *it;
  if (!out.empty() && out[0] == '.') out.erase(0, 1);
  return out;
}

}  // namespace daprlint
