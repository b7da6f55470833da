#include "model/release.h"

#include <re2/re2.h>

#include <algorithm>

namespace daprlint {
namespace {

std::string_view trim(std::string_view s) {
  while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
  while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
  return s;
}

/// The index of `text` in `known`, or nullopt with `error` naming the known range.
std::optional<std::size_t> index_of(std::string_view text, std::span<const Release> known,
                                    std::string& error) {
  auto r = parse_release(text);
  if (r) {
    auto it = std::find(known.begin(), known.end(), *r);
    if (it != known.end()) return static_cast<std::size_t>(it - known.begin());
  }
  error =
      "'" + std::string(text) + "' is not a Dapr release the facts know" +
      (known.empty() ? std::string()
                     : " (" + to_string(known.front()) + " to " + to_string(known.back()) + ")");
  return std::nullopt;
}

/// Bits [from, to) of a mask.
ReleaseMask span_mask(std::size_t from, std::size_t to) {
  ReleaseMask m = 0;
  for (std::size_t i = from; i < to; ++i) m |= release_bit(i);
  return m;
}

std::optional<ReleaseMask> parse_alternative(std::string_view alt, std::span<const Release> known,
                                             std::string& error) {
  alt = trim(alt);
  std::size_t from = 0, to = known.size();
  bool bounded = false;
  while (!alt.empty()) {
    std::size_t space = alt.find(' ');
    std::string_view token = alt.substr(0, space);
    alt = space == std::string_view::npos ? std::string_view() : trim(alt.substr(space));
    if (token.starts_with(">=")) {
      auto i = index_of(token.substr(2), known, error);
      if (!i) return std::nullopt;
      from = std::max(from, *i);
    } else if (token.starts_with("<")) {
      auto i = index_of(token.substr(1), known, error);
      if (!i) return std::nullopt;
      to = std::min(to, *i);
    } else if (!bounded && alt.empty()) {
      auto i = index_of(token, known, error);
      if (!i) return std::nullopt;
      from = *i;
      to = *i + 1;
    } else {
      error = "'" + std::string(token) + "' is not >=A, <B or a release";
      return std::nullopt;
    }
    bounded = true;
  }
  if (!bounded) {
    error = "an empty alternative";
    return std::nullopt;
  }
  return from < to ? span_mask(from, to) : 0;
}

}  // namespace

std::optional<Release> parse_release(std::string_view text) {
  static const RE2 version(R"(v?([0-9]{1,4})\.([0-9]{1,4})(?:\.[0-9]{1,6})?(?:-[0-9A-Za-z.-]+)?)");
  Release r;
  if (!RE2::FullMatch(text, version, &r.major, &r.minor)) return std::nullopt;
  return r;
}

std::string to_string(const Release& r) {
  return std::to_string(r.major) + "." + std::to_string(r.minor);
}

std::optional<ReleaseMask> parse_release_range(std::string_view range,
                                               std::span<const Release> known, std::string& error) {
  if (known.size() > kMaxReleases) {
    error = "more known releases than a mask holds";
    return std::nullopt;
  }
  range = trim(range);
  if (range == "*") return span_mask(0, known.size());
  ReleaseMask mask = 0;
  for (std::size_t start = 0;;) {
    std::size_t bar = range.find("||", start);
    auto alt = parse_alternative(
        range.substr(start, bar == std::string_view::npos ? range.npos : bar - start), known,
        error);
    if (!alt) {
      error = "release range '" + std::string(range) + "': " + error;
      return std::nullopt;
    }
    mask |= *alt;
    if (bar == std::string_view::npos) break;
    start = bar + 2;
  }
  return mask;
}

std::string describe_releases(ReleaseMask mask, std::span<const Release> known) {
  const ReleaseMask all = span_mask(0, known.size());
  if ((mask & all) == all) return "every release";
  std::string out;
  for (std::size_t i = 0; i < known.size();) {
    if (!(mask & release_bit(i))) {
      ++i;
      continue;
    }
    std::size_t end = i;
    while (end + 1 < known.size() && (mask & release_bit(end + 1))) ++end;
    out += (out.empty() ? "" : ", ") + to_string(known[i]) +
           (end > i ? "-" + to_string(known[end]) : std::string());
    i = end + 1;
  }
  return out.empty() ? "no release" : out;
}

}  // namespace daprlint
