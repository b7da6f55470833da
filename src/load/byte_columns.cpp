#include "load/byte_columns.h"

#include <algorithm>

namespace daprlint {
namespace {

unsigned char at(std::string_view text, std::size_t i) {
  return i < text.size() ? static_cast<unsigned char>(text[i]) : 0;
}

/// Bytes of the line break at `i` as libyaml reads them (YAML 1.1: CR LF, CR, LF, NEL, LS, PS);
/// 0 when there is none.
std::size_t break_at(std::string_view text, std::size_t i) {
  const unsigned char c = at(text, i);
  if (c == '\n') return 1;
  if (c == '\r') return at(text, i + 1) == '\n' ? 2 : 1;
  if (c == 0xc2 && at(text, i + 1) == 0x85) return 2;
  if (c == 0xe2 && at(text, i + 1) == 0x80 && (at(text, i + 2) | 1) == 0xa9) return 3;
  return 0;
}

std::size_t utf8_width(unsigned char lead) {
  if (lead < 0x80) return 1;
  if ((lead & 0xe0) == 0xc0) return 2;
  if ((lead & 0xf0) == 0xe0) return 3;
  return 4;
}

}  // namespace

ByteColumns::ByteColumns(std::string_view text) : text_(text) {
  if (text.starts_with("\xef\xbb\xbf")) first_ = 3;  // libyaml skips the BOM without counting it
  characters_ = text.starts_with("\xfe\xff") || text.starts_with("\xff\xfe");
  start_ = first_;
}

void ByteColumns::seek(std::size_t line) {
  if (line < line_) {
    line_ = 0;
    start_ = first_;
  }
  while (line_ < line && start_ < text_.size()) {
    std::size_t i = start_;
    std::size_t width = 0;
    while (i < text_.size() && (width = break_at(text_, i)) == 0) ++i;
    start_ = i + width;
    ++line_;
  }
}

std::uint32_t ByteColumns::column(std::size_t line, std::size_t characters) {
  if (characters_) return static_cast<std::uint32_t>(characters + 1);
  seek(line);
  std::size_t i = start_;
  for (std::size_t n = 0; n < characters && i < text_.size(); ++n) {
    i += utf8_width(static_cast<unsigned char>(text_[i]));
  }
  return static_cast<std::uint32_t>(i - start_ + 1);
}

std::pair<std::uint32_t, std::uint32_t> ByteColumns::position(std::size_t offset) {
  std::uint32_t line = 1;
  std::size_t start = first_;
  for (std::size_t i = first_; i < offset && i < text_.size();) {
    const std::size_t width = break_at(text_, i);
    if (width == 0) {
      ++i;
      continue;
    }
    i += width;
    start = i;
    ++line;
  }
  return {line, static_cast<std::uint32_t>(offset - std::min(offset, start) + 1)};
}

}  // namespace daprlint
