#include "load/suppression_comments.h"

namespace daprlint {
namespace {

constexpr std::string_view kMarker = "daprlint:ignore";

bool blank(char c) {
  return c == ' ' || c == '\t' || c == '\r';
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && blank(s.front())) s.remove_prefix(1);
  while (!s.empty() && blank(s.back())) s.remove_suffix(1);
  return s;
}

/// Rule ids (`a,b` or `a, b`), then the reason.
void parse_arguments(std::string_view rest, CommentSuppression& out) {
  rest = trim(rest);
  while (!rest.empty()) {
    std::size_t end = 0;
    while (end < rest.size() && !blank(rest[end])) ++end;
    std::string_view token = rest.substr(0, end);
    rest = trim(rest.substr(end));
    bool more = token.ends_with(',') || rest.starts_with(',');
    while (!token.empty()) {
      std::size_t comma = token.find(',');
      std::string_view id = token.substr(0, comma);
      if (!id.empty()) out.rule_ids.emplace_back(id);
      token = comma == std::string_view::npos ? std::string_view() : token.substr(comma + 1);
    }
    if (rest.starts_with(',')) rest = trim(rest.substr(1));
    if (!more) break;
  }
  // A second comment on the line (`... # TODO`) is not part of the reason.
  if (std::size_t hash = rest.find(" #"); hash != std::string_view::npos)
    rest = trim(rest.substr(0, hash));
  if (rest.starts_with('#')) rest = {};
  out.reason = std::string(rest);
}

}  // namespace

std::vector<CommentSuppression> scan_suppression_comments(std::string_view text) {
  std::vector<CommentSuppression> out;
  if (text.find(kMarker) == std::string_view::npos) return out;
  std::vector<std::size_t> waiting;  // own-line comments looking for the line they cover
  bool content_seen = false;
  std::uint32_t number = 0;
  for (std::size_t start = 0; start < text.size();) {
    std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(start, end - start);
    start = end + 1;
    ++number;
    std::string_view body = trim(line);
    bool comment_only = body.starts_with('#');
    if (!body.empty() && !comment_only && body != "---") {
      content_seen = true;
      for (std::size_t i : waiting) out[i].target = number;
      waiting.clear();
    }
    std::size_t marker = line.find(kMarker);
    if (marker == std::string_view::npos) continue;
    // The marker must open a comment: `#`, then spaces, then the marker; the `#` starts the line
    // or follows a blank (a `#` inside a word or URL is not a comment).
    std::size_t hash = marker;
    while (hash > 0 && blank(line[hash - 1])) --hash;
    if (hash == 0 || line[hash - 1] != '#') continue;
    --hash;
    if (hash > 0 && !blank(line[hash - 1])) continue;
    CommentSuppression s;
    s.line = number;
    s.column = static_cast<std::uint32_t>(hash + 1);
    std::string_view rest = line.substr(marker + kMarker.size());
    if (rest.starts_with("-file")) {
      s.whole_file = true;
      s.misplaced = content_seen;
      rest.remove_prefix(5);
    }
    if (!rest.empty() && !blank(rest.front())) continue;  // `daprlint:ignored`, another word
    parse_arguments(rest, s);
    bool own_line = trim(line.substr(0, hash)).empty();
    if (!s.whole_file) {
      if (own_line) {
        waiting.push_back(out.size());
      } else {
        s.target = number;
      }
    }
    out.push_back(std::move(s));
  }
  return out;
}

}  // namespace daprlint
