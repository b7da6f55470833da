#include "model/chart_version.h"

#include <algorithm>
#include <cctype>
#include <vector>

namespace daprlint {
namespace {

constexpr ReleaseVersion kAny{kAnyNumber, kAnyNumber, kAnyNumber};

/// One number of a version: a value, a wildcard (`x`, `X`, `*`) or missing.
struct Part {
  enum class Kind { Number, Wild, Missing } kind = Kind::Missing;
  int value = 0;
  bool open() const { return kind != Kind::Number; }
};

struct Parsed {
  Part major, minor, patch;
};

std::optional<Part> parse_part(std::string_view s) {
  if (s == "x" || s == "X" || s == "*") return Part{Part::Kind::Wild, 0};
  if (s.empty() || s.size() > 9 ||
      !std::all_of(s.begin(), s.end(), [](unsigned char c) { return std::isdigit(c); })) {
    return std::nullopt;
  }
  return Part{Part::Kind::Number, std::stoi(std::string(s))};
}

/// `v1.14.2-rc.1+build` -> 1, 14, 2; `1.x` -> 1, wild, missing.
std::optional<Parsed> parse_version(std::string_view s) {
  if (!s.empty() && (s.front() == 'v' || s.front() == 'V')) s.remove_prefix(1);
  // Pre-release and build suffixes do not move the release line.
  if (auto cut = s.find_first_of("-+"); cut != std::string_view::npos) s = s.substr(0, cut);
  if (s.empty()) return std::nullopt;
  std::vector<std::string_view> parts;
  for (std::size_t start = 0;;) {
    std::size_t dot = s.find('.', start);
    parts.push_back(s.substr(start, dot == std::string_view::npos ? s.npos : dot - start));
    if (dot == std::string_view::npos) break;
    start = dot + 1;
  }
  if (parts.size() > 3) return std::nullopt;
  Parsed v;
  Part* slots[] = {&v.major, &v.minor, &v.patch};
  for (std::size_t i = 0; i < parts.size(); ++i) {
    auto p = parse_part(parts[i]);
    if (!p) return std::nullopt;
    *slots[i] = *p;
  }
  return v;
}

/// The newest release one `OP VERSION` admits.
std::optional<ReleaseVersion> upper(std::string_view op, const Parsed& v) {
  if (v.major.open()) return kAny;  // `*`, `x`
  const int M = v.major.value;
  if (op.empty() || op == "=" || op == "<=" || op == "=<" || op == "~" || op == "~>") {
    if (v.minor.open()) return ReleaseVersion{M, kAnyNumber, kAnyNumber};
    // `~1.14.2` admits any 1.14 patch; `1.14`, `1.14.x` too.
    if (op.starts_with("~") || v.patch.open()) return ReleaseVersion{M, v.minor.value, kAnyNumber};
    return ReleaseVersion{M, v.minor.value, v.patch.value};
  }
  if (op == "!=" || op == ">" || op == ">=" || op == "=>") return kAny;
  if (op == "^") {
    if (M > 0 || v.minor.open()) return ReleaseVersion{M, kAnyNumber, kAnyNumber};
    return ReleaseVersion{0, v.minor.value, kAnyNumber};  // ^0.11 stays on 0.11
  }
  if (op == "<") {
    // `<1.15`, `<1.15.0` end at 1.14.any; `<1.15.3` admits 1.15.0-1.15.2; `<2` ends at 1.any.
    if (!v.minor.open() && !v.patch.open() && v.patch.value > 0) {
      return ReleaseVersion{M, v.minor.value, v.patch.value - 1};
    }
    if (!v.minor.open() && v.minor.value > 0)
      return ReleaseVersion{M, v.minor.value - 1, kAnyNumber};
    if (M > 0) return ReleaseVersion{M - 1, kAnyNumber, kAnyNumber};
    return std::nullopt;  // `<0.0.0` admits nothing
  }
  return std::nullopt;
}

bool is_op_char(char c) {
  return c == '<' || c == '>' || c == '=' || c == '!' || c == '~' || c == '^';
}

/// One AND group (`>=1.14.0 <1.15.0`, `>= 1.14, < 1.15`, `1.13 - 1.14`): the smallest bound.
std::optional<ReleaseVersion> group_upper(std::string_view group) {
  std::vector<std::string> tokens;
  std::string current;
  for (char c : group) {
    if (c == ',' || std::isspace(static_cast<unsigned char>(c))) {
      if (!current.empty()) tokens.push_back(std::move(current));
      current.clear();
    } else {
      current += c;
    }
  }
  if (!current.empty()) tokens.push_back(std::move(current));
  if (tokens.empty()) return kAny;  // Flux: no version means the latest
  std::optional<ReleaseVersion> result = kAny;
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    std::string token = tokens[i];
    // `>= 1.14`: an operator alone takes the next token.
    if (std::all_of(token.begin(), token.end(), is_op_char) && i + 1 < tokens.size()) {
      token += tokens[++i];
    }
    std::size_t op_end = 0;
    while (op_end < token.size() && is_op_char(token[op_end])) ++op_end;
    std::string_view op = std::string_view(token).substr(0, op_end);
    auto v = parse_version(std::string_view(token).substr(op_end));
    if (!v) return std::nullopt;
    std::optional<ReleaseVersion> bound;
    if (op.empty() && i + 2 < tokens.size() && tokens[i + 1] == "-") {  // hyphen range
      auto to = parse_version(tokens[i + 2]);
      if (!to) return std::nullopt;
      bound = upper("<=", *to);
      i += 2;
    } else {
      bound = upper(op, *v);
    }
    if (!bound) return std::nullopt;
    result = std::min(*result, *bound);
  }
  return result;
}

}  // namespace

std::optional<ReleaseVersion> newest_release(std::string_view constraint) {
  std::optional<ReleaseVersion> newest;
  for (std::size_t start = 0;;) {
    std::size_t bar = constraint.find("||", start);
    auto group = group_upper(
        constraint.substr(start, bar == std::string_view::npos ? constraint.npos : bar - start));
    if (!group) return std::nullopt;
    newest = newest ? std::max(*newest, *group) : *group;
    if (bar == std::string_view::npos) break;
    start = bar + 2;
  }
  return newest;
}

std::optional<ReleaseLine> newest_release_line(std::string_view constraint) {
  auto newest = newest_release(constraint);
  if (!newest) return std::nullopt;
  return newest->line();
}

std::optional<ReleaseLine> parse_release_line(std::string_view text) {
  auto v = parse_version(text);
  if (!v || v->major.open() || v->minor.open()) return std::nullopt;
  return ReleaseLine{v->major.value, v->minor.value};
}

std::optional<ReleaseVersion> parse_release_version(std::string_view text) {
  auto v = parse_version(text);
  if (!v || v->major.open() || v->minor.open() || v->patch.kind == Part::Kind::Wild)
    return std::nullopt;
  return ReleaseVersion{v->major.value, v->minor.value, v->patch.open() ? 0 : v->patch.value};
}

std::string to_string(const ReleaseLine& line) {
  if (line.major == kAnyNumber) return "any";
  return std::to_string(line.major) + "." +
         (line.minor == kAnyNumber ? std::string("x") : std::to_string(line.minor));
}

}  // namespace daprlint
