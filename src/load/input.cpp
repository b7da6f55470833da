#include "load/input.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>

namespace fs = std::filesystem;

namespace daprlint {
namespace {

bool manifest_extension(const fs::path& p) {
  std::string ext = p.extension().string();
  return ext == ".yaml" || ext == ".yml" || ext == ".json";
}

std::string display(const fs::path& p) {
  std::string s = p.lexically_normal().generic_string();
  return s.empty() ? "." : s;
}

void add_render(const RenderJob& job, InputList& out) {
  out.sources.resize(out.files.size());
  out.files.push_back(rendered_name(job));
  out.sources.push_back({});
  out.sources.back().render = job;
}

/// The chart folder that holds `file` (the nearest folder above it with a Chart.yaml), when the
/// settings render charts.
bool enclosing_chart(const std::string& file, const RenderSettings& render, RenderJob& job) {
  std::error_code ec;
  const fs::path start = fs::path(file).lexically_normal().parent_path();
  for (fs::path dir = start; !dir.empty(); dir = dir.parent_path()) {
    if (fs::is_regular_file(dir / "Chart.yaml", ec))
      return render_job_for(display(dir), render, job) && job.tool == RenderTool::helm;
    if (dir == dir.parent_path() || !dir.has_parent_path()) break;
  }
  return false;
}

void walk(const fs::path& dir, InputList& out, const RenderSettings* render) {
  RenderJob job;
  if (render && render_job_for(dir.string(), *render, job)) {
    add_render(job, out);
    return;
  }
  std::vector<fs::path> found;
  std::vector<RenderJob> rendered;  // folders under `dir` rendered as a whole
  std::error_code ec;
  auto it =
      fs::recursive_directory_iterator(dir, fs::directory_options::skip_permission_denied, ec);
  if (ec) {
    out.errors.push_back(display(dir) + ": " + ec.message());
    return;
  }
  for (auto end = fs::recursive_directory_iterator(); it != end; it.increment(ec)) {
    if (ec) {
      out.errors.push_back(display(dir) + ": " + ec.message());
      break;
    }
    const fs::path& p = it->path();
    const std::string name = p.filename().string();
    if (it->is_directory(ec)) {
      if (name.size() > 1 && name[0] == '.') {
        it.disable_recursion_pending();
      } else if (render && render_job_for(p.string(), *render, job)) {
        it.disable_recursion_pending();
        rendered.push_back(job);
      }
      continue;
    }
    // Hidden files are tool settings (.daprlint.yaml, .pre-commit-config.yaml), not manifests.
    if (it->is_regular_file(ec) && manifest_extension(p) && name[0] != '.') found.push_back(p);
  }
  // Rendered folders take their place in the sorted walk, where their files would have been.
  for (const RenderJob& r : rendered) found.push_back(fs::path(r.dir) / "");
  std::sort(found.begin(), found.end());
  for (const fs::path& p : found) {
    if (!p.has_filename()) {
      add_render(*std::find_if(rendered.begin(), rendered.end(),
                               [&](const RenderJob& r) { return fs::path(r.dir) / "" == p; }),
                 out);
    } else {
      out.files.push_back(display(p));
    }
  }
  if (!out.sources.empty()) out.sources.resize(out.files.size());
}

}  // namespace

InputList collect_inputs(const std::vector<std::string>& args, const RenderSettings* render) {
  InputList out;
  std::vector<std::string> paths = args.empty() ? std::vector<std::string>{"."} : args;
  for (const std::string& arg : paths) {
    if (arg == "-") {
      out.files.push_back(kStdinName);
      continue;
    }
    std::error_code ec;
    fs::file_status st = fs::status(arg, ec);
    if (ec && ec != std::errc::no_such_file_or_directory) {
      out.errors.push_back(arg + ": " + ec.message());  // a symlink loop, a permission
    } else if (ec || !fs::exists(st)) {
      out.errors.push_back(arg + ": no such file or directory");
    } else if (fs::is_directory(st)) {
      walk(arg, out, render);
    } else if (RenderJob job; render && enclosing_chart(arg, *render, job)) {
      // A file of a chart (pre-commit passes the changed ones): the chart, rendered once.
      const std::string name = rendered_name(job);
      if (std::find(out.files.begin(), out.files.end(), name) == out.files.end())
        add_render(job, out);
    } else {
      out.files.push_back(display(arg));  // named explicitly: linted whatever its extension
    }
  }
  if (!out.sources.empty()) out.sources.resize(out.files.size());
  return out;
}

void mark_chart_values(InputList& inputs,
                       const std::vector<std::pair<std::string, std::string>>& values) {
  for (const auto& [path, version] : values) {
    std::error_code ec;
    if (!fs::is_regular_file(path, ec)) {
      inputs.errors.push_back(path + ": no such file (chart values)");
      continue;
    }
    const std::string name = display(path);
    auto at = std::find(inputs.files.begin(), inputs.files.end(), name);
    const std::size_t i = static_cast<std::size_t>(at - inputs.files.begin());
    if (at == inputs.files.end()) inputs.files.push_back(name);
    inputs.sources.resize(inputs.files.size());
    inputs.sources[i].chart_values = true;
    inputs.sources[i].chart_version = version;
  }
}

void render_inputs(InputList& inputs, const RenderSettings& settings, std::uint64_t max_bytes) {
  for (std::size_t i = 0; i < inputs.sources.size(); ++i) {
    InputSource& source = inputs.sources[i];
    if (!source.render) continue;
    Rendered r = render(*source.render, settings, max_bytes);
    if (r.ok) {
      source.text = std::move(r.text);
      continue;
    }
    source.render_error = r.error;
    const char* named_by =
        source.render->tool == RenderTool::helm ? "Chart.yaml" : "kustomization.yaml";
    fs::path file = fs::path(source.render->dir) / named_by;
    if (source.render->tool == RenderTool::kustomize && !fs::exists(file)) {
      for (const char* other : {"kustomization.yml", "Kustomization"})
        if (fs::exists(fs::path(source.render->dir) / other))
          file = fs::path(source.render->dir) / other;
    }
    inputs.files[i] = display(file);
  }
}

ReadStatus read_input(const std::string& path, std::uint64_t max_bytes, std::string& content,
                      std::string& error) {
  content.clear();
  const bool is_stdin = path == kStdinName;
  // open() on a FIFO waits for a writer, as reading stdin does; O_CLOEXEC for hygiene only.
  int fd = is_stdin ? STDIN_FILENO : ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    error = path + ": " + std::strerror(errno);
    return ReadStatus::failed;
  }
  struct stat st {};
  ReadStatus status = ReadStatus::ok;
  const bool stat_ok = ::fstat(fd, &st) == 0;
  if (stat_ok && S_ISREG(st.st_mode)) {
    // Checked before reading, so a 1 GB file costs nothing when it is over the limit.
    if (static_cast<std::uint64_t>(st.st_size) > max_bytes)
      status = ReadStatus::too_large;
    else
      content.reserve(static_cast<std::size_t>(st.st_size));
  } else if (stat_ok && S_ISDIR(st.st_mode)) {
    error = path + ": " + std::strerror(EISDIR);
    status = ReadStatus::failed;
  }
  char buffer[1 << 16];
  while (status == ReadStatus::ok) {
    ssize_t n = ::read(fd, buffer, sizeof buffer);
    if (n == 0) break;
    if (n < 0) {
      if (errno == EINTR) continue;
      error = path + ": " + std::strerror(errno);
      status = ReadStatus::failed;
      break;
    }
    if (content.size() + static_cast<std::uint64_t>(n) > max_bytes) {
      status = ReadStatus::too_large;  // a stream of unknown length: stop at the limit
      break;
    }
    content.append(buffer, static_cast<std::size_t>(n));
  }
  if (!is_stdin) ::close(fd);
  if (status != ReadStatus::ok) content.clear();
  return status;
}

bool read_input(const std::string& path, std::string& content, std::string& error) {
  return read_input(path, UINT64_MAX, content, error) == ReadStatus::ok;
}

}  // namespace daprlint
