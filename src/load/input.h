#pragma once
// Turns command-line paths into the list of files to lint, and reads them.

#include <cstdint>
#include <string>
#include <vector>

namespace daprlint {

inline constexpr const char* kStdinName = "<stdin>";

struct InputList {
  /// Files to lint, in a deterministic order: arguments as given, directories walked sorted.
  /// `<stdin>` stands for `-`.
  std::vector<std::string> files;
  /// One line per path that does not exist or cannot be read (exit code 2).
  std::vector<std::string> errors;
};

/// Expands files and directories (recursively; hidden files and folders skipped; only .yaml, .yml
/// and .json inside directories). No argument means the current directory.
InputList collect_inputs(const std::vector<std::string>& args);

enum class ReadStatus { ok, failed, too_large };

/// Reads a file (or stdin for kStdinName) whole, but never more than `max_bytes`: a larger
/// regular file is not read at all, a stream (stdin, a FIFO) is read up to the limit. `error` is
/// set when the status is `failed`.
ReadStatus read_input(const std::string& path, std::uint64_t max_bytes, std::string& content,
                      std::string& error);

/// read_input without a size limit. Returns false with `error` set on failure.
bool read_input(const std::string& path, std::string& content, std::string& error);

}  // namespace daprlint
