// cp-securitycontext-weakened: a control-plane container less locked down than the chart of the
// release in use renders it (rules/facts/chart-renders.yaml: each workload's container and pod
// securityContext per release). Objects are checked before the release is known, so each
// container gets one finding per distinct list of weaker settings, holding for the releases whose
// chart gives that list. Only the component's Dapr container is compared (1.18 extraContainers
// get nothing from the chart). Debug-mode containers (/dlv) are left to cp-debug-enabled, and
// pods pinned to Windows nodes get no securityContext from the chart.
#include <algorithm>
#include <string>
#include <utility>
#include <vector>

#include "model/text.h"
#include "rules/declarative.h"
#include "rules/native/rules.h"
#include "rules/release_facts.h"

namespace daprlint {
namespace {

// Kubernetes reads manifests as YAML 1.1, where yes/on and no/off are booleans too.
bool is_true(std::string_view text) {
  const std::string v = lower(text);
  return v == "true" || v == "yes" || v == "on" || v == "y";
}
bool is_true(Node n) {
  return n.is_scalar() && is_true(n.text());
}
bool is_false(Node n) {
  const std::string v = lower(n.text());
  return n.is_scalar() && (v == "false" || v == "no" || v == "off" || v == "n");
}

/// A non-zero integer user id.
bool non_root_uid(std::string_view t) {
  if (t.empty() || !std::all_of(t.begin(), t.end(), is_ascii_digit)) return false;
  return t.find_first_not_of('0') != std::string_view::npos;
}

bool runs_debugger(Node container) {
  for (const char* field : {"command", "args"}) {
    for (Node e : container.get(field).elements()) {
      std::string_view t = e.text();
      if (t == "dlv" || t.ends_with("/dlv")) return true;
    }
  }
  return false;
}

/// The pod is pinned to Windows nodes by nodeSelector or required node affinity.
bool windows_pod(Node pod_spec) {
  if (lower(pod_spec.get("nodeSelector").get("kubernetes.io/os").text()) == "windows") return true;
  Node terms = pod_spec.get("affinity")
                   .get("nodeAffinity")
                   .get("requiredDuringSchedulingIgnoredDuringExecution")
                   .get("nodeSelectorTerms");
  for (Node term : terms.elements()) {
    for (Node expr : term.get("matchExpressions").elements()) {
      if (expr.get("key").text() != "kubernetes.io/os" || expr.get("operator").text() != "In")
        continue;
      for (Node v : expr.get("values").elements()) {
        if (lower(v.text()) == "windows") return true;
      }
    }
  }
  return false;
}

/// The names of a fact's compact JSON list (`["ALL"]`), lower case.
std::vector<std::string> json_names(std::string_view list) {
  std::vector<std::string> out;
  for (std::size_t open = list.find('"'); open != std::string_view::npos;) {
    std::size_t close = list.find('"', open + 1);
    if (close == std::string_view::npos) break;
    out.push_back(lower(list.substr(open + 1, close - open - 1)));
    open = list.find('"', close + 1);
  }
  return out;
}

bool listed(Node seq, std::string_view name) {
  for (Node e : seq.elements()) {
    if (lower(e.text()) == name) return true;
  }
  return false;
}

/// What the container sets weaker than the chart of `release` renders (the workload's
/// securityContext and podSecurityContext facts). fsGroup and other leaves that lock nothing
/// down are not compared.
std::vector<std::string> weaknesses(Node sc, Node pod_sc, Node chart, std::size_t release) {
  const ReleaseFacts& facts = ReleaseFacts::embedded();
  auto want = [&](std::string_view leaf) {
    Node v = facts.at(chart.get("securityContext").get(leaf), release);
    if (!v) v = facts.at(chart.get("podSecurityContext").get(leaf), release);
    return std::string(v.text());
  };
  std::vector<std::string> out;
  // Non-root: runAsNonRoot, or (the 0.11-1.2 injector) a non-zero runAsUser; the container's
  // setting, else the pod's, satisfies either.
  Node non_root = sc.get("runAsNonRoot") ? sc.get("runAsNonRoot") : pod_sc.get("runAsNonRoot");
  Node uid = sc.get("runAsUser") ? sc.get("runAsUser") : pod_sc.get("runAsUser");
  const bool runs_non_root = is_true(non_root) || (uid.is_scalar() && non_root_uid(uid.text()));
  if (is_true(want("runAsNonRoot")) && !runs_non_root) {
    out.emplace_back("runAsNonRoot is not true");
  } else if (non_root_uid(want("runAsUser")) && !runs_non_root) {
    out.push_back("runAsUser is not a non-zero user id (the chart's is " + want("runAsUser") + ")");
  }
  if (is_true(sc.get("privileged")) && !is_true(want("privileged")))
    out.emplace_back("privileged is true");
  if (lower(want("allowPrivilegeEscalation")) == "false" &&
      !is_false(sc.get("allowPrivilegeEscalation")))
    out.emplace_back("allowPrivilegeEscalation is not false");
  if (is_true(want("readOnlyRootFilesystem")) && !is_true(sc.get("readOnlyRootFilesystem")))
    out.emplace_back("readOnlyRootFilesystem is not true");
  Node drop = sc.get("capabilities").get("drop");
  if (!listed(drop, "all")) {
    for (const std::string& cap : json_names(want("capabilities.drop"))) {
      if (!listed(drop, cap))
        out.push_back("capabilities.drop lacks " + (cap == "all" ? "ALL" : cap));
    }
  }
  std::string added;
  const std::vector<std::string> chart_adds = json_names(want("capabilities.add"));
  for (Node c : sc.get("capabilities").get("add").elements()) {
    std::string cap(c.text());
    if (cap == "SYS_PTRACE" || cap == "CAP_SYS_PTRACE") continue;  // cp-debug-enabled
    if (std::find(chart_adds.begin(), chart_adds.end(), lower(cap)) != chart_adds.end()) continue;
    added += (added.empty() ? "" : ", ") + cap;
  }
  if (!added.empty()) out.push_back("capabilities.add has " + added);
  return out;
}

}  // namespace

void cp_securitycontext_weakened(const RunContext& ctx, const Emitter& emit) {
  const ReleaseFacts& facts = ReleaseFacts::embedded();
  for (const Object& o : ctx.inventory.objects) {
    if (!targets_match(emit.rule(), o, ctx)) continue;
    Node pod_spec = o.pod_template.get("spec");
    Node container = dapr_container(o);
    if (!container || windows_pod(pod_spec) || runs_debugger(container)) continue;
    Node chart = facts.workload(chart_workload_name(o.component));
    const ReleaseMask rendered = facts.mask(chart.get("releases").text());
    Node sc = container.get("securityContext");
    // Releases whose charts leave the same settings weaker, in order of the oldest.
    std::vector<std::pair<std::string, ReleaseMask>> groups;
    for (std::size_t r = 0; r < facts.releases().size(); ++r) {
      if (!(rendered & release_bit(r))) continue;
      std::string list;
      for (const std::string& w : weaknesses(sc, pod_spec.get("securityContext"), chart, r))
        list += (list.empty() ? "" : ", ") + w;
      if (list.empty()) continue;
      auto it = std::find_if(groups.begin(), groups.end(),
                             [&](const auto& g) { return g.first == list; });
      if (it == groups.end()) it = groups.insert(groups.end(), {list, 0});
      it->second |= release_bit(r);
    }
    for (const auto& [list, mask] : groups) {
      const std::string which = facts.covers_every(mask)
                                    ? "every Dapr chart's"
                                    : "the Dapr " + facts.describe(mask) + " chart's";
      emit.report(o, sc.is_map() ? sc : container,
                  std::string(component_name(o.component)) + " container " +
                      std::string(container.get("name").text()) + " is less locked down than " +
                      which + " securityContext: " + list +
                      ", so a compromised process has more room to escalate",
                  std::nullopt, mask);
    }
  }
}

}  // namespace daprlint
