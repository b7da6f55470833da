// The sidecar group: Go value parsers of model/sidecar.h and the per-finding severities that
// fixtures (which check lines only) cannot see.
#include "model/sidecar.h"

#include <doctest/doctest.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>

#include "../test_support.h"
#include "rules/release_facts.h"

using namespace daprlint;
namespace fs = std::filesystem;

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

TEST_CASE("sidecar: dapr.io/sidecar-listen-addresses as daprd binds it") {
  CHECK(sidecar_api_listen("") == ApiListen::Loopback);
  CHECK(sidecar_api_listen("[::1],127.0.0.1") == ApiListen::Loopback);
  CHECK(sidecar_api_listen("localhost,127.0.0.2") == ApiListen::Loopback);
  CHECK(sidecar_api_listen("127.0.0.1, ::") == ApiListen::Loopback);  // ":::3500" never binds
  CHECK(sidecar_api_listen("0.0.0.0") == ApiListen::AllInterfaces);
  CHECK(sidecar_api_listen("127.0.0.1, 0.0.0.0") == ApiListen::AllInterfaces);
  CHECK(sidecar_api_listen("[::1],127.0.0.1,[::]") == ApiListen::AllInterfaces);
  CHECK(sidecar_api_listen("10.0.0.0,127.0.0.1,::") == ApiListen::Widened);
  CHECK(sidecar_api_listen("10.244.1.17") == ApiListen::Widened);

  // Every release whose injector reads the annotation (1.4 on) defaults to loopback; the facts
  // record the default from 1.12 (pod_patch.go's defaultSidecarListenAddresses before).
  const ReleaseFacts& facts = ReleaseFacts::embedded();
  CHECK(facts.annotation("dapr.io/sidecar-listen-addresses") == facts.mask(">=1.4"));
  Node defaults = facts.annotations().get("dapr.io/sidecar-listen-addresses").get("default");
  for (std::size_t r = 0; r <= facts.latest(); ++r) {
    if (Node d = facts.at(defaults, r)) CHECK(sidecar_api_listen(d.text()) == ApiListen::Loopback);
  }
}

TEST_CASE("sidecar: three rules read the listen addresses alike") {
  // sc-listen-all-interfaces (a pattern) reports all interfaces; a Service on 3500 is an
  // exposure when the API leaves loopback, and reaches nothing when it does not.
  const fs::path dir =
      fs::temp_directory_path() / ("daprlint-listen-addresses-" + std::to_string(::getpid()));
  fs::create_directories(dir);
  const char* values[] = {"[::1],127.0.0.1",    "127.0.0.1, ::",        "0.0.0.0",
                          "127.0.0.1, 0.0.0.0", "[::1],127.0.0.1,[::]", " [::] ",
                          "10.0.0.0,::",        "10.244.1.17"};
  for (const char* value : values) {
    CAPTURE(value);
    const fs::path file = dir / "pod.yaml";
    std::ofstream(file)
        << "apiVersion: v1\nkind: Pod\nmetadata:\n  name: orders\n  namespace: shop\n"
           "  labels: {app: orders}\n  annotations:\n    dapr.io/enabled: \"true\"\n"
           "    dapr.io/app-id: orders\n    dapr.io/sidecar-listen-addresses: \""
        << value
        << "\"\nspec:\n  containers: [{name: orders, image: example/orders:1}]\n"
           "---\napiVersion: v1\nkind: Service\nmetadata: {name: orders, "
           "namespace: shop}\nspec:\n  selector: {app: orders}\n  ports: [{port: "
           "3500}]\n";
    auto has = [&](const std::string& rule) {
      return !test::lint_pinned({file.string()}, {rule}).findings.empty();
    };
    const ApiListen listen = sidecar_api_listen(value);
    CHECK(has("sc-listen-all-interfaces") == (listen == ApiListen::AllInterfaces));
    CHECK(has("sc-service-exposes-dapr-port") == (listen != ApiListen::Loopback));
    CHECK(has("sc-service-dapr-api-unreachable") == (listen == ApiListen::Loopback));
  }
  fs::remove_all(dir);
}

TEST_CASE("sidecar: before 1.4 a Service on the API port reaches it on every interface") {
  const auto file =
      (test::source_dir() / "fixtures" / "sc-service-dapr-api-unreachable" / "pass-before-1-4.yaml")
          .string();
  CHECK(test::lint_pinned({file}, {"sc-service-exposes-dapr-port"}, "1.3").findings.size() == 1);
  CHECK(test::lint_pinned({file}, {"sc-service-exposes-dapr-port"}, "1.4").findings.empty());
  CHECK(test::lint_pinned({file}, {"sc-service-dapr-api-unreachable"}, "1.4").findings.size() == 1);
}
