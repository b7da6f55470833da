#pragma once
// The embedded rule files, parsed at build time (tools/compile_rules.cpp) so that daprlint's
// startup rebuilds their Trees from arrays instead of running yaml-cpp on each of them.

#include <array>
#include <cstdint>
#include <memory>
#include <span>
#include <string_view>
#include <vector>

#include "model/tree.h"

namespace daprlint {

/// The values of one NodeData in the generated arrays, field by field (not its bytes), so
/// the arrays stay right whatever the struct's layout.
inline constexpr std::size_t kNodeFields = 9;
std::array<std::uint32_t, kNodeFields> pack(const NodeData& n);
NodeData unpack(const std::uint32_t* fields);

struct CompiledRuleFile {
  std::string_view path;                 // as in embedded_files(), e.g. "rules/cp-ha-replicas.yaml"
  std::span<const std::uint32_t> nodes;  // kNodeFields values per node
  std::string_view text;                 // Tree::text
  std::uint32_t root = kNoNode;
};

/// Generated into the build tree and linked beside daprlint_core (the tool that generates it
/// links daprlint_core too). A file missing here, one parse_yaml rejected, is parsed at run
/// time, so it fails with the same error as before.
const std::vector<CompiledRuleFile>& compiled_rule_files();

/// The compiled file at `path` (as in embedded_files()), or null when it was left to parse.
/// Inline: tools/compile_rules.cpp links this file's functions without the generated arrays.
inline const CompiledRuleFile* find_compiled_rule_file(std::string_view path) {
  for (const CompiledRuleFile& c : compiled_rule_files()) {
    if (c.path == path) return &c;
  }
  return nullptr;
}

/// The Tree parse_yaml made of the file at build time.
std::shared_ptr<const Tree> rebuild_tree(const CompiledRuleFile& file);

}  // namespace daprlint
