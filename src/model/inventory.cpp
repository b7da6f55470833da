#include "model/inventory.h"

namespace daprlint {

void Inventory::index() {
  by_kind_.clear();
  by_name_.clear();
  kind_namespaces_.clear();
  control_plane_namespace_.clear();
  for (const Object& o : objects) {
    by_kind_[o.kind].push_back(&o);
    by_name_.emplace(std::make_tuple(o.kind, std::string(o.effective_namespace()), o.name), &o);
    kind_namespaces_.emplace(o.kind, o.effective_namespace());
    if (o.component == Component::Operator && o.is_workload() && control_plane_namespace_.empty()) {
      control_plane_namespace_ = o.effective_namespace();
    }
  }
}

bool Inventory::has_kind_in(std::string_view kind, std::string_view ns) const {
  return kind_namespaces_.count(std::make_pair(std::string(kind), std::string(ns))) > 0;
}

const std::vector<const Object*>& Inventory::of_kind(std::string_view kind) const {
  static const std::vector<const Object*> kNone;
  auto it = by_kind_.find(kind);
  return it == by_kind_.end() ? kNone : it->second;
}

const Object* Inventory::find(std::string_view kind, std::string_view ns,
                              std::string_view name) const {
  auto it = by_name_.find(std::make_tuple(std::string(kind), std::string(ns), std::string(name)));
  return it == by_name_.end() ? nullptr : it->second;
}

}  // namespace daprlint
