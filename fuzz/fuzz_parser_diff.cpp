// libFuzzer target: the same bytes through libyaml and yaml-cpp. Any difference in the trees or
// in accept/reject that load/parser_diff.h does not list as intentional stops the run.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string_view>

#include "load/parser_diff.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  daprlint::LoadLimits limits;
  limits.max_nodes = 200'000;  // a fuzz input is small; keep each run fast
  if (auto difference = daprlint::parser_difference(text, limits)) {
    std::fprintf(stderr, "parser difference: %s\n", difference->c_str());
    std::abort();
  }
  return 0;
}
