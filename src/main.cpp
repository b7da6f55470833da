// daprlint: production-readiness linter for Dapr on Kubernetes. See README.md.
#include <csignal>
#include <iostream>

#include "cli/run.h"

int main(int argc, char** argv) {
  std::ios::sync_with_stdio(false);
  // `daprlint ... | head -1` must end quietly: die of SIGPIPE as other filters do, even when the
  // parent left it ignored (then every write would fail and print an error instead).
  std::signal(SIGPIPE, SIG_DFL);
  return daprlint::run(argc, argv, std::cout, std::cerr);
}
