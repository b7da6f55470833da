#include "engine/trim.h"

#include <algorithm>
#include <initializer_list>
#include <span>
#include <string_view>
#include <utility>
#include <vector>

#include "rules/path.h"

namespace daprlint {
namespace {

// What the inventory rules (rules/native/native_rules.cpp), the model's indexes they use
// (references, selector, resiliency, version), the suppressions and the reports read of the
// common kinds. A path kept here that a reader does not use costs memory; a path a reader uses
// that is missing here makes it see less: tests/streaming_test.cpp compares every fixture and
// the shared corpus linted both ways, one object per batch.
constexpr std::string_view kEvery[] = {
    "apiVersion",           "kind",
    "metadata.name",        "metadata.namespace",
    "metadata.annotations", "metadata.ownerReferences",
};
constexpr std::string_view kWorkload[] = {
    "@pod.metadata.labels",
    "@pod.metadata.annotations",
    "@pod.spec.serviceAccountName",
    "@pod.spec.serviceAccount",
    "@pod.spec.automountServiceAccountToken",
    "@pod.spec.securityContext",
    "@pod.spec.priorityClassName",
    "@pod.spec.restartPolicy",
    "@pod.spec.containers[*].name",
    "@pod.spec.containers[*].image",
    "@pod.spec.containers[*].ports",
    "@pod.spec.initContainers[*].name",
    "@pod.spec.initContainers[*].image",
};
struct KindPaths {
  std::string_view kind;
  std::initializer_list<std::string_view> paths;  // besides kEvery
};
const KindPaths kByKind[] = {
    {"Component",
     {"spec.type", "spec.metadata[*].name", "spec.metadata[*].value", "spec.metadata[*].envRef",
      "scopes", "auth"}},
    {"Configuration", {"spec"}},
    {"Resiliency", {"spec"}},
    {"Subscription", {"spec"}},
    {"HTTPEndpoint", {"auth", "spec.clientTLS", "spec.headers[*].envRef"}},
    {"Service",
     {"metadata.labels", "spec.type", "spec.selector", "spec.ports[*].name", "spec.ports[*].port",
      "spec.ports[*].targetPort"}},
    {"ServiceAccount", {"automountServiceAccountToken"}},
    {"ConfigMap", {}},
};

/// Parses `more` after `base` (the texts above are valid: the streaming test runs them all).
std::vector<Path> paths(std::vector<Path> base, std::span<const std::string_view> more) {
  std::string error;
  for (std::string_view t : more) base.push_back(*parse_path(t, error));
  return base;
}

/// The parsed paths kept for an object, or null to keep its whole tree.
const std::vector<Path>* kept_paths(const Object& o) {
  static const std::vector<Path> every = paths({}, kEvery);
  static const std::vector<Path> workload = paths(every, kWorkload);
  static const std::vector<std::pair<std::string_view, std::vector<Path>>> by_kind = [] {
    std::vector<std::pair<std::string_view, std::vector<Path>>> out;
    for (const KindPaths& k : kByKind)
      out.emplace_back(k.kind, paths(every, {k.paths.begin(), k.paths.size()}));
    return out;
  }();
  if (o.is_control_plane() || o.dapr_chart || o.chart_values_tree) return nullptr;
  if (o.is_workload()) return &workload;
  for (const auto& [kind, kept] : by_kind) {
    if (kind == o.kind) return &kept;
  }
  return nullptr;
}

enum Mark : std::uint8_t { Drop, Skeleton, Whole };

class Marker {
 public:
  explicit Marker(const Tree& tree) : tree_(tree), marks_(tree.nodes.size(), Drop) {}

  /// Keeps every node the path reaches from `start` whole, and the way there. Every element of
  /// a sequence on the way is kept, so that positions (Node::at) do not move.
  void keep(const Path& path, Node start) {
    if (!start) return;
    std::vector<Node> current{start}, next;
    for (const PathSegment& s : path.segments) {
      next.clear();
      for (Node n : current) {
        if (s.type == PathSegment::Type::Key) {
          if (Node c = n.get(s.key)) next.push_back(c);
        } else {  // [*]; also a superset of [i] and [field=value]
          for (Node e : n.elements()) {
            skeleton(e);
            next.push_back(e);
          }
        }
      }
      std::swap(current, next);
    }
    for (Node n : current) whole(n.index());
  }

  std::vector<Mark> marks() && { return std::move(marks_); }

 private:
  void skeleton(Node n) {
    for (std::uint32_t i = n.index(); i != kNoNode && marks_[i] == Drop;) {
      marks_[i] = Skeleton;
      const NodeData& d = tree_.nodes[i];
      if (d.parent != kNoNode && tree_.nodes[d.parent].type == NodeType::Map)
        marks_[d.slot] = Whole;  // the key of a kept value
      i = d.parent;
    }
  }
  void whole(std::uint32_t node) {
    skeleton(Node(&tree_, node));
    std::vector<std::uint32_t> stack{node};
    while (!stack.empty()) {
      std::uint32_t i = stack.back();
      stack.pop_back();
      marks_[i] = Whole;
      if (tree_.nodes[i].type == NodeType::Scalar) continue;  // no children
      for (std::uint32_t c = tree_.nodes[i].first_child; c != kNoNode;
           c = tree_.nodes[c].next_sibling)
        stack.push_back(c);
    }
  }

  const Tree& tree_;
  std::vector<Mark> marks_;
};

/// A copy of the marked nodes, in the same order; `renumber` maps old indexes to new ones.
std::shared_ptr<Tree> copy_marked(const Tree& from, const std::vector<Mark>& marks,
                                  std::vector<std::uint32_t>& renumber) {
  auto to = std::make_shared<Tree>();
  renumber.assign(from.nodes.size(), kNoNode);
  std::size_t kept = 0, text = 0;
  for (std::size_t i = 0; i < marks.size(); ++i) {
    if (marks[i] == Drop) continue;
    renumber[i] = static_cast<std::uint32_t>(kept++);
    text += from.nodes[i].type == NodeType::Scalar ? from.nodes[i].text_length : 0;
  }
  to->nodes.reserve(kept);
  to->text.reserve(text);
  auto map = [&](std::uint32_t i) { return i == kNoNode ? kNoNode : renumber[i]; };
  for (std::size_t i = 0; i < marks.size(); ++i) {
    if (marks[i] == Drop) continue;
    NodeData d = from.nodes[i];
    const bool keyed = d.parent != kNoNode && from.nodes[d.parent].type == NodeType::Map;
    d.parent = map(d.parent);
    if (keyed) d.slot = map(d.slot);  // a sequence element keeps its position
    // The first kept child, the next kept sibling, and how many entries are kept.
    std::uint32_t sibling = d.next_sibling;
    while (sibling != kNoNode && marks[sibling] == Drop) sibling = from.nodes[sibling].next_sibling;
    d.next_sibling = map(sibling);
    if (d.type == NodeType::Scalar) {
      const std::uint32_t offset = static_cast<std::uint32_t>(to->text.size());
      to->text.append(from.text, d.text_offset, d.text_length);
      d.text_offset = offset;
      to->nodes.push_back(d);
      continue;
    }
    std::uint32_t child = d.first_child;
    while (child != kNoNode && marks[child] == Drop) child = from.nodes[child].next_sibling;
    if (d.type == NodeType::Map || d.type == NodeType::Seq) {
      std::uint32_t entries = 0;
      for (std::uint32_t c = child; c != kNoNode; c = from.nodes[c].next_sibling) {
        if (marks[c] == Drop) continue;
        const bool value = d.type == NodeType::Seq || from.nodes[c].slot != kNoNode;
        entries += value ? 1 : 0;
      }
      d.count = entries;
    }
    d.first_child = map(child);
    to->nodes.push_back(d);
  }
  to->root = map(from.root);
  return to;
}

bool has_alias(const Tree& tree) {
  return std::any_of(tree.nodes.begin(), tree.nodes.end(),
                     [](const NodeData& d) { return d.type == NodeType::Alias; });
}

}  // namespace

void trim(Object& o) {
  const std::vector<Path>* paths = kept_paths(o);
  if (!paths || !o.tree || o.tree.get() != o.root.tree() || has_alias(*o.tree)) return;
  // A List item has a tree of its own; any other object may share its document's tree with
  // nothing else, but only objects whose tree holds just themselves are trimmed.
  if (o.tree->root != o.root.index()) return;
  Marker marker(*o.tree);
  for (const Path& p : *paths)
    marker.keep(p, p.anchor == Path::Anchor::Pod ? o.pod_template : o.root);
  std::vector<std::uint32_t> renumber;
  std::shared_ptr<Tree> trimmed = copy_marked(*o.tree, std::move(marker).marks(), renumber);
  auto moved = [&](Node n) {
    return n && n.tree() == o.tree.get() ? Node(trimmed.get(), renumber[n.index()]) : n;
  };
  o.root = moved(o.root);
  o.pod_template = moved(o.pod_template);
  o.chart_version = moved(o.chart_version);
  o.chart_values = moved(o.chart_values);
  o.chart_values_text = moved(o.chart_values_text);
  o.tree = std::move(trimmed);
}

}  // namespace daprlint
