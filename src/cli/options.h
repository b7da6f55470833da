#pragma once
// Command-line options, parsed with cxxopts. No logic beyond mapping flags to Options.

#include <ctime>
#include <optional>
#include <string>
#include <vector>

#include "load/limits.h"
#include "load/render.h"

namespace daprlint {

struct Options {
  std::string command = "lint";    // lint | rules | explain | init
  std::vector<std::string> paths;  // lint: inputs; explain: the rule id
  std::string format =
      "text";           // lint: text|json|sarif|github|codeclimate; rules: text|json|markdown
  std::string output;   // empty: stdout
  std::string fail_on;  // error | warning | note | none; empty: the config's, else warning
  /// --dapr-version (or its alias --profile): auto, latest or X.Y[.Z]; empty: the config's,
  /// else auto.
  std::string dapr_version;
  std::string config;  // --config FILE; empty: the nearest .daprlint.yaml
  bool no_config = false;
  bool show_suppressed = false;
  bool omit_suppressed = false;  // leave them out of every format
  std::string baseline;          // --baseline FILE
  std::string write_baseline;    // --write-baseline FILE
  std::string rules_dir;
  std::vector<std::string> only_rules;
  /// --select (replaces the default set and the config's select), --extend-select, --ignore.
  std::vector<std::string> select, extend_select, ignore;
  std::time_t now = 0;
  bool timings = false;  // per-rule wall time on stderr
  LoadLimits limits;     // --max-file-size, --max-depth, --max-nodes
  struct {
    bool file_size = false, depth = false, nodes = false, parser = false;
  } limits_given;  // set on the command line: wins over .daprlint.yaml
  /// --chart-values FILE[@VERSION]: values files of the Dapr chart, as given.
  std::vector<std::string> chart_values;
  RenderSettings render;  // --helm, --helm-values, --set, --namespace, --kustomize
  unsigned jobs = 0;      // --jobs; 0: every core
  bool color = true;      // still only on a terminal, and never with NO_COLOR
  bool help = false;
  bool version = false;
  std::string help_text;
};

/// Parses argv (`daprlint [lint|rules|explain] [options] ...`); nullopt with `error` (one line) on
/// bad options.
std::optional<Options> parse_options(int argc, const char* const* argv, std::string& error);

/// `2027-06-01` or `2027-06-01T12:00:00Z` as seconds since the epoch (UTC).
std::optional<std::time_t> parse_date(const std::string& text);

}  // namespace daprlint
