#pragma once
// A rule as loaded from rules/<id>.yaml: metadata for every engine, compiled checks for
// declarative rules, parameters for native ones.

#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "model/finding.h"
#include "model/release.h"
#include "model/tree.h"
#include "rules/params.h"
#include "rules/path.h"
#include "rules/predicate.h"

namespace daprlint {

enum class Engine { Declarative, Native, Loader, Suppressions };

struct Targets {
  std::vector<std::string> kinds;       // empty: any kind
  std::string role = "any";             // control-plane | dapr-app | dapr-chart | any
  std::vector<std::string> components;  // empty: any component
  std::optional<Predicate> when;
  bool in_control_plane_namespace = false;
  std::optional<bool> live;  // only cluster exports (true) or only manifests (false)
};

struct Check {
  Predicate match;
  std::string message;
  std::optional<Severity> severity;
  std::optional<Path> report_at;
  ReleaseMask releases = kEveryRelease;  // `releases:` of the check, within the rule's
};

struct Rule {
  std::string id;
  std::string title;
  Severity severity = Severity::Warning;
  std::string category;
  std::vector<std::string> tags;
  std::string security_severity;  // empty unless tagged security
  /// The Dapr releases the rule applies to (`releases:`, a range over the known releases) and
  /// the range as written, for the docs; every release when absent.
  ReleaseMask releases = kEveryRelease;
  std::string releases_text;
  /// The release facts the rule reads (`facts:`, e.g. {chart-value: global.ha.replicaCount}),
  /// shown per release by its documentation: kind and name.
  std::vector<std::pair<std::string, std::string>> facts;
  Targets targets;
  Engine engine = Engine::Declarative;
  std::optional<Path> for_each;
  std::vector<Check> checks;
  std::string description;
  std::string remediation;
  std::string help_uri;
  /// Why the rule is left out of the default set (`opt-in:`); empty for a default rule.
  std::string opt_in;
  std::string source;                // the file it came from
  std::shared_ptr<const Tree> tree;  // keeps the rule file's nodes (params, checks) alive
  RuleParams params;
  /// Set by .daprlint.yaml: every finding of the rule gets this severity.
  std::optional<Severity> configured_severity;

  /// Whether the rule runs when no --select or config chooses otherwise.
  bool in_default_set() const { return opt_in.empty(); }

  /// Whether the rule applies to the i-th known release.
  bool applies_to(std::size_t release) const { return (releases & release_bit(release)) != 0; }
};

}  // namespace daprlint
