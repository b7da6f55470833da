#include "engine/load_files.h"

#include <sys/stat.h>

#include <iterator>
#include <optional>

#include "engine/check_pool.h"
#include "engine/parallel.h"

namespace daprlint {
namespace {

/// Stdin, FIFOs and devices are read one after another in input order (`- -` or
/// `/dev/stdin /dev/stdin` must not race for the same bytes); regular files in parallel.
bool regular_file(const std::string& path) {
  struct stat st {};
  return path != kStdinName && ::stat(path.c_str(), &st) == 0 && S_ISREG(st.st_mode);
}

const InputSource* source_of(const LoadOptions& options, std::size_t index) {
  return index < options.sources.size() ? &options.sources[index] : nullptr;
}

/// The render-failed finding of a folder whose tool failed, at the file that names the tool.
Finding render_failed(std::size_t index, const std::string& error) {
  Finding f;
  f.rule_id = "render-failed";
  f.severity = Severity::Error;
  f.message = error + "; nothing in this folder was checked";
  f.file_index = index;
  f.line = f.column = 1;
  return f;
}

void parse(FileLoad& out, const std::string& text, std::size_t index, const LoadOptions& options,
           const std::string& name) {
  if (out.status == ReadStatus::ok) {
    ObjectSink sink;
    std::vector<Object> checked;
    std::optional<CheckPool> pool;
    if (options.check) {
      if (const unsigned jobs = resolve_jobs(options.jobs);
          jobs > 1 && text.size() >= options.pipeline_bytes) {
        pool.emplace(options.check, jobs - 1, checked, out.checked);
        sink = [&](std::vector<Object>&& batch) { pool->push(std::move(batch)); };
      } else {
        sink = [&](std::vector<Object>&& batch) {
          options.check(batch, out.checked);
          std::move(batch.begin(), batch.end(), std::back_inserter(checked));
        };
      }
    }
    const InputSource* source = source_of(options, index);
    std::optional<ChartValuesFile> values;
    if (source && source->chart_values)
      values = ChartValuesFile{name.substr(name.find_last_of('/') + 1), source->chart_version};
    out.loaded = load_manifests(text, index, options.limits, sink, options.batch,
                                values ? &*values : nullptr);
    if (values && values->version.empty())
      out.loaded.notice =
          "values file of the Dapr chart without a chart version (--chart-values FILE@VERSION): "
          "the checks that depend on the release use the run's Dapr release";
    if (pool) pool->finish();
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
    // A rendered folder's text is at hand, or its error stands for it.
    if (const InputSource* source = source_of(options, i); source && source->render) {
      streamed[i] = true;
      if (source->text) {
        parse(out[i], *source->text, i, options, files[i]);
      } else {
        out[i].loaded.findings.push_back(render_failed(i, source->render_error));
      }
      continue;
    }
    if (regular_file(files[i])) continue;
    streamed[i] = true;
    std::string text;
    out[i].status = read_input(files[i], options.limits.max_file_size, text, out[i].error);
    parse(out[i], text, i, options, files[i]);
  }
  parallel_for(files.size(), options.jobs, [&](std::size_t i) {
    if (streamed[i]) return;
    std::string text;
    out[i].status = read_input(files[i], options.limits.max_file_size, text, out[i].error);
    parse(out[i], text, i, options, files[i]);
  });
  return out;
}

}  // namespace daprlint
