#pragma once
// Turns command-line paths into the list of files to lint, and reads them.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "load/render.h"

namespace daprlint {

inline constexpr const char* kStdinName = "<stdin>";

/// How one input is read when it is not a manifest file read as it is.
struct InputSource {
  std::optional<RenderJob> render;  // a folder rendered by helm or kustomize
  std::optional<std::string> text;  // its rendered manifests
  std::string render_error;         // why rendering failed: a render-failed finding instead
  /// A values file of the Dapr Helm chart (--chart-values, `chart-values:`), and the chart
  /// version it is for (empty: not given).
  bool chart_values = false;
  std::string chart_version;
};

struct InputList {
  /// Files to lint, in a deterministic order: arguments as given, directories walked sorted.
  /// `<stdin>` stands for `-`.
  std::vector<std::string> files;
  /// One line per path that does not exist or cannot be read (exit code 2).
  std::vector<std::string> errors;
  /// Per file, how it is read; empty when every file is read as it is.
  std::vector<InputSource> sources;
};

/// Expands files and directories (recursively; hidden files and folders skipped; only .yaml, .yml
/// and .json inside directories). No argument means the current directory. With `render`, a
/// folder it renders (render_job_for) is one input instead of its files.
InputList collect_inputs(const std::vector<std::string>& args,
                         const RenderSettings* render = nullptr);

/// Marks the values files of the Dapr chart, each (path, chart version or empty), adding those
/// the inputs do not name; a path that does not exist is an error line.
void mark_chart_values(InputList& inputs,
                       const std::vector<std::pair<std::string, std::string>>& values);

/// Drops the inputs `drop` says so of, with their sources.
template <typename Drop>
void drop_inputs(InputList& inputs, Drop drop) {
  std::size_t kept = 0;
  for (std::size_t i = 0; i < inputs.files.size(); ++i) {
    if (drop(inputs.files[i])) continue;
    if (kept != i) {
      inputs.files[kept] = std::move(inputs.files[i]);
      if (i < inputs.sources.size()) inputs.sources[kept] = std::move(inputs.sources[i]);
    }
    ++kept;
  }
  inputs.files.resize(kept);
  if (inputs.sources.size() > kept) inputs.sources.resize(kept);
}

/// Renders the inputs that are folders (InputSource::render): their text, or their error with the
/// input renamed to the file that names the tool (Chart.yaml) so the finding is located there.
void render_inputs(InputList& inputs, const RenderSettings& settings, std::uint64_t max_bytes);

enum class ReadStatus { ok, failed, too_large };

/// Reads a file (or stdin for kStdinName) whole, but never more than `max_bytes`: a larger
/// regular file is not read at all, a stream (stdin, a FIFO) is read up to the limit. `error` is
/// set when the status is `failed`.
ReadStatus read_input(const std::string& path, std::uint64_t max_bytes, std::string& content,
                      std::string& error);

/// read_input without a size limit. Returns false with `error` set on failure.
bool read_input(const std::string& path, std::string& content, std::string& error);

}  // namespace daprlint
