// gv-upgrade-crds-skipped: a GitOps install of the Dapr chart that upgrades it across minor
// releases while skipping the chart's CRDs, and no Dapr CRD in the input. Helm never upgrades
// crds/ (dapr/docs#1864), so whoever skips them must apply the new release's CRDs first. The
// upgrade shows only where the input holds what runs now: the images of a live control plane in
// the namespace the install targets, or a Flux HelmRelease's status. Installs that leave CRDs to
// Helm's defaults are gv-flux-crds-not-upgraded's; CRDs in the input, cp-crd-version-mismatch's.
#include <optional>
#include <string>
#include <vector>

#include "model/chart_version.h"
#include "model/version.h"
#include "rules/native/rules.h"
#include "rules/release_facts.h"

namespace daprlint {
namespace {

/// The setting by which the install skips the chart's CRDs on upgrade; absent when it upgrades
/// them, or when it leaves them to defaults that gv-flux-crds-not-upgraded reports.
Node skips_crds(const Object& o) {
  Node spec = o.root.get("spec");
  if (o.kind == "Application") {
    Node skip = o.chart_version.parent().get("helm").get("skipCrds");
    return is_truthy(skip.text()) ? skip : Node();
  }
  if (o.api_version.starts_with("helm.fluxcd.io/")) {
    Node skip = spec.get("skipCRDs");
    return is_truthy(skip.text()) ? skip : Node();
  }
  if (spec.get("upgrade").get("crds").text() == "CreateReplace") return {};
  Node install = spec.get("install");
  if (install.get("crds").text() == "Skip") return install.get("crds");
  Node skip = install.get("skipCRDs");
  return is_truthy(skip.text()) ? skip : Node();
}

/// The chart release a Flux HelmRelease last applied, from its status (v2: history, newest
/// first; v2beta1/2: lastAppliedRevision).
std::optional<ReleaseLine> applied(const Object& o) {
  if (o.kind != "HelmRelease") return std::nullopt;
  Node status = o.root.get("status");
  if (auto v = parse_release_line(status.get("history").at(0).get("chartVersion").text())) return v;
  return parse_release_line(status.get("lastAppliedRevision").text());
}

/// The control plane a cluster export in the install's scope runs in a namespace: its most
/// common image version.
std::optional<Version> live_control_plane(const Inventory& inv, const Object& install,
                                          std::string_view ns) {
  std::vector<Version> versions;
  for (const Object& o : inv.objects) {
    if (!o.live || o.effective_namespace() != ns || !inv.in_one_scope(o, install)) continue;
    for (const auto& [image, v] : dapr_image_versions(o)) versions.push_back(v);
  }
  return most_common_version(versions);
}

/// The namespace the install puts the chart in; its own when it does not say.
std::string_view target_namespace(const Object& o) {
  const std::string_view ns = chart_install_namespace(o);
  return ns.empty() ? o.effective_namespace() : ns;
}

/// The Dapr CRDs that `to` installs and `from` does not: `mcpservers.dapr.io (1.18), ...`.
std::string new_crds(ReleaseLine from, ReleaseLine to) {
  const ReleaseFacts& facts = ReleaseFacts::embedded();
  const std::size_t a = facts.nearest(Release{from.major, from.minor});
  const std::size_t b = facts.nearest(Release{to.major, to.minor});
  std::string out;
  for (const NodeEntry& c : facts.crds().entries()) {
    const ReleaseMask has = facts.mask(c.value.get("releases").text());
    if ((has & release_bit(b)) && !(has & release_bit(a)))
      out += (out.empty() ? "" : ", ") + std::string(c.key.text());
  }
  return out;
}

}  // namespace

void gv_upgrade_crds_skipped(const RunContext& ctx, const Emitter& emit) {
  const ReleaseFacts& facts = ReleaseFacts::embedded();
  for (const Object* crd : ctx.inventory.of_kind("CustomResourceDefinition")) {
    if (facts.crd(crd->name)) return;  // the input's CRDs: cp-crd-version-mismatch
  }
  for (const Object& o : ctx.inventory.objects) {
    if (!o.dapr_chart) continue;
    Node skip = skips_crds(o);
    if (!skip) continue;
    auto target = newest_release_line(o.chart_version.text());
    if (!target || target->minor == kAnyNumber) continue;  // the latest of an open range
    std::optional<ReleaseLine> now = applied(o);
    std::string source = "applied, per its status";
    if (auto live =
            now ? std::nullopt : live_control_plane(ctx.inventory, o, target_namespace(o))) {
      now = ReleaseLine{live->major, live->minor};
      source = live->text + " running in the cluster export";
    }
    if (!now || !(*now < *target)) continue;
    const std::string added = new_crds(*now, *target);
    emit.report(o, skip,
                o.kind + " " + o.name + " upgrades the Dapr chart from " + to_string(*now) + " (" +
                    source + ") to " + to_string(*target) +
                    " but skips the chart's CRDs, and the input has no Dapr CRD: Helm never "
                    "upgrades crds/, so unless the " +
                    to_string(*target) +
                    " CRDs are applied first the API server keeps the old schemas and prunes "
                    "the fields newer releases added" +
                    (added.empty() ? "" : ", and the new " + added + " do not exist"));
  }
}

}  // namespace daprlint
