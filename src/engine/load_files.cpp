#include "engine/load_files.h"

#include <sys/stat.h>

#include "engine/parallel.h"

namespace daprlint {
namespace {

/// Stdin, FIFOs and devices are read one after another in input order (`- -` or
/// `/dev/stdin /dev/stdin` must not race for the same bytes); regular files in parallel.
bool regular_file(const std::string& path) {
  struct stat st {};
  return path != kStdinName && ::stat(path.c_str(), &st) == 0 && S_ISREG(st.st_mode);
}

void parse(FileLoad& out, const std::string& text, std::size_t index, const LoadLimits& limits,
           const BatchCheck& check, std::size_t batch) {
  if (out.status == ReadStatus::ok) {
    ObjectSink sink;
    if (check) sink = [&](std::span<Object> objects) { check(objects, out.checked); };
    out.loaded = load_manifests(text, index, limits, sink, batch);
    out.comments = scan_suppression_comments(text);
  }
  if (out.status == ReadStatus::too_large)
    out.loaded.findings.push_back(file_too_large(index, limits.max_file_size));
}

}  // namespace

std::vector<FileLoad> load_files(const std::vector<std::string>& files, const LoadLimits& limits,
                                 unsigned jobs, const BatchCheck& check, std::size_t batch) {
  std::vector<FileLoad> out(files.size());
  std::vector<bool> streamed(files.size());
  for (std::size_t i = 0; i < files.size(); ++i) {
    if (regular_file(files[i])) continue;
    streamed[i] = true;
    std::string text;
    out[i].status = read_input(files[i], limits.max_file_size, text, out[i].error);
    parse(out[i], text, i, limits, check, batch);
  }
  parallel_for(files.size(), jobs, [&](std::size_t i) {
    if (streamed[i]) return;
    std::string text;
    out[i].status = read_input(files[i], limits.max_file_size, text, out[i].error);
    parse(out[i], text, i, limits, check, batch);
  });
  return out;
}

}  // namespace daprlint
