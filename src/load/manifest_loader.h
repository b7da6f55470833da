#pragma once
// Turns one file's text into Kubernetes objects: documents, `kind: List` items, Helm sources.

#include <string>
#include <string_view>
#include <vector>

#include "model/finding.h"
#include "model/object.h"

namespace daprlint {

struct LoadedFile {
  std::vector<Object> objects;
  std::vector<Finding> findings;  // yaml-syntax
  std::string notice;             // non-empty when the file was skipped (unrendered template)
};

/// Loads every object of `text`. Documents before a syntax error are kept.
LoadedFile load_manifests(std::string_view text, std::size_t file_index);

}  // namespace daprlint
