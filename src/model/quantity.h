#pragma once
// Kubernetes resource quantities (`100m`, `250Mi`, `1.5`, `2e3`), as resource.ParseQuantity reads
// them.

#include <optional>
#include <string_view>

namespace daprlint {

/// A plain decimal number (`3`, `0.5`, `1e3`), the whole text; nullopt otherwise.
std::optional<double> parse_number(std::string_view text);

/// The quantity in base units (cores, bytes); nullopt when Kubernetes would reject it.
std::optional<double> parse_quantity(std::string_view text);

}  // namespace daprlint
