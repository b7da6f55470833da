#include "load/release_namespace.h"

#include <array>
#include <map>
#include <set>
#include <string>
#include <tuple>

namespace daprlint {
namespace {

constexpr std::array<std::string_view, 26> kClusterScoped{
    "APIService",
    "CertificateSigningRequest",
    "ClusterIssuer",
    "ClusterRole",
    "ClusterRoleBinding",
    "ComponentStatus",
    "CSIDriver",
    "CSINode",
    "CustomResourceDefinition",
    "FlowSchema",
    "IngressClass",
    "MutatingWebhookConfiguration",
    "Namespace",
    "Node",
    "PersistentVolume",
    "PodSecurityPolicy",
    "PriorityClass",
    "PriorityLevelConfiguration",
    "RuntimeClass",
    "SelfSubjectAccessReview",
    "StorageClass",
    "TokenReview",
    "ValidatingAdmissionPolicy",
    "ValidatingAdmissionPolicyBinding",
    "ValidatingWebhookConfiguration",
    "VolumeAttachment",
};

/// `dapr/charts/dapr_operator/templates/x.yaml` -> `dapr`: subcharts install into their
/// parent's release.
std::string_view chart_of(std::string_view source) {
  return source.substr(0, source.find('/'));
}

/// What one chart's render says about its release namespace.
struct Evidence {
  std::set<std::pair<std::string, std::string>> unnamespaced;  // (kind, name) without a namespace
  std::vector<std::tuple<std::string, std::string, std::string>> references;  // kind, name, ns
  std::map<std::string, int> set;  // namespaces the chart's objects set, by count
};

void add_service(Node service, Evidence& e) {
  if (Node ns = service.get("namespace"); ns && !ns.text().empty())
    e.references.emplace_back("Service", service.get("name").text(), ns.text());
}

/// The references an object makes to objects by namespace and name.
void collect_references(const Object& o, Evidence& e) {
  for (Node subject : o.root.get("subjects").elements()) {
    if (subject.get("kind").text() != "ServiceAccount") continue;
    if (Node ns = subject.get("namespace"); ns && !ns.text().empty())
      e.references.emplace_back("ServiceAccount", subject.get("name").text(), ns.text());
  }
  for (Node webhook : o.root.get("webhooks").elements())
    add_service(webhook.get("clientConfig").get("service"), e);
  add_service(
      o.root.get("spec").get("conversion").get("webhook").get("clientConfig").get("service"), e);
}

/// The most common namespace of `counts`; empty when there is none. Ties: the first by name.
std::string most_common(const std::map<std::string, int>& counts) {
  std::string best;
  int best_count = 0;
  for (const auto& [ns, n] : counts) {
    if (n > best_count) {
      best = ns;
      best_count = n;
    }
  }
  return best;
}

/// Whether objects of this kind live in no namespace (ClusterRole, Node, CRDs, webhooks, ...).
bool cluster_scoped(std::string_view kind) {
  for (std::string_view k : kClusterScoped) {
    if (k == kind) return true;
  }
  return false;
}

}  // namespace

void infer_release_namespaces(std::vector<Object>& objects) {
  std::map<std::string, Evidence, std::less<>> charts;
  for (const Object& o : objects) {
    if (o.helm_source.empty()) continue;
    Evidence& e = charts[std::string(chart_of(o.helm_source))];
    if (o.namespace_.empty() && !cluster_scoped(o.kind)) e.unnamespaced.emplace(o.kind, o.name);
    if (!o.namespace_.empty()) ++e.set[o.namespace_];
    collect_references(o, e);
  }
  std::map<std::string, std::string, std::less<>> release_namespace;
  for (const auto& [chart, e] : charts) {
    // The chart's references to its own namespace-less objects are written with the release
    // namespace: they are the best evidence. A namespace the chart sets explicitly may be
    // another one (the 1.x chart puts its secret-reader Role into `default`).
    std::map<std::string, int> referenced;
    for (const auto& [kind, name, ns] : e.references) {
      if (e.unnamespaced.count({kind, name})) ++referenced[ns];
    }
    release_namespace[chart] = referenced.empty() ? most_common(e.set) : most_common(referenced);
  }
  for (Object& o : objects) {
    if (o.helm_source.empty() || !o.namespace_.empty() || cluster_scoped(o.kind)) continue;
    auto it = release_namespace.find(chart_of(o.helm_source));
    if (it->second.empty()) {
      o.release_namespace_unknown = true;
    } else {
      o.namespace_ = it->second;
      o.namespace_inferred = true;
    }
  }
}

}  // namespace daprlint
