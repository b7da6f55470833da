// The real-chart matrix: every render of the official Dapr chart in ../shared/dapr/renders (each
// release, each variant of renders/MATRIX.tsv) is linted, and the exact set of (rule, object)
// findings must be the one tests/matrix/expectations.yaml gives for that release and variant,
// each expectation with the doc or source that justifies it.
//
//   daprlint_matrix SHARED EXPECTATIONS [--list]
//
// Exit 0 when every render matches and every expectation matched some render, 1 otherwise, 77
// (skipped) when SHARED/dapr/renders is missing. --list prints every render's findings as
// `tag variant rule object`, for writing expectations and the closing notes of issues.
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "../test_support.h"
#include "load/yaml_parser.h"
#include "model/release.h"
#include "rules/release_facts.h"

namespace fs = std::filesystem;
using namespace daprlint;

namespace {

struct Expectation {
  std::string rule;
  /// `Kind/name`, or `-` for a finding about the file. An object that is not in a render (the
  /// dashboard left the chart in 1.11) is not expected there.
  std::vector<std::string> objects;
  ReleaseMask releases = 0;
  std::set<std::string> variants;  // empty: every variant
  std::uint32_t line = 0;
  std::set<std::string> matched;  // objects found in some render
};

using Key = std::pair<std::string, std::string>;  // rule, object

std::vector<std::string> texts(Node n) {
  std::vector<std::string> out;
  if (n.is_scalar()) out.emplace_back(n.text());
  for (Node e : n.elements()) out.emplace_back(e.text());
  return out;
}

/// Reads the expectations; every entry needs a rule, objects, releases and a reason.
bool read_expectations(const fs::path& path, std::vector<Expectation>& out) {
  const std::string text = test::read_text(path);
  ParsedStream parsed = parse_yaml(text);
  if (parsed.error || parsed.documents.size() != 1) {
    std::cerr << path.string() << ": not one YAML document\n";
    return false;
  }
  const ReleaseFacts& facts = ReleaseFacts::embedded();
  Node root(parsed.documents[0].get(), parsed.documents[0]->root);
  bool ok = true;
  for (Node e : root.get("expectations").elements()) {
    Expectation x;
    x.line = e.line();
    x.rule = e.get("rule").text();
    x.objects = texts(e.get("objects"));
    for (const std::string& v : texts(e.get("variants")))
      if (v != "*") x.variants.insert(v);
    std::string error;
    auto mask = facts.range(e.get("releases").text(), error);
    const bool why = e.get("why").text().size() >= 20;
    if (x.rule.empty() || x.objects.empty() || !mask || !why) {
      std::cerr << path.string() << ":" << x.line
                << ": an expectation needs rule, objects, releases (" << error
                << ") and why (the doc or source that supports it)\n";
      ok = false;
      continue;
    }
    x.releases = *mask;
    out.push_back(std::move(x));
  }
  return ok;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 3) {
    std::cerr << "usage: daprlint_matrix SHARED EXPECTATIONS [--list]\n";
    return 2;
  }
  const fs::path renders = fs::path(argv[1]) / "dapr" / "renders";
  const bool list = argc > 3 && std::string(argv[3]) == "--list";
  if (!fs::is_directory(renders)) {
    std::cout << "SKIPPED: " << renders.string()
              << " not found; the real-chart matrix needs ../shared (DAPRLINT_SHARED)\n";
    return 77;
  }
  std::vector<Expectation> expectations;
  if (!read_expectations(argv[2], expectations)) return 1;
  const ReleaseFacts& facts = ReleaseFacts::embedded();

  std::vector<fs::path> files;
  for (const auto& dir : fs::directory_iterator(renders)) {
    if (!dir.is_directory() || dir.path().filename().string().rfind('v', 0) != 0) continue;
    for (const auto& f : fs::directory_iterator(dir.path()))
      if (f.path().extension() == ".yaml") files.push_back(f.path());
  }
  std::sort(files.begin(), files.end());

  std::size_t failures = 0, renders_checked = 0;
  for (const fs::path& file : files) {
    const std::string tag = file.parent_path().filename().string().substr(1);
    const std::string variant = file.stem().string();
    auto release = parse_release(tag);
    LintResult result = test::lint_pinned({file.string()});
    ++renders_checked;
    const std::string where = "v" + tag + "/" + variant;
    if (!release || result.release.index != facts.nearest(*release) ||
        result.release.source != "control-plane images") {
      std::cout << where << ": the release found is " << result.release.describe() << "\n";
      ++failures;
    }
    std::set<Key> actual;
    for (const Finding& f : result.findings)
      actual.emplace(f.rule_id, f.kind.empty() ? "-" : f.kind + "/" + f.name);
    std::set<std::string> present = {"-"};
    for (const Object& o : result.inventory.objects) present.insert(o.kind + "/" + o.name);
    if (list) {
      for (const auto& [rule, object] : actual)
        std::cout << "v" << tag << "\t" << variant << "\t" << rule << "\t" << object << "\n";
      continue;
    }
    std::map<Key, Expectation*> expected;
    for (Expectation& x : expectations) {
      if (!release || !(x.releases & release_bit(facts.nearest(*release)))) continue;
      if (!x.variants.empty() && !x.variants.count(variant)) continue;
      for (const std::string& object : x.objects) {
        if (present.count(object)) expected.emplace(Key{x.rule, object}, &x);
      }
    }
    for (const Key& k : actual) {
      auto it = expected.find(k);
      if (it == expected.end()) {
        std::cout << where << ": unexpected " << k.first << " " << k.second << "\n";
        ++failures;
      } else {
        it->second->matched.insert(k.second);
      }
    }
    for (const auto& [k, x] : expected) {
      if (actual.count(k)) continue;
      std::cout << where << ": missing " << k.first << " " << k.second
                << " (expectations.yaml:" << x->line << ")\n";
      ++failures;
    }
  }
  if (list) return 0;
  for (const Expectation& x : expectations) {
    for (const std::string& object : x.objects) {
      if (x.matched.count(object)) continue;
      std::cout << "expectations.yaml:" << x.line << ": " << x.rule << " " << object
                << " matches no render\n";
      ++failures;
    }
  }
  std::cout << (failures ? "FAILED: " : "ok: ") << renders_checked << " renders, "
            << expectations.size() << " expectations, " << failures << " difference(s)\n";
  return failures ? 1 : 0;
}
