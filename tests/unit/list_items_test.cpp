// A List's items are cut out of their document as each completes (TreeBuilder): each cut item
// must be the same tree as the item left in place, and items that anchors tie to the document
// stay in it.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "load/manifest_loader.h"
#include "load/yaml_parser.h"

using namespace daprlint;

namespace {

struct Cut {
  ParsedStream parsed;
  std::vector<std::shared_ptr<Tree>> items;
};

Cut parse_cutting(const std::string& text) {
  Cut c;
  TreeSinks sinks;
  sinks.item = [&](std::shared_ptr<Tree> item, std::uint32_t) { c.items.push_back(item); };
  c.parsed = parse_yaml(text, {}, sinks);
  return c;
}

/// Same type, position, style, text, path and shape, all the way down.
void check_same(Node a, Node b) {
  REQUIRE(static_cast<bool>(a) == static_cast<bool>(b));
  if (!a) return;
  CHECK(a.type() == b.type());
  CHECK(a.line() == b.line());
  CHECK(a.column() == b.column());
  CHECK(a.text() == b.text());
  CHECK(a.quoted() == b.quoted());
  REQUIRE(a.size() == b.size());
  const std::vector<NodeEntry> ea = a.entries(), eb = b.entries();
  REQUIRE(ea.size() == eb.size());
  for (std::size_t i = 0; i < ea.size(); ++i) {
    check_same(ea[i].key, eb[i].key);
    check_same(ea[i].value, eb[i].value);
  }
}

const char* kList = R"(apiVersion: v1
items:
- apiVersion: apps/v1
  kind: Deployment
  metadata: {name: a, namespace: x}
  spec:
    template:
      metadata:
        annotations: {dapr.io/enabled: "true", dapr.io/app-id: "a"}
      spec:
        containers: [{name: a, image: "a:1"}, {name: b, image: "b:2"}]
- plain scalar
- apiVersion: v1
  kind: Service
  metadata:
    name: b
  spec:
    ports:
    - {port: 80, targetPort: 8080}
kind: List
metadata: {resourceVersion: ""}
)";

}  // namespace

TEST_CASE("each item of a List is cut out as the same tree it was in the document") {
  Cut cut = parse_cutting(kList);
  REQUIRE_FALSE(cut.parsed.error);
  ParsedStream whole = parse_yaml(kList);
  REQUIRE(cut.items.size() == 2);  // the scalar element is not a map: it stays
  Node items(whole.documents[0].get(), whole.documents[0]->root);
  items = items.get("items");
  std::size_t i = 0;
  for (Node original : items.elements()) {
    if (!original.is_map()) continue;
    Node item(cut.items[i].get(), cut.items[i]->root);
    check_same(item, original);
    // Paths inside an item are relative to the item, as they were to the object before.
    CHECK(item.get("spec").path() == "spec");
    CHECK_FALSE(item.parent());
    ++i;
  }
  CHECK(Node(cut.items[0].get(), 0)
            .get("spec")
            .get("template")
            .get("spec")
            .get("containers")
            .at(1)
            .get("image")
            .text() == "b:2");
  // What is left: the document without its map items.
  Node root(cut.parsed.documents[0].get(), cut.parsed.documents[0]->root);
  CHECK(root.get("kind").text() == "List");
  CHECK(root.get("items").size() == 1);
  CHECK(root.get("items").at(0).text() == "plain scalar");
}

TEST_CASE("an item tied to the document by an anchor stays, and so do the items after it") {
  const std::string text =
      "apiVersion: v1\nkind: List\nitems:\n"
      "- {apiVersion: v1, kind: ConfigMap, metadata: {name: one}}\n"
      "- {apiVersion: v1, kind: ConfigMap, metadata: &m {name: two}}\n"
      "- {apiVersion: v1, kind: ConfigMap, metadata: *m}\n"
      "- {apiVersion: v1, kind: ConfigMap, metadata: {name: four}}\n";
  Cut cut = parse_cutting(text);
  REQUIRE_FALSE(cut.parsed.error);
  REQUIRE(cut.items.size() == 1);
  CHECK(Node(cut.items[0].get(), 0).get("metadata").get("name").text() == "one");
  Node root(cut.parsed.documents[0].get(), cut.parsed.documents[0]->root);
  REQUIRE(root.get("items").size() == 3);
  CHECK(root.get("items").at(1).get("metadata").get("name").text() == "two");
  // Loaded as objects, in input order.
  LoadedFile loaded = load_manifests(text, 0);
  REQUIRE(loaded.objects.size() == 4);
  CHECK(loaded.objects[0].name == "one");
  CHECK(loaded.objects[1].name == "two");
  CHECK(loaded.objects[2].name == "two");
  CHECK(loaded.objects[3].name == "four");
}

TEST_CASE("an item aliasing a node outside itself stays in the document") {
  const std::string text =
      "apiVersion: v1\nkind: List\nshared: &s {name: shared}\nitems:\n"
      "- {apiVersion: v1, kind: ConfigMap, metadata: *s}\n";
  Cut cut = parse_cutting(text);
  REQUIRE_FALSE(cut.parsed.error);
  CHECK(cut.items.empty());
  LoadedFile loaded = load_manifests(text, 0);
  REQUIRE(loaded.objects.size() == 1);
  CHECK(loaded.objects[0].name == "shared");
}

TEST_CASE("a document whose kind comes first and is no List keeps its items") {
  const std::string text =
      "apiVersion: v1\nkind: Template\nitems:\n- {apiVersion: v1, kind: ConfigMap}\n";
  CHECK(parse_cutting(text).items.empty());
  CHECK(load_manifests(text, 0).objects.size() == 1);  // the Template itself
}

TEST_CASE("the complete items of a List cut short by a syntax error are still loaded") {
  const std::string text =
      "apiVersion: v1\nkind: List\nitems:\n"
      "- {apiVersion: v1, kind: ConfigMap, metadata: {name: one}}\n"
      "- {apiVersion: v1, kind: ConfigMap, metadata: {name: two}}\n"
      "- {apiVersion: v1, kind: ConfigMap, metadata: {name: [}\n";
  LoadedFile loaded = load_manifests(text, 0);
  REQUIRE(loaded.objects.size() == 2);
  CHECK(loaded.objects[1].name == "two");
  REQUIRE(loaded.findings.size() == 1);
  CHECK(loaded.findings[0].rule_id == "yaml-syntax");
  CHECK(loaded.findings[0].line == 6);
}

TEST_CASE("the node limit bounds each cut item, not the whole List") {
  std::string text = "apiVersion: v1\nkind: List\nitems:\n";
  for (int i = 0; i < 50; ++i)
    text += "- {apiVersion: v1, kind: ConfigMap, metadata: {name: c" + std::to_string(i) + "}}\n";
  LoadLimits limits;
  limits.max_nodes = 40;  // an item has 9 nodes, the List more than 450
  LoadedFile loaded = load_manifests(text, 0, limits);
  CHECK(loaded.objects.size() == 50);
  CHECK(loaded.findings.empty());
  // An item over the limit is still stopped, located in that item.
  text += "- {apiVersion: v1, kind: ConfigMap, data: {";
  for (int i = 0; i < 40; ++i) text += "k" + std::to_string(i) + ": v, ";
  text += "}}\n";
  loaded = load_manifests(text, 0, limits);
  CHECK(loaded.objects.size() == 50);
  REQUIRE(loaded.findings.size() == 1);
  CHECK(loaded.findings[0].rule_id == "yaml-limit-exceeded");
  CHECK(loaded.findings[0].line == 54);
}
