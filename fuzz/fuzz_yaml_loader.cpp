// libFuzzer target: any bytes through the YAML parser and the manifest loader (documents, List
// items, Helm sources, Argo CD values strings). Must never crash, hang or leak.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "load/manifest_loader.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  daprlint::LoadLimits limits;
  limits.max_nodes = 200'000;  // a fuzz input is small; keep each run fast
  daprlint::LoadedFile loaded = daprlint::load_manifests(text, 0, limits);
  for (const daprlint::Object& o : loaded.objects) (void)o.root.path();
  return 0;
}
