#pragma once
// Boolean flags of a Dapr binary as Go's flag package reads them: `--name` alone is true,
// `--name=value` takes strconv.ParseBool's forms; `--name value` does not set a bool flag.

#include <optional>
#include <string_view>

#include "model/args.h"

namespace daprlint {

/// The value of the last use of a boolean flag; nullopt when absent or not a Go bool.
inline std::optional<bool> bool_flag(Node container, std::string_view name) {
  FlagUse use = last_flag(container, name);
  if (!use.flag) return std::nullopt;
  if (!use.inline_value) return true;
  for (std::string_view t : {"1", "t", "T", "TRUE", "true", "True"})
    if (use.text == t) return true;
  for (std::string_view f : {"0", "f", "F", "FALSE", "false", "False"})
    if (use.text == f) return false;
  return std::nullopt;
}

}  // namespace daprlint
