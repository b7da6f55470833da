#include "load/manifest_loader.h"

#include <re2/re2.h>

#include <algorithm>
#include <optional>
#include <utility>

#include "load/release_namespace.h"
#include "load/yaml_parser.h"

namespace daprlint {
namespace {

struct SourceComment {
  std::uint32_t line;
  std::string path;
};

/// `# Source: chart/templates/x.yaml` comments that `helm template` prints before each document.
std::vector<SourceComment> helm_sources(std::string_view text) {
  std::vector<SourceComment> out;
  std::uint32_t line = 1;
  for (std::size_t pos = 0; pos < text.size(); ++line) {
    std::size_t end = text.find('\n', pos);
    std::string_view l =
        text.substr(pos, end == std::string_view::npos ? std::string_view::npos : end - pos);
    if (l.rfind("# Source: ", 0) == 0) {
      std::string_view p = l.substr(10);
      while (!p.empty() && (p.back() == '\r' || p.back() == ' ')) p.remove_suffix(1);
      out.push_back({line, std::string(p)});
    }
    if (end == std::string_view::npos) break;
    pos = end + 1;
  }
  return out;
}

/// A Go-template action as Helm charts write them: `{{ .Values.x }}`, `{{- if`, `{{ include`.
/// Only the lines holding `{{` are matched: the pattern over a whole 100 MB export took longer
/// than parsing a tenth of it.
bool has_template_action(std::string_view text) {
  static const RE2 action(
      R"(^[^#]*\{\{-?\s*(?:[.$]|/\*|(?:if|else|end|range|with|include|template|define|toYaml|tpl|printf|required|default|quote|nindent|indent)\b))");
  for (std::size_t at = text.find("{{"); at != std::string_view::npos;) {
    const std::size_t newline = text.rfind('\n', at);
    const std::size_t begin = newline == std::string_view::npos ? 0 : newline + 1;
    const std::size_t end = std::min(text.find('\n', at), text.size());
    if (RE2::PartialMatch(text.substr(begin, end - begin), action)) return true;
    at = end == text.size() ? std::string_view::npos : text.find("{{", end);
  }
  return false;
}

std::uint32_t last_line(const Tree& t) {
  std::uint32_t l = 0;
  for (const NodeData& n : t.nodes) l = std::max(l, n.line);
  return l;
}

/// The file's lines, found once per file and only when needed.
class Lines {
 public:
  explicit Lines(std::string_view text) : text_(text) {}

  /// Line `n` (1-based) without its end of line; empty past the end.
  std::string_view line(std::uint32_t n) {
    if (starts_.empty()) {
      starts_.push_back(0);
      for (std::size_t i = 0; i < text_.size(); ++i) {
        if (text_[i] == '\n') starts_.push_back(i + 1);
      }
    }
    if (n == 0 || n > starts_.size()) return {};
    std::size_t begin = starts_[n - 1];
    std::size_t end = n < starts_.size() ? starts_[n] - 1 : text_.size();
    std::string_view l = text_.substr(begin, end - begin);
    if (!l.empty() && l.back() == '\r') l.remove_suffix(1);
    return l;
  }
  std::uint32_t count() {
    line(1);
    return static_cast<std::uint32_t>(starts_.size());
  }

 private:
  std::string_view text_;
  std::vector<std::size_t> starts_;
};

/// Where the content of a literal block scalar (`values: |`, `|-`, `|2`) starts in the file:
/// the line after the header and the content's indentation, read from the text (the first
/// non-blank line), not guessed. nullopt for other styles (quoted, plain, folded `>`).
struct BlockStart {
  std::uint32_t first_line;  // the file line that holds the content's line 1
  std::uint32_t indent;      // spaces removed from every content line
};

std::optional<BlockStart> literal_block_start(Node scalar, Node key, Lines& lines) {
  std::string_view header = lines.line(scalar.line());
  std::size_t at = scalar.column() - 1;
  if (at >= header.size() || header[at] != '|') return std::nullopt;
  std::uint32_t explicit_indent = 0;
  for (std::size_t i = at + 1; i < header.size(); ++i) {
    char c = header[i];
    if (c >= '1' && c <= '9') {
      explicit_indent = static_cast<std::uint32_t>(c - '0');
    } else if (c != '+' && c != '-') {
      break;
    }
  }
  BlockStart start{scalar.line() + 1, 0};
  if (explicit_indent > 0) {
    // Relative to the indentation of the mapping that holds the key.
    start.indent = (key ? key.column() - 1 : 0) + explicit_indent;
    return start;
  }
  for (std::uint32_t n = start.first_line; n <= lines.count(); ++n) {
    std::string_view l = lines.line(n);
    std::size_t first = l.find_first_not_of(' ');
    if (first == std::string_view::npos) continue;  // blank lines do not set the indentation
    start.indent = static_cast<std::uint32_t>(first);
    return start;
  }
  return std::nullopt;
}

/// Argo CD's `helm.values`: a YAML document inside a string. Parses it into a tree of its own,
/// kept alive by the object, and moves every node to where its text is in the file: exactly
/// for a literal block scalar, at the `values` key for any other style (quoted or flow strings,
/// folded blocks), whose escapes and folding break the line-to-line correspondence.
void parse_chart_values(Object& o, Lines& lines, const LoadLimits& limits,
                        std::vector<Finding>& findings) {
  Node text = o.chart_values_text;
  Node key = text.key();
  ParsedStream parsed = parse_yaml(text.text(), limits);
  std::optional<BlockStart> block = literal_block_start(text, key, lines);
  Node fallback = key ? key : text;
  auto place = [&](std::uint32_t& line, std::uint32_t& column) {
    if (block) {
      line += block->first_line - 1;
      column += block->indent;
    } else {
      line = fallback.line();
      column = fallback.column();
    }
  };
  if (parsed.error) {
    Finding f;
    f.rule_id = parsed.error->limit ? "yaml-limit-exceeded" : "yaml-syntax";
    f.severity = Severity::Error;
    f.message = (parsed.error->limit ? "Helm values string of "
                                     : "malformed YAML in the Helm values string of ") +
                o.kind + " " + o.name + ": " + parsed.error->message;
    f.file_index = o.file_index;
    f.line = parsed.error->line;
    f.column = parsed.error->column;
    place(f.line, f.column);
    f.api_version = o.api_version;
    f.kind = o.kind;
    f.namespace_ = o.namespace_;
    f.name = o.name;
    f.node_path = o.node_path(text);
    findings.push_back(std::move(f));
    // The values past the error are unknown: rules must not call a key missing.
    o.chart_values_external = true;
  }
  if (parsed.documents.empty()) return;
  auto tree = std::make_shared<Tree>(*parsed.documents.front());
  for (NodeData& n : tree->nodes) place(n.line, n.column);
  Node root(tree.get(), tree->root);
  if (!root.is_map()) return;  // empty, or not a map of values: nothing Helm would read
  o.chart_values_tree = std::move(tree);
  o.chart_values = root;
}

void add_object(Node root, const std::shared_ptr<const Tree>& tree, std::size_t file_index,
                const std::string& helm_source, std::vector<Object>& out) {
  if (!root.is_map()) return;
  Object o;
  o.api_version = std::string(root.get("apiVersion").text());
  o.kind = std::string(root.get("kind").text());
  if (o.api_version.empty() || o.kind.empty()) return;  // values files, workflows, fragments
  Node items = root.get("items");
  const bool is_list = o.kind == "List" || (o.kind.size() > 4 && o.kind.ends_with("List"));
  if (is_list && items.is_seq()) {
    for (Node item : items.elements()) add_object(item, tree, file_index, helm_source, out);
    return;
  }
  Node meta = root.get("metadata");
  o.namespace_ = std::string(meta.get("namespace").text());
  o.name = std::string(meta.get("name").text());
  o.file_index = file_index;
  o.helm_source = helm_source;
  o.tree = tree;
  o.root = root;
  classify(o);
  out.push_back(std::move(o));
}

/// The document of a values file as the Dapr chart's values (HelmValues), with the chart version
/// given for it as a node of a tree of its own.
void add_chart_values(Node root, const std::shared_ptr<const Tree>& tree, std::size_t file_index,
                      const ChartValuesFile& values, const LoadLimits& limits,
                      std::vector<Object>& out) {
  Object o;
  o.api_version = "helm.sh/v3";
  o.kind = "HelmValues";
  o.name = values.name;
  o.file_index = file_index;
  o.tree = tree;
  o.root = root;
  o.dapr_chart = true;
  if (root.is_map()) o.chart_values = root;
  if (!values.version.empty()) {
    TreeSinks sinks;
    sinks.document = [&](std::shared_ptr<const Tree> doc) { o.chart_values_tree = doc; };
    parse_yaml("\"" + values.version + "\"", limits, sinks);
    if (o.chart_values_tree)
      o.chart_version = Node(o.chart_values_tree.get(), o.chart_values_tree->root);
  }
  out.push_back(std::move(o));
}

/// A finding about the file as a whole (no object), from one of the loader rules.
Finding file_finding(const char* rule_id, std::size_t file_index, std::uint32_t line,
                     std::uint32_t column, std::string message) {
  Finding f;
  f.rule_id = rule_id;
  f.severity = Severity::Error;
  f.message = std::move(message);
  f.file_index = file_index;
  f.line = line;
  f.column = column;
  return f;
}

}  // namespace

Finding file_too_large(std::size_t file_index, std::uint64_t max_file_size) {
  return file_finding("yaml-limit-exceeded", file_index, 1, 1,
                      "file is larger than " + std::to_string(max_file_size) +
                          " bytes (--max-file-size); it was not read");
}

LoadedFile load_manifests(std::string_view text, std::size_t file_index, const LoadLimits& limits,
                          const ObjectSink& on_objects, std::size_t batch,
                          const ChartValuesFile* chart_values) {
  LoadedFile out;
  if (!chart_values && has_template_action(text)) {
    out.notice =
        "unrendered Helm template skipped; lint the rendered output instead: "
        "helm template RELEASE CHART | daprlint -";
    return out;
  }
  const std::vector<SourceComment> sources = helm_sources(text);
  Lines lines(text);
  std::uint32_t previous_end = 0;  // the last line of the previous document
  std::uint32_t items_end = 0;     // the last line of the current document's List items
  // The closest `# Source:` between the previous document and the one starting at `line`.
  auto source_before = [&](std::uint32_t line) {
    std::string source;
    for (const SourceComment& s : sources) {
      if (s.line > previous_end && s.line < line) source = s.path;
    }
    return source;
  };
  auto flush = [&](std::size_t at_least) {
    if (on_objects && out.objects.size() >= std::max<std::size_t>(at_least, 1)) {
      std::vector<Object> objects;
      objects.swap(out.objects);
      on_objects(std::move(objects));
    }
  };
  auto add = [&](Node root, const std::shared_ptr<const Tree>& tree, const std::string& source) {
    std::size_t first_new = out.objects.size();
    if (chart_values && root) {
      add_chart_values(root, tree, file_index, *chart_values, limits, out.objects);
      return;
    }
    add_object(root, tree, file_index, source, out.objects);
    for (std::size_t i = first_new; i < out.objects.size(); ++i) {
      if (out.objects[i].chart_values_text)
        parse_chart_values(out.objects[i], lines, limits, out.findings);
    }
    // A Helm render is checked once it is whole: its release namespace is found from all of it.
    if (sources.empty()) flush(batch);
  };
  TreeSinks sinks;
  std::optional<std::string> items_source;  // looked up once per document, not per item
  sinks.item = [&](std::shared_ptr<Tree> item, std::uint32_t document_line) {
    items_end = std::max(items_end, last_line(*item));
    if (!items_source) items_source = source_before(document_line);
    add(Node(item.get(), item->root), item, *items_source);
  };
  sinks.document = [&](std::shared_ptr<const Tree> doc) {
    Node root(doc.get(), doc->root);
    std::string source;
    if (root) {
      source = source_before(root.line());
      previous_end = std::max(last_line(*doc), items_end);
    }
    items_end = 0;
    items_source.reset();
    add(root, doc, source);
  };
  ParsedStream parsed = parse_yaml(text, limits, sinks);
  infer_release_namespaces(out.objects);
  flush(1);
  for (const DuplicateKey& d : parsed.duplicates) {
    out.findings.push_back(file_finding(
        "yaml-duplicate-key", file_index, d.line, d.column,
        "duplicate mapping key '" + d.key + "', first at line " + std::to_string(d.first_line) +
            ": the API server keeps the last value, which daprlint reads; kustomize, Flux and "
            "other strict parsers refuse the file"));
  }
  if (parsed.error) {
    const SyntaxError& e = *parsed.error;
    out.findings.push_back(e.limit
                               ? file_finding("yaml-limit-exceeded", file_index, e.line, e.column,
                                              e.message + "; the rest of the file is not checked")
                               : file_finding("yaml-syntax", file_index, e.line, e.column,
                                              "malformed YAML: " + e.message));
  }
  return out;
}

}  // namespace daprlint
