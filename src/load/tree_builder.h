#pragma once
// Builds one compact Tree from the yaml-cpp events of one document, enforcing LoadLimits and
// noting duplicate mapping keys. Iterative: the tree's depth never touches the C++ stack.

#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/mark.h>

#include <functional>
#include <memory>
#include <stdexcept>
#include <string>
#include <unordered_map>
#include <vector>

#include "load/limits.h"
#include "model/tree.h"

namespace daprlint {

/// A second occurrence of a key in one mapping (rule yaml-duplicate-key).
struct DuplicateKey {
  std::uint32_t line = 1;  // the second key, 1-based
  std::uint32_t column = 1;
  std::uint32_t first_line = 1;  // the first occurrence
  std::string key;
};

/// Thrown out of the parser when a document breaks a LoadLimits bound or aliases its own
/// ancestor; `limit` tells which rule reports it (yaml-limit-exceeded or yaml-syntax).
struct ParseStop : std::runtime_error {
  ParseStop(const YAML::Mark& mark, const std::string& message, bool is_limit)
      : std::runtime_error(message),
        line(static_cast<std::uint32_t>(mark.line + 1)),
        column(static_cast<std::uint32_t>(mark.column + 1)),
        limit(is_limit) {}
  std::uint32_t line;
  std::uint32_t column;
  bool limit;
};

/// Receives each item of a List cut out of its document (see TreeBuilder::on_item_), with the
/// line where the document starts.
using ItemSink = std::function<void(std::shared_ptr<Tree> item, std::uint32_t document_line)>;

class TreeBuilder : public YAML::EventHandler {
 public:
  TreeBuilder(const LoadLimits& limits, std::vector<DuplicateKey>& duplicates,
              ItemSink on_item = {})
      : limits_(limits), duplicates_(duplicates), on_item_(std::move(on_item)) {}

  /// The document. With an item sink, the items of a List are not in it (see on_item_).
  std::shared_ptr<Tree> tree = std::make_shared<Tree>();

  void OnDocumentStart(const YAML::Mark&) override {}
  void OnDocumentEnd() override {}
  void OnNull(const YAML::Mark& mark, YAML::anchor_t anchor) override;
  void OnAlias(const YAML::Mark& mark, YAML::anchor_t anchor) override;
  void OnScalar(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                const std::string& value) override;
  void OnSequenceStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor,
                       YAML::EmitterStyle::value) override;
  void OnSequenceEnd() override { close(); }
  void OnMapStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor,
                  YAML::EmitterStyle::value) override;
  void OnMapEnd() override { close(); }

 private:
  struct Open {
    std::uint32_t node;
    std::uint32_t last_child;         // kept here, not in every NodeData: only open nodes need it
    std::uint64_t expanded_at_start;  // expanded_ when the collection opened
    YAML::anchor_t anchor;
  };
  struct Anchor {
    std::uint32_t node;
    std::uint64_t size;  // expanded nodes of the anchored subtree; 0 while it is still open
  };

  std::uint32_t add(NodeType type, const YAML::Mark& mark, YAML::anchor_t anchor,
                    std::uint64_t expanded);
  void open(NodeType type, const YAML::Mark& mark, YAML::anchor_t anchor);
  void close();
  bool pending_value(const Open& map) const;
  /// Reports every key that repeats in the map and drops the earlier occurrences from it, so
  /// that rules read the last one, which Kubernetes applies.
  void find_duplicate_keys(std::uint32_t map);
  void unlink_keys(std::uint32_t map);
  bool starts_list_item() const;
  void cut_item();

  const LoadLimits& limits_;
  std::vector<DuplicateKey>& duplicates_;
  std::vector<Open> open_;
  std::unordered_map<YAML::anchor_t, Anchor> anchors_;
  std::uint64_t expanded_ = 0;          // nodes so far with every alias expanded
  std::vector<std::uint32_t> keys_;     // scratch for find_duplicate_keys
  std::vector<std::uint32_t> dropped_;  // keys it drops

  // A List export is one document of 100 MB and more. With a sink, each map under the top-level
  // `items` is handed to it as a Tree of its own as soon as it is complete, so the caller can
  // check it and let it go instead of holding the whole document. An item that defines an
  // anchor, or aliases a node outside itself, stays in the document (a tree cannot point into
  // another), and so do the items after it, which keeps the items in input order.
  ItemSink on_item_;
  bool cutting_ = true;                    // false once an item stayed in the document
  std::uint32_t item_ = kNoNode;           // the open item's map node
  std::uint32_t item_previous_ = kNoNode;  // the element before it in `items`
  std::size_t item_text_ = 0;              // where its scalar text starts
  bool item_stays_ = false;                // it defines an anchor or aliases a node outside itself
};

}  // namespace daprlint
