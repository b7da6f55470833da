#include "rules/declarative.h"

#include <algorithm>

#include "rules/release_facts.h"

namespace daprlint {
namespace {

bool listed(const std::vector<std::string>& list, std::string_view item) {
  return list.empty() || std::find(list.begin(), list.end(), item) != list.end();
}

std::string fill(const Rule& rule, const std::string& message, const Object& o, Node element,
                 const Match& m) {
  std::string out;
  out.reserve(message.size() + 32);
  for (std::size_t i = 0; i < message.size(); ++i) {
    std::size_t close = message[i] == '{' ? message.find('}', i) : std::string::npos;
    if (close == std::string::npos) {
      out += message[i];
      continue;
    }
    std::string_view key = std::string_view(message).substr(i + 1, close - i - 1);
    if (key == "kind")
      out += o.kind;
    else if (key == "name")
      out += o.name;
    else if (key == "namespace")
      out += o.release_namespace_unknown ? std::string_view("the Helm release namespace")
                                         : o.effective_namespace();
    else if (key == "component")
      out += component_name(o.component);
    else if (key == "container")
      out += element.get("name").text();
    else if (key == "value")
      out += m.value;
    else if (key == "missing")
      out += m.missing;
    else if (key == "releases")
      out += "Dapr " + ReleaseFacts::embedded().describe(rule.releases);
    i = close;
  }
  return out;
}

/// Where paths start for an object: @pod, @root, @dapr_container, @values, @chart_version.
Scope scope_of(const Object& o, Node here) {
  return Scope(here, o.root, o.pod_template, o.chart_values, o.chart_version,
               o.dapr_chart && !o.chart_values_external, dapr_container(o));
}

}  // namespace

bool targets_match(const Rule& rule, const Object& o, const RunContext& ctx) {
  const Targets& t = rule.targets;
  if (!listed(t.kinds, o.kind)) return false;
  if (t.role == "control-plane" && !o.is_control_plane()) return false;
  if (t.role == "dapr-app" && !o.dapr_app) return false;
  if (t.role == "dapr-chart" && !o.dapr_chart) return false;
  if (!listed(t.components, component_name(o.component))) return false;
  if (t.in_control_plane_namespace) {
    const std::string_view cp = ctx.inventory.control_plane_namespace_near(o);
    if (!cp.empty() && o.effective_namespace() != cp) return false;
  }
  if (t.live && *t.live != o.live) return false;
  if (t.when) {
    Scope scope = scope_of(o, o.root);
    if (!evaluate(*t.when, scope).hit) return false;
  }
  return true;
}

void run_declarative(const Rule& rule, const Object& o, const RunContext& ctx,
                     const Emitter& emit) {
  if (!targets_match(rule, o, ctx)) return;
  Scope base = scope_of(o, o.root);
  std::vector<Node> elements;
  if (rule.for_each) {
    elements = resolve(*rule.for_each, anchor_of(*rule.for_each, base));
  } else {
    elements.push_back(o.root);
  }
  for (Node element : elements) {
    Scope scope = scope_of(o, element);
    for (const Check& check : rule.checks) {
      Match m = evaluate(check.match, scope);
      if (!m.hit) continue;
      Node at = m.at;
      if (check.report_at && !m.found) {
        auto nodes = resolve(*check.report_at, anchor_of(*check.report_at, scope));
        if (!nodes.empty()) at = nodes.front();
      }
      emit.report(o, at ? at : element, fill(rule, check.message, o, element, m), check.severity,
                  check.releases);
    }
  }
}

}  // namespace daprlint
