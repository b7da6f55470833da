#include "model/inventory.h"

namespace daprlint {
namespace {

std::string key_of(std::string_view kind, std::string_view presence_scope) {
  std::string key(kind);
  key.push_back('\0');
  key.append(presence_scope);
  return key;
}

}  // namespace

void Inventory::index() {
  by_kind_.clear();
  by_name_.clear();
  kinds_ = {};
  operators_.clear();
  control_plane_namespace_.clear();
  for (const Object& o : objects) {
    by_kind_[o.kind].push_back(&o);
    by_name_.emplace(std::make_tuple(o.kind, std::string(o.effective_namespace()), o.name), &o);
    place(kinds_, key_of(o.kind, presence_scope(o)), o);
    // An operator whose Helm release namespace the input does not tell leaves it unknown.
    if (o.component == Component::Operator && o.is_workload() && !o.release_namespace_unknown) {
      if (control_plane_namespace_.empty()) control_plane_namespace_ = o.effective_namespace();
      operators_.push_back(&o);
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
  return near(kinds_, key_of(kind, presence_scope(referrer)), referrer);
}

bool Inventory::in_one_scope(const Object& a, const Object& b) const {
  if (a.file_index == b.file_index || a.file_index >= files.size() || b.file_index >= files.size())
    return true;
  return (a.live && b.live) || files_in_one_scope(files[a.file_index], files[b.file_index]);
}

void Inventory::place(ScopeIndex& index, std::string key, const Object& object) const {
  const std::string_view file =
      object.file_index < files.size() ? std::string_view(files[object.file_index]) : "";
  index.add(std::move(key), file, object.file_index, object.live);
}

bool Inventory::near(const ScopeIndex& index, std::string_view key, const Object& referrer) const {
  const std::string_view file =
      referrer.file_index < files.size() ? std::string_view(files[referrer.file_index]) : "";
  return index.near(key, file, referrer.file_index, referrer.live);
}

std::string_view Inventory::control_plane_namespace_near(const Object& object) const {
  for (const Object* o : operators_) {
    if (in_one_scope(*o, object)) return o->effective_namespace();
  }
  return {};
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
