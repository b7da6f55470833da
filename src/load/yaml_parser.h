#pragma once
// Parses a YAML (or JSON) stream into compact Trees through yaml-cpp's event API.

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/tree.h"

namespace daprlint {

/// Where and why parsing stopped.
struct SyntaxError {
  std::uint32_t line = 1;  // 1-based
  std::uint32_t column = 1;
  std::string message;
};

struct ParsedStream {
  /// Every document completed before an error, in order. Empty documents are kept as null roots.
  std::vector<std::shared_ptr<const Tree>> documents;
  /// Set when the stream is malformed; documents before the error are still in `documents`.
  std::optional<SyntaxError> error;
};

/// Parses every document of `text`. Never throws.
ParsedStream parse_yaml(std::string_view text);

}  // namespace daprlint
