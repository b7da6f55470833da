#pragma once
// libyaml counts columns in characters; the tree (and yaml-cpp, and every report format) counts
// them in bytes. Translates one into the other, reading the text line by line as the parser
// goes forward.

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <utility>

namespace daprlint {

class ByteColumns {
 public:
  /// `text`: the bytes libyaml reads, BOM included.
  explicit ByteColumns(std::string_view text);

  /// The 1-based byte column of libyaml's 0-based line and character column. Cheap when the
  /// lines asked for go forward, as parser events do.
  std::uint32_t column(std::size_t line, std::size_t characters);

  /// The 1-based line and byte column of a byte offset (libyaml locates reader errors, such as
  /// invalid UTF-8, by offset only).
  std::pair<std::uint32_t, std::uint32_t> position(std::size_t offset);

 private:
  void seek(std::size_t line);

  std::string_view text_;
  std::size_t first_ = 0;  // where line 0 starts (after a BOM)
  std::size_t line_ = 0;   // the line at start_
  std::size_t start_ = 0;
  bool characters_ = false;  // UTF-16 input: libyaml decoded it, byte columns mean nothing here
};

}  // namespace daprlint
