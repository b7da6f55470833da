// Unit tests for the Dapr resource rules: the CRD schemas of the release facts (compile, cover the
// kinds of co-schema and the tables of co-misplaced-field) and the Resiliency helper.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>
#include <set>
#include <string>

#include "../test_support.h"
#include "load/manifest_loader.h"
#include "load/schema_validator.h"
#include "model/resiliency.h"
#include "rules/release_facts.h"

using namespace daprlint;
using test::Doc;
using test::inventory_of;

namespace {

/// The names a schema's `properties` defines at the top level, or under `spec`.
std::set<std::string> properties(const nlohmann::json& schema, bool under_spec) {
  const nlohmann::json& at = under_spec ? schema["properties"]["spec"] : schema;
  std::set<std::string> out;
  for (const auto& [name, _] : at["properties"].items()) out.insert(name);
  return out;
}

/// The newest schema of a kind and apiVersion in rules/facts/crd-schemas.yaml (JSON text).
std::string_view newest_schema(std::string_view kind, std::string_view api_version) {
  Node list = ReleaseFacts::embedded().crd_schemas().get(kind).get(api_version);
  std::string_view out;
  for (Node e : list.elements()) out = e.get("schema").text();
  return out;
}

}  // namespace

TEST_CASE("every CRD schema of the release facts compiles, and co-schema targets every kind") {
  const Rule* rule = test::embedded_rules().find("co-schema");
  REQUIRE(rule);
  const ReleaseFacts& facts = ReleaseFacts::embedded();
  std::set<std::string> kinds;
  for (const auto& [kind, versions] : facts.crd_schemas().entries()) {
    kinds.emplace(kind.text());
    for (const auto& [version, list] : versions.entries()) {
      REQUIRE(list.size() > 0);
      for (Node e : list.elements()) {
        INFO(kind.text(), " ", version.text(), " ", e.get("releases").text());
        CHECK(facts.mask(e.get("releases").text()) != 0);
        CHECK_NOTHROW(SchemaValidator{e.get("schema").text()});
      }
    }
  }
  // Every Dapr CRD's kind (rules/facts/crds.yaml) has schemas and is a target of the rule.
  for (const auto& [name, crd] : facts.crds().entries()) {
    INFO(name.text());
    CHECK(kinds.count(std::string(crd.get("kind").text())));
  }
  std::set<std::string> targets;
  for (const std::string& k : rule->targets.kinds) targets.insert(k);
  CHECK(targets == kinds);
}

TEST_CASE("co-misplaced-field's field tables agree with the CRD schemas") {
  const Rule* rule = test::embedded_rules().find("co-misplaced-field");
  REQUIRE(rule);
  for (const auto& [kind, top] : rule->params.get("top_level_fields").entries()) {
    INFO(kind.text());
    const nlohmann::json schema =
        nlohmann::json::parse(newest_schema(kind.text(), "dapr.io/v1alpha1"));
    const std::set<std::string> top_props = properties(schema, false);
    const std::set<std::string> spec_props = properties(schema, true);
    // The top-level fields of the table are the schema's, beside spec and the object's own.
    std::set<std::string> listed;
    for (Node n : top.elements()) listed.emplace(n.text());
    std::set<std::string> expected = top_props;
    for (const char* own : {"spec", "apiVersion", "kind", "metadata"}) expected.erase(own);
    CHECK(listed == expected);
    // Every spec field the rule looks for at the top level is a spec field of the schema
    // (Subscription lists both route and routes, one per API version).
    for (Node n : rule->params.get("spec_fields").get(kind.text()).elements()) {
      const std::string f(n.text());
      if (f == "route" || f == "routes") continue;
      CHECK_MESSAGE(spec_props.count(f), f);
    }
  }
}

TEST_CASE("schema validation finds missing fields and wrong types at their nodes") {
  const SchemaValidator v(newest_schema("Component", "dapr.io/v1alpha1"));
  Inventory inv = inventory_of(R"(apiVersion: dapr.io/v1alpha1
kind: Component
metadata: {name: s}
spec:
  type: state.redis
  ignoreErrors: "true"
  metadata: []
)");
  REQUIRE(inv.objects.size() == 1);
  const auto errors = v.validate(inv.objects[0].root);
  bool missing_version = false;
  bool wrong_type = false;
  for (const SchemaError& e : errors) {
    if (e.message.find("Missing required property 'version'") != std::string::npos) {
      missing_version = true;
      CHECK(e.at.path() == "spec");
    }
    if (e.message.find("'type' constraint") != std::string::npos) {
      wrong_type = true;
      CHECK(e.at.path() == "spec.ignoreErrors");
    }
  }
  CHECK(missing_version);
  CHECK(wrong_type);
}

TEST_CASE("resiliency targets and policies are indexed per namespace") {
  Inventory inv = inventory_of(R"(apiVersion: dapr.io/v1alpha1
kind: Resiliency
metadata: {name: a, namespace: orders}
spec:
  policies:
    retries: {r1: {maxRetries: 3}}
    timeouts: {general: 5s}
  targets:
    apps: {inventory: {retry: r1, timeout: general}}
    actors: {OrderActor: {timeout: general}}
    components: {pubsub: {inbound: {retry: r2}, outbound: {circuitBreaker: cb}}}
---
apiVersion: dapr.io/v1alpha1
kind: Resiliency
metadata: {name: b, namespace: orders}
spec:
  policies: {retries: {r2: {}}}
---
apiVersion: dapr.io/v1alpha1
kind: Resiliency
metadata: {name: c, namespace: other}
spec:
  policies: {circuitBreakers: {cb: {}}}
---
apiVersion: other.example.com/v1
kind: Resiliency
metadata: {name: d, namespace: orders}
spec:
  policies: {circuitBreakers: {cb: {}}}
)");
  REQUIRE(inv.objects.size() == 4);
  const auto targets = resiliency_targets(inv.objects[0]);
  REQUIRE(targets.size() == 4);
  CHECK(targets[0].path == "apps.inventory");
  CHECK(targets[0].retry.text() == "r1");
  CHECK(targets[1].path == "actors.OrderActor");
  CHECK(targets[2].path == "components.pubsub.inbound");
  CHECK(targets[3].path == "components.pubsub.outbound");
  CHECK(targets[3].circuit_breaker.text() == "cb");

  const ResiliencyPolicies policies(inv);
  CHECK(policies.defines("orders", "retries", "r1"));
  CHECK(policies.defines("orders", "retries", "r2"));  // from another Resiliency
  CHECK(policies.defines("orders", "timeouts", "general"));
  CHECK_FALSE(policies.defines("orders", "circuitBreakers", "cb"));  // other namespace, group
  CHECK(policies.defines("other", "circuitBreakers", "cb"));
  CHECK(policies.find(inv.objects[0], "retries", "r1").get("maxRetries").text() == "3");
  CHECK_FALSE(policies.find(inv.objects[0], "retries", "missing"));
}
