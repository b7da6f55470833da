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
