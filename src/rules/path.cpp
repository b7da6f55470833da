#include "rules/path.h"

#include <utility>

namespace daprlint {
namespace {

bool ident_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
         c == '-';
}

void step(const PathSegment& seg, Node n, std::vector<Node>& out) {
  switch (seg.type) {
    case PathSegment::Type::Key:
      if (Node v = n.get(seg.key)) out.push_back(v);
      break;
    case PathSegment::Type::Index:
      if (Node v = n.at(seg.index)) out.push_back(v);
      break;
    case PathSegment::Type::Each:
      for (Node e : n.elements()) out.push_back(e);
      break;
    case PathSegment::Type::Filter: {
      auto matches = [&](Node e) {
        return e.get(seg.key).is_scalar() && e.get(seg.key).text() == seg.value;
      };
      // On a sequence, the matching elements; on a map (after another filter), the map itself
      // when it matches, so `[key=x][operator=In]` needs both.
      if (n.is_map()) {
        if (matches(n)) out.push_back(n);
        break;
      }
      for (Node e : n.elements()) {
        if (matches(e)) out.push_back(e);
      }
      break;
    }
  }
}

}  // namespace

std::string Path::display_name() const {
  if (!segments.empty() && segments.back().type == PathSegment::Type::Key &&
      segments.back().key.find_first_of("./") != std::string::npos) {
    return segments.back().key;
  }
  std::string_view t = text;
  if (t.starts_with("@"))
    t.remove_prefix(t.find_first_of(".[") == std::string_view::npos ? t.size()
                                                                    : t.find_first_of(".["));
  if (t.starts_with(".")) t.remove_prefix(1);
  if (t.empty() && anchor == Anchor::ChartVersion) return "chart version";
  return std::string(t);
}

std::optional<Path> parse_path(std::string_view text, std::string& error) {
  Path p;
  p.text = std::string(text);
  std::size_t i = 0;
  auto fail = [&](const std::string& why) -> std::optional<Path> {
    error = "bad path '" + std::string(text) + "': " + why;
    return std::nullopt;
  };
  constexpr std::pair<std::string_view, Path::Anchor> kAnchors[] = {
      {"@pod", Path::Anchor::Pod},
      {"@dapr_container", Path::Anchor::DaprContainer},
      {"@root", Path::Anchor::Root},
      {"@values", Path::Anchor::Values},
      {"@chart_version", Path::Anchor::ChartVersion},
  };
  if (text.starts_with("@")) {
    std::size_t end = text.find_first_of(".[");
    std::string_view name = text.substr(0, end);
    for (const auto& [known, anchor] : kAnchors) {
      if (name == known) p.anchor = anchor;
    }
    if (p.anchor == Path::Anchor::Here)
      return fail("unknown anchor '" + std::string(name) +
                  "' (@pod, @dapr_container, @root, @values or @chart_version)");
    i = name.size();
  }
  bool need_key = p.anchor == Path::Anchor::Here;
  while (i < text.size()) {
    char c = text[i];
    if (c == '.') {
      ++i;
      need_key = true;
      continue;
    }
    if (c == '[') {
      std::size_t close = text.find(']', i);
      if (close == std::string_view::npos) return fail("unclosed [");
      std::string_view inner = text.substr(i + 1, close - i - 1);
      PathSegment seg;
      if (inner == "*") {
        seg.type = PathSegment::Type::Each;
      } else if (inner.size() >= 2 && inner.front() == '"' && inner.back() == '"') {
        seg.key = std::string(inner.substr(1, inner.size() - 2));
      } else if (auto eq = inner.find('='); eq != std::string_view::npos) {
        seg.type = PathSegment::Type::Filter;
        seg.key = std::string(inner.substr(0, eq));
        seg.value = std::string(inner.substr(eq + 1));
        if (seg.value.size() >= 2 && seg.value.front() == '"' && seg.value.back() == '"') {
          seg.value = seg.value.substr(1, seg.value.size() - 2);
        }
      } else if (!inner.empty() &&
                 inner.find_first_not_of("0123456789") == std::string_view::npos) {
        seg.type = PathSegment::Type::Index;
        seg.index = static_cast<std::uint32_t>(std::stoul(std::string(inner)));
      } else {
        return fail("expected [*], [N], [\"key\"] or [field=value]");
      }
      p.segments.push_back(std::move(seg));
      i = close + 1;
      need_key = false;
      continue;
    }
    if (!need_key || !ident_char(c)) return fail("unexpected '" + std::string(1, c) + "'");
    std::size_t start = i;
    while (i < text.size() && ident_char(text[i])) ++i;
    PathSegment seg;
    seg.key = std::string(text.substr(start, i - start));
    p.segments.push_back(std::move(seg));
    need_key = false;
  }
  if (need_key && !p.segments.empty()) return fail("ends with '.'");
  return p;
}

std::vector<Node> resolve(const Path& path, Node start) {
  std::vector<Node> current;
  if (start) current.push_back(start);
  for (const PathSegment& seg : path.segments) {
    std::vector<Node> next;
    for (Node n : current) step(seg, n, next);
    current = std::move(next);
    if (current.empty()) break;
  }
  return current;
}

Node deepest(const Path& path, Node start) {
  Node at = start;
  for (const PathSegment& seg : path.segments) {
    std::vector<Node> next;
    step(seg, at, next);
    if (next.empty()) break;
    at = next.front();
  }
  return at;
}

}  // namespace daprlint
