#pragma once
// .daprlint.yaml: found by walking up from the working directory (or --config), validated
// against schemas/config.schema.json, then applied to the rules and the run.

#include <cstdint>
#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "config/glob.h"
#include "load/limits.h"
#include "model/finding.h"
#include "model/tree.h"
#include "rules/rule_loader.h"
#include "rules/selection.h"

namespace daprlint {

inline constexpr const char* kConfigFileName = ".daprlint.yaml";

/// Findings of matching objects are suppressed (SARIF suppression kind `external`).
struct Exemption {
  std::optional<Glob> kind, namespace_, name;  // absent: any
  std::optional<Glob> container;   // only findings inside a container of this name (istio-proxy)
  std::vector<std::string> rules;  // empty: every rule
  std::string reason;
  Node at;  // the list item, for `unused-suppression`
};

struct Config {
  std::string path;                         // as given or found, for messages
  std::filesystem::path dir;                // `exclude` globs are relative to it
  std::shared_ptr<const Tree> tree;         // owns every Node below
  std::optional<std::string> dapr_version;  // `dapr-version`, or `profile` mapped; the option wins
  std::optional<std::string> fail_on;       // --fail-on wins
  RuleSelection selection;                  // `select`, `extend-select`, `ignore`
  std::map<std::string, bool> categories;
  struct RuleSetting {
    Node at;  // the rule's key
    std::optional<bool> enabled;
    std::optional<Severity> severity;
    Node params;
  };
  std::map<std::string, RuleSetting> rules;
  /// `chart-values`: values files of the Dapr chart (paths relative to the config's folder, as
  /// the run names files) and the chart version of each (empty: not given).
  std::vector<std::pair<std::string, std::string>> chart_values;
  std::optional<bool> kustomize;  // `kustomize`; --kustomize wins
  std::vector<Glob> exclude;
  std::vector<Exemption> exemptions;
  std::optional<std::uint64_t> max_file_size, max_depth, max_nodes;
  std::optional<YamlParser> parser;  // `parser`; --parser wins

  /// Whether `file` (a path as the run names it) matches an `exclude` glob.
  bool excludes(const std::string& file) const;
};

/// The nearest .daprlint.yaml in `start` or a parent folder.
std::optional<std::filesystem::path> find_config(const std::filesystem::path& start);

/// Reads and validates a config; nullopt with `file:line:col: why` lines in `errors`.
std::optional<Config> load_config(const std::string& path, std::vector<std::string>& errors);

/// Applies the config's rule settings to `rules` (severity, params) and its `categories` and
/// `rules` switches to the ids in `selected` (on adds a rule, even an opt-in one; off removes
/// it; a rule's own switch wins over its category's). Unknown rule ids, parameters and bad
/// patterns are located errors.
void apply_config(const Config& config, RuleSet& rules, std::set<std::string>& selected,
                  std::vector<std::string>& errors);

/// The commented starter config `daprlint init` writes.
std::string_view starter_config();

}  // namespace daprlint
