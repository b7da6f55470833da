#pragma once
// Files compiled into the binary by cmake/embed.cmake: rules/*.yaml and schemas/rule.schema.json.

#include <string_view>
#include <vector>

namespace daprlint {

struct EmbeddedFile {
  std::string_view path;  // relative to the source tree, e.g. "rules/cp-ha-replicas.yaml"
  std::string_view content;
};

const std::vector<EmbeddedFile>& embedded_files();

}  // namespace daprlint
