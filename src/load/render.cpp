#include "load/render.h"

#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

extern char** environ;

namespace fs = std::filesystem;

namespace daprlint {
namespace {

/// `name` on PATH, or `name` itself when it has a slash and is executable; empty otherwise.
std::string find_program(const std::string& name) {
  if (name.find('/') != std::string::npos) return ::access(name.c_str(), X_OK) == 0 ? name : "";
  const char* path = std::getenv("PATH");
  std::stringstream dirs(path ? path : "");
  for (std::string dir; std::getline(dirs, dir, ':');) {
    std::string candidate = (dir.empty() ? "." : dir) + "/" + name;
    if (::access(candidate.c_str(), X_OK) == 0 && !fs::is_directory(candidate)) return candidate;
  }
  return {};
}

/// What a tool's stderr says failed: its `Error:` line (helm and kubectl end with hints after
/// it), else its last non-empty line.
std::string error_line(const std::string& text) {
  std::string last;
  std::stringstream lines(text);
  bool in_error = false;
  for (std::string line; std::getline(lines, line);) {
    const std::size_t text_at = line.find_first_not_of(" \t\r");
    if (in_error) {
      // helm 4 continues its error on indented lines.
      if (text_at == 0 || text_at == std::string::npos) break;
      last += " " + line.substr(text_at);
      continue;
    }
    if (line.starts_with("Error: ") || line.starts_with("error: ")) {
      last = line.substr(7);
      in_error = true;
      continue;
    }
    if (text_at != std::string::npos) last = line;
  }
  while (!last.empty() && (last.back() == '\r' || last.back() == ' ')) last.pop_back();
  return last;
}

/// Runs argv without a shell; stdout into `out` (at most max_bytes), stderr into `err`.
bool run(const std::vector<std::string>& argv, std::uint64_t max_bytes, std::string& out,
         std::string& err) {
  int pipe_fds[2];
  if (::pipe(pipe_fds) != 0) {
    err = std::strerror(errno);
    return false;
  }
  char err_path[] = "/tmp/daprlint-render-XXXXXX";
  int err_fd = ::mkstemp(err_path);
  if (err_fd < 0) {
    err = std::strerror(errno);
    ::close(pipe_fds[0]);
    ::close(pipe_fds[1]);
    return false;
  }
  ::unlink(err_path);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, pipe_fds[1], STDOUT_FILENO);
  posix_spawn_file_actions_adddup2(&actions, err_fd, STDERR_FILENO);
  posix_spawn_file_actions_addclose(&actions, pipe_fds[0]);
  posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
  std::vector<char*> args;
  for (const std::string& a : argv) args.push_back(const_cast<char*>(a.c_str()));
  args.push_back(nullptr);
  pid_t pid = 0;
  const int spawned = posix_spawn(&pid, args[0], &actions, nullptr, args.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  ::close(pipe_fds[1]);
  if (spawned != 0) {
    err = argv[0] + ": " + std::strerror(spawned);
    ::close(pipe_fds[0]);
    ::close(err_fd);
    return false;
  }
  char buffer[1 << 16];
  bool too_large = false;
  for (;;) {
    ssize_t n = ::read(pipe_fds[0], buffer, sizeof buffer);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;
    if (out.size() + static_cast<std::uint64_t>(n) > max_bytes) {
      too_large = true;  // keep draining so the tool is not blocked on a full pipe
      continue;
    }
    out.append(buffer, static_cast<std::size_t>(n));
  }
  ::close(pipe_fds[0]);
  int status = 0;
  while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  ::lseek(err_fd, 0, SEEK_SET);
  for (ssize_t n; (n = ::read(err_fd, buffer, sizeof buffer)) > 0;)
    err.append(buffer, static_cast<std::size_t>(n));
  ::close(err_fd);
  if (too_large) {
    err = "the rendered output is larger than --max-file-size";
    return false;
  }
  return WIFEXITED(status) && WEXITSTATUS(status) == 0;
}

}  // namespace

std::string render_program(RenderTool tool, const RenderSettings& settings) {
  if (tool == RenderTool::helm) return find_program(settings.helm.empty() ? "helm" : settings.helm);
  std::string kubectl = find_program("kubectl");
  return kubectl.empty() ? find_program("kustomize") : kubectl;
}

bool render_job_for(const std::string& dir, const RenderSettings& settings, RenderJob& job) {
  std::error_code ec;
  if (fs::is_regular_file(fs::path(dir) / "Chart.yaml", ec) &&
      !render_program(RenderTool::helm, settings).empty()) {
    job = {dir, RenderTool::helm};
    return true;
  }
  if (!settings.kustomize) return false;
  // The folder first: PATH is searched only for the folders that need the program.
  for (const char* name : {"kustomization.yaml", "kustomization.yml", "Kustomization"}) {
    if (fs::is_regular_file(fs::path(dir) / name, ec)) {
      job = {dir, RenderTool::kustomize};
      return !render_program(RenderTool::kustomize, settings).empty();
    }
  }
  return false;
}

Rendered render(const RenderJob& job, const RenderSettings& settings, std::uint64_t max_bytes) {
  Rendered out;
  const std::string program = render_program(job.tool, settings);
  std::vector<std::string> argv{program};
  if (job.tool == RenderTool::helm) {
    // The release is named after the chart folder, as `helm install NAME ./chart` usually is.
    std::string release = fs::path(job.dir).lexically_normal().filename().string();
    if (release.empty() || release == ".") release = "release";
    argv.insert(argv.end(), {"template", release, job.dir});
    if (!settings.namespace_.empty()) argv.insert(argv.end(), {"--namespace", settings.namespace_});
    for (const std::string& f : settings.helm_values) argv.insert(argv.end(), {"-f", f});
    for (const std::string& s : settings.set) argv.insert(argv.end(), {"--set", s});
  } else {
    const bool standalone = fs::path(program).filename() == "kustomize";
    argv.push_back(standalone ? "build" : "kustomize");
    argv.push_back(job.dir);
  }
  std::string err;
  out.ok = run(argv, max_bytes, out.text, err);
  if (!out.ok) {
    std::string line = error_line(err);
    out.error = fs::path(program).filename().string() + " " + argv[1] + " failed" +
                (line.empty() ? "" : ": " + line);
    out.text.clear();
  }
  return out;
}

std::string rendered_name(const RenderJob& job) {
  std::string dir = fs::path(job.dir).lexically_normal().generic_string();
  while (dir.size() > 1 && dir.back() == '/') dir.pop_back();
  return dir + (job.tool == RenderTool::helm ? " (helm template)" : " (kustomize)");
}

}  // namespace daprlint
