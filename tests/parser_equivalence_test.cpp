// libyaml (the default parser) against yaml-cpp (the reference, --parser yaml-cpp): the same
// trees and the same findings on every fixture, the golden input, the fuzz regressions and
// ../shared/corpus, and a test for each intentional difference listed in load/parser_diff.h.
#include <doctest/doctest.h>

#include <algorithm>
#include <string>

#include "engine/suppressions.h"
#include "load/parser_diff.h"
#include "test_support.h"

namespace fs = std::filesystem;
using namespace daprlint;

namespace {

std::vector<std::string> inputs(bool& corpus_found) {
  std::vector<std::string> files = test::manifest_files(test::source_dir() / "fixtures");
  for (const auto& e : fs::directory_iterator(test::source_dir() / "tests" / "fuzz-regressions"))
    files.push_back(e.path().string());
  const fs::path corpus = test::shared_dir() / "corpus";
  corpus_found = fs::is_directory(corpus);
  if (corpus_found) {
    for (const std::string& f : test::manifest_files(corpus)) files.push_back(f);
  }
  return files;
}

ParsedStream parse_with(const std::string& text, YamlParser parser) {
  LoadLimits limits;
  limits.parser = parser;
  return parse_yaml(text, limits);
}

/// The files both parsers accept, or both refuse: in the others a parser refuses on purpose
/// what the other reads (load/parser_diff.h), so one has a yaml-syntax finding more.
std::vector<std::string> agreed(const std::vector<std::string>& files) {
  std::vector<std::string> out;
  for (const std::string& file : files) {
    const std::string text = test::read_text(file);
    if (parse_with(text, YamlParser::libyaml).error.has_value() ==
        parse_with(text, YamlParser::yaml_cpp).error.has_value())
      out.push_back(file);
  }
  return out;
}

LintResult lint_with(const std::vector<std::string>& files, YamlParser parser) {
  EngineOptions options{{}, "auto", test::fixture_clock()};
  options.limits.parser = parser;
  LintResult result = lint_files(files, test::embedded_rules(), options);
  apply_suppressions(result, test::embedded_rules(), options, nullptr);
  return result;
}

/// An empty value located where libyaml puts it: right after its `:` or `-`, nothing after.
bool after_indicator(const std::string& text, std::uint32_t line, std::uint32_t column) {
  std::size_t start = 0;
  for (std::uint32_t l = 1; l < line && start != std::string::npos; ++l) {
    start = text.find('\n', start);
    if (start != std::string::npos) ++start;
  }
  if (start == std::string::npos || column < 2) return false;
  std::string rest = text.substr(start, text.find('\n', start) - start);
  if (rest.size() < column - 1) return false;
  const char indicator = rest[column - 2];
  rest = rest.substr(column - 1);
  return (indicator == ':' || indicator == '-') &&
         rest.find_first_not_of(" \r") == std::string::npos;
}

std::string describe(const Finding& f) {
  return f.rule_id + " " + std::to_string(f.file_index) + ":" + std::to_string(f.line) + ":" +
         std::to_string(f.column) + " " + f.kind + "/" + f.name + " " + f.node_path + " " +
         f.message;
}

}  // namespace

TEST_CASE("libyaml and yaml-cpp build the same trees of every fixture and corpus file") {
  bool corpus_found = false;
  const std::vector<std::string> files = inputs(corpus_found);
  if (!corpus_found) MESSAGE("skipping ../shared/corpus: not found (set DAPRLINT_SHARED)");
  CHECK(files.size() > 100);
  for (const std::string& file : files) {
    CAPTURE(file);
    const std::optional<std::string> difference = parser_difference(test::read_text(file));
    CHECK_MESSAGE(!difference, *difference);
  }
}

TEST_CASE("libyaml and yaml-cpp give the same findings on every fixture and corpus file") {
  bool corpus_found = false;
  const std::vector<std::string> files = inputs(corpus_found);
  if (!corpus_found) MESSAGE("skipping ../shared/corpus: not found (set DAPRLINT_SHARED)");
  const std::vector<std::string> compared = agreed(files);
  // Only fuzz regressions may be left out: every fixture and corpus file parses alike.
  for (const std::string& file : files) {
    if (std::find(compared.begin(), compared.end(), file) == compared.end())
      CHECK_MESSAGE(file.find("/fuzz-regressions/") != std::string::npos, file);
  }
  const LintResult a = lint_with(compared, YamlParser::libyaml);
  const LintResult b = lint_with(compared, YamlParser::yaml_cpp);
  REQUIRE(a.findings.size() == b.findings.size());
  std::size_t moved = 0, worded = 0;
  for (std::size_t i = 0; i < a.findings.size(); ++i) {
    Finding x = a.findings[i];
    const Finding& y = b.findings[i];
    CAPTURE(describe(y));
    // Intentional: syntax errors in libyaml's words; empty values located after `:` or `-`.
    if (x.rule_id == "yaml-syntax" && y.rule_id == "yaml-syntax" && x.message != y.message) {
      x.message = y.message;
      ++worded;
    }
    // Where a malformed file stops may differ (fuzz-regressions/: invalid UTF-8 that yaml-cpp
    // reads further into); on the fixtures and the corpus the places are the same.
    const bool regression = files[x.file_index].find("fuzz-regressions") != std::string::npos;
    if ((x.line != y.line || x.column != y.column) &&
        ((regression && x.rule_id == "yaml-syntax") ||
         after_indicator(test::read_text(files[x.file_index]), x.line, x.column))) {
      x.line = y.line;
      x.column = y.column;
      ++moved;
    }
    CHECK(describe(x) == describe(y));
    CHECK(x.severity == y.severity);
    CHECK(x.suppression.has_value() == y.suppression.has_value());
  }
  MESSAGE(a.findings.size() << " findings; " << worded << " syntax errors worded by libyaml, "
                            << moved << " at an empty value located after its indicator");
}

// The intentional differences of load/parser_diff.h, one by one: each is allowed there and
// really is a difference here.

TEST_CASE("intentional: an empty value is located after its indicator, as kubectl does") {
  const std::string text = "a:\nb: 1\n";
  ParsedStream x = parse_with(text, YamlParser::libyaml);
  ParsedStream y = parse_with(text, YamlParser::yaml_cpp);
  const NodeData& lx = x.documents.at(0)->nodes.at(2);
  const NodeData& ly = y.documents.at(0)->nodes.at(2);
  CHECK(lx.type == NodeType::Null);
  CHECK(lx.line == 1);
  CHECK(lx.column == 3);
  CHECK(ly.line == 2);  // yaml-cpp: at the next key
  CHECK(ly.column == 1);
  CHECK_FALSE(parser_difference(text));
  CHECK_FALSE(parser_difference("a: ~\nb: null\n"));  // explicit nulls: same place
}

TEST_CASE("intentional: syntax errors carry libyaml's words at the same place") {
  const std::string text = "a: 1\nb: [1, 2\nc: 3\n";
  ParsedStream x = parse_with(text, YamlParser::libyaml);
  ParsedStream y = parse_with(text, YamlParser::yaml_cpp);
  REQUIRE(x.error);
  REQUIRE(y.error);
  CHECK(x.error->message.find("did not find expected ',' or ']'") != std::string::npos);
  CHECK(x.error->message != y.error->message);
  CHECK(x.error->line == y.error->line);
  CHECK_FALSE(parser_difference(text));
}

TEST_CASE("intentional: libyaml rejects control characters and invalid UTF-8, as go-yaml") {
  for (std::string text : {"a: x\x01y\n", "a: \xff\xfe\n", "a: \xc3\n", "b: 1\na: \xc3x\n"}) {
    CAPTURE(text);
    CHECK(parse_with(text, YamlParser::libyaml).error);
    CHECK_FALSE(parse_with(text, YamlParser::yaml_cpp).error);
    CHECK_FALSE(parser_difference(text));
  }
  // Located by byte offset: line 2, at the byte that breaks the sequence started by 0xc3.
  ParsedStream x = parse_with("b: 1\na: \xc3x\n", YamlParser::libyaml);
  CHECK(x.error->line == 2);
  CHECK(x.error->column == 5);
}

TEST_CASE("intentional: a lone CR ends a line for libyaml (YAML 1.1); yaml-cpp refuses it") {
  const std::string text = "a: 1\rb: 2\n";
  ParsedStream x = parse_with(text, YamlParser::libyaml);
  REQUIRE_FALSE(x.error);
  Node root(x.documents[0].get(), x.documents[0]->root);
  CHECK(root.get("b").line() == 2);
  CHECK(parse_with(text, YamlParser::yaml_cpp).error);
  CHECK_FALSE(parser_difference(text));
}

TEST_CASE("intentional: yaml-cpp stops at about 500 levels by itself, libyaml at --max-depth") {
  LoadLimits deep;
  deep.max_depth = 2000;
  const std::string text = std::string(1000, '[') + std::string(1000, ']');
  deep.parser = YamlParser::yaml_cpp;
  CHECK(parse_yaml(text, deep).error->limit);
  deep.parser = YamlParser::libyaml;
  CHECK_FALSE(parse_yaml(text, deep).error);
  CHECK_FALSE(parser_difference(text, deep));
}

TEST_CASE("not a difference: YAML 1.1 scalars and merge keys reach the tree as written") {
  const std::string text = "b: &b {x: 1}\nm:\n  <<: *b\n  y: yes\n  o: on\n  mode: 0755\n";
  CHECK_FALSE(parser_difference(text));
  ParsedStream x = parse_with(text, YamlParser::libyaml);
  Node m(x.documents[0].get(), x.documents[0]->root);
  CHECK(m.get("m").get("y").text() == "yes");
  CHECK(m.get("m").get("mode").text() == "0755");
  CHECK(m.get("m").get("<<").get("x").text() == "1");
}

TEST_CASE("intentional: YAML that yaml-cpp 0.7 reads too freely, libyaml refuses as go-yaml") {
  for (const char* text : {"\"a\")\n",                // a second root node
                           "- name: a\n  value b\n",  // a key without `:`
                           "a: \"open\n",             // an unclosed quote
                           "!!# x\n"}) {              // a tag handle without a suffix
    CAPTURE(text);
    CHECK(parse_with(text, YamlParser::libyaml).error);
    CHECK_FALSE(parse_with(text, YamlParser::yaml_cpp).error);
    CHECK_FALSE(parser_difference(text));
  }
}

TEST_CASE("intentional: `?` inside a plain scalar of a flow map is YAML; yaml-cpp refuses it") {
  const std::string text = "labels: {dapr.io/a?b: \"true\"}\n";
  ParsedStream x = parse_with(text, YamlParser::libyaml);
  REQUIRE_FALSE(x.error);
  Node root(x.documents[0].get(), x.documents[0]->root);
  CHECK(root.get("labels").get("dapr.io/a?b").text() == "true");
  CHECK(parse_with(text, YamlParser::yaml_cpp).error);
  CHECK_FALSE(parser_difference(text));
}

TEST_CASE("intentional: a tagged plain scalar continued on a less indented line is YAML") {
  // Found by fuzz/fuzz_parser_diff.cpp: yaml-cpp opens an indentation level at the tag.
  for (const char* text : {"x:\n  !t a\n ,b\n", "   !t a\n ,b\n"}) {
    CAPTURE(text);
    ParsedStream x = parse_with(text, YamlParser::libyaml);
    REQUIRE_FALSE(x.error);
    REQUIRE(x.documents.size() == 1);
    Node root(x.documents[0].get(), x.documents[0]->root);
    CHECK((root.is_map() ? root.get("x") : root).text() == "a ,b");
    CHECK(parse_with(text, YamlParser::yaml_cpp).error);
    CHECK(parser_difference(text).value_or("none") == "none");
  }
}

TEST_CASE("intentional: a flow scalar continued on a line starting with `- ` is YAML") {
  // Found by fuzz/fuzz_parser_diff.cpp: yaml-cpp reads a block entry and loses the `}`.
  const std::string text = "a: {b\n- c\n}\n";
  ParsedStream x = parse_with(text, YamlParser::libyaml);
  REQUIRE_FALSE(x.error);
  Node root(x.documents[0].get(), x.documents[0]->root);
  CHECK(root.get("a").get("b - c"));
  CHECK(parse_with(text, YamlParser::yaml_cpp).error);
  CHECK_FALSE(parser_difference(text));
}

TEST_CASE("intentional: libyaml skips a second byte order mark too; the text is only run") {
  // Found by fuzz/fuzz_parser_diff.cpp.
  const std::string text = "\xef\xbb\xbf\xef\xbb\xbfp";
  ParsedStream x = parse_with(text, YamlParser::libyaml);
  REQUIRE_FALSE(x.error);
  Node root(x.documents[0].get(), x.documents[0]->root);
  CHECK(root.text() == "p");
  CHECK_FALSE(parser_difference(text));
}

TEST_CASE("intentional: a document of a tag alone is null to yaml-cpp, an empty string here") {
  for (const char* text : {"!\n", "--- !foo\n"}) {
    CAPTURE(text);
    ParsedStream x = parse_with(text, YamlParser::libyaml);
    ParsedStream y = parse_with(text, YamlParser::yaml_cpp);
    CHECK(x.documents.at(0)->nodes.at(0).type == NodeType::Scalar);
    CHECK(y.documents.at(0)->nodes.at(0).type == NodeType::Null);
    CHECK_FALSE(parser_difference(text));
  }
  CHECK_FALSE(parser_difference("a: !foo\nb: !!str\n"));  // as a value: the same to both
}

TEST_CASE("intentional: an anchor name ends where YAML 1.1 ends it") {
  const std::string text = "&x: 1\n";
  ParsedStream x = parse_with(text, YamlParser::libyaml);
  ParsedStream y = parse_with(text, YamlParser::yaml_cpp);
  REQUIRE_FALSE(x.error);
  REQUIRE_FALSE(y.error);
  CHECK(Node(x.documents[0].get(), x.documents[0]->root).is_map());       // `&x` anchors `{: 1}`
  CHECK(Node(y.documents[0].get(), y.documents[0]->root).text() == "1");  // the anchor `x:`
  CHECK_FALSE(parser_difference(text));
  CHECK_FALSE(parser_difference("a: &x {b: 1}\nc: *x\n"));  // plain names are compared
}
