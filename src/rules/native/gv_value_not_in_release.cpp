// gv-value-not-in-release: the Dapr chart reads only the values its release declares
// (rules/facts/chart-values.yaml, from each release's values.yaml); a value of another release,
// or a near miss of a declared key, is silently ignored by Helm.
#include <map>
#include <set>
#include <string>

#include "model/edit_distance.h"
#include "rules/native/rules.h"
#include "rules/release_facts.h"

namespace daprlint {
namespace {

struct ChartPaths {
  std::map<std::string, ReleaseMask, std::less<>> leaves;  // path -> releases declaring it
  std::map<std::string, std::set<std::string>, std::less<>> children;  // map path -> keys
};

const ChartPaths& chart_paths() {
  static const ChartPaths paths = [] {
    ChartPaths out;
    const ReleaseFacts& facts = ReleaseFacts::embedded();
    for (const NodeEntry& e : facts.chart_values().entries()) {
      const std::string path(e.key.text());
      out.leaves[path] = facts.mask(e.value.get("releases").text());
      for (std::size_t from = 0;;) {
        const std::size_t dot = path.find('.', from);
        const std::string parent = from ? path.substr(0, from - 1) : "";
        out.children[parent].insert(path.substr(from, dot == std::string::npos ? dot : dot - from));
        if (dot == std::string::npos) break;
        from = dot + 1;
      }
    }
    return out;
  }();
  return paths;
}

void walk(const Object& o, const Emitter& emit, Node map, const std::string& prefix) {
  const ReleaseFacts& facts = ReleaseFacts::embedded();
  const ChartPaths& paths = chart_paths();
  for (const NodeEntry& e : map.entries()) {
    const std::string key(e.key.text());
    const std::string path = prefix.empty() ? key : prefix + "." + key;
    if (auto leaf = paths.leaves.find(path); leaf != paths.leaves.end()) {
      const ReleaseMask ignoring = facts.every() & ~leaf->second;
      if (ignoring)
        emit.report(o, e.key,
                    "Dapr chart value " + path + " is read only by the charts of " +
                        facts.describe(leaf->second) +
                        ": the chart of the release in use ignores it",
                    std::nullopt, ignoring);
      continue;
    }
    if (paths.children.count(path)) {
      if (e.value.is_map()) walk(o, emit, e.value, path);
      continue;
    }
    // Unknown in every release: suggest a declared sibling a typo away.
    auto siblings = paths.children.find(prefix);
    if (siblings == paths.children.end() || key.size() < 4) continue;
    const std::vector<std::string_view> names(siblings->second.begin(), siblings->second.end());
    const auto nearest = nearest_index(key, names, {.max_edits = 2});
    const std::string best = nearest ? std::string(names[*nearest]) : std::string();
    if (!best.empty())
      emit.report(o, e.key,
                  "Dapr chart value " + path +
                      " is not a value of the Dapr chart of any release: Helm ignores it; did " +
                      "you mean " + (prefix.empty() ? best : prefix + "." + best));
  }
}

}  // namespace

void gv_value_not_in_release(const RunContext& ctx, const Emitter& emit) {
  for (const Object& o : ctx.inventory.objects) {
    if (o.dapr_chart && o.chart_values.is_map()) walk(o, emit, o.chart_values, "");
  }
}

}  // namespace daprlint
