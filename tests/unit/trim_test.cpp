// trim() keeps what the inventory rules read, at the same lines, columns and paths, and drops
// the rest; what it must not touch it leaves whole.
#include "engine/trim.h"

#include <doctest/doctest.h>

#include "load/manifest_loader.h"

using namespace daprlint;

namespace {

const char* kDeployment = R"(apiVersion: apps/v1
kind: Deployment
metadata:
  name: orders
  namespace: shop
  annotations: {ignore-check.daprlint.io/sc-log-level-debug: "reason"}
spec:
  replicas: 2
  template:
    metadata:
      labels: {app: orders}
      annotations: {dapr.io/enabled: "true", dapr.io/app-id: orders}
    spec:
      containers:
      - name: orders
        image: ghcr.io/acme/orders:1.0
        env: [{name: A, value: "1"}]
        resources: {limits: {memory: 1Gi}}
      - image: ghcr.io/acme/helper:1.0
        args: [--verbose]
      volumes: [{name: data, emptyDir: {}}]
)";

}  // namespace

TEST_CASE("trim keeps the read fields in place and drops the others") {
  LoadedFile loaded = load_manifests(kDeployment, 0);
  REQUIRE(loaded.objects.size() == 1);
  Object o = std::move(loaded.objects[0]);
  const std::size_t before = o.tree->nodes.size();
  const Node image = o.pod_template.get("spec").get("containers").at(1).get("image");
  const std::uint32_t line = image.line(), column = image.column();
  trim(o);
  CHECK(o.tree->nodes.size() < before);
  Node containers = o.pod_template.get("spec").get("containers");
  REQUIRE(containers.size() == 2);  // a container without a kept field keeps its position
  Node kept = containers.at(1).get("image");
  CHECK(kept.text() == "ghcr.io/acme/helper:1.0");
  CHECK(kept.line() == line);
  CHECK(kept.column() == column);
  CHECK(o.node_path(kept) == "spec.template.spec.containers[1].image");
  CHECK(containers.at(0).get("name").text() == "orders");
  CHECK_FALSE(containers.at(0).get("env"));
  CHECK_FALSE(containers.at(0).get("resources"));
  CHECK_FALSE(o.pod_template.get("spec").get("volumes"));
  CHECK(o.pod_annotations().get("dapr.io/app-id").text() == "orders");
  CHECK(o.root.get("metadata").get("annotations").size() == 1);
  CHECK_FALSE(o.root.get("spec").get("replicas"));  // no cross-object rule reads an app's
  CHECK(o.root.get("spec").size() == 1);            // only the template is left
}

TEST_CASE("trim leaves control-plane parts, other kinds and trees with aliases whole") {
  const char* texts[] = {
      "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: dapr-operator, namespace: "
      "dapr-system}\n"
      "spec:\n  template:\n    metadata: {labels: {app: dapr-operator}}\n"
      "    spec:\n      containers: [{name: dapr-operator, image: 'ghcr.io/dapr/operator:1.14.4', "
      "env: [{name: A, value: b}]}]\n",
      "apiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata: {name: p}\nspec: {minAvailable: "
      "1}\n",
      "apiVersion: v1\nkind: Service\nmetadata: {name: s, labels: &l {a: b}}\nspec: {selector: "
      "*l}\n",
  };
  for (const char* text : texts) {
    CAPTURE(text);
    LoadedFile loaded = load_manifests(text, 0);
    REQUIRE(loaded.objects.size() == 1);
    Object& o = loaded.objects[0];
    const Tree* before = o.tree.get();
    trim(o);
    CHECK(o.tree.get() == before);
  }
}
