#include <doctest/doctest.h>

#include "load/manifest_loader.h"

using namespace daprlint;

TEST_CASE(
    "control-plane components are recognised from annotations, labels, containers and names") {
  auto loaded = load_manifests(R"(apiVersion: apps/v1
kind: Deployment
metadata: {name: x}
spec:
  template:
    metadata:
      annotations: {dapr.io/control-plane: injector}
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: y, labels: {app: dapr-sentry, app.kubernetes.io/part-of: dapr}}
spec: {template: {spec: {containers: []}}}
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: z}
spec: {template: {spec: {containers: [{name: main, image: "docker.io/daprio/dapr:0.11.3", command: [/placement]}]}}}
---
apiVersion: v1
kind: Service
metadata: {name: dapr-api}
---
apiVersion: batch/v1
kind: CronJob
metadata: {name: job}
spec:
  jobTemplate:
    spec:
      template:
        metadata:
          annotations: {dapr.io/enabled: "yes"}
)",
                               0);
  REQUIRE(loaded.objects.size() == 5);
  CHECK(loaded.objects[0].component == Component::SidecarInjector);
  CHECK(loaded.objects[1].component == Component::Sentry);
  CHECK(loaded.objects[2].component == Component::PlacementLegacy);
  CHECK(loaded.objects[3].component == Component::Operator);
  CHECK(loaded.objects[4].dapr_app);
  CHECK(loaded.objects[4].pod_template.path() == "spec.jobTemplate.spec.template");
}

TEST_CASE("kind: List is expanded with each item's own lines, and Helm sources are kept") {
  auto loaded = load_manifests(R"(---
# Source: dapr/templates/a.yaml
apiVersion: v1
kind: List
items:
- apiVersion: v1
  kind: ConfigMap
  metadata: {name: a, uid: "1"}
- apiVersion: v1
  kind: ConfigMap
  metadata: {name: b}
---
apiVersion: v1
kind: ConfigMap
metadata: {name: c}
)",
                               0);
  REQUIRE(loaded.objects.size() == 3);
  CHECK(loaded.objects[1].name == "b");
  CHECK(loaded.objects[1].root.line() == 9);
  CHECK(loaded.objects[0].helm_source == "dapr/templates/a.yaml");
  CHECK(loaded.objects[0].live);
  CHECK(loaded.objects[2].helm_source.empty());
}

TEST_CASE(
    "unrendered Helm templates are skipped with a notice, documents without kind are ignored") {
  auto tpl = load_manifests(
      "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: {{ .Release.Name }}\n", 0);
  CHECK(tpl.objects.empty());
  CHECK(tpl.findings.empty());
  CHECK(tpl.notice.find("helm template") != std::string::npos);
  auto quoted = load_manifests(
      "apiVersion: v1\nkind: Secret\nmetadata: {name: s}\nstringData: {k: \"{{TOKEN}}\"}\n", 0);
  CHECK(quoted.objects.size() == 1);
  auto values = load_manifests("global:\n  ha: {enabled: true}\n", 0);
  CHECK(values.objects.empty());
  CHECK(values.findings.empty());
}

TEST_CASE("malformed YAML is a located finding and earlier documents survive") {
  auto loaded = load_manifests(
      "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: ok}\n---\nkey: [1, 2\nother: 3\n", 3);
  CHECK(loaded.objects.size() == 1);
  REQUIRE(loaded.findings.size() == 1);
  CHECK(loaded.findings[0].rule_id == "yaml-syntax");
  CHECK(loaded.findings[0].file_index == 3);
  CHECK(loaded.findings[0].line >= 5);
}

TEST_CASE("JSON input from kubectl get -o json") {
  auto loaded = load_manifests(R"({"apiVersion": "v1", "kind": "List", "items": [
  {"apiVersion": "apps/v1", "kind": "Deployment", "metadata": {"name": "a", "namespace": "n"}}
]})",
                               0);
  REQUIRE(loaded.objects.size() == 1);
  CHECK(loaded.objects[0].namespace_ == "n");
  CHECK(loaded.objects[0].root.line() == 2);
}

TEST_CASE("Helm values of the Dapr chart: Flux maps, Argo maps and strings placed in the file") {
  auto loaded = load_manifests(R"(apiVersion: helm.toolkit.fluxcd.io/v2
kind: HelmRelease
metadata: {name: dapr, namespace: dapr-system}
spec:
  chart:
    spec: {chart: dapr, version: "1.16.x", sourceRef: {kind: HelmRepository, name: dapr}}
  values:
    global: {ha: {enabled: true}}
---
apiVersion: argoproj.io/v1alpha1
kind: Application
metadata: {name: dapr, namespace: argocd}
spec:
  source:
    repoURL: https://dapr.github.io/helm-charts/
    chart: dapr
    targetRevision: 1.16.2
    helm:
      values: |-

        global:
            ha:
              enabled: false
        dapr_placement: {metadataEnabled: true}
---
apiVersion: argoproj.io/v1alpha1
kind: Application
metadata: {name: dapr-quoted, namespace: argocd}
spec:
  sources:
  - repoURL: https://github.com/acme/gitops
    ref: values
  - repoURL: https://dapr.github.io/helm-charts/
    chart: dapr
    targetRevision: 1.15.4
    helm:
      values: "global:\n  ha:\n    enabled: false\n"
---
apiVersion: helm.toolkit.fluxcd.io/v2beta1
kind: HelmRelease
metadata: {name: redis}
spec:
  chart: {spec: {chart: redis}}
  values: {global: {ha: {enabled: false}}}
)",
                               0);
  REQUIRE(loaded.objects.size() == 4);
  const Object& flux = loaded.objects[0];
  CHECK(flux.dapr_chart);
  CHECK(flux.chart_version.text() == "1.16.x");
  CHECK(flux.chart_values.get("global").get("ha").get("enabled").text() == "true");
  CHECK(flux.node_path(flux.chart_values.get("global")) == "spec.values.global");

  const Object& argo = loaded.objects[1];
  CHECK(argo.dapr_chart);
  CHECK(argo.chart_version.text() == "1.16.2");
  Node enabled = argo.chart_values.get("global").get("ha").get("enabled");
  REQUIRE(enabled);
  CHECK(enabled.text() == "false");
  CHECK(enabled.line() == 23);  // inside the block scalar, where `false` is in the file
  CHECK(enabled.column() == 24);
  Node placement = argo.chart_values.get("dapr_placement").get("metadataEnabled");
  CHECK(placement.line() == 24);
  CHECK(placement.column() == 43);
  CHECK(argo.node_path(enabled) == "spec.source.helm.values.global.ha.enabled");
  CHECK_FALSE(argo.chart_values_external);

  const Object& quoted = loaded.objects[2];
  CHECK(quoted.dapr_chart);
  CHECK(quoted.chart_version.text() == "1.15.4");
  Node q = quoted.chart_values.get("global").get("ha").get("enabled");
  REQUIRE(q);
  CHECK(q.line() == 37);  // a quoted string: every node at the `values` key
  CHECK(q.column() == 7);
  CHECK(quoted.node_path(q) == "spec.sources[1].helm.values.global.ha.enabled");

  CHECK_FALSE(loaded.objects[3].dapr_chart);
  CHECK_FALSE(loaded.objects[3].chart_values);
}
