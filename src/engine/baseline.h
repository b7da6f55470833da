#pragma once
// Baselines: accept today's findings, fail only on new ones. A finding is identified by its
// fingerprint (rule, object, path in the object), never by line numbers, so edits that only
// move lines keep it matched.

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "model/finding.h"

namespace daprlint {

struct Baseline {
  std::map<std::string, unsigned> counts;  // fingerprint -> how many findings share it
};

struct BaselineMatch {
  std::size_t matched = 0;  // findings hidden because the baseline holds them
  std::size_t absent = 0;   // baseline entries no finding matched any more
};

/// Writes the unsuppressed findings as a baseline file (JSON, sorted, one entry per finding).
bool write_baseline(const std::string& path, const std::vector<Finding>& findings,
                    const std::vector<std::string>& files, std::string& error);

/// Reads a baseline file; nullopt with a one-line `error`.
std::optional<Baseline> read_baseline(const std::string& path, std::string& error);

/// Removes from `findings` the unsuppressed ones the baseline holds (each entry matches once),
/// moving them to `hidden` when given.
BaselineMatch apply_baseline(const Baseline& baseline, std::vector<Finding>& findings,
                             const std::vector<std::string>& files,
                             std::vector<Finding>* hidden = nullptr);

}  // namespace daprlint
