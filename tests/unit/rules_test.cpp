#include <doctest/doctest.h>

#include <cmath>

#include "../test_support.h"
#include "load/manifest_loader.h"
#include "load/yaml_parser.h"
#include "model/chart_version.h"
#include "model/quantity.h"
#include "model/version.h"
#include "rules/predicate.h"
#include "rules/rule_loader.h"

using namespace daprlint;
using test::Doc;
using test::inventory_of;

namespace {

Match eval_in(const char* predicate, const Scope& scope) {
  Doc p(predicate);
  std::string error;
  Node at;
  auto compiled = compile_predicate(p.root, error, at);
  REQUIRE_MESSAGE(compiled, error);
  return evaluate(*compiled, scope);
}

Match eval(const char* predicate, const Doc& object) {
  return eval_in(predicate,
                 Scope{object.root, object.root, object.root.get("spec").get("template")});
}

const char* kRule = R"(id: x-test-rule
title: A rule used by the unit tests
severity: warning
category: reliability
tags: [test]
targets: {kinds: [Deployment]}
engine: declarative
checks:
  - match: {absent: spec.replicas}
    message: "{kind} {name} has no replicas"
description: A rule that exists only to test the loader, with a long enough text.
remediation: |
  Set replicas, as in this example:
  ```yaml
  spec: {replicas: 3}
  ```
helpUri: https://example.org/x
)";

}  // namespace

TEST_CASE("paths reach quoted keys, elements and filtered elements") {
  Doc d(
      "spec:\n  template:\n    metadata:\n      annotations:\n        dapr.io/app-id: orders\n"
      "    spec:\n      containers:\n      - name: a\n        ports: [{name: metrics, "
      "containerPort: 9090}]\n");
  CHECK(eval(R"({equals: {path: '@pod.metadata.annotations["dapr.io/app-id"]', value: orders}})", d)
            .hit);
  CHECK(eval("{exists: '@pod.spec.containers[*].ports[name=metrics]'}", d).hit);
  CHECK_FALSE(eval("{exists: '@pod.spec.containers[*].ports[name=http]'}", d).hit);
  CHECK(eval("{exists: '@pod.spec.containers[*].ports[name=metrics][containerPort=9090]'}", d).hit);
  CHECK_FALSE(
      eval("{exists: '@pod.spec.containers[*].ports[name=metrics][containerPort=9091]'}", d).hit);
  Match m = eval("{absent: '@pod.spec.containers[0].resources.limits'}", d);
  CHECK(m.hit);
  CHECK(m.at.line() == 8);  // the container map that lacks `resources`
}

TEST_CASE("predicates state the bad condition") {
  Doc d("spec:\n  replicas: 2\n  flag: \"On\"\n  cpu: 500m\n  limit: 250m\n");
  CHECK(eval("{less_than: {path: spec.replicas, value: 3}}", d).hit);
  CHECK_FALSE(eval("{greater_than: {path: spec.replicas, value: 3}}", d).hit);
  CHECK(eval("{less_than: {path: spec.missing, value: 3, default: 1}}", d).hit);
  CHECK(eval("{truthy: spec.flag}", d).hit);
  CHECK_FALSE(eval("{falsy: spec.flag}", d).hit);
  CHECK(eval("{quantity_greater: {path: spec.cpu, than: spec.limit}}", d).hit);
  CHECK_FALSE(eval("{quantity_invalid: spec.cpu}", d).hit);
  CHECK(eval("{matches: {path: spec.cpu, regex: '^[0-9]+m$'}}", d).hit);
  CHECK(eval("{not: {exists: spec.nothing}}", d).hit);
  Match missing = eval("{missing: [spec.replicas, spec.a, 'spec.metadata[\"x.io/b\"]']}", d);
  CHECK(missing.hit);
  CHECK(missing.missing == "spec.a, x.io/b");
  CHECK(eval("{all: [{exists: spec.cpu}, {in: {path: spec.replicas, values: [1, 2]}}]}", d).hit);
  CHECK_FALSE(
      eval("{any: [{absent: spec.cpu}, {not_in: {path: spec.replicas, values: [1, 2]}}]}", d).hit);
}

TEST_CASE("quantities and versions") {
  CHECK(*parse_quantity("100m") == doctest::Approx(0.1));
  CHECK(*parse_quantity("1Gi") == doctest::Approx(1073741824.0));
  CHECK(*parse_quantity("2e3") == doctest::Approx(2000.0));
  // Out of double's range: no exception (hostile annotations must not crash the run).
  CHECK(std::isinf(*parse_quantity(std::string(400, '9'))));
  CHECK(*parse_quantity("1e-99999") == 0.0);
  CHECK(std::isinf(*parse_quantity("1e99999")));
  CHECK_FALSE(parse_quantity("100MB"));
  CHECK_FALSE(parse_quantity(""));
  CHECK(image_version("ghcr.io/dapr/operator:1.16.2")->text == "1.16.2");
  CHECK(image_version("localhost:5000/dapr/operator:v1.2.3")->text == "1.2.3");
  CHECK_FALSE(image_version("ghcr.io/dapr/operator:edge"));
  CHECK_FALSE(image_version("localhost:5000/dapr/operator"));
}

TEST_CASE("a valid rule loads and compiles") {
  std::vector<std::string> errors;
  auto rule = load_rule(kRule, "rules/x-test-rule.yaml", errors);
  CHECK(errors.empty());
  REQUIRE(rule);
  CHECK(rule->checks.size() == 1);
}

TEST_CASE("broken rules are rejected with file, line and reason") {
  std::vector<std::string> errors;
  std::string bad = kRule;
  bad.replace(bad.find("severity: warning"), 17, "severity: fatal");
  CHECK_FALSE(load_rule(bad, "rules/x-test-rule.yaml", errors));
  REQUIRE(errors.size() == 1);
  CHECK(errors[0].starts_with("rules/x-test-rule.yaml:3:11: "));

  errors.clear();
  CHECK_FALSE(load_rule(kRule, "rules/other-name.yaml", errors));
  CHECK(errors.at(0).find("differs from the file name") != std::string::npos);

  errors.clear();
  std::string regex = kRule;
  regex.replace(regex.find("{absent: spec.replicas}"), 23, "{matches: {path: a, regex: '(('}}");
  CHECK_FALSE(load_rule(regex, "rules/x-test-rule.yaml", errors));
  CHECK(errors.at(0).find("bad regex") != std::string::npos);

  errors.clear();
  std::string placeholder = kRule;
  placeholder.replace(placeholder.find("{name}"), 6, "{nam}");
  CHECK_FALSE(load_rule(placeholder, "rules/x-test-rule.yaml", errors));
  CHECK(errors.at(0).find("unknown placeholder {nam}") != std::string::npos);

  errors.clear();
  CHECK_FALSE(load_rule("id: [", "rules/x.yaml", errors));
  CHECK(errors.at(0).find("malformed YAML") != std::string::npos);
}

namespace {

Match eval_on(const char* predicate, const Object& o) {
  Doc p(predicate);
  std::string error;
  Node at;
  auto compiled = compile_predicate(p.root, error, at);
  REQUIRE_MESSAGE(compiled, error);
  return evaluate(*compiled, Scope(o.root, o.root, o.pod_template, o.chart_values, o.chart_version,
                                   o.dapr_chart && !o.chart_values_external));
}

}  // namespace

TEST_CASE("chart version constraints give the newest release line they admit") {
  auto line = [](const char* c) { return newest_release_line(c); };
  CHECK(*line("1.14.2") == ReleaseLine{1, 14});
  CHECK(*line("v1.14.2") == ReleaseLine{1, 14});
  CHECK(*line("1.14.x") == ReleaseLine{1, 14});
  CHECK(*line("1.14.*") == ReleaseLine{1, 14});
  CHECK(*line("~1.14") == ReleaseLine{1, 14});
  CHECK(*line("~1.14.3") == ReleaseLine{1, 14});
  CHECK(*line(">=1.14.0 <1.15.0") == ReleaseLine{1, 14});
  CHECK(*line(">= 1.14.0, < 1.15.0") == ReleaseLine{1, 14});
  CHECK(*line(">=1.14.0 <1.15.2") == ReleaseLine{1, 15});
  CHECK(*line("<=1.13.9") == ReleaseLine{1, 13});
  CHECK(*line("1.12 - 1.13") == ReleaseLine{1, 13});
  CHECK(*line("1.12.x || 1.13.x") == ReleaseLine{1, 13});
  CHECK(*line("^0.11") == ReleaseLine{0, 11});
  CHECK(*line("1.14.0-rc.1") == ReleaseLine{1, 14});
  CHECK(*line("^1.14") == ReleaseLine{1, kAnyNumber});
  CHECK(*line("1.x") == ReleaseLine{1, kAnyNumber});
  CHECK(*line("<2.0.0") == ReleaseLine{1, kAnyNumber});
  CHECK(*line("*") == ReleaseLine{kAnyNumber, kAnyNumber});
  CHECK(*line(">=1.14") == ReleaseLine{kAnyNumber, kAnyNumber});
  CHECK(*line("") == ReleaseLine{kAnyNumber, kAnyNumber});
  CHECK_FALSE(line("main"));
  CHECK_FALSE(line("HEAD"));
  CHECK_FALSE(line("1.2.3.4"));
  CHECK(*parse_release_line("1.16") == ReleaseLine{1, 16});
  CHECK(*parse_release_line("v1.16.3") == ReleaseLine{1, 16});
  CHECK_FALSE(parse_release_line("1.x"));
  CHECK(to_string(ReleaseLine{1, 16}) == "1.16");
  CHECK(to_string(ReleaseLine{1, kAnyNumber}) == "1.x");
}

TEST_CASE("chart version constraints give the newest release they admit, with its patch") {
  auto newest = [](const char* c) { return newest_release(c); };
  constexpr int any = kAnyNumber;
  CHECK(*newest("1.17.5") == ReleaseVersion{1, 17, 5});
  CHECK(*newest("v1.17.13") == ReleaseVersion{1, 17, 13});
  CHECK(*newest("1.17.x") == ReleaseVersion{1, 17, any});
  CHECK(*newest("1.17") == ReleaseVersion{1, 17, any});
  CHECK(*newest("~1.17.2") == ReleaseVersion{1, 17, any});
  CHECK(*newest(">=1.17.0 <1.17.7") == ReleaseVersion{1, 17, 6});
  CHECK(*newest("<=1.17.6") == ReleaseVersion{1, 17, 6});
  CHECK(*newest("<1.18.0") == ReleaseVersion{1, 17, any});
  CHECK(*newest("1.16.x || 1.17.3") == ReleaseVersion{1, 17, 3});
  CHECK(*newest("^1.17.2") == ReleaseVersion{1, any, any});
  CHECK(*newest(">=1.17.7") == ReleaseVersion{any, any, any});
  CHECK_FALSE(newest("main"));
  // The release line is the same as before patches were kept.
  CHECK(*newest_release_line(">=1.14.0 <1.15.2") == ReleaseLine{1, 15});
  CHECK(*parse_release_version("1.17.7") == ReleaseVersion{1, 17, 7});
  CHECK(*parse_release_version("v1.18") == ReleaseVersion{1, 18, 0});
  CHECK_FALSE(parse_release_version("1.17.x"));
  CHECK_FALSE(parse_release_version("1.x"));
}

TEST_CASE("version_below with a patch holds when every release admitted is older") {
  std::string text;
  for (const char* v : {"1.17.5", ">=1.17.0 <1.17.7", "1.16.x", "1.17.7", "1.17.13", "1.17.x",
                        "~1.17.2", "1.18.3"}) {
    text += std::string("---\napiVersion: helm.toolkit.fluxcd.io/v2\nkind: HelmRelease\n") +
            "metadata: {name: dapr}\nspec: {chart: {spec: {chart: dapr, version: \"" + v +
            "\"}}}\n";
  }
  auto loaded = load_manifests(text, 0);
  REQUIRE(loaded.objects.size() == 8);
  const char* below = "{version_below: {path: '@chart_version', value: '1.17.7'}}";
  for (std::size_t i = 0; i < 8; ++i) {
    CAPTURE(std::string(loaded.objects[i].chart_version.text()));
    CHECK(eval_on(below, loaded.objects[i]).hit == (i < 3));
  }
  // A major.minor value keeps its meaning: 1.18 is 1.18.0.
  CHECK(eval_on("{version_below: {path: '@chart_version', value: '1.18'}}", loaded.objects[6]).hit);
  CHECK_FALSE(
      eval_on("{version_below: {path: '@chart_version', value: '1.18'}}", loaded.objects[7]).hit);
}

TEST_CASE("@values and @chart_version reach the Dapr chart's values and version") {
  auto loaded = load_manifests(R"(apiVersion: helm.toolkit.fluxcd.io/v2
kind: HelmRelease
metadata: {name: dapr}
spec:
  chart: {spec: {chart: dapr, version: "~1.15"}}
  values:
    global: {ha: {enabled: "yes"}}
    dapr_scheduler: {cluster: {storageSize: 8Gi}}
---
apiVersion: helm.toolkit.fluxcd.io/v2
kind: HelmRelease
metadata: {name: dapr-external}
spec:
  chart: {spec: {chart: dapr}}
  valuesFrom: [{kind: ConfigMap, name: dapr-values}]
  values: {global: {mtls: {enabled: false}}}
)",
                               0);
  REQUIRE(loaded.objects.size() == 2);
  const Object& o = loaded.objects[0];
  CHECK(eval_on("{truthy: '@values.global.ha.enabled'}", o).hit);
  CHECK(eval_on("{absent: '@values.global.priorityClassName'}", o).hit);
  CHECK(eval_on("{absent: '@values.global.priorityClassName'}", o).at.line() == 7);
  Match small = eval_on(
      "{quantity_less: {path: '@values.dapr_scheduler.cluster.storageSize', value: 16Gi}}", o);
  CHECK(small.hit);
  CHECK(small.value == "8Gi");
  CHECK_FALSE(
      eval_on("{quantity_less: {path: '@values.dapr_scheduler.cluster.storageSize', value: 8Gi}}",
              o)
          .hit);
  CHECK(eval_on("{version_below: {path: '@chart_version', value: '1.16'}}", o).hit);
  CHECK_FALSE(eval_on("{version_below: {path: '@chart_version', value: '1.15'}}", o).hit);
  Match missing = eval_on("{missing: ['@values.dapr_operator.resources', '@values.global.ha']}", o);
  CHECK(missing.hit);
  CHECK(missing.missing == "dapr_operator.resources");

  // With valuesFrom, a key missing here may be set elsewhere: absence is unknown, values count.
  const Object& external = loaded.objects[1];
  CHECK(external.chart_values_external);
  CHECK_FALSE(eval_on("{absent: '@values.global.ha.enabled'}", external).hit);
  CHECK_FALSE(eval_on("{missing: ['@values.global.ha.enabled']}", external).hit);
  CHECK(eval_on("{falsy: '@values.global.mtls.enabled'}", external).hit);
  CHECK_FALSE(eval_on("{version_below: {path: '@chart_version', value: '1.16'}}", external).hit);
}

TEST_CASE("chart paths need role dapr-chart, and new predicates check their arguments") {
  std::vector<std::string> errors;
  std::string values = kRule;
  values.replace(values.find("{absent: spec.replicas}"), 23, "{absent: '@values.global.ha'}");
  CHECK_FALSE(load_rule(values, "rules/x-test-rule.yaml", errors));
  CHECK(errors.at(0).find("targets.role: dapr-chart") != std::string::npos);

  errors.clear();
  std::string chart = values;
  chart.replace(chart.find("{kinds: [Deployment]}"), 21, "{role: dapr-chart}");
  CHECK(load_rule(chart, "rules/x-test-rule.yaml", errors));
  CHECK(errors.empty());

  errors.clear();
  std::string anchor = kRule;
  anchor.replace(anchor.find("{absent: spec.replicas}"), 23, "{absent: '@value.global'}");
  CHECK_FALSE(load_rule(anchor, "rules/x-test-rule.yaml", errors));
  CHECK(errors.at(0).find("unknown anchor '@value'") != std::string::npos);

  errors.clear();
  std::string quantity = kRule;
  quantity.replace(quantity.find("{absent: spec.replicas}"), 23,
                   "{quantity_less: {path: spec.size, value: 16GB}}");
  CHECK_FALSE(load_rule(quantity, "rules/x-test-rule.yaml", errors));
  CHECK(errors.at(0).find("quantity") != std::string::npos);
}

TEST_CASE("@dapr_container reaches a control-plane workload's Dapr container, not extra ones") {
  // 1.18 global.extraContainers render before the component's own container.
  auto loaded = load_manifests(R"(apiVersion: apps/v1
kind: Deployment
metadata: {name: dapr-sentry, namespace: dapr-system}
spec:
  template:
    metadata: {annotations: {dapr.io/control-plane: sentry}}
    spec:
      containers:
      - {name: audit-agent, image: "registry.example.com/audit-agent:3.1.9"}
      - {name: dapr-sentry, image: "ghcr.io/dapr/sentry:1.18.3"}
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: orders}
spec:
  template:
    metadata: {annotations: {dapr.io/enabled: "true"}}
    spec:
      containers:
      - {name: orders, image: "registry.example.com/orders:1.0.0"}
)",
                               0);
  REQUIRE(loaded.objects.size() == 2);
  auto eval_dapr = [](const char* predicate, const Object& o) {
    return eval_in(predicate,
                   Scope(o.root, o.root, o.pod_template, {}, {}, false, dapr_container(o)));
  };
  const Object& sentry = loaded.objects[0];
  CHECK(eval_dapr("{equals: {path: '@dapr_container.name', value: dapr-sentry}}", sentry).hit);
  CHECK_FALSE(eval_dapr("{matches: {path: '@dapr_container.image', regex: agent}}", sentry).hit);
  CHECK_FALSE(eval_dapr("{exists: '@dapr_container'}", loaded.objects[1]).hit);
  auto versions = dapr_image_versions(sentry);
  REQUIRE(versions.size() == 1);
  CHECK(versions[0].second.text == "1.18.3");

  std::string error;
  CHECK(parse_path("@dapr_container", error));
  CHECK_FALSE(parse_path("@dapr.image", error));
  CHECK(error.find("@dapr_container") != std::string::npos);
}
