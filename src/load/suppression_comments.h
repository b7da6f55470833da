#pragma once
// Finds `# daprlint:ignore` comments in a file's text (yaml-cpp's events carry no comments).

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace daprlint {

/// `# daprlint:ignore <id>[,<id>] <reason>` suppresses findings on its own line, or, written on a
/// line of its own, on the next line that is not a comment. `# daprlint:ignore-file <id>...`
/// before the first YAML content suppresses the rules for the whole file.
struct CommentSuppression {
  std::uint32_t line = 0;  // of the comment, 1-based
  std::uint32_t column = 0;
  bool whole_file = false;
  bool misplaced = false;    // ignore-file after YAML content: has no effect
  std::uint32_t target = 0;  // the line it covers (not whole_file)
  std::vector<std::string> rule_ids;
  std::string reason;
};

std::vector<CommentSuppression> scan_suppression_comments(std::string_view text);

}  // namespace daprlint
