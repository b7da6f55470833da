#pragma once
// Which objects of one run belong to one install or folder, as far as the input tells: where a
// cross-object rule may look for what an object refers to (docs/rule-format.md, "Scope").

#include <cstddef>
#include <map>
#include <set>
#include <string>
#include <string_view>

namespace daprlint {

/// How load/render.cpp names a folder it rendered: `charts/orders (helm template)`.
inline constexpr std::string_view kHelmRenderSuffix = " (helm template)";
inline constexpr std::string_view kKustomizeRenderSuffix = " (kustomize)";

/// Whether objects of files `a` and `b` (display paths) belong to one install as far as the
/// paths tell: the same file (or stdin stream), or folders of which one contains the other
/// (`deploy/` and `deploy/orders/`), where a kustomize-style `base` or `bases` folder counts as
/// the folder above it, which its overlays share (`app/base/` with `app/overlays/prod/`), and a
/// rendered chart or overlay (`charts/orders (helm template)`) is its own folder. Sibling folders
/// (`overlays/dev` and `overlays/prod`, two repositories of an audit, two rendered charts) do
/// not share one.
bool files_in_one_scope(std::string_view a, std::string_view b);

/// Where the objects filed under a key are (a kind in a namespace, say), to answer "does the key
/// hold an object in one scope with this one?" with a few lookups rather than a comparison with
/// each: the same test as files_in_one_scope, and objects of a cluster export (live) share one.
class ScopeIndex {
 public:
  /// `file` is the object's display path; empty when the run does not know it.
  void add(std::string key, std::string_view file, std::size_t file_index, bool live);
  bool near(std::string_view key, std::string_view file, std::size_t file_index, bool live) const;

 private:
  struct Places {
    std::set<std::string, std::less<>> folders;  // of the files holding them
    std::set<std::string, std::less<>> reaches;  // the folders those files are applied with
    std::set<std::size_t> streams;               // files that are streams (`<stdin>`)
    bool live = false;                           // some object comes from a cluster export
    bool unknown_file = false;                   // some object's file is not known
  };
  std::map<std::string, Places, std::less<>> by_key_;
};

}  // namespace daprlint
