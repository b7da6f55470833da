#include "load/manifest_loader.h"

#include <re2/re2.h>

#include <algorithm>
#include <utility>

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
bool has_template_action(std::string_view text) {
  static const RE2 action(
      R"((?m)^[^#\n]*\{\{-?\s*(?:[.$]|/\*|(?:if|else|end|range|with|include|template|define|toYaml|tpl|printf|required|default|quote|nindent|indent)\b))");
  return RE2::PartialMatch(text, action);
}

std::uint32_t last_line(const Tree& t) {
  std::uint32_t l = 0;
  for (const NodeData& n : t.nodes) l = std::max(l, n.line);
  return l;
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

}  // namespace

LoadedFile load_manifests(std::string_view text, std::size_t file_index) {
  LoadedFile out;
  if (has_template_action(text)) {
    out.notice =
        "unrendered Helm template skipped; lint the rendered output instead: "
        "helm template RELEASE CHART | daprlint -";
    return out;
  }
  ParsedStream parsed = parse_yaml(text);
  const std::vector<SourceComment> sources = helm_sources(text);
  std::uint32_t previous_end = 0;
  for (const auto& doc : parsed.documents) {
    Node root(doc.get(), doc->root);
    std::string source;
    if (root) {
      // The closest `# Source:` between the previous document and this one.
      for (const SourceComment& s : sources) {
        if (s.line > previous_end && s.line < root.line()) source = s.path;
      }
      previous_end = last_line(*doc);
    }
    add_object(root, doc, file_index, source, out.objects);
  }
  if (parsed.error) {
    Finding f;
    f.rule_id = "yaml-syntax";
    f.severity = Severity::Error;
    f.message = "malformed YAML: " + parsed.error->message;
    f.file_index = file_index;
    f.line = parsed.error->line;
    f.column = parsed.error->column;
    out.findings.push_back(std::move(f));
  }
  return out;
}

}  // namespace daprlint
