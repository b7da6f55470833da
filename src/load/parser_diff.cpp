#include "load/parser_diff.h"

#include <algorithm>
#include <utility>
#include <vector>

#include "load/yaml_parser.h"

namespace daprlint {
namespace {

constexpr std::size_t npos = std::string::npos;

std::string at(const NodeData& d) {
  return std::to_string(d.line) + ":" + std::to_string(d.column);
}

/// CR alone, NEL, LS or PS: line breaks to libyaml only (yaml-cpp reads them as content, or
/// refuses them), so the lines after them differ.
bool has_yaml11_line_break(std::string_view text) {
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\r' && (i + 1 == text.size() || text[i + 1] != '\n')) return true;
    if (text.substr(i, 2) == "\xc2\x85" || text.substr(i, 3) == "\xe2\x80\xa8" ||
        text.substr(i, 3) == "\xe2\x80\xa9")
      return true;
  }
  return false;
}

/// libyaml refuses what go-yaml (and so `kubectl apply`) refuses and yaml-cpp 0.7 lets through;
/// these are its words for it. Seen by fuzz/fuzz_parser_diff.cpp: yaml-cpp reads a second root
/// node as a second document, a key without `:` as the continuation of the value before it,
/// `a: b: c`, unclosed quotes at the end of the input, tabs as indentation.
bool rejected_by_libyaml_only(const SyntaxError& e) {
  static const char* const kWords[] = {
      // the reader: encodings and characters
      "control characters are not allowed",
      "invalid leading UTF-8 octet",
      "invalid trailing UTF-8 octet",
      "incomplete UTF-8 octet sequence",
      "invalid length of a UTF-8 sequence",
      "invalid Unicode character",
      "UTF-16",
      "surrogate",
      // the scanner and the parser: stricter structure
      "found character that cannot start any token",
      "did not find expected <document start>",
      "could not find expected ':'",
      "mapping values are not allowed in this context",
      "found unexpected end of stream",
      "found unexpected ':'",
      "did not find expected key",
      "did not find expected '-' indicator",
      "did not find expected node content",
      "did not find expected whitespace or line break",
      "while scanning a directive",
      "found undefined tag handle",
      "did not find expected tag URI",
  };
  return std::any_of(std::begin(kWords), std::end(kWords),
                     [&](const char* w) { return e.message.find(w) != std::string::npos; });
}

/// A `!` where a tag may start. yaml-cpp 0.7 opens an indentation level at a tag, so it refuses a
/// tagged plain scalar continued on a less indented line (`x:\n  !t a\n ,b`), and a tag
/// handle without a suffix (`!!!`), both YAML that libyaml and go-yaml read. When yaml-cpp
/// alone refuses a text with a tag, the text is only run, not compared.
bool has_tag(std::string_view text) {
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '!' && (i == 0 || std::string_view(" \t\n[{,:-").find(text[i - 1]) != npos))
      return true;
  }
  return false;
}

bool anchor_character(char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '-' ||
         c == '_';
}

/// An anchor or alias name with a character libyaml (YAML 1.1, as go-yaml) ends it at and
/// yaml-cpp (YAML 1.2) reads on: `&name: x` is the anchor `name` before a key to libyaml.
bool has_yaml12_anchor_name(std::string_view text) {
  for (std::size_t i = 0; i < text.size(); ++i) {
    if ((text[i] != '&' && text[i] != '*') ||
        (i > 0 && std::string_view(" \t\n[{,-:?").find(text[i - 1]) == npos))
      continue;
    std::size_t end = i + 1;
    while (end < text.size() && anchor_character(text[end])) ++end;
    if (end < text.size() && std::string_view(" \t\r\n,]}").find(text[end]) == npos) return true;
  }
  return false;
}

class TreeDiff {
 public:
  TreeDiff(const Tree& a, const Tree& b) : a_(a), b_(b) {}

  std::optional<std::string> run() {
    if ((a_.root == kNoNode) != (b_.root == kNoNode)) return "one document has no root";
    if (a_.root == kNoNode) return std::nullopt;
    std::vector<std::pair<std::uint32_t, std::uint32_t>> todo{{a_.root, b_.root}};
    while (!todo.empty()) {
      auto [i, j] = todo.back();
      todo.pop_back();
      if (auto d = node(a_.nodes[i], b_.nodes[j])) return d;
      const NodeType type = a_.nodes[i].type;
      if (type != NodeType::Map && type != NodeType::Seq) continue;  // no children
      for (std::uint32_t x = a_.nodes[i].first_child, y = b_.nodes[j].first_child;
           x != kNoNode || y != kNoNode;
           x = a_.nodes[x].next_sibling, y = b_.nodes[y].next_sibling) {
        if (x == kNoNode || y == kNoNode) return "children of " + at(a_.nodes[i]) + " differ";
        todo.push_back({x, y});
      }
    }
    return std::nullopt;
  }

 private:
  std::optional<std::string> node(const NodeData& x, const NodeData& y) const {
    const std::string where = "node at " + at(x) + " (yaml-cpp " + at(y) + ")";
    // A document that is a tag without content: an empty string, but null to yaml-cpp.
    const bool tagged_empty = x.type == NodeType::Scalar && x.style == ScalarStyle::Quoted &&
                              x.text_length == 0 && y.type == NodeType::Null;
    if (tagged_empty) return std::nullopt;
    if (x.type != y.type) return where + ": type differs";
    const bool collection = x.type == NodeType::Map || x.type == NodeType::Seq;
    if (collection && x.count != y.count) return where + ": size differs";
    if (x.type == NodeType::Scalar && (x.style != y.style || text(a_, x) != text(b_, y)))
      return where + ": scalar differs";
    if (x.type == NodeType::Alias) {
      const bool xa = x.first_child != kNoNode, ya = y.first_child != kNoNode;
      if (xa != ya || (xa && at(a_.nodes[x.first_child]) != at(b_.nodes[y.first_child])))
        return where + ": alias target differs";
    }
    if (x.line == y.line && x.column == y.column) return std::nullopt;
    // An empty value: libyaml locates it after its indicator, yaml-cpp at the next token.
    if (x.type == NodeType::Null) return std::nullopt;
    return where + ": location differs";
  }

  static std::string_view text(const Tree& t, const NodeData& d) {
    return std::string_view(t.text).substr(d.text_offset, d.text_length);
  }

  const Tree& a_;
  const Tree& b_;
};

}  // namespace

std::optional<std::string> parser_difference(std::string_view text, LoadLimits limits) {
  limits.parser = YamlParser::libyaml;
  const ParsedStream a = parse_yaml(text, limits);
  limits.parser = YamlParser::yaml_cpp;
  const ParsedStream b = parse_yaml(text, limits);
  // Lines, and scalars that hold such a break, differ; UTF-16 and UTF-32 texts are decoded
  // differently: nothing to compare but the crash-free run.
  const bool utf16 = text.starts_with("\xfe\xff") || text.starts_with("\xff\xfe") ||
                     text.starts_with(std::string_view("\0\0", 2));
  // A byte order mark after the first: libyaml skips it at a line start, yaml-cpp reads content.
  const bool inner_bom = text.find("\xef\xbb\xbf", 1) != npos;
  if (has_yaml11_line_break(text) || utf16 || has_yaml12_anchor_name(text) || inner_bom)
    return std::nullopt;
  auto error = [](const ParsedStream& p) {
    if (!p.error) return std::string("none");
    NodeData located;
    located.line = p.error->line;
    located.column = p.error->column;
    return at(located) + " " + p.error->message;
  };
  const std::string errors = " (libyaml: " + error(a) + "; yaml-cpp: " + error(b) + ")";
  if (a.error && !b.error && !rejected_by_libyaml_only(*a.error))
    return "libyaml rejects, yaml-cpp accepts" + errors;
  if (!a.error && b.error && has_tag(text)) return std::nullopt;  // only run: see has_tag
  // A plain scalar of a flow collection continued on a line that starts with `- ` is YAML
  // (`{b\n- c}` is the key `b - c`); yaml-cpp reads a block entry there and loses the
  // collection's end. Only run: yaml-cpp's partial documents are not comparable.
  if (!a.error && b.error && b.error->message.ends_with("flow not found")) return std::nullopt;
  // yaml-cpp refuses nesting past its own recursion guard, and `?` inside a plain scalar of a
  // flow collection (`{a?b: 1}`), which YAML allows ("unknown token").
  const bool yaml_cpp_only = b.error && (b.error->message.find("yaml-cpp can parse") != npos ||
                                         b.error->message == "unknown token");
  if (!a.error && b.error && !yaml_cpp_only) return "yaml-cpp rejects, libyaml accepts" + errors;
  // Both refuse the file; where (and whether first at a limit) may differ.
  if (!a.error && !b.error && a.documents.size() != b.documents.size())
    return "document counts differ";
  const std::size_t n = std::min(a.documents.size(), b.documents.size());
  for (std::size_t i = 0; i < n; ++i) {
    if (auto d = TreeDiff(*a.documents[i], *b.documents[i]).run())
      return "document " + std::to_string(i + 1) + ": " + *d;
  }
  if (!a.error && !b.error) {
    if (a.duplicates.size() != b.duplicates.size()) return "duplicate keys differ";
    for (std::size_t i = 0; i < a.duplicates.size(); ++i) {
      const DuplicateKey &x = a.duplicates[i], &y = b.duplicates[i];
      if (x.key != y.key || x.line != y.line || x.column != y.column ||
          x.first_line != y.first_line)
        return "duplicate key '" + x.key + "' differs";
    }
  }
  return std::nullopt;
}

}  // namespace daprlint
