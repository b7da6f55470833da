// The parser under hostile input: limits, alias bombs, alias cycles, duplicate keys.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "load/manifest_loader.h"
#include "load/yaml_parser.h"

using namespace daprlint;

namespace {

std::string billion_laughs(int levels) {
  std::string s = "l0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n";
  for (int i = 1; i <= levels; ++i) {
    std::string prev = "*l" + std::to_string(i - 1);
    s += "l" + std::to_string(i) + ": &l" + std::to_string(i) + " [";
    for (int k = 0; k < 9; ++k) s += (k ? ", " : "") + prev;
    s += "]\n";
  }
  return s;
}

}  // namespace

TEST_CASE("an alias bomb stops at the node limit instead of being expanded") {
  LoadLimits limits;
  limits.max_nodes = 1'000'000;
  auto parsed = parse_yaml(billion_laughs(9), limits);
  REQUIRE(parsed.error);
  CHECK(parsed.error->limit);
  CHECK(parsed.error->message.find("--max-nodes") != std::string::npos);
  CHECK(parsed.error->line == 7);  // l6 repeats 9^7 = 4.8M nodes: over the limit
  // The same text below the limit keeps each alias as one node, never a copy.
  auto small = parse_yaml(billion_laughs(4), limits);
  REQUIRE_FALSE(small.error);
  CHECK(small.documents[0]->nodes.size() < 120);
}

TEST_CASE("an alias inside its own anchor is an error, not a cycle") {
  for (const char* text : {"a: &a [1, *a]\n", "a: &a {b: *a}\n"}) {
    CAPTURE(text);
    auto parsed = parse_yaml(text);
    REQUIRE(parsed.error);
    CHECK_FALSE(parsed.error->limit);
    CHECK(parsed.documents.empty());
  }
}

TEST_CASE("nesting past --max-depth is a located limit error, even 100,000 deep") {
  std::string deep = "x: 1\n---\n" + std::string(100000, '[') + std::string(100000, ']');
  auto parsed = parse_yaml(deep);
  REQUIRE(parsed.error);
  CHECK(parsed.error->limit);
  CHECK(parsed.error->line == 3);
  CHECK(parsed.error->column == 257);
  CHECK(parsed.documents.size() == 1);  // the document before it is kept
  LoadLimits shallow;
  shallow.max_depth = 2;
  CHECK(parse_yaml("a: {b: 1}\n", shallow).error.has_value() == false);
  CHECK(parse_yaml("a: {b: {c: 1}}\n", shallow).error->limit);
}

TEST_CASE("duplicate keys are reported at the later key with the first key's line") {
  auto parsed = parse_yaml("a: 1\nb:\n  x: 1\n  x: 2\n  'x': 3\na: 4\nc: [{a: 1}, {a: 2}]\n");
  REQUIRE_FALSE(parsed.error);
  REQUIRE(parsed.duplicates.size() == 3);
  // Reported per map when it closes: the inner map first, then the root.
  CHECK(parsed.duplicates[0].key == "x");
  CHECK(parsed.duplicates[0].line == 4);
  CHECK(parsed.duplicates[0].column == 3);
  CHECK(parsed.duplicates[0].first_line == 3);
  CHECK(parsed.duplicates[1].line == 5);
  CHECK(parsed.duplicates[1].first_line == 3);
  CHECK(parsed.duplicates[2].key == "a");
  CHECK(parsed.duplicates[2].line == 6);
  CHECK(parsed.duplicates[2].first_line == 1);
  // The last value wins in the tree, as in Kubernetes; the earlier ones are not reachable.
  Node root(parsed.documents[0].get(), parsed.documents[0]->root);
  CHECK(root.get("a").text() == "4");
  CHECK(root.size() == 3);
  CHECK(root.get("b").get("x").text() == "3");
  CHECK(root.get("b").size() == 1);
  std::vector<std::string> keys;
  for (const NodeEntry& e : root.entries()) keys.emplace_back(e.key.text());
  CHECK(keys == std::vector<std::string>{"b", "a", "c"});
  CHECK(root.get("c").at(1).get("a").text() == "2");
}

TEST_CASE("a map with 100,000 distinct keys has no duplicate and parses quickly") {
  std::string text;
  for (int i = 0; i < 100000; ++i) text += "k" + std::to_string(i) + ": v\n";
  text += "k5: again\n";
  auto parsed = parse_yaml(text);
  REQUIRE(parsed.duplicates.size() == 1);
  CHECK(parsed.duplicates[0].line == 100001);
  CHECK(parsed.duplicates[0].first_line == 6);
}

TEST_CASE("loader findings: duplicate keys keep the object, limits keep earlier documents") {
  LoadedFile dup =
      load_manifests("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a, name: b}\n", 0);
  CHECK(dup.objects.size() == 1);
  REQUIRE(dup.findings.size() == 1);
  CHECK(dup.findings[0].rule_id == "yaml-duplicate-key");
  CHECK(dup.findings[0].message ==
        "duplicate mapping key 'name', first at line 3: the API server keeps the last value, "
        "which daprlint reads; kustomize, Flux and other strict parsers refuse the file");
  CHECK(dup.objects[0].name == "b");
  LoadLimits limits;
  limits.max_nodes = 12;
  LoadedFile big = load_manifests(
      "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\n---\n"
      "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: b}\ndata: {a: 1, b: 2, c: 3}\n",
      0, limits);
  CHECK(big.objects.size() == 1);
  REQUIRE(big.findings.size() == 1);
  CHECK(big.findings[0].rule_id == "yaml-limit-exceeded");
  CHECK(big.findings[0].line == 8);
  Finding f = file_too_large(3, 100);
  CHECK(f.rule_id == "yaml-limit-exceeded");
  CHECK(f.file_index == 3);
}
