#include "load/tree_builder.h"

#include <algorithm>
#include <string_view>

namespace daprlint {

void TreeBuilder::OnNull(const YAML::Mark& mark, YAML::anchor_t anchor) {
  add(NodeType::Null, mark, anchor, 1);
}

void TreeBuilder::OnAlias(const YAML::Mark& mark, YAML::anchor_t anchor) {
  auto it = anchors_.find(anchor);
  // yaml-cpp registers an anchor before its content, so `&a [*a]` reaches here with the
  // collection still open: a cycle that would send every tree walk round forever.
  if (it != anchors_.end() && it->second.size == 0) {
    throw ParseStop(mark, "alias refers to a node that contains it", false);
  }
  std::uint64_t size = it == anchors_.end() ? 1 : it->second.size;
  std::uint32_t n = add(NodeType::Alias, mark, 0, size);
  tree->nodes[n].first_child = it == anchors_.end() ? kNoNode : it->second.node;
  if (item_ != kNoNode && tree->nodes[n].first_child < item_) item_stays_ = true;
}

void TreeBuilder::OnScalar(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                           const std::string& value) {
  std::uint32_t n = add(NodeType::Scalar, mark, anchor, 1);
  NodeData& d = tree->nodes[n];
  // yaml-cpp tags plain scalars "?" and quoted/block scalars "!"; explicit tags like !!str are
  // strings too, so only the non-specific "?" counts as plain.
  d.style = tag == "?" ? ScalarStyle::Plain : ScalarStyle::Quoted;
  d.text_offset = static_cast<std::uint32_t>(tree->text.size());
  d.text_length = static_cast<std::uint32_t>(value.size());
  tree->text += value;
}

void TreeBuilder::OnSequenceStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor,
                                  YAML::EmitterStyle::value) {
  open(NodeType::Seq, mark, anchor);
}

void TreeBuilder::OnMapStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor,
                             YAML::EmitterStyle::value) {
  open(NodeType::Map, mark, anchor);
}

void TreeBuilder::open(NodeType type, const YAML::Mark& mark, YAML::anchor_t anchor) {
  if (open_.size() >= limits_.max_depth) {
    throw ParseStop(
        mark, "nesting deeper than " + std::to_string(limits_.max_depth) + " levels (--max-depth)",
        true);
  }
  std::uint64_t before = expanded_;
  const bool item = type == NodeType::Map && starts_list_item();
  const std::uint32_t previous = item ? open_.back().last_child : kNoNode;
  std::uint32_t n = add(type, mark, 0, 1);
  open_.push_back({n, kNoNode, before, anchor});
  if (item) {
    item_ = n;
    item_previous_ = previous;
    item_text_ = tree->text.size();
    item_stays_ = false;
  }
  if (anchor != 0) {
    anchors_[anchor] = {n, 0};
    if (item_ != kNoNode) item_stays_ = true;
  }
}

void TreeBuilder::close() {
  if (open_.empty()) return;
  Open o = open_.back();
  open_.pop_back();
  if (o.anchor != 0) anchors_[o.anchor].size = expanded_ - o.expanded_at_start;
  if (tree->nodes[o.node].type == NodeType::Map) find_duplicate_keys(o.node);
  if (o.node == item_) {
    if (item_stays_) {
      cutting_ = false;
    } else {
      cut_item();
      // The item is a document of its own now: --max-nodes bounds each item, not the List.
      expanded_ = o.expanded_at_start;
    }
    item_ = kNoNode;
  }
}

bool TreeBuilder::starts_list_item() const {
  // The new map's parent must be the sequence under the top-level key `items`.
  if (!on_item_ || !cutting_ || open_.size() != 2) return false;
  const NodeData& root = tree->nodes[open_[0].node];
  const NodeData& seq = tree->nodes[open_[1].node];
  if (root.type != NodeType::Map || seq.type != NodeType::Seq || seq.slot == kNoNode) return false;
  auto text = [this](const NodeData& d) {
    return std::string_view(tree->text).substr(d.text_offset, d.text_length);
  };
  if (text(tree->nodes[seq.slot]) != "items") return false;
  // `kind` may come after `items` (kubectl sorts the keys): unless it came first and names no
  // List, a document whose `items` hold objects is read as a List.
  for (std::uint32_t k = root.first_child; k != kNoNode;) {
    const NodeData& key = tree->nodes[k];
    if (key.next_sibling == kNoNode) break;
    const NodeData& value = tree->nodes[key.next_sibling];
    if (key.type == NodeType::Scalar && text(key) == "kind" && !text(value).ends_with("List"))
      return false;
    k = value.next_sibling;
  }
  return true;
}

void TreeBuilder::cut_item() {
  const std::uint32_t start = item_;
  auto item = std::make_shared<Tree>();
  item->nodes.assign(tree->nodes.begin() + start, tree->nodes.end());
  item->text.assign(tree->text, item_text_);
  auto rebase = [start](std::uint32_t& index) {
    if (index != kNoNode) index -= start;
  };
  for (NodeData& d : item->nodes) {
    // A map value's slot is its key's index; a sequence element's slot is its position.
    const bool keyed = d.parent != kNoNode && tree->nodes[d.parent].type == NodeType::Map;
    if (keyed) rebase(d.slot);
    rebase(d.parent);
    rebase(d.next_sibling);
    if (d.type == NodeType::Scalar) {
      d.text_offset -= static_cast<std::uint32_t>(item_text_);
    } else {
      rebase(d.first_child);
    }
  }
  NodeData& root = item->nodes.front();
  root.parent = root.slot = root.next_sibling = kNoNode;
  item->root = 0;
  tree->nodes.resize(start);
  tree->text.resize(item_text_);
  Open& items = open_.back();
  NodeData& seq = tree->nodes[items.node];
  if (item_previous_ == kNoNode) {
    seq.first_child = kNoNode;
  } else {
    tree->nodes[item_previous_].next_sibling = kNoNode;
  }
  items.last_child = item_previous_;
  --seq.count;
  on_item_(std::move(item), tree->nodes[tree->root].line);
}

std::uint32_t TreeBuilder::add(NodeType type, const YAML::Mark& mark, YAML::anchor_t anchor,
                               std::uint64_t expanded) {
  expanded_ += expanded;
  if (expanded_ > limits_.max_nodes) {
    throw ParseStop(mark,
                    "document has more than " + std::to_string(limits_.max_nodes) +
                        " nodes, counting each alias as the nodes it repeats (--max-nodes)",
                    true);
  }
  auto index = static_cast<std::uint32_t>(tree->nodes.size());
  NodeData d;
  d.type = type;
  d.line = static_cast<std::uint32_t>(mark.line + 1);
  d.column = static_cast<std::uint32_t>(mark.column + 1);
  if (!open_.empty()) {
    Open& po = open_.back();
    NodeData& pd = tree->nodes[po.node];
    d.parent = po.node;
    const bool map_parent = pd.type == NodeType::Map;
    // In a map, children alternate key, value: a value's slot is the key before it.
    std::uint32_t position = map_parent ? pd.count * 2 + (pending_value(po) ? 1 : 0) : pd.count;
    if (map_parent) {
      d.slot = (position % 2 == 1) ? po.last_child : kNoNode;
    } else {
      d.slot = pd.count;
    }
    if (po.last_child != kNoNode) {
      tree->nodes[po.last_child].next_sibling = index;
    } else {
      pd.first_child = index;
    }
    po.last_child = index;
    if (!map_parent || position % 2 == 1) ++pd.count;
  } else {
    tree->root = index;
  }
  tree->nodes.push_back(d);
  if (anchor != 0) anchors_[anchor] = {index, expanded};
  return index;
}

bool TreeBuilder::pending_value(const Open& map) const {
  if (map.last_child == kNoNode) return false;
  // Keys have no slot; values point at their key.
  return tree->nodes[map.last_child].slot == kNoNode;
}

void TreeBuilder::find_duplicate_keys(std::uint32_t map) {
  const NodeData& m = tree->nodes[map];
  if (m.count < 2) return;
  keys_.clear();
  for (std::uint32_t k = m.first_child; k != kNoNode;) {
    const NodeData& kd = tree->nodes[k];
    if (kd.type == NodeType::Scalar) keys_.push_back(k);
    if (kd.next_sibling == kNoNode) break;
    k = tree->nodes[kd.next_sibling].next_sibling;
  }
  auto text = [this](std::uint32_t k) {
    const NodeData& kd = tree->nodes[k];
    return std::string_view(tree->text).substr(kd.text_offset, kd.text_length);
  };
  // Sorting (not a pairwise scan) keeps a map with 100,000 keys cheap.
  std::sort(keys_.begin(), keys_.end(), [&](std::uint32_t a, std::uint32_t b) {
    int c = text(a).compare(text(b));
    return c < 0 || (c == 0 && a < b);
  });
  dropped_.clear();
  for (std::size_t i = 1, first = 0; i < keys_.size(); ++i) {
    if (text(keys_[i]) != text(keys_[first])) {
      first = i;
      continue;
    }
    const NodeData& second = tree->nodes[keys_[i]];
    duplicates_.push_back({second.line, second.column, tree->nodes[keys_[first]].line,
                           std::string(text(keys_[i]).substr(0, 80))});
    dropped_.push_back(keys_[i - 1]);  // the later one wins, as in Kubernetes
  }
  if (!dropped_.empty()) unlink_keys(map);
}

void TreeBuilder::unlink_keys(std::uint32_t map) {
  // Keys and values alternate in the map's sibling chain: relink it without the dropped pairs,
  // which stay in the node array (aliases may point into them) but are no longer reachable.
  std::sort(dropped_.begin(), dropped_.end());
  NodeData& m = tree->nodes[map];
  std::uint32_t* link = &m.first_child;
  for (std::uint32_t k = m.first_child; k != kNoNode;) {
    const std::uint32_t v = tree->nodes[k].next_sibling;
    const std::uint32_t next = v == kNoNode ? kNoNode : tree->nodes[v].next_sibling;
    if (std::binary_search(dropped_.begin(), dropped_.end(), k)) {
      *link = next;
      --m.count;
    } else {
      link = v == kNoNode ? &tree->nodes[k].next_sibling : &tree->nodes[v].next_sibling;
    }
    k = next;
  }
}

}  // namespace daprlint
