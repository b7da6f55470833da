// The sidecar group: Go value parsers of model/sidecar.h and the per-finding severities that
// fixtures (which check lines only) cannot see.
#include "model/sidecar.h"

#include <doctest/doctest.h>

#include <algorithm>

#include "../test_support.h"

using namespace daprlint;

namespace {

std::vector<Finding> lint_fixture(const std::string& rule, const std::string& file) {
  auto path = test::source_dir() / "fixtures" / rule / file;
  return test::lint_pinned({path.string()}, {rule}).findings;
}

std::size_t count(const std::vector<Finding>& findings, Severity s) {
  return static_cast<std::size_t>(std::count_if(findings.begin(), findings.end(),
                                                [&](const Finding& f) { return f.severity == s; }));
}

}  // namespace

TEST_CASE("sidecar: Go integers as strconv.Atoi reads them") {
  CHECK(parse_go_int("30") == 30);
  CHECK(parse_go_int("-1") == -1);
  CHECK(parse_go_int("+5") == 5);
  CHECK_FALSE(parse_go_int(""));
  CHECK_FALSE(parse_go_int(" 30"));
  CHECK_FALSE(parse_go_int("30s"));
  CHECK_FALSE(parse_go_int("1.5"));
  CHECK_FALSE(parse_go_int("+-5"));
  CHECK_FALSE(parse_go_int("99999999999999999999"));
}

TEST_CASE("sidecar: GOMEMLIMIT byte counts follow the Go runtime, not Kubernetes") {
  CHECK(parse_go_byte_count("900MiB") == 900ULL << 20);
  CHECK(parse_go_byte_count("1GiB") == 1ULL << 30);
  CHECK(parse_go_byte_count("2TiB") == 2ULL << 40);
  CHECK(parse_go_byte_count("64KiB") == 64ULL << 10);
  CHECK(parse_go_byte_count("512B") == 512);
  CHECK(parse_go_byte_count("943718400") == 943718400);
  for (const char* bad : {"900Mi", "1G", "1GB", "900M", "900 MiB", "900mib", "MiB", "", "off",
                          "1.5GiB", "-1", "9223372036854775808"}) {
    CAPTURE(bad);
    CHECK_FALSE(parse_go_byte_count(bad));
  }
  CHECK(parse_go_byte_count("9223372036854775807") == 9223372036854775807ULL);
  CHECK_FALSE(parse_go_byte_count("8388608TiB"));  // 2^63 bytes: beyond int64
}

TEST_CASE("sidecar: dapr.io/env splits like the injector's ParseEnvString") {
  auto env = parse_dapr_env("GOMEMLIMIT=900MiB,GOGC=80, LOG_LEVEL=debug");
  REQUIRE(env.size() == 3);
  CHECK(env[0].name == "GOMEMLIMIT");
  CHECK(env[0].value == "900MiB");
  CHECK(env[1].name == "GOGC");
  CHECK(env[2].name == "LOG_LEVEL");
  CHECK(env[2].value == "debug");

  // A comma not followed by NAME= stays in the value.
  env = parse_dapr_env("HOSTS=a,b,GOMEMLIMIT=1GiB");
  REQUIRE(env.size() == 2);
  CHECK(env[0].value == "a,b");
  CHECK(env[1].value == "1GiB");

  // Entries with a second `=` are dropped, as strings.Split(s, "=") gives three parts.
  env = parse_dapr_env("OPTS=a=b,GOMEMLIMIT=512MiB");
  REQUIRE(env.size() == 1);
  CHECK(env[0].name == "GOMEMLIMIT");

  CHECK(parse_dapr_env("").empty());
  CHECK(parse_dapr_env("novalue").empty());
  env = parse_dapr_env("  GOMEMLIMIT=900MiB  ");
  REQUIRE(env.size() == 1);
  CHECK(env[0].value == "900MiB");
}

TEST_CASE("sidecar: per-finding severities") {
  // No API token makes an exposed API an error; with a token it stays a warning.
  auto listen = lint_fixture("sc-listen-all-interfaces", "fail-deployment-no-token.yaml");
  CHECK(count(listen, Severity::Error) == 1);
  listen = lint_fixture("sc-listen-all-interfaces", "fail-ipv6-with-token.yaml");
  CHECK(count(listen, Severity::Warning) == 2);
  CHECK(count(listen, Severity::Error) == 0);

  // A malformed GOMEMLIMIT crashes daprd: error; the missing soft limit stays a note.
  auto gomem = lint_fixture("sc-gomemlimit-missing", "fail-kubernetes-suffix.yaml");
  CHECK(count(gomem, Severity::Error) == 2);
  gomem = lint_fixture("sc-gomemlimit-missing", "fail-missing.yaml");
  CHECK(count(gomem, Severity::Note) == 2);
}

TEST_CASE("sidecar: live exports report the owner, not its ReplicaSet and Pods") {
  auto findings = lint_fixture("sc-listen-all-interfaces", "fail-live-export.yaml");
  REQUIRE(findings.size() == 1);
  CHECK(findings.front().kind == "Deployment");
}
