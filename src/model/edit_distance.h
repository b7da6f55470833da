#pragma once
// Levenshtein distance, for "did you mean" suggestions (rule ids, annotation names).

#include <cstddef>
#include <string_view>

namespace daprlint {

/// The number of single-character insertions, deletions and substitutions from `a` to `b`.
std::size_t edit_distance(std::string_view a, std::string_view b);

}  // namespace daprlint
