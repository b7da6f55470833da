#pragma once
// Levenshtein distance, for "did you mean" suggestions (rule ids, annotation names).

#include <cstddef>
#include <optional>
#include <string_view>
#include <vector>

namespace daprlint {

/// The number of single-character insertions, deletions and substitutions from `a` to `b`.
std::size_t edit_distance(std::string_view a, std::string_view b);

/// How close a candidate must be to count as a likely misspelling of a name.
struct Closeness {
  std::size_t max_edits = 2;
  double max_share = 1.0;    // edits at most this share of `length` (the name's, unless given)
  bool ignore_case = false;  // compare lower-cased
};

/// The index of the candidate nearest to `name` (the first of equals), or nullopt when there
/// is none or it is farther than `limits` allow.
std::optional<std::size_t> nearest_index(std::string_view name,
                                         const std::vector<std::string_view>& candidates,
                                         Closeness limits, std::optional<std::size_t> length = {});

}  // namespace daprlint
