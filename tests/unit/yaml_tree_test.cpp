#include <doctest/doctest.h>

#include "load/yaml_parser.h"

using namespace daprlint;

TEST_CASE("the tree keeps lines, columns and scalar style") {
  auto parsed = parse_yaml("a: 1\nb:\n  c: \"true\"\n  d: true\nlist:\n- x\n- y\n");
  REQUIRE_FALSE(parsed.error);
  REQUIRE(parsed.documents.size() == 1);
  Node root(parsed.documents[0].get(), parsed.documents[0]->root);
  CHECK(root.is_map());
  CHECK(root.line() == 1);
  CHECK(root.get("a").text() == "1");
  CHECK(root.get("b").get("c").quoted());
  CHECK_FALSE(root.get("b").get("d").quoted());
  CHECK(root.get("b").get("d").line() == 4);
  CHECK(root.get("b").get("d").column() == 6);
  CHECK(root.get("list").at(1).text() == "y");
  CHECK(root.get("list").at(1).path() == "list[1]");
  CHECK(root.get("b").get("c").path() == "b.c");
  CHECK_FALSE(root.get("missing"));
}

TEST_CASE("aliases point at the anchored node instead of copying it") {
  auto parsed = parse_yaml("base: &b {x: 1}\nuse: *b\n");
  REQUIRE_FALSE(parsed.error);
  Node root(parsed.documents[0].get(), parsed.documents[0]->root);
  CHECK(root.get("use").get("x").text() == "1");
  CHECK(root.get("use") == root.get("base"));
}

TEST_CASE("documents before a syntax error are kept, and the error is located") {
  auto parsed = parse_yaml("a: 1\n---\nb: [1, 2\nc: 3\n");
  CHECK(parsed.documents.size() == 1);
  REQUIRE(parsed.error);
  CHECK(parsed.error->line >= 3);
}

TEST_CASE("keys with dots and slashes are quoted in paths") {
  auto parsed = parse_yaml("metadata:\n  annotations:\n    dapr.io/app-id: x\n");
  Node root(parsed.documents[0].get(), parsed.documents[0]->root);
  CHECK(root.get("metadata").get("annotations").get("dapr.io/app-id").path() ==
        "metadata.annotations[\"dapr.io/app-id\"]");
}

TEST_CASE("a flow entry where a document should start is an error, not an endless loop") {
  LoadLimits yaml_cpp;
  yaml_cpp.parser = YamlParser::yaml_cpp;
  for (const LoadLimits& limits : {yaml_cpp, LoadLimits{}}) {
    for (const char* text : {",", ",,,\n", ", a\n", "a: 1\n---\n,\n"}) {
      CAPTURE(text);
      auto parsed = parse_yaml(text, limits);  // yaml-cpp 0.7 alone never returns here
      REQUIRE(parsed.error);
      if (limits.parser == YamlParser::yaml_cpp)
        CHECK(parsed.error->message.find("','") != std::string::npos);
    }
    auto parsed = parse_yaml("a: 1\n---\n,\n", limits);
    CHECK(parsed.documents.size() == 1);
    CHECK(parsed.error->line == 3);
    // Empty documents are still fine.
    auto empty = parse_yaml("---\n---\n---\na: 1\n", limits);
    CHECK_FALSE(empty.error);
  }
}
