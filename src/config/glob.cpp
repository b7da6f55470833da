#include "config/glob.h"

namespace daprlint {

Glob::Glob(std::string_view pattern) : pattern_(pattern) {
  std::string re;
  for (std::size_t i = 0; i < pattern.size(); ++i) {
    char c = pattern[i];
    if (c == '*' && i + 1 < pattern.size() && pattern[i + 1] == '*') {
      // `**/` is zero or more folders; a trailing `**` is everything below.
      bool folder = i + 2 < pattern.size() && pattern[i + 2] == '/';
      re += folder ? "(?:.*/)?" : ".*";
      i += folder ? 2 : 1;
    } else if (c == '*') {
      re += "[^/]*";
    } else if (c == '?') {
      re += "[^/]";
    } else if (c == '[' && pattern.find(']', i + 1) != std::string_view::npos) {
      std::size_t close = pattern.find(']', i + 1);
      std::string_view cls = pattern.substr(i + 1, close - i - 1);
      re += '[';
      if (cls.starts_with('!')) {
        re += '^';
        cls.remove_prefix(1);
      }
      for (char k : cls) {
        if (k == '\\' || k == ']' || k == '[' || k == '^') re += '\\';
        re += k;
      }
      re += ']';
      i = close;
    } else {
      re += RE2::QuoteMeta(std::string_view(&c, 1));
    }
  }
  RE2::Options options;
  options.set_log_errors(false);
  options.set_dot_nl(true);
  regex_ = std::make_shared<const RE2>(re, options);
}

bool Glob::matches(std::string_view text) const {
  return regex_->ok() && RE2::FullMatch(text, *regex_);
}

}  // namespace daprlint
