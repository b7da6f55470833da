#pragma once
// Turns one file's text into Kubernetes objects: documents, `kind: List` items, Helm sources.

#include <string>
#include <string_view>
#include <vector>

#include "load/limits.h"
#include "model/finding.h"
#include "model/object.h"

namespace daprlint {

struct LoadedFile {
  std::vector<Object> objects;
  std::vector<Finding>
      findings;        // loader rules: yaml-syntax, yaml-duplicate-key, yaml-limit-exceeded
  std::string notice;  // non-empty when the file was skipped (unrendered template)
};

/// Loads every object of `text`. Documents before a syntax error or a broken limit are kept.
LoadedFile load_manifests(std::string_view text, std::size_t file_index,
                          const LoadLimits& limits = {});

/// The yaml-limit-exceeded finding for a file over LoadLimits::max_file_size, which is never read.
Finding file_too_large(std::size_t file_index, std::uint64_t max_file_size);

}  // namespace daprlint
