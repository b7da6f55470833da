// The streamed run (object rules on each object as it is loaded, trees trimmed for the inventory
// rules) must find exactly what the reference run finds (every rule on whole trees at the end).
// Batches of one object make any rule that secretly looks across objects differ.
#include <doctest/doctest.h>

#include <algorithm>
#include <fstream>
#include <sstream>
#include <tuple>

#include "engine/suppressions.h"
#include "test_support.h"

namespace fs = std::filesystem;
using namespace daprlint;

namespace {

std::vector<std::string> lines_of(const std::vector<std::string>& files,
                                  const std::string& dapr_version, bool stream) {
  EngineOptions options;
  options.dapr_version = dapr_version;
  options.now = test::fixture_clock();
  options.stream = stream;
  options.object_batch = 1;
  LintResult r = lint_files(files, test::embedded_rules(), options);
  apply_suppressions(r, test::embedded_rules(), options, nullptr);  // reads the trimmed trees
  std::vector<std::string> out;
  for (const Finding& f : r.findings) {
    std::ostringstream s;
    s << r.inventory.files[f.file_index] << ":" << f.line << ":" << f.column << " " << f.rule_id
      << " " << severity_name(f.severity) << " " << f.kind << "/" << f.namespace_ << "/" << f.name
      << " " << f.node_path << " [" << f.helm_source << "] " << f.message;
    if (f.suppression) s << " suppressed: " << f.suppression->reason;
    out.push_back(s.str());
  }
  out.push_back("release " + r.release.describe());
  return out;
}

void check_same(const std::vector<std::string>& files, const std::string& dapr_version) {
  const std::vector<std::string> reference = lines_of(files, dapr_version, false);
  const std::vector<std::string> streamed = lines_of(files, dapr_version, true);
  CHECK(reference.size() == streamed.size());
  for (std::size_t i = 0; i < std::min(reference.size(), streamed.size()); ++i) {
    CHECK(reference[i] == streamed[i]);
    if (reference[i] != streamed[i]) break;
  }
}

/// Each file alone, then all of them in one run under releases whose guidance differs.
void check_each_and_all(const std::vector<std::string>& files) {
  for (const std::string& file : files) {
    CAPTURE(file);
    check_same({file}, "auto");
  }
  for (const char* release : {"auto", "0.11", "1.5", "1.11", "1.14", "1.16", "latest"}) {
    CAPTURE(release);
    check_same(files, release);
  }
}

}  // namespace

TEST_CASE("streamed and reference runs agree on every fixture, alone and all together") {
  const std::vector<std::string> files = test::manifest_files(test::source_dir() / "fixtures");
  REQUIRE(files.size() > 400);
  check_each_and_all(files);
}

TEST_CASE("streamed and reference runs agree on the shared corpus") {
  const fs::path corpus = test::shared_dir() / "corpus";
  REQUIRE(fs::is_directory(corpus));
  check_each_and_all(test::manifest_files(corpus));
}

namespace {

/// Every document of the corpus's YAML files as one `kind: List`, the way an export nests them.
std::string corpus_as_list(const std::vector<std::string>& files) {
  std::string out = "apiVersion: v1\nkind: List\nitems:\n";
  for (const std::string& file : files) {
    if (!file.ends_with(".yaml") && !file.ends_with(".yml")) continue;
    const std::string text = test::read_text(file);
    if (text.find("{{") != std::string::npos) continue;  // the unrendered Helm template
    std::istringstream in(text);
    bool first = true;
    for (std::string line; std::getline(in, line);) {
      if (!line.empty() && line.back() == '\r') line.pop_back();
      if (line == "---") {
        first = true;
        continue;
      }
      if (line.empty() || line[0] == '#' || line.find_first_not_of(' ') == std::string::npos)
        continue;
      out += (first ? "- " : "  ") + line + "\n";
      first = false;
    }
  }
  return out;
}

}  // namespace

TEST_CASE("a List checked on other threads while it parses finds the same, in the same order") {
  const fs::path corpus = test::shared_dir() / "corpus";
  REQUIRE(fs::is_directory(corpus));
  const fs::path list = fs::temp_directory_path() / "daprlint-streaming-list.yaml";
  { std::ofstream(list) << corpus_as_list(test::manifest_files(corpus)); }
  auto run = [&](unsigned jobs, bool stream) {
    EngineOptions options;
    options.now = test::fixture_clock();
    options.jobs = jobs;
    options.stream = stream;
    options.object_batch = 8;
    options.pipeline_bytes = 0;
    return lint_files({list.string()}, test::embedded_rules(), options);
  };
  LintResult reference = run(1, false);
  CHECK(reference.notices.empty());
  CHECK(reference.inventory.objects.size() > 100);
  // Two threads: the parser and one checker; five: batches finish out of order.
  for (unsigned jobs : {2u, 5u}) {
    CAPTURE(jobs);
    LintResult pipelined = run(jobs, true);
    REQUIRE(reference.inventory.objects.size() == pipelined.inventory.objects.size());
    for (std::size_t i = 0; i < reference.inventory.objects.size(); ++i) {
      const Object &a = reference.inventory.objects[i], &b = pipelined.inventory.objects[i];
      CHECK(std::tie(a.kind, a.name, a.namespace_) == std::tie(b.kind, b.name, b.namespace_));
      CHECK(a.root.line() == b.root.line());
    }
    REQUIRE(reference.findings.size() == pipelined.findings.size());
    for (std::size_t i = 0; i < reference.findings.size(); ++i) {
      const Finding &a = reference.findings[i], &b = pipelined.findings[i];
      CHECK(std::tie(a.line, a.column, a.rule_id, a.message, a.node_path) ==
            std::tie(b.line, b.column, b.rule_id, b.message, b.node_path));
    }
  }
  fs::remove(list);
}
