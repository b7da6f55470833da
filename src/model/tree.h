#pragma once
// The project's own compact YAML tree: one flat node array and one text buffer per document.
// Built from yaml-cpp parser events (load/yaml_parser.cpp), never from YAML::Node.

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace daprlint {

enum class NodeType : std::uint8_t { Null, Scalar, Map, Seq, Alias };

/// Plain scalars are typed by YAML (`true`, `8080`); quoted and block scalars are always strings.
enum class ScalarStyle : std::uint8_t { Plain, Quoted };

inline constexpr std::uint32_t kNoNode = 0xffffffffu;

/// One node (32 bytes: a 100 MB export holds millions). Map children alternate key, value; `slot`
/// is the key node of a map value or the index of a sequence element, so a node's path can be
/// rebuilt from its parents. A scalar has text and no children, a collection children and no
/// text: they share storage, so read first_child and count of collections and aliases only, and
/// text_offset and text_length of scalars only.
struct NodeData {
  NodeType type = NodeType::Null;
  ScalarStyle style = ScalarStyle::Plain;
  std::uint32_t line = 0;  // 1-based
  std::uint32_t column = 0;
  std::uint32_t parent = kNoNode;
  std::uint32_t next_sibling = kNoNode;
  std::uint32_t slot = kNoNode;
  union {
    std::uint32_t first_child = kNoNode;  // alias: the anchored node
    std::uint32_t text_offset;
  };
  union {
    std::uint32_t count = 0;  // entries of a map, elements of a sequence
    std::uint32_t text_length;
  };
};
static_assert(sizeof(NodeData) == 32, "NodeData grew: every node of every document pays for it");

/// One YAML document.
class Tree {
 public:
  std::vector<NodeData> nodes;
  std::string text;  // scalar contents, back to back
  std::uint32_t root = kNoNode;
};

/// A read-only handle on a node; a default-constructed Node is "absent". Aliases resolve to
/// their anchored node, which is shared, never copied.
class Node {
 public:
  Node() = default;
  Node(const Tree* tree, std::uint32_t index);

  explicit operator bool() const { return tree_ != nullptr; }
  bool operator==(const Node& other) const {
    return tree_ == other.tree_ && index_ == other.index_;
  }

  NodeType type() const { return data().type; }
  bool is_map() const { return tree_ && type() == NodeType::Map; }
  bool is_seq() const { return tree_ && type() == NodeType::Seq; }
  bool is_scalar() const { return tree_ && type() == NodeType::Scalar; }
  bool is_null() const { return tree_ && type() == NodeType::Null; }
  bool quoted() const { return data().style == ScalarStyle::Quoted; }
  std::uint32_t line() const { return data().line; }
  std::uint32_t column() const { return data().column; }
  /// Entries of a map, elements of a sequence; 0 for other nodes.
  std::uint32_t size() const { return is_map() || is_seq() ? data().count : 0; }
  std::uint32_t index() const { return index_; }
  const Tree* tree() const { return tree_; }

  /// Scalar text; empty for other node types.
  std::string_view text() const;
  /// Scalar text, or nullopt when this is not a scalar.
  std::optional<std::string_view> scalar() const;

  /// Map lookup by key (linear: Kubernetes maps are small). Absent when missing or not a map.
  Node get(std::string_view key) const;
  /// Sequence element; absent when out of range.
  Node at(std::uint32_t i) const;

  Node parent() const;
  /// For a map value: its key node. Absent otherwise.
  Node key() const;
  /// For a sequence element: its index.
  std::optional<std::uint32_t> seq_index() const;

  /// Children in document order: map entries yield (key, value); sequences yield (absent, element).
  std::vector<struct NodeEntry> entries() const;
  std::vector<Node> elements() const;

  /// A readable, stable path from the document root, e.g.
  /// `spec.template.metadata.annotations["dapr.io/app-id"]`.
  std::string path() const;

 private:
  const NodeData& data() const { return tree_->nodes[index_]; }
  Node raw(std::uint32_t index) const;  // no alias resolution

  const Tree* tree_ = nullptr;
  std::uint32_t index_ = kNoNode;
};

struct NodeEntry {
  Node key;
  Node value;
};

}  // namespace daprlint
