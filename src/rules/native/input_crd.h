#pragma once
// Reading a CustomResourceDefinition of the input the way tools/gen-release-facts reads the
// facts' CRDs, for the rules that compare the two (cp-crd-version-mismatch,
// dr-newer-than-input-crd).

#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "model/object.h"
#include "model/release.h"

namespace daprlint {

/// Whether `path` is `base` or lies under it (`a.b.c`, `a.b[]`, `a.b.*` under `a.b`).
bool path_under(std::string_view path, std::string_view base);

/// The oldest release of a mask (0 for none).
std::size_t first_release(ReleaseMask mask);

/// A schema of the input: property names joined with '.', a list's items add '[]',
/// additionalProperties adds '.*'.
struct InputSchema {
  std::map<std::string, Node> nodes;          // every path, properties or not ('' is the root)
  std::set<std::string, std::less<>> fields;  // the property paths
  std::vector<std::string> open;  // x-kubernetes-preserve-unknown-fields: anything passes

  explicit InputSchema(Node root) { walk(root, ""); }
  /// Whether a path below an open schema passes whatever it is.
  bool lets_through(std::string_view path) const;
  /// Whether the schema keeps `path`: a property of it, or under an open schema.
  bool has(std::string_view path) const { return fields.count(path) || lets_through(path); }

 private:
  void walk(Node schema, const std::string& path);
};

/// One version of an input CRD: `spec.versions[]`, or a v1beta1 CRD's `spec.version`; its
/// schema falls back to v1beta1's shared `spec.validation` (absent: anything passes).
struct InputVersion {
  std::string name;
  Node schema;
  bool served = true;
};
std::vector<InputVersion> input_versions(const Object& crd);

}  // namespace daprlint
