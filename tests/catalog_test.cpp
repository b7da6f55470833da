// Meta-tests over rules/: every rule valid, documented, tested; the native registry complete.
#include <doctest/doctest.h>

#include <algorithm>
#include <set>
#include <sstream>

#include "report/rule_docs.h"
#include "rules/native/native_rule.h"
#include "test_support.h"

namespace fs = std::filesystem;
using namespace daprlint;

TEST_CASE("every embedded rule file is schema-valid and named after its id") {
  // daprlint skips this check at startup, so this test is what guards the embedded rules.
  const RuleSet rules = load_rules("", true);
  for (const std::string& e : rules.errors) FAIL_CHECK(e);
  std::size_t files = 0;
  for (const auto& f : fs::directory_iterator(test::source_dir() / "rules"))
    files += f.path().extension() == ".yaml";
  CHECK(rules.rules.size() == files);
}

/// Rules about folders that real tools render: their cases are chart and kustomize folders under
/// tests/render, which tests/render_test.sh renders with real helm and kubectl.
const std::set<std::string> kRenderedRules = {"render-failed"};

TEST_CASE("every rule has a fixture directory with a failing and a passing case") {
  for (const Rule& r : test::embedded_rules().rules) {
    CAPTURE(r.id);
    if (kRenderedRules.count(r.id)) {
      CHECK(fs::is_directory(test::source_dir() / "tests" / "render"));
      continue;
    }
    fs::path dir = test::source_dir() / "fixtures" / r.id;
    REQUIRE(fs::is_directory(dir));
    bool fail = false, pass = false;
    for (const auto& f : fs::directory_iterator(dir)) {
      fail = fail || f.path().filename().string().starts_with("fail");
      pass = pass || f.path().filename().string().starts_with("pass");
    }
    CHECK(fail);
    CHECK(pass);
  }
}

TEST_CASE("the native registry and the engine: native rule files match") {
  std::set<std::string> declared, registered;
  for (const Rule& r : test::embedded_rules().rules) {
    if (r.engine == Engine::Native) declared.insert(r.id);
  }
  for (std::string_view id : native_rule_ids()) registered.insert(std::string(id));
  CHECK(declared == registered);
  auto ids = native_rule_ids();
  CHECK(std::is_sorted(ids.begin(), ids.end()));
}

TEST_CASE("rule texts follow the house style") {
  for (const Rule& r : test::embedded_rules().rules) {
    CAPTURE(r.id);
    CHECK(r.help_uri.starts_with("https://"));
    CHECK(r.remediation.find("```yaml") != std::string::npos);
    CHECK(r.description.find_last_not_of(" \n") == r.description.rfind('.'));
    for (const Check& c : r.checks) CHECK(c.message.back() != '.');
    if (std::find(r.tags.begin(), r.tags.end(), "security") != r.tags.end())
      CHECK_FALSE(r.security_severity.empty());
  }
}

// Every id of the catalogue in ../shared/docs/dapr-domain.md §8, plus yaml-syntax.
constexpr const char* kPromisedRules[] = {
    "cf-acl-allow-all",
    "cf-metrics-disabled",
    "cf-mtls-in-app-config",
    "cf-mtls-required-fields",
    "cf-no-app-config",
    "cf-sampling-rate-type",
    "cf-secret-scope-open",
    "cf-tracing-endpoint-invalid",
    "cf-tracing-no-exporter",
    "cf-tracing-off",
    "cf-tracing-otel-insecure",
    "cf-workflow-retention-invalid",
    "cf-workflow-retention-missing",
    "cl-worker-nodes",
    "co-actor-state-ttl",
    "co-actor-store-not-transactional",
    "co-alpha",
    "co-dev-only-type",
    "co-in-control-plane-ns",
    "co-inline-secret",
    "co-metadata-deprecated",
    "co-metadata-required",
    "co-metadata-unknown",
    "co-metadata-value-invalid",
    "co-misplaced-field",
    "co-password-without-tls",
    "co-schema",
    "co-scope-unknown-app",
    "co-scopes-missing",
    "co-secret-store-not-found",
    "co-type-unknown",
    "cp-anti-affinity-missing",
    "cp-crd-version-mismatch",
    "cp-dashboard-deployed",
    "cp-dashboard-exposed",
    "cp-debug-enabled",
    "cp-ha-replicas",
    "cp-ha-zone-only-spread",
    "cp-image-mutable-tag",
    "cp-legacy-placement",
    "cp-linux-affinity-missing",
    "cp-memory-limit-missing",
    "cp-memory-limit-set",
    "cp-metrics-disabled",
    "cp-mtls-disabled",
    "cp-namespace-default",
    "cp-namespace-shared",
    "cp-pdb-missing",
    "cp-placement-metadata-endpoint",
    "cp-placement-persistent-raft",
    "cp-placement-replicas",
    "cp-placement-timeouts",
    "cp-priority-class",
    "cp-priority-quota-missing",
    "cp-resources-below-baseline",
    "cp-resources-missing",
    "cp-scheduler-pvc-small",
    "cp-scheduler-replicas",
    "cp-scheduler-secret-arg",
    "cp-scheduler-storage",
    "cp-scheduler-storage-class",
    "cp-seccomp-restricted-ns",
    "cp-securitycontext-weakened",
    "cp-sentry-oidc-open",
    "cp-trust-bundle-expiry",
    "cp-trust-bundle-private-key",
    "cp-version-skew",
    "cp-webhook-fail-no-selector",
    "cp-webhook-ignore-no-watchdog",
    "dr-inline-secret",
    "dr-name-invalid",
    "dr-newer-than-input-crd",
    "gv-argo-scheduler-size-unpinned",
    "gv-chart-version-old",
    "gv-flux-crds-not-upgraded",
    "gv-flux-scheduler-size-not-applied",
    "gv-ha-disabled",
    "gv-mtls-disabled",
    "gv-no-priority-class",
    "gv-no-resources",
    "gv-placement-metadata",
    "gv-rbac-namespaced-no-watch",
    "gv-scheduler-etcd-quota",
    "gv-scheduler-storage",
    "gv-scheduler-storage-class",
    "gv-unknown-field",
    "gv-upgrade-crds-skipped",
    "gv-value-not-in-release",
    "he-inline-secret",
    "he-plain-http",
    "mc-plain-http",
    "mc-scopes-missing",
    "re-unbounded-retry",
    "re-undefined-policy",
    "re-unknown-target",
    "sc-actors-disseminate-timeout",
    "sc-annotation-not-string",
    "sc-annotation-wrong-level",
    "sc-api-token-missing",
    "sc-app-id-duplicate",
    "sc-app-id-invalid",
    "sc-app-id-missing",
    "sc-app-token-missing",
    "sc-automount-token",
    "sc-capabilities-restricted-ns",
    "sc-config-not-found",
    "sc-debug-profiling",
    "sc-gomemlimit-missing",
    "sc-graceful-shutdown",
    "sc-hostnetwork-metrics",
    "sc-job-restart-policy",
    "sc-job-sidecar-never-exits",
    "sc-jwt-audiences-no-sentry-jwt",
    "sc-listen-all-interfaces",
    "sc-log-level-debug",
    "sc-metrics-disabled",
    "sc-metrics-port",
    "sc-missing-sidecar-live",
    "sc-native-sidecar-old-kubelet",
    "sc-otel-headers-inline-secret",
    "sc-port-collision",
    "sc-probe-dapr-api-port",
    "sc-resources-below-baseline",
    "sc-resources-invalid",
    "sc-resources-missing",
    "sc-resources-request-gt-limit",
    "sc-scheduler-at-scale",
    "sc-seccomp-missing",
    "sc-seccomp-restricted-ns",
    "sc-service-dapr-api-unreachable",
    "sc-service-exposes-dapr-port",
    "sc-sidecar-image-pinned",
    "sc-sidecar-version-skew-live",
    "sc-token-secret-not-found",
    "sc-unknown-annotation",
    "su-no-dead-letter",
    "su-pubsub-not-found",
    "su-v1alpha1",
    "wp-scopes-missing",
    "wp-workflow-app-uncovered",
    "yaml-syntax",
};

/// Rules about daprlint's own input and suppressions, beyond the catalogue.
const char* const kToolRules[] = {"render-failed", "suppression-without-reason",
                                  "unused-suppression", "yaml-duplicate-key",
                                  "yaml-limit-exceeded"};

TEST_CASE("the rules this release promises all exist") {
  for (const char* id : kPromisedRules) {
    CAPTURE(id);
    CHECK(test::embedded_rules().find(id) != nullptr);
  }
  for (const char* id : kToolRules) {
    CAPTURE(id);
    CHECK(test::embedded_rules().find(id) != nullptr);
  }
  CHECK(test::embedded_rules().rules.size() == std::size(kPromisedRules) + std::size(kToolRules));
}

TEST_CASE("the README's rule table lists every rule") {
  std::string readme = test::read_text(test::source_dir() / "README.md");
  for (const Rule& r : test::embedded_rules().rules) {
    CAPTURE(r.id);
    CHECK(readme.find("| `" + r.id + "` | " + std::string(severity_name(r.severity)) + " |") !=
          std::string::npos);
  }
}

TEST_CASE("the README names exactly the opt-in rules in its rule-set section") {
  const std::string readme = test::read_text(test::source_dir() / "README.md");
  const auto begin = readme.find("### The default set and opt-in rules");
  REQUIRE(begin != std::string::npos);
  const std::string section = readme.substr(begin, readme.find("\n### ", begin + 1) - begin);
  for (const Rule& r : test::embedded_rules().rules) {
    CAPTURE(r.id);
    CHECK((section.find("`" + r.id + "`") != std::string::npos) == !r.in_default_set());
  }
}

TEST_CASE("docs/rules.md is what `daprlint rules --format markdown` prints") {
  std::ostringstream generated;
  render_rule_list(test::embedded_rules().rules, "markdown", generated);
  CHECK_MESSAGE(test::read_text(test::source_dir() / "docs" / "rules.md") == generated.str(),
                "regenerate it: build/daprlint rules --format markdown > docs/rules.md");
}
