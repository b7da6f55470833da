#include "model/selector.h"

namespace daprlint {
namespace {

Node pod_labels(const Object& o) {
  return o.pod_template.get("metadata").get("labels");
}

bool is_label_selector(Node selector) {
  return static_cast<bool>(selector.get("matchLabels")) ||
         static_cast<bool>(selector.get("matchExpressions"));
}

/// Every `key: value` of a map equals the label of that key.
bool labels_match(Node map, Node labels) {
  for (const NodeEntry& e : map.entries()) {
    Node label = labels.get(e.key.text());
    if (!label.is_scalar() || label.text() != e.value.text()) return false;
  }
  return true;
}

bool in_values(Node values, std::string_view value) {
  for (Node v : values.elements()) {
    if (v.text() == value) return true;
  }
  return false;
}

bool expression_matches(Node expression, Node labels) {
  Node label = labels.get(expression.get("key").text());
  const bool present = label.is_scalar();
  std::string_view op = expression.get("operator").text();
  Node values = expression.get("values");
  if (op == "In") return present && in_values(values, label.text());
  if (op == "NotIn") return !present || !in_values(values, label.text());
  if (op == "Exists") return present;
  if (op == "DoesNotExist") return !present;
  return false;  // not a valid selector: the API server rejects it
}

std::string label_key(std::string_view ns, std::string_view key, std::string_view value) {
  std::string out;
  out.reserve(ns.size() + key.size() + value.size() + 2);
  out.append(ns).push_back('\0');
  out.append(key).push_back('\0');
  out.append(value);
  return out;
}

}  // namespace

bool selects(Node selector, Node labels, EmptySelector empty) {
  if (!selector.is_map()) return false;
  if (!is_label_selector(selector)) {
    if (selector.size() == 0) return empty == EmptySelector::SelectsAll;
    return labels_match(selector, labels);
  }
  Node match_labels = selector.get("matchLabels");
  Node expressions = selector.get("matchExpressions");
  if (match_labels.size() == 0 && expressions.size() == 0) {
    return empty == EmptySelector::SelectsAll;
  }
  if (match_labels && !match_labels.is_map() && !match_labels.is_null()) return false;
  if (!labels_match(match_labels, labels)) return false;
  for (Node e : expressions.elements()) {
    if (!expression_matches(e, labels)) return false;
  }
  return true;
}

void WorkloadIndex::add(const Object& workload) {
  if (!workload.is_workload()) return;
  const std::string ns(workload.effective_namespace());
  by_namespace_[ns].push_back(&workload);
  for (const NodeEntry& e : pod_labels(workload).entries()) {
    if (!e.value.is_scalar()) continue;
    by_label_[label_key(ns, e.key.text(), e.value.text())].push_back(&workload);
  }
}

const std::vector<const Object*>* WorkloadIndex::bucket(std::string_view ns, std::string_view key,
                                                        std::string_view value) const {
  static const std::vector<const Object*> kNone;
  auto it = by_label_.find(label_key(ns, key, value));
  return it == by_label_.end() ? &kNone : &it->second;
}

const Object* WorkloadIndex::find_selected(std::string_view ns, Node selector, EmptySelector empty,
                                           const std::function<bool(const Object&)>& accept) const {
  if (!selector.is_map()) return nullptr;
  // The smallest bucket among the selector's equality requirements holds every candidate.
  const std::vector<const Object*>* candidates = nullptr;
  auto narrow = [&](std::string_view key, std::string_view value) {
    const std::vector<const Object*>* b = bucket(ns, key, value);
    if (!candidates || b->size() < candidates->size()) candidates = b;
  };
  const bool label_selector = is_label_selector(selector);
  for (const NodeEntry& e : (label_selector ? selector.get("matchLabels") : selector).entries()) {
    narrow(e.key.text(), e.value.text());
  }
  if (label_selector) {
    for (Node e : selector.get("matchExpressions").elements()) {
      Node values = e.get("values");
      if (e.get("operator").text() == "In" && values.size() == 1) {
        narrow(e.get("key").text(), values.at(0).text());
      }
    }
  }
  if (!candidates) {
    auto it = by_namespace_.find(std::string(ns));
    if (it == by_namespace_.end()) return nullptr;
    candidates = &it->second;
  }
  for (const Object* o : *candidates) {
    if (selects(selector, pod_labels(*o), empty) && accept(*o)) return o;
  }
  return nullptr;
}

std::vector<const Object*> WorkloadIndex::selected(std::string_view ns, Node selector,
                                                   EmptySelector empty) const {
  std::vector<const Object*> out;
  find_selected(ns, selector, empty, [&](const Object& o) {
    out.push_back(&o);
    return false;
  });
  return out;
}

bool owned_by_input_object(const Inventory& inventory, const Object& object) {
  for (Node owner : object.root.get("metadata").get("ownerReferences").elements()) {
    if (inventory.find(owner.get("kind").text(), object.effective_namespace(),
                       owner.get("name").text())) {
      return true;
    }
  }
  return false;
}

}  // namespace daprlint
