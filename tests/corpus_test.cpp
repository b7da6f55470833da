// Every file of ../shared/corpus (real public Dapr manifests) loads and lints without a crash,
// and valid YAML never yields a yaml-syntax finding; the findings per rule stay the reviewed ones.
#include <doctest/doctest.h>

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <map>
#include <set>

#include "rules/selection.h"
#include "test_support.h"

namespace fs = std::filesystem;
using namespace daprlint;

TEST_CASE("the shared corpus of real manifests loads cleanly") {
  fs::path corpus = test::shared_dir() / "corpus";
  REQUIRE_MESSAGE(fs::is_directory(corpus),
                  "set DAPRLINT_SHARED to the shared folder; tried " << corpus);
  const std::vector<std::string> files = test::manifest_files(corpus);
  CHECK(files.size() >= 80);
  std::size_t objects = 0, templates = 0;
  for (const std::string& file : files) {
    CAPTURE(file);
    LintResult r = test::lint_pinned({file});
    CHECK(r.errors.empty());
    for (const Finding& f : r.findings) CHECK_MESSAGE(f.rule_id != "yaml-syntax", f.message);
    objects += r.inventory.objects.size();
    templates += r.notices.size();
  }
  // The one unrendered Helm template in the corpus is skipped with a notice, not parsed.
  CHECK(templates == 1);
  CHECK(objects > 100);
}

namespace {

/// Findings per rule when each repository of the corpus is linted on its own (as its owners
/// would run daprlint), with the default set and with every rule.
std::string findings_per_rule(const fs::path& corpus) {
  const RuleSet& rules = test::embedded_rules();
  std::vector<std::string> errors;
  std::set<std::string> in_default = select_rules(rules, {}, errors);
  REQUIRE(errors.empty());
  std::map<std::string, std::pair<int, int>> counts;  // rule -> default, all
  std::vector<fs::path> repositories;
  for (const auto& entry : fs::directory_iterator(corpus)) {
    if (entry.is_directory()) repositories.push_back(entry.path());
  }
  std::sort(repositories.begin(), repositories.end());
  for (const fs::path& repository : repositories) {
    for (const Finding& f : test::lint_pinned(test::manifest_files(repository)).findings) {
      if (f.suppression) continue;
      ++counts[f.rule_id].second;
      if (in_default.contains(f.rule_id)) ++counts[f.rule_id].first;
    }
  }
  std::string out =
      "# Findings per rule on ../shared/corpus, each repository linted on its own: default set, "
      "every rule.\n# Regenerate with UPDATE_GOLDEN=1 and review the change in signal.\n";
  std::pair<int, int> total;
  for (const auto& [rule, n] : counts) {
    out += rule + "\t" + std::to_string(n.first) + "\t" + std::to_string(n.second) + "\n";
    total.first += n.first;
    total.second += n.second;
  }
  return out + "total\t" + std::to_string(total.first) + "\t" + std::to_string(total.second) + "\n";
}

}  // namespace

TEST_CASE("findings per rule on the shared corpus are the reviewed ones") {
  fs::path corpus = test::shared_dir() / "corpus";
  REQUIRE_MESSAGE(fs::is_directory(corpus),
                  "set DAPRLINT_SHARED to the shared folder; tried " << corpus);
  const fs::path expected_file = test::source_dir() / "tests/corpus/findings-per-rule.tsv";
  const std::string actual = findings_per_rule(corpus);
  if (std::getenv("UPDATE_GOLDEN")) {
    fs::create_directories(expected_file.parent_path());
    std::ofstream(expected_file, std::ios::binary) << actual;
  }
  CHECK_MESSAGE(actual == test::read_text(expected_file),
                "the signal on the corpus changed; read the new findings, then UPDATE_GOLDEN=1:\n"
                    << actual);
}
