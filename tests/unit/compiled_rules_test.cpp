// The rule trees compiled at build time (tools/compile_rules.cpp) must be exactly what
// parse_yaml makes of the embedded rule files now: same nodes, lines, columns and text.
#include "rules/compiled_rules.h"

#include <doctest/doctest.h>

#include <string>

#include "load/yaml_parser.h"
#include "rules/embedded.h"

using namespace daprlint;

namespace {

/// Every field, spelled out here rather than through pack(), which could miss one.
bool same(const NodeData& a, const NodeData& b) {
  return a.type == b.type && a.style == b.style && a.line == b.line && a.column == b.column &&
         a.parent == b.parent && a.first_child == b.first_child &&
         a.next_sibling == b.next_sibling && a.count == b.count && a.slot == b.slot &&
         a.text_offset == b.text_offset && a.text_length == b.text_length;
}

const CompiledRuleFile* compiled(std::string_view path) {
  for (const CompiledRuleFile& c : compiled_rule_files()) {
    if (c.path == path) return &c;
  }
  return nullptr;
}

}  // namespace

TEST_CASE("every embedded rule file is compiled, node for node as parse_yaml reads it") {
  std::size_t rule_files = 0;
  for (const EmbeddedFile& f : embedded_files()) {
    if (!f.path.starts_with("rules/")) continue;
    ++rule_files;
    CAPTURE(f.path);
    const CompiledRuleFile* c = compiled(f.path);
    REQUIRE(c);
    ParsedStream parsed = parse_yaml(f.content);
    REQUIRE_FALSE(parsed.error);
    REQUIRE(parsed.documents.size() == 1);
    const Tree& fresh = *parsed.documents.front();
    std::shared_ptr<const Tree> built = rebuild_tree(*c);
    CHECK(built->root == fresh.root);
    CHECK(built->text == fresh.text);
    REQUIRE(built->nodes.size() == fresh.nodes.size());
    std::size_t differ = 0;
    while (differ < fresh.nodes.size() && same(built->nodes[differ], fresh.nodes[differ])) ++differ;
    CHECK_MESSAGE(differ == fresh.nodes.size(), "first different node: ", differ);
  }
  CHECK(rule_files > 0);
  CHECK(compiled_rule_files().size() == rule_files);
}

TEST_CASE("pack and unpack keep every field of a node") {
  for (NodeType type : {NodeType::Alias, NodeType::Map, NodeType::Scalar}) {
    CAPTURE(static_cast<int>(type));
    NodeData n;
    n.type = type;
    n.style = ScalarStyle::Quoted;
    n.line = 1;
    n.column = 2;
    n.parent = 3;
    n.next_sibling = 4;
    n.slot = 5;
    if (type == NodeType::Scalar) {
      n.text_offset = 6;
      n.text_length = 7;
    } else {
      n.first_child = 6;
      n.count = 7;
    }
    CHECK(same(unpack(pack(n).data()), n));
  }
}
