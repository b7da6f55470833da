#pragma once
// The whole program behind main(): options -> load -> rules -> engine -> report -> exit code.

#include <ostream>

namespace daprlint {

/// Exit codes: 0 nothing at or above --fail-on, 1 something is, 2 bad options, unreadable
/// paths, broken rule files or a failed write.
int run(int argc, const char* const* argv, std::ostream& out, std::ostream& err);

}  // namespace daprlint
