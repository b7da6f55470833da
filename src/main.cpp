// daprlint: production-readiness linter for Dapr on Kubernetes. See README.md.
#include <iostream>

#include "cli/run.h"

int main(int argc, char** argv) {
  std::ios::sync_with_stdio(false);
  return daprlint::run(argc, argv, std::cout, std::cerr);
}
