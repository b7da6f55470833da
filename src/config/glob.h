#pragma once
// Shell-style globs for .daprlint.yaml: `*` and `?` stay within a path segment, `**` spans
// folders, `[abc]` is a character class. Compiled once into an RE2.

#include <re2/re2.h>

#include <memory>
#include <string>
#include <string_view>

namespace daprlint {

class Glob {
 public:
  explicit Glob(std::string_view pattern);
  /// Whether the whole of `text` matches.
  bool matches(std::string_view text) const;
  const std::string& pattern() const { return pattern_; }

 private:
  std::string pattern_;
  std::shared_ptr<const RE2> regex_;
};

}  // namespace daprlint
