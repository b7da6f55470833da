// Meta-tests over rules/: every rule valid, documented, tested; the native registry complete.
#include <doctest/doctest.h>

#include <algorithm>
#include <set>

#include "rules/native/native_rule.h"
#include "test_support.h"

namespace fs = std::filesystem;
using namespace daprlint;

TEST_CASE("every embedded rule file is schema-valid and named after its id") {
  const RuleSet& rules = test::embedded_rules();
  for (const std::string& e : rules.errors) FAIL_CHECK(e);
  std::size_t files = 0;
  for (const auto& f : fs::directory_iterator(test::source_dir() / "rules"))
    files += f.path().extension() == ".yaml";
  CHECK(rules.rules.size() == files);
}

TEST_CASE("every rule has a fixture directory with a failing and a passing case") {
  for (const Rule& r : test::embedded_rules().rules) {
    CAPTURE(r.id);
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

TEST_CASE("the rules this release promises all exist") {
  for (const char* id : {"cp-namespace-default",
                         "cp-ha-replicas",
                         "cp-placement-replicas",
                         "cp-resources-missing",
                         "cp-resources-below-baseline",
                         "cp-memory-limit-set",
                         "cp-linux-affinity-missing",
                         "cp-mtls-disabled",
                         "cp-legacy-placement",
                         "cp-version-skew",
                         "cp-metrics-disabled",
                         "cp-trust-bundle-expiry",
                         "cl-worker-nodes",
                         "sc-resources-missing",
                         "sc-resources-invalid",
                         "sc-api-token-missing",
                         "sc-metrics-disabled",
                         "sc-metrics-port",
                         "co-inline-secret",
                         "co-scopes-missing",
                         "cf-metrics-disabled",
                         "cf-tracing-off",
                         "yaml-syntax"}) {
    CAPTURE(id);
    CHECK(test::embedded_rules().find(id) != nullptr);
  }
}

TEST_CASE("the README's rule table lists every rule") {
  std::string readme = test::read_text(test::source_dir() / "README.md");
  for (const Rule& r : test::embedded_rules().rules) {
    CAPTURE(r.id);
    CHECK(readme.find("| `" + r.id + "` | " + std::string(severity_name(r.severity)) + " |") !=
          std::string::npos);
  }
}
