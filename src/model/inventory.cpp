#include "model/inventory.h"

namespace daprlint {
namespace {

/// The directory of a display path: empty for the current one, `/` for the root.
std::string_view directory(std::string_view file) {
  const std::size_t slash = file.rfind('/');
  if (slash == std::string_view::npos) return {};
  return slash == 0 ? file.substr(0, 1) : file.substr(0, slash);
}

/// The directory whose files a file's objects are applied with: its own, or for one in a
/// kustomize-style `base`/`bases` folder the folder above it, which its overlays are under.
std::string_view reach(std::string_view dir) {
  for (std::size_t end = dir.size(); end > 0;) {
    const std::size_t slash = dir.rfind('/', end - 1);
    const std::size_t start = slash == std::string_view::npos ? 0 : slash + 1;
    const std::string_view segment = dir.substr(start, end - start);
    if (segment == "base" || segment == "bases") {
      if (slash == std::string_view::npos) return {};
      return slash == 0 ? dir.substr(0, 1) : dir.substr(0, slash);
    }
    if (slash == std::string_view::npos) break;
    end = slash;
  }
  return dir;
}

bool contains(std::string_view outer, std::string_view inner) {
  if (outer == inner) return true;
  if (outer.empty()) return !inner.starts_with('/') && inner != ".." && !inner.starts_with("../");
  if (outer == "/") return inner.starts_with('/');
  return inner.starts_with(outer) && inner.size() > outer.size() && inner[outer.size()] == '/';
}

}  // namespace

bool files_in_one_scope(std::string_view a, std::string_view b) {
  if (a == b) return true;
  // `<stdin>` is a stream of its own, not a file of the current directory.
  if (a.starts_with('<') || b.starts_with('<')) return false;
  const std::string_view da = directory(a), db = directory(b);
  return contains(reach(da), db) || contains(reach(db), da);
}

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

bool Inventory::in_one_scope(const Object& a, const Object& b) const {
  if (a.file_index == b.file_index || a.file_index >= files.size() || b.file_index >= files.size())
    return true;
  return files_in_one_scope(files[a.file_index], files[b.file_index]);
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
