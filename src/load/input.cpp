#include "load/input.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>

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

void walk(const fs::path& dir, InputList& out) {
  std::vector<fs::path> found;
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
      if (name.size() > 1 && name[0] == '.') it.disable_recursion_pending();
      continue;
    }
    // Hidden files are tool settings (.daprlint.yaml, .pre-commit-config.yaml), not manifests.
    if (it->is_regular_file(ec) && manifest_extension(p) && name[0] != '.') found.push_back(p);
  }
  std::sort(found.begin(), found.end());
  for (const fs::path& p : found) out.files.push_back(display(p));
}

}  // namespace

InputList collect_inputs(const std::vector<std::string>& args) {
  InputList out;
  std::vector<std::string> paths = args.empty() ? std::vector<std::string>{"."} : args;
  for (const std::string& arg : paths) {
    if (arg == "-") {
      out.files.push_back(kStdinName);
      continue;
    }
    std::error_code ec;
    fs::file_status st = fs::status(arg, ec);
    if (ec || !fs::exists(st)) {
      out.errors.push_back(arg + ": no such file or directory");
    } else if (fs::is_directory(st)) {
      walk(arg, out);
    } else {
      out.files.push_back(display(arg));  // named explicitly: linted whatever its extension
    }
  }
  return out;
}

bool read_input(const std::string& path, std::string& content, std::string& error) {
  if (path == kStdinName) {
    content.assign(std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>());
    return true;
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    error = path + ": " + std::strerror(errno);
    return false;
  }
  std::ostringstream buffer;
  buffer << in.rdbuf();
  if (in.bad()) {
    error = path + ": read error";
    return false;
  }
  content = std::move(buffer).str();
  return true;
}

}  // namespace daprlint
