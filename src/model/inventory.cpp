#include "model/inventory.h"

namespace daprlint {

void Inventory::index() {
  by_kind_.clear();
  by_name_.clear();
  kind_scopes_.clear();
  control_plane_namespace_.clear();
  for (const Object& o : objects) {
    by_kind_[o.kind].push_back(&o);
    by_name_.emplace(std::make_tuple(o.kind, std::string(o.effective_namespace()), o.name), &o);
    kind_scopes_.emplace(o.kind, presence_scope(o));
    // An operator whose Helm release namespace the input does not tell leaves it unknown.
    if (o.component == Component::Operator && o.is_workload() && control_plane_namespace_.empty() &&
        !o.release_namespace_unknown) {
      control_plane_namespace_ = o.effective_namespace();
    }
  }
}

std::string Inventory::presence_scope(const Object& o) const {
  if (!o.namespace_.empty()) return o.namespace_;
  if (o.file_index >= files.size()) return "(no namespace)";
  const std::string& file = files[o.file_index];
  std::size_t slash = file.rfind('/');
  return "(no namespace) " +
         (slash == std::string::npos ? std::string(".") : file.substr(0, slash));
}

bool Inventory::has_kind_near(std::string_view kind, const Object& referrer) const {
  return kind_scopes_.count(std::make_pair(std::string(kind), presence_scope(referrer))) > 0;
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
