#pragma once
// libyaml against yaml-cpp on one text: the differential check behind the parser equivalence
// test and fuzz/fuzz_parser_diff.cpp. The differences the two parsers have on purpose are
// listed here, once, and every other one is reported.
//
// Intentional differences (each has a test in tests/parser_equivalence_test.cpp):
// - rejected by libyaml only, as by go-yaml and so by `kubectl apply`: control characters and
//   invalid UTF-8 or UTF-16 anywhere in the input, and YAML that yaml-cpp 0.7 reads too freely
//   (a second root node read as a second document, a key without `:` read as the continuation
//   of the value before it, `a: b: c`, an unclosed quote at the end, tab indentation, a tag
//   handle without a suffix before a comment). Listed
//   by libyaml's words in parser_diff.cpp.
// - accepted by libyaml only: `?` inside a plain scalar of a flow collection (yaml-cpp: "unknown
//   token"), nesting deeper than yaml-cpp's own guard (about 500 levels) under a higher
//   --max-depth, and tagged nodes yaml-cpp misreads: a tagged plain scalar continued on a less
//   indented line, a tag handle without a suffix. When yaml-cpp alone refuses a text with a
//   tag, the text is only run, not compared; so is a text where yaml-cpp alone loses the end of
//   a flow collection (a plain scalar in it continued on a line starting with `- `).
// - empty values: an implicit null (`key:` with nothing after it, a lone `-`, an empty
//   document) is located by libyaml right after its indicator, as kubectl reports it; yaml-cpp
//   puts it at the next token, which may be the next key or the next document.
// - error wording and place: syntax errors carry libyaml's message (go-yaml's words). When both
//   refuse a file, where each stops (and whether first at a limit) may differ; the documents
//   both complete before stopping match.
// - a document that is a tag without content (`--- !foo`) is an empty string; yaml-cpp reads
//   it as null (as a map value, both read an empty string).
// - line breaks: libyaml ends lines at CR, NEL, LS and PS as well as LF (YAML 1.1); yaml-cpp
//   reads them as content or refuses them. Texts holding one are only run, not compared, and
//   so are UTF-16 and UTF-32 texts (decoded differently; libyaml columns count characters).
// - anchor names: libyaml (YAML 1.1, as go-yaml) ends them at any character but letters,
//   digits, `-` and `_`; yaml-cpp (YAML 1.2) reads `&a:` as the name `a:`. Texts with such a
//   name are only run, not compared.
// - byte order marks after the first: libyaml skips one at the start of a line, yaml-cpp reads
//   it as content. Texts holding one are only run, not compared.
// Not differences: YAML 1.1 scalars (`yes`, `on`, `0755`) and `<<` merge keys. Both parsers
// hand over the text and its style; the tree keeps them and model/yaml_types reads them as
// YAML 1.1 does, whichever parser ran.

#include <optional>
#include <string>
#include <string_view>

#include "load/limits.h"

namespace daprlint {

/// The first difference between the two parsers' readings of `text` that is not one of the
/// intentional ones above; nullopt when they agree.
std::optional<std::string> parser_difference(std::string_view text, LoadLimits limits = {});

}  // namespace daprlint
