#pragma once
// Every object of one run, with the indexes that cross-object rules need.

#include <map>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

#include "model/object.h"
#include "model/scope.h"

namespace daprlint {

class Inventory {
 public:
  std::vector<std::string> files;  // display paths; Object::file_index points here
  std::vector<Object> objects;     // input order

  /// Builds the indexes; call once after every object is added.
  void index();

  bool has_kind(std::string_view kind) const { return by_kind_.count(std::string(kind)) > 0; }
  /// The namespace in which a cross-object rule may expect the objects that `referrer` names:
  /// its own, or, for a manifest that sets none, that of the namespace-less manifests of its own
  /// directory. Those are applied together (`kubectl apply -n X -f dir/`); namespace-less files
  /// elsewhere, e.g. of another app or overlay, may well go to another namespace.
  std::string presence_scope(const Object& referrer) const;
  /// Whether the input holds an object of that kind in the referrer's presence scope and in its
  /// scope (in_one_scope): the test cross-object rules make before calling a missing reference
  /// an error. A sibling folder's objects of that namespace may go to another cluster.
  bool has_kind_near(std::string_view kind, const Object& referrer) const;
  /// Whether two objects are in one scope: of one cluster export (live), or of files in one
  /// scope (files_in_one_scope). The only objects a rule may name in a suggestion or hint about
  /// the other ("did you mean", "it is in namespace x"), or count as present.
  bool in_one_scope(const Object& a, const Object& b) const;
  /// Files `object` under `key` in `index`, and asks whether `key` holds an object in one scope
  /// with `referrer` (in_one_scope), for indexes of the cross-object rules' own keys.
  void place(ScopeIndex& index, std::string key, const Object& object) const;
  bool near(const ScopeIndex& index, std::string_view key, const Object& referrer) const;
  const std::vector<const Object*>& of_kind(std::string_view kind) const;
  /// The object of that kind, effective namespace and name, or null.
  const Object* find(std::string_view kind, std::string_view ns, std::string_view name) const;
  /// The namespace holding the Dapr operator; empty when no operator is in the input, or when
  /// it comes from a Helm render that does not tell its release namespace.
  const std::string& control_plane_namespace() const { return control_plane_namespace_; }
  /// The same for `object`: the namespace of the first operator in its scope whose namespace
  /// the input tells, so that another repository's control plane is not taken for its own.
  std::string_view control_plane_namespace_near(const Object& object) const;

 private:
  std::map<std::string, std::vector<const Object*>, std::less<>> by_kind_;
  std::map<std::tuple<std::string, std::string, std::string>, const Object*> by_name_;
  ScopeIndex kinds_;                      // kind \0 presence scope
  std::vector<const Object*> operators_;  // whose namespace the input tells
  std::string control_plane_namespace_;
};

}  // namespace daprlint
