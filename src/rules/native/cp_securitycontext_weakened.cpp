// cp-securitycontext-weakened: the current chart gives every Linux control-plane container
// runAsNonRoot, allowPrivilegeEscalation: false, readOnlyRootFilesystem and capabilities.drop
// [ALL]. One finding per container lists what is weaker. Debug-mode containers (/dlv) are left
// to cp-debug-enabled, and pods pinned to Windows nodes get no securityContext from the chart.
#include <algorithm>
#include <cctype>
#include <string>

#include "model/text.h"
#include "rules/declarative.h"
#include "rules/native/rules.h"

namespace daprlint {
namespace {

// Kubernetes reads manifests as YAML 1.1, where yes/on and no/off are booleans too.
bool is_true(Node n) {
  const std::string v = lower(n.text());
  return n.is_scalar() && (v == "true" || v == "yes" || v == "on" || v == "y");
}
bool is_false(Node n) {
  const std::string v = lower(n.text());
  return n.is_scalar() && (v == "false" || v == "no" || v == "off" || v == "n");
}

/// A non-zero integer user id.
bool non_root_uid(Node n) {
  std::string_view t = n.text();
  if (!n.is_scalar() || t.empty()) return false;
  if (!std::all_of(t.begin(), t.end(), [](char c) { return c >= '0' && c <= '9'; })) return false;
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

std::vector<std::string> weaknesses(Node sc, Node pod_sc) {
  std::vector<std::string> out;
  Node non_root = sc.get("runAsNonRoot") ? sc.get("runAsNonRoot") : pod_sc.get("runAsNonRoot");
  Node uid = sc.get("runAsUser") ? sc.get("runAsUser") : pod_sc.get("runAsUser");
  if (!is_true(non_root) && !non_root_uid(uid)) out.emplace_back("runAsNonRoot is not true");
  if (is_true(sc.get("privileged"))) out.emplace_back("privileged is true");
  if (!is_false(sc.get("allowPrivilegeEscalation")))
    out.emplace_back("allowPrivilegeEscalation is not false");
  if (!is_true(sc.get("readOnlyRootFilesystem")))
    out.emplace_back("readOnlyRootFilesystem is not true");
  Node drop = sc.get("capabilities").get("drop");
  bool drops_all = false;
  for (Node c : drop.elements()) drops_all = drops_all || lower(c.text()) == "all";
  if (!drops_all) out.emplace_back("capabilities.drop lacks ALL");
  std::string added;
  for (Node c : sc.get("capabilities").get("add").elements()) {
    std::string cap(c.text());
    if (cap == "SYS_PTRACE" || cap == "CAP_SYS_PTRACE") continue;  // cp-debug-enabled
    added += (added.empty() ? "" : ", ") + cap;
  }
  if (!added.empty()) out.push_back("capabilities.add has " + added);
  return out;
}

}  // namespace

void cp_securitycontext_weakened(const RunContext& ctx, const Emitter& emit) {
  for (const Object& o : ctx.inventory.objects) {
    if (!targets_match(emit.rule(), o, ctx)) continue;
    Node pod_spec = o.pod_template.get("spec");
    if (windows_pod(pod_spec)) continue;
    for (Node container : pod_spec.get("containers").elements()) {
      if (runs_debugger(container)) continue;
      Node sc = container.get("securityContext");
      std::vector<std::string> weak = weaknesses(sc, pod_spec.get("securityContext"));
      if (weak.empty()) continue;
      std::string list;
      for (const std::string& w : weak) list += (list.empty() ? "" : ", ") + w;
      emit.report(o, sc.is_map() ? sc : container,
                  std::string(component_name(o.component)) + " container " +
                      std::string(container.get("name").text()) +
                      " is less locked down than the current chart's securityContext: " + list +
                      ", so a compromised process has more room to escalate");
    }
  }
}

}  // namespace daprlint
