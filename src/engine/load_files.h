#pragma once
// Reads and parses the input files, in parallel over `jobs` threads; results stay in input order.

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
};

std::vector<FileLoad> load_files(const std::vector<std::string>& files, const LoadLimits& limits,
                                 unsigned jobs);

}  // namespace daprlint
