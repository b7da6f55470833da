#pragma once
// Files compiled into the binary by cmake/embed.cmake: rules/*.yaml, schemas/*.json and the
// starter .daprlint.yaml.

#include <string_view>
#include <vector>

namespace daprlint {

struct EmbeddedFile {
  std::string_view path;  // relative to the source tree, e.g. "rules/cp-ha-replicas.yaml"
  std::string_view content;
};

const std::vector<EmbeddedFile>& embedded_files();

/// The content of the embedded file at `path`; empty when there is none.
inline std::string_view embedded_file(std::string_view path) {
  for (const EmbeddedFile& f : embedded_files()) {
    if (f.path == path) return f.content;
  }
  return {};
}

}  // namespace daprlint
