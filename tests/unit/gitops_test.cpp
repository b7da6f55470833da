// GitOps group: Helm values of the Dapr chart read from HelmReleases and Argo CD Applications,
// located exactly inside values strings, and the live-export sidecar rules.
#include <doctest/doctest.h>

#include "../test_support.h"
#include "load/manifest_loader.h"

using namespace daprlint;

namespace {

std::vector<Finding> lint_fixture(const char* rule, const char* file) {
  auto path = test::source_dir() / "fixtures" / rule / file;
  return test::lint_pinned({path.string()}, {rule}).findings;
}

}  // namespace

TEST_CASE("findings inside an Argo CD values string land on the key's line and column") {
  auto ha = lint_fixture("gv-ha-disabled", "fail-argo-values-string.yaml");
  REQUIRE(ha.size() == 1);
  CHECK(ha[0].line == 20);
  CHECK(ha[0].column == 22);  // `off` in `            enabled: off`
  CHECK(ha[0].node_path == "spec.source.helm.values.global.ha.enabled");

  auto mtls = lint_fixture("gv-mtls-disabled", "fail-argo-sources-block-string.yaml");
  REQUIRE(mtls.size() == 1);
  CHECK(mtls[0].line == 21);
  CHECK(mtls[0].column == 29);  // `false` inside the flow map of a `|-` block
  CHECK(mtls[0].node_path == "spec.sources[1].helm.values.global.mtls.enabled");

  auto placement = lint_fixture("gv-placement-metadata", "fail-argo-string.yaml");
  REQUIRE(placement.size() == 1);
  CHECK(placement[0].line == 18);  // after a comment and a blank line inside the string
  CHECK(placement[0].column == 28);

  // A quoted string cannot be mapped line by line: the finding is at the `values` key.
  auto quoted = lint_fixture("gv-mtls-disabled", "fail-argo-quoted-string.yaml");
  REQUIRE(quoted.size() == 1);
  CHECK(quoted[0].line == 15);
  CHECK(quoted[0].column == 7);
}

TEST_CASE("values strings: indentation indicator, folded fallback, malformed YAML") {
  auto loaded = load_manifests(R"(apiVersion: argoproj.io/v1alpha1
kind: Application
metadata: {name: dapr, namespace: argocd}
spec:
  source:
    chart: dapr
    targetRevision: 1.16.2
    helm:
      values: |4-
            global:
              ha: {enabled: false}
---
apiVersion: argoproj.io/v1alpha1
kind: Application
metadata: {name: dapr-folded, namespace: argocd}
spec:
  source:
    chart: dapr
    helm:
      values: >
        global: {mtls: {enabled: false}}
---
apiVersion: argoproj.io/v1alpha1
kind: Application
metadata: {name: dapr-broken, namespace: argocd}
spec:
  source:
    chart: dapr
    helm:
      values: |
        global:
          ha: [true
        other: 1
)",
                               0);
  REQUIRE(loaded.objects.size() == 3);
  // `|4`: the content is indented 4 more than the `helm` map's keys (6), even though the first
  // line is indented further.
  Node global = loaded.objects[0].chart_values.get("global");  // the map under `global:`
  REQUIRE(global);
  Node enabled = global.get("ha").get("enabled");
  CHECK(global.line() == 11);
  CHECK(global.column() == 15);
  CHECK(enabled.line() == 11);
  CHECK(enabled.column() == 29);

  Node folded = loaded.objects[1].chart_values.get("global").get("mtls").get("enabled");
  REQUIRE(folded);
  CHECK(folded.line() == 20);  // at the `values` key
  CHECK(folded.column() == 7);

  CHECK_FALSE(loaded.objects[2].chart_values);
  REQUIRE(loaded.findings.size() == 1);
  CHECK(loaded.findings[0].rule_id == "yaml-syntax");
  CHECK(loaded.findings[0].line >= 31);
  CHECK(loaded.findings[0].message.find("Helm values string of Application dapr-broken") !=
        std::string::npos);
}

TEST_CASE("live pods: a missing daprd and a sidecar older than the control plane") {
  auto missing = lint_fixture("sc-missing-sidecar-live", "fail-pending-in-list.yaml");
  REQUIRE(missing.size() == 1);
  CHECK(missing[0].name == "inventory-5f8d7c9b6-pq8tn");
  CHECK(missing[0].node_path == "spec.containers");

  auto skew = lint_fixture("sc-sidecar-version-skew-live", "fail-after-upgrade.yaml");
  REQUIRE(skew.size() == 2);
  CHECK(skew[0].message.find("runs daprd 1.15.4, older than the control plane's 1.16.2") !=
        std::string::npos);
  CHECK(skew[0].node_path == "spec.containers[1].image");
  CHECK(skew[1].message.find("dapr.io/sidecar-image pin") != std::string::npos);
  CHECK(skew[1].node_path == "spec.initContainers[0].image");
}
