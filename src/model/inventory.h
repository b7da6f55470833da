#pragma once
// Every object of one run, with the indexes that cross-object rules need.

#include <map>
#include <set>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

#include "model/object.h"

namespace daprlint {

/// Whether objects of files `a` and `b` (display paths) belong to one install as far as the
/// paths tell: the same file (or stdin stream), or directories of which one contains the other
/// (`deploy/` and `deploy/orders/`), where a kustomize-style `base` or `bases` folder counts as
/// the folder above it, which its overlays share (`app/base/` with `app/overlays/prod/`).
/// Sibling folders (`overlays/dev` and `overlays/prod`, two repositories of an audit) do not
/// share one. docs/rule-format.md, "Scope".
bool files_in_one_scope(std::string_view a, std::string_view b);

class Inventory {
 public:
  std::vector<std::string> files;  // display paths; Object::file_index points here
  std::vector<Object> objects;     // input order

  /// Builds the indexes; call once after every object is added.
  void index();

  bool has_kind(std::string_view kind) const { return by_kind_.count(std::string(kind)) > 0; }
  /// Where a cross-object rule may expect the objects that `referrer` names: its namespace, or,
  /// for a manifest that sets none, the namespace-less manifests of its own directory. Those are
  /// applied together (`kubectl apply -n X -f dir/`); namespace-less files elsewhere, e.g. of
  /// another app or overlay, may well go to another namespace.
  std::string presence_scope(const Object& referrer) const;
  /// Whether the input holds an object of that kind in the referrer's presence scope: the test
  /// cross-object rules make before calling a missing reference an error.
  bool has_kind_near(std::string_view kind, const Object& referrer) const;
  /// Whether two objects are in one scope (files_in_one_scope): the only objects a rule may
  /// name in a suggestion or hint about the other ("did you mean", "it is in namespace x").
  bool in_one_scope(const Object& a, const Object& b) const;
  const std::vector<const Object*>& of_kind(std::string_view kind) const;
  /// The object of that kind, effective namespace and name, or null.
  const Object* find(std::string_view kind, std::string_view ns, std::string_view name) const;
  /// The namespace holding the Dapr operator; empty when no operator is in the input, or when
  /// it comes from a Helm render that does not tell its release namespace.
  const std::string& control_plane_namespace() const { return control_plane_namespace_; }

 private:
  std::map<std::string, std::vector<const Object*>, std::less<>> by_kind_;
  std::map<std::tuple<std::string, std::string, std::string>, const Object*> by_name_;
  std::set<std::pair<std::string, std::string>, std::less<>> kind_scopes_;
  std::string control_plane_namespace_;
};

}  // namespace daprlint
