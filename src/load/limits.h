#pragma once
// Bounds on what one input may cost, so hostile files become findings instead of crashes or
// runaway memory (rule yaml-limit-exceeded).

#include <cstdint>

namespace daprlint {

/// Which YAML parser reads the input: libyaml reads what Kubernetes (go-yaml, its port) reads;
/// yaml-cpp is the original one, kept as the reference (`--parser yaml-cpp`).
enum class YamlParser : std::uint8_t { libyaml, yaml_cpp };

struct LoadLimits {
  /// Bytes of one file; a larger file is not read at all (streams are read up to this).
  std::uint64_t max_file_size = 512ull << 20;
  /// Nesting of maps and sequences in one document. yaml-cpp stops on its own at about 500
  /// (its guard counts up to four calls per level) with a poorly located error, so stay below.
  std::uint32_t max_depth = 256;
  /// Nodes of one document, an alias counting as every node it stands for: this bounds the
  /// work of anything that walks the tree (the JSON Schema check copies it), so alias bombs stop.
  /// Each item of a List counts as a document of its own (it gets a tree of its own).
  std::uint64_t max_nodes = 20'000'000;
  /// Not a bound, but it travels with them to every parse of an input.
  YamlParser parser = YamlParser::libyaml;
};

}  // namespace daprlint
