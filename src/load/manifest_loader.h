#pragma once
// Turns one file's text into Kubernetes objects: documents, `kind: List` items, Helm sources.

#include <functional>
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

/// Takes the objects of a file a batch at a time, as soon as they are loaded (a List export's
/// items while the rest is still being parsed).
using ObjectSink = std::function<void(std::vector<Object>&& batch)>;

/// A values file of the Dapr Helm chart (--chart-values): its document is one HelmValues object
/// whose values the gv-* rules read, for the chart `version` (empty: not given).
struct ChartValuesFile {
  std::string name;  // the object's name: the file's
  std::string version;
};

/// Loads every object of `text`. Documents before a syntax error or a broken limit are kept, and
/// so are the complete items of a List cut short by one. With `on_objects`, every object goes
/// to it, in batches of at most `batch` objects, instead of into LoadedFile::objects.
LoadedFile load_manifests(std::string_view text, std::size_t file_index,
                          const LoadLimits& limits = {}, const ObjectSink& on_objects = {},
                          std::size_t batch = 256, const ChartValuesFile* chart_values = nullptr);

/// The yaml-limit-exceeded finding for a file over LoadLimits::max_file_size, which is never read.
Finding file_too_large(std::size_t file_index, std::uint64_t max_file_size);

}  // namespace daprlint
