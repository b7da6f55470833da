#pragma once
// Command-line flags of a container (`command` then `args`), read the way Go's flag package
// takes them: `--name=value`, `-name=value`, or `--name value` with the value in the next
// element.

#include <optional>
#include <string_view>
#include <vector>

#include "model/tree.h"

namespace daprlint {

struct FlagUse {
  Node flag;                  // the element that names the flag
  Node value;                 // the element holding the value (== flag for `--name=value`);
                              // absent when the flag is the last element
  std::string_view text;      // the value: after `=`, or the next element's text
  bool inline_value = false;  // written as `--name=value`
};

/// Every use of the flag `name` (without dashes) in the container's command and args, in order.
/// A bare boolean flag (`--tls-enabled`) followed by another element is reported with that
/// element as its value: callers that read boolean flags check `inline_value`.
std::vector<FlagUse> find_flag(Node container, std::string_view name);

/// The last use of the flag (the one Go keeps), or nullptr-like empty FlagUse when absent.
FlagUse last_flag(Node container, std::string_view name);

/// The last use of a boolean flag as Go's flag package reads it: `--name` alone is true,
/// `--name=value` takes strconv.ParseBool's forms, `--name value` does not set a bool flag;
/// nullopt when absent or not a Go bool.
std::optional<bool> bool_flag(Node container, std::string_view name);

/// Whether the whole text is a Kubernetes `$(VAR)` reference, expanded from the container's env.
bool is_env_reference(std::string_view text);

}  // namespace daprlint
