#pragma once
// Parses a YAML (or JSON) stream into compact Trees, with libyaml or yaml-cpp (LoadLimits::parser).

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "load/limits.h"
#include "load/tree_builder.h"
#include "model/tree.h"

namespace daprlint {

/// Where and why parsing stopped.
struct SyntaxError {
  std::uint32_t line = 1;  // 1-based
  std::uint32_t column = 1;
  std::string message;
  bool limit = false;  // a LoadLimits bound, not malformed YAML (rule yaml-limit-exceeded)
};

struct ParsedStream {
  /// Every document completed before an error, in order. Empty documents are kept as null roots.
  std::vector<std::shared_ptr<const Tree>> documents;
  /// Set when the stream is malformed; documents before the error are still in `documents`.
  std::optional<SyntaxError> error;
  /// Keys repeated within one mapping, in the documents parsed so far.
  std::vector<DuplicateKey> duplicates;
};

/// Takes the trees as soon as each is complete, so that a caller can check it and let it go.
struct TreeSinks {
  /// Every document, instead of ParsedStream::documents.
  std::function<void(std::shared_ptr<const Tree>)> document;
  /// Every item of a List, cut out of its document (TreeBuilder); empty: items stay in it.
  ItemSink item;
};

/// Parses every document of `text`, stopping at the first error or broken limit. Never throws.
ParsedStream parse_yaml(std::string_view text, const LoadLimits& limits = {},
                        const TreeSinks& sinks = {});

}  // namespace daprlint
