#include "model/edit_distance.h"

#include <algorithm>
#include <numeric>
#include <string>
#include <vector>

#include "model/text.h"

namespace daprlint {

std::size_t edit_distance(std::string_view a, std::string_view b) {
  std::vector<std::size_t> row(b.size() + 1);
  std::iota(row.begin(), row.end(), 0);
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      std::size_t above = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = above;
    }
  }
  return row[b.size()];
}

std::optional<std::size_t> nearest_index(std::string_view name,
                                         const std::vector<std::string_view>& candidates,
                                         Closeness limits, std::optional<std::size_t> length) {
  const std::string folded = limits.ignore_case ? lower(name) : std::string(name);
  std::optional<std::size_t> best;
  std::size_t best_edits = 0;
  for (std::size_t i = 0; i < candidates.size(); ++i) {
    const std::size_t d = limits.ignore_case ? edit_distance(folded, lower(candidates[i]))
                                             : edit_distance(folded, candidates[i]);
    if (!best || d < best_edits) best = i, best_edits = d;
  }
  if (!best || best_edits > limits.max_edits ||
      static_cast<double>(best_edits) >
          limits.max_share * static_cast<double>(length.value_or(name.size())))
    return std::nullopt;
  return best;
}

}  // namespace daprlint
