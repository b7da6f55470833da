#include "model/inventory.h"

namespace daprlint {

void Inventory::index() {
  by_kind_.clear();
  by_name_.clear();
  control_plane_namespace_.clear();
  for (const Object& o : objects) {
    by_kind_[o.kind].push_back(&o);
    by_name_.emplace(std::make_tuple(o.kind, std::string(o.effective_namespace()), o.name), &o);
    if (o.component == Component::Operator && o.is_workload() && control_plane_namespace_.empty()) {
      control_plane_namespace_ = o.effective_namespace();
    }
  }
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
