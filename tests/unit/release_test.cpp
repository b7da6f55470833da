// Releases and ranges (model/release.h), the release facts (rules/release_facts.h), and how a
// run finds the release whose guidance applies (engine/engine.h: resolve_release).
#include "model/release.h"

#include <doctest/doctest.h>

#include <vector>

#include "../test_support.h"
#include "engine/engine.h"
#include "rules/release_facts.h"

using namespace daprlint;

namespace {

const std::vector<Release> kKnown = {{0, 11}, {1, 0}, {1, 1}, {1, 2}, {1, 10}, {1, 11}};

ReleaseMask range(const char* text) {
  std::string error;
  auto mask = parse_release_range(text, kKnown, error);
  REQUIRE_MESSAGE(mask, error);
  return *mask;
}

}  // namespace

TEST_CASE("release ranges over the known releases") {
  CHECK(range("*") == 0b111111);
  CHECK(range(">=1.2") == 0b111000);
  CHECK(range("<1.0") == 0b000001);
  CHECK(range(">=1.0 <1.10") == 0b001110);
  CHECK(range("1.10") == 0b010000);
  CHECK(range("0.11 || >=1.11") == 0b100001);
  CHECK(range(">=1.11 <1.0") == 0);
  std::string error;
  CHECK_FALSE(parse_release_range(">=1.19", kKnown, error));
  CHECK(error.find("'1.19' is not a Dapr release the facts know (0.11 to 1.11)") !=
        std::string::npos);
  CHECK_FALSE(parse_release_range("1.0 <1.2", kKnown, error));
  CHECK_FALSE(parse_release_range("", kKnown, error));
  CHECK_FALSE(parse_release_range("latest", kKnown, error));
  CHECK(describe_releases(range("*"), kKnown) == "every release");
  CHECK(describe_releases(range(">=1.0 <1.10"), kKnown) == "1.0-1.2");
  CHECK(describe_releases(range("0.11 || 1.10"), kKnown) == "0.11, 1.10");
  CHECK(describe_releases(0, kKnown) == "no release");
  CHECK(parse_release("v1.16.3-rc.1") == Release{1, 16});
  CHECK_FALSE(parse_release("1.x"));
  CHECK_FALSE(parse_release("edge"));
}

TEST_CASE("the embedded facts cover 0.11 to 1.18 and answer per release") {
  const ReleaseFacts& facts = ReleaseFacts::embedded();
  REQUIRE(facts.releases().size() >= 20);
  CHECK(facts.releases().front() == Release{0, 11});
  CHECK(to_string(facts.releases()[facts.latest()]) == "1.18");
  CHECK(facts.tag(facts.latest()) == "1.18.3");
  // A release between or beyond the known ones gets the nearest older one's facts.
  CHECK(facts.nearest({1, 19}) == facts.latest());
  CHECK(facts.nearest({0, 10}) == 0);
  const std::size_t r116 = facts.nearest({1, 16}), r117 = facts.nearest({1, 17});
  CHECK(to_string(facts.releases()[r116]) == "1.16");
  // The placement flag whose meaning changed in 1.17 (dapr-currency.md §2).
  Node dissemination = facts.flag("placement", "disseminate-timeout").get("default");
  CHECK(facts.at(dissemination, r116).text() == "2s");
  CHECK(facts.at(dissemination, r117).text() == "8s");
  CHECK_FALSE(facts.at(dissemination, facts.nearest({1, 14})));
  // Annotations that came with 1.17 and 1.18.
  const ReleaseMask native = facts.annotation("dapr.io/enable-native-sidecar");
  CHECK((native & release_bit(r117)) == 0);
  CHECK((native & release_bit(facts.latest())) != 0);
  CHECK((facts.annotation("dapr.io/sidecar-svc-annotations") & release_bit(r117)) != 0);
  CHECK(facts.annotation("dapr.io/no-such-annotation") == 0);
  // The scheduler's default volume and the Configuration CRD's fields.
  Node storage = facts.chart_value("dapr_scheduler.cluster.storageSize").get("default");
  CHECK(facts.at(storage, r116).text() == "1Gi");
  CHECK(facts.at(storage, r117).text() == "16Gi");
  Node fields = facts.crd("configurations.dapr.io").get("versions").get("v1alpha1").get("fields");
  CHECK(facts.mask(fields.get("spec.tracing.otel.headers").text()) == facts.mask(">=1.17"));
  CHECK(facts.workload("dapr-operator").get("containers"));
}

TEST_CASE("a run applies the release the input runs, else the one given, else the latest") {
  const char* operator_116 = R"(apiVersion: apps/v1
kind: Deployment
metadata: {name: dapr-operator, namespace: dapr-system}
spec:
  template:
    metadata: {labels: {app: dapr-operator, app.kubernetes.io/part-of: dapr, app.kubernetes.io/version: 1.15.0}}
    spec:
      containers: [{name: dapr-operator, image: "ghcr.io/dapr/operator:1.16.2"}]
)";
  Inventory images = test::inventory_of(operator_116);
  RunRelease r = resolve_release("auto", images);
  CHECK(r.release() == "1.16");
  CHECK(r.source == "control-plane images");
  CHECK(r.describe() == "Dapr 1.16 guidance, from control-plane images 1.16.2");
  // --dapr-version wins; `latest` ignores the input.
  CHECK(resolve_release("1.14.3", images).release() == "1.14");
  CHECK(resolve_release("1.14.3", images).describe() ==
        "Dapr 1.14 guidance, from --dapr-version 1.14.3");
  CHECK(resolve_release("latest", images).release() == "1.18");
  CHECK(resolve_release("1.21", images).describe() ==
        "Dapr 1.18 guidance, the latest known, for --dapr-version 1.21");
  CHECK(profile_release("dapr-1.0") == "1.11");
  CHECK(profile_release("current") == "latest");

  // Labels when the images carry no version (a digest, `edge`).
  Inventory labels = test::inventory_of(R"(apiVersion: apps/v1
kind: Deployment
metadata: {name: dapr-operator, namespace: dapr-system}
spec:
  template:
    metadata: {labels: {app: dapr-operator, app.kubernetes.io/part-of: dapr, app.kubernetes.io/version: 1.15.4}}
    spec:
      containers: [{name: dapr-operator, image: "ghcr.io/dapr/operator@sha256:abc"}]
)");
  CHECK(resolve_release("auto", labels).describe() ==
        "Dapr 1.15 guidance, from control-plane labels 1.15.4");

  // A GitOps repository: the chart version its HelmRelease installs (a constraint's newest line).
  Inventory gitops = test::inventory_of(R"(apiVersion: helm.toolkit.fluxcd.io/v2
kind: HelmRelease
metadata: {name: dapr, namespace: dapr-system}
spec:
  chart:
    spec: {chart: dapr, version: "1.13.x"}
)");
  r = resolve_release("auto", gitops);
  CHECK(r.release() == "1.13");
  CHECK(r.source == "HelmRelease dapr-system/dapr");

  // A live export of apps only: their daprd images.
  Inventory live = test::inventory_of(R"(apiVersion: v1
kind: Pod
metadata:
  name: orders-1
  namespace: shop
  uid: "1"
  annotations: {dapr.io/enabled: "true"}
spec:
  containers:
  - {name: orders, image: "ghcr.io/example/orders:2.0.0"}
  - {name: daprd, image: "ghcr.io/dapr/daprd:1.12.5"}
)");
  CHECK(resolve_release("auto", live).describe() ==
        "Dapr 1.12 guidance, from sidecar images 1.12.5");

  // Nothing tells: the latest.
  r = resolve_release("auto", test::inventory_of("apiVersion: v1\nkind: ConfigMap\n"
                                                 "metadata: {name: x}\n"));
  CHECK(r.release() == "1.18");
  CHECK(r.source.empty());
  CHECK(r.describe() == "Dapr 1.18 guidance, the latest (no Dapr release found in the input)");
}

TEST_CASE("a Helm render's namespace-less objects get its release namespace, or none") {
  // The pre-1.12 chart names the release namespace only in its references to its own objects.
  // The operator of a 1.5.3 render, as the chart writes it: no metadata.namespace.
  const std::string operator_render =
      R"(# Source: dapr/charts/dapr_operator/templates/dapr_operator_deployment.yaml
apiVersion: apps/v1
kind: Deployment
metadata: {name: dapr-operator, labels: {app: dapr-operator, app.kubernetes.io/part-of: dapr}}
spec:
  template:
    metadata: {labels: {app: dapr-operator, app.kubernetes.io/part-of: dapr}}
    spec:
      containers: [{name: dapr-operator, image: "ghcr.io/dapr/operator:1.5.3"}]
)";
  const std::string render = R"(# Source: dapr/charts/dapr_rbac/templates/ServiceAccount.yaml
apiVersion: v1
kind: ServiceAccount
metadata: {name: dapr-operator}
---
# Source: dapr/charts/dapr_rbac/templates/ClusterRoleBinding.yaml
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata: {name: dapr-operator}
subjects: [{kind: ServiceAccount, name: dapr-operator, namespace: dapr-system}]
---
# Source: dapr/charts/dapr_rbac/templates/secret_reader.yaml
apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata: {name: secret-reader, namespace: default}
---
)" + operator_render + R"(---
# Source: app/templates/deployment.yaml
apiVersion: apps/v1
kind: Deployment
metadata: {name: orders}
)";
  Inventory inventory = test::inventory_of(render.c_str());
  REQUIRE(inventory.objects.size() == 5);
  const Object& operator_ = inventory.objects[3];
  CHECK(operator_.namespace_ == "dapr-system");
  CHECK(operator_.namespace_inferred);
  CHECK(inventory.objects[0].namespace_ == "dapr-system");  // the ServiceAccount
  CHECK(inventory.objects[1].namespace_.empty());           // cluster-scoped
  CHECK(inventory.objects[2].namespace_ == "default");      // set by the chart
  CHECK_FALSE(inventory.objects[2].namespace_inferred);
  CHECK(inventory.control_plane_namespace() == "dapr-system");
  // Another chart of the same render says nothing about its own release namespace.
  const Object& app = inventory.objects[4];
  CHECK(app.release_namespace_unknown);
  CHECK(app.namespace_.empty());
  CHECK(app.effective_namespace() == kUnknownReleaseNamespace);

  // An operator alone: its namespace, and so the control plane's, is unknown.
  Inventory alone = test::inventory_of(operator_render.c_str());
  CHECK(alone.objects[0].release_namespace_unknown);
  CHECK(alone.control_plane_namespace().empty());
}
