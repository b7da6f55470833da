// Runs every rule alone over fixtures/<rule-id>/ and demands exactly the `# expect:` lines. A
// fixture is a file, or a folder whose files (in subfolders too) are linted in one run, for
// cases about folders (scope). fixtures/renders/ runs all rules and demands every expectation of
// any rule.
// LINT_RULE=<id>[,<id>...] limits the run to those rules' directories.
#include <doctest/doctest.h>

#include <algorithm>
#include <cstdlib>
#include <iterator>
#include <map>
#include <set>
#include <sstream>
#include <tuple>

#include "test_support.h"

namespace fs = std::filesystem;
using namespace daprlint;

namespace {

using Expectations = std::multiset<std::pair<std::uint32_t, std::string>>;
/// (file, line, rule id), for a fixture of several files.
using Located = std::multiset<std::tuple<std::string, std::uint32_t, std::string>>;

struct FixtureFile {
  Expectations expected;
  std::string dapr_version = "auto";
  std::vector<std::string> also;  // `# fixture-also: id, id`: rules that run too, unchecked
};

/// `# expect: id[, id]` after code applies to its line; alone on a line, to the next code line.
FixtureFile parse_fixture(const std::string& text) {
  FixtureFile f;
  std::istringstream in(text);
  std::string line;
  std::vector<std::string> pending;
  for (std::uint32_t n = 1; std::getline(in, line); ++n) {
    std::size_t hash = line.find("# expect:");
    std::size_t first = line.find_first_not_of(" \t");
    bool comment_only = first != std::string::npos && line[first] == '#';
    if (line.find("# fixture-dapr-version:") != std::string::npos) {
      std::istringstream p(line.substr(line.find(':') + 1));
      p >> f.dapr_version;
    }
    if (std::size_t also = line.find("# fixture-also:"); also != std::string::npos) {
      std::istringstream ids_in(line.substr(also + 15));
      for (std::string id; ids_in >> id;) {
        if (id.ends_with(',')) id.pop_back();
        f.also.push_back(id);
      }
    }
    std::vector<std::string> ids;
    if (hash != std::string::npos) {
      std::istringstream ids_in(line.substr(hash + 9));
      std::string id;
      while (std::getline(ids_in, id, ',')) {
        id.erase(0, id.find_first_not_of(" \t"));
        id.erase(id.find_last_not_of(" \t\r") + 1);
        id = id.substr(0, id.find(' '));
        if (!id.empty()) ids.push_back(id);
      }
    }
    // A suppression comment's own expectations (unused-suppression) are about the comment.
    if (comment_only && line.find("daprlint:ignore") == std::string::npos) {
      pending.insert(pending.end(), ids.begin(), ids.end());
      continue;
    }
    if (comment_only) {
      for (const std::string& id : ids) f.expected.insert({n, id});
      continue;
    }
    if (first == std::string::npos) continue;  // blank lines do not take pending expectations
    for (const std::string& id : pending) f.expected.insert({n, id});
    pending.clear();
    for (const std::string& id : ids) f.expected.insert({n, id});
  }
  return f;
}

std::string describe(const Located& missing, const Located& unexpected,
                     const std::vector<Finding>& findings, const std::vector<std::string>& files) {
  std::ostringstream out;
  for (const auto& [file, line, id] : missing)
    out << "missing:    " << file << ":" << line << " " << id << "\n";
  for (const auto& [file, line, id] : unexpected) {
    out << "unexpected: " << file << ":" << line << " " << id;
    for (const Finding& f : findings) {
      if (files.at(f.file_index) == file && f.line == line && f.rule_id == id)
        out << " -- " << f.message;
    }
    out << "\n";
  }
  return out.str();
}

/// Lints a fixture (a file, or every file of a folder in one run) with the rules of `only`
/// (empty: all) and demands exactly its expectations of the first of them (of all: of any).
void check_fixture(const fs::path& fixture, const std::vector<std::string>& only) {
  const std::vector<std::string> files = fs::is_directory(fixture)
                                             ? test::manifest_files(fixture)
                                             : std::vector<std::string>{fixture.string()};
  REQUIRE_MESSAGE(!files.empty(), fixture.string() << ": a fixture folder needs files");
  Located wanted;
  std::string dapr_version = "auto";
  std::vector<std::string> run = only;
  for (const std::string& file : files) {
    FixtureFile f = parse_fixture(test::read_text(file));
    if (f.dapr_version != "auto") dapr_version = f.dapr_version;
    if (!only.empty()) run.insert(run.end(), f.also.begin(), f.also.end());
    for (const auto& [line, id] : f.expected) {
      if (only.empty() || id == only.front()) wanted.insert({file, line, id});
    }
  }
  LintResult result = test::lint_pinned(files, run, dapr_version);
  Located got;
  for (const Finding& f : result.findings) {
    if (!f.suppression && (only.empty() || f.rule_id == only.front()))
      got.insert({result.inventory.files.at(f.file_index), f.line, f.rule_id});
  }
  Located missing, unexpected;
  std::set_difference(wanted.begin(), wanted.end(), got.begin(), got.end(),
                      std::inserter(missing, missing.end()));
  std::set_difference(got.begin(), got.end(), wanted.begin(), wanted.end(),
                      std::inserter(unexpected, unexpected.end()));
  INFO(fixture.string() << "\n"
                        << describe(missing, unexpected, result.findings, result.inventory.files));
  CHECK(missing.empty());
  CHECK(unexpected.empty());
  CHECK(result.errors.empty());
  const std::string name = fixture.filename().string();
  if (name.starts_with("fail"))
    CHECK_MESSAGE(!wanted.empty(), fixture.string() << ": a fail-* fixture needs an expectation");
  if (name.starts_with("pass"))
    CHECK_MESSAGE(wanted.empty(), fixture.string() << ": a pass-* fixture must expect nothing");
}

/// The fixtures of a folder: its manifest files, and its fail-* and pass-* folders.
std::vector<fs::path> fixtures_in(const fs::path& dir) {
  std::vector<fs::path> out;
  for (const auto& e : fs::directory_iterator(dir)) {
    std::string ext = e.path().extension().string();
    const std::string name = e.path().filename().string();
    if (e.is_directory() ? name.starts_with("fail") || name.starts_with("pass")
                         : ext == ".yaml" || ext == ".yml" || ext == ".json")
      out.push_back(e.path());
  }
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace

/// Directories of fixtures/ that are not a rule's.
const std::set<std::string> kSpecialFixtureDirs = {"certs", "demo", "golden", "renders"};

TEST_CASE("each rule alone finds exactly the expected lines in its fixtures") {
  const char* only = std::getenv("LINT_RULE");
  const std::string selected = only ? "," + std::string(only) + "," : "";
  for (const auto& dir : fs::directory_iterator(test::source_dir() / "fixtures")) {
    std::string id = dir.path().filename().string();
    if (!dir.is_directory() || kSpecialFixtureDirs.count(id)) continue;
    if (only && selected.find("," + id + ",") == std::string::npos) continue;
    CAPTURE(id);
    REQUIRE_MESSAGE(test::embedded_rules().find(id), "fixtures/" << id << " names no rule");
    for (const fs::path& fixture : fixtures_in(dir.path())) check_fixture(fixture, {id});
  }
}

TEST_CASE("hand-rendered control planes produce exactly the expected findings of all rules") {
  for (const fs::path& fixture : fixtures_in(test::source_dir() / "fixtures" / "renders"))
    check_fixture(fixture, {});
}

TEST_CASE("the fixture parser reads trailing and own-line expectations") {
  auto f = parse_fixture(
      "a: 1  # expect: r-one\n# expect: r-two, r-three\n\nb: 2\n# fixture-dapr-version: 1.11\n");
  CHECK(f.expected.count({1, "r-one"}) == 1);
  CHECK(f.expected.count({4, "r-two"}) == 1);
  CHECK(f.expected.count({4, "r-three"}) == 1);
  CHECK(f.dapr_version == "1.11");
}
