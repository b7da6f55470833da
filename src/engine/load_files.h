#pragma once
// Reads and parses the input files, in parallel over `jobs` threads; results stay in input order.

#include <functional>
#include <span>
#include <string>
#include <vector>

#include "load/input.h"
#include "load/limits.h"
#include "load/manifest_loader.h"
#include "load/suppression_comments.h"

namespace daprlint {

struct FileLoad {
  ReadStatus status = ReadStatus::ok;
  std::string error;  // when status is failed
  LoadedFile loaded;  // a too-large file has its yaml-limit-exceeded finding here
  std::vector<CommentSuppression> comments;  // `# daprlint:ignore` in the file's text
  std::vector<Finding> checked;              // by `check`, on this file's objects
};

/// Looks at a batch of one file's objects as soon as they are loaded, adding findings to
/// `found`; it may trim the objects' trees.
using BatchCheck = std::function<void(std::span<Object> batch, std::vector<Finding>& found)>;

struct LoadOptions {
  LoadLimits limits;
  unsigned jobs = 1;  // files read and parsed in parallel; 0: every core
  BatchCheck check;   // sees every object, `batch` at a time (optional)
  std::size_t batch = 256;
  /// With jobs > 1, a file at least this big is checked on the other threads while it is
  /// parsed (CheckPool).
  std::size_t pipeline_bytes = std::size_t{1} << 20;
  /// Per file, how it is read (rendered folders, chart values files); may be shorter than the
  /// file list, or empty.
  std::vector<InputSource> sources = {};
};

/// Reads and loads every file; the results are in input order.
std::vector<FileLoad> load_files(const std::vector<std::string>& files, const LoadOptions& options);

}  // namespace daprlint
