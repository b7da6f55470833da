#include "engine/load_files.h"

#include <sys/stat.h>

#include <iterator>
#include <optional>

#include "engine/check_thread.h"
#include "engine/parallel.h"

namespace daprlint {
namespace {

/// Stdin, FIFOs and devices are read one after another in input order (`- -` or
/// `/dev/stdin /dev/stdin` must not race for the same bytes); regular files in parallel.
bool regular_file(const std::string& path) {
  struct stat st {};
  return path != kStdinName && ::stat(path.c_str(), &st) == 0 && S_ISREG(st.st_mode);
}

void parse(FileLoad& out, const std::string& text, std::size_t index, const LoadOptions& options) {
  if (out.status == ReadStatus::ok) {
    ObjectSink sink;
    std::vector<Object> checked;
    std::optional<CheckThread> thread;
    if (options.check) {
      if (resolve_jobs(options.jobs) > 1 && text.size() >= options.pipeline_bytes) {
        thread.emplace(options.check, checked, out.checked);
        sink = [&](std::vector<Object>&& batch) { thread->push(std::move(batch)); };
      } else {
        sink = [&](std::vector<Object>&& batch) {
          options.check(batch, out.checked);
          std::move(batch.begin(), batch.end(), std::back_inserter(checked));
        };
      }
    }
    out.loaded = load_manifests(text, index, options.limits, sink, options.batch);
    if (thread) thread->finish();
    if (options.check) out.loaded.objects = std::move(checked);
    out.comments = scan_suppression_comments(text);
  }
  if (out.status == ReadStatus::too_large)
    out.loaded.findings.push_back(file_too_large(index, options.limits.max_file_size));
}

}  // namespace

std::vector<FileLoad> load_files(const std::vector<std::string>& files,
                                 const LoadOptions& options) {
  std::vector<FileLoad> out(files.size());
  std::vector<bool> streamed(files.size());
  for (std::size_t i = 0; i < files.size(); ++i) {
    if (regular_file(files[i])) continue;
    streamed[i] = true;
    std::string text;
    out[i].status = read_input(files[i], options.limits.max_file_size, text, out[i].error);
    parse(out[i], text, i, options);
  }
  parallel_for(files.size(), options.jobs, [&](std::size_t i) {
    if (streamed[i]) return;
    std::string text;
    out[i].status = read_input(files[i], options.limits.max_file_size, text, out[i].error);
    parse(out[i], text, i, options);
  });
  return out;
}

}  // namespace daprlint
