#include "model/scope.h"

namespace daprlint {
namespace {

bool is_stream(std::string_view file) {
  return file.starts_with('<');
}

/// The folder whose objects a file's are: its directory (empty for the current one, `/` for the
/// root), or for a rendered chart or overlay the folder that was rendered.
std::string_view folder(std::string_view file) {
  for (std::string_view suffix : {kHelmRenderSuffix, kKustomizeRenderSuffix}) {
    if (file.ends_with(suffix)) return file.substr(0, file.size() - suffix.size());
  }
  const std::size_t slash = file.rfind('/');
  if (slash == std::string_view::npos) return {};
  return slash == 0 ? file.substr(0, 1) : file.substr(0, slash);
}

/// The folder whose files a folder's objects are applied with: itself, or for a kustomize-style
/// `base`/`bases` folder (or one inside it) the folder above it, which its overlays are under.
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

/// Whether `outer` contains any of the sorted `folders`: the ones it contains are contiguous.
bool contains_any(std::string_view outer, const std::set<std::string, std::less<>>& folders) {
  if (outer.empty()) {  // the current directory: any relative folder that does not climb out
    for (const std::string& f : folders) {
      if (contains(outer, f)) return true;
    }
    return false;
  }
  if (folders.contains(outer)) return true;
  const std::string below = outer == "/" ? std::string("/") : std::string(outer) + "/";
  auto it = folders.lower_bound(below);
  return it != folders.end() && it->starts_with(below);
}

/// Whether any of `outers` contains `inner`: only `inner` and the folders above it can.
bool contained_by_any(std::string_view inner, const std::set<std::string, std::less<>>& outers) {
  for (std::string_view at = inner;;) {
    if (outers.contains(at)) return true;
    if (at.empty() || at == "/") return false;
    const std::size_t slash = at.rfind('/');
    if (slash == std::string_view::npos) {
      if (at == "..") return false;  // the current directory does not contain its parent
      at = {};
    } else {
      at = slash == 0 ? at.substr(0, 1) : at.substr(0, slash);
    }
  }
}

}  // namespace

bool files_in_one_scope(std::string_view a, std::string_view b) {
  if (a == b) return true;
  // `<stdin>` is a stream of its own, not a file of the current directory.
  if (is_stream(a) || is_stream(b)) return false;
  const std::string_view da = folder(a), db = folder(b);
  return contains(reach(da), db) || contains(reach(db), da);
}

void ScopeIndex::add(std::string key, std::string_view file, std::size_t file_index, bool live) {
  Places& places = by_key_[std::move(key)];
  places.live = places.live || live;
  if (file.empty()) {
    places.unknown_file = true;
  } else if (is_stream(file)) {
    places.streams.insert(file_index);
  } else {
    const std::string_view dir = folder(file);
    places.folders.emplace(dir);
    places.reaches.emplace(reach(dir));
  }
}

bool ScopeIndex::near(std::string_view key, std::string_view file, std::size_t file_index,
                      bool live) const {
  auto it = by_key_.find(key);
  if (it == by_key_.end()) return false;
  const Places& places = it->second;
  if ((live && places.live) || places.unknown_file || file.empty()) return true;
  if (is_stream(file)) return places.streams.contains(file_index);
  // files_in_one_scope for each holder: one in a folder under the referrer's reach, or one
  // applied with a folder that holds the referrer.
  const std::string_view dir = folder(file);
  return contains_any(reach(dir), places.folders) || contained_by_any(dir, places.reaches);
}

}  // namespace daprlint
