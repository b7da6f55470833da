// Unit tests for the helpers of the control-plane rules: Go durations and container flags.
#include <doctest/doctest.h>

#include "../test_support.h"
#include "load/yaml_parser.h"
#include "model/args.h"
#include "model/duration.h"

using namespace daprlint;

namespace {

constexpr std::int64_t kSecond = 1'000'000'000;

using Container = test::Doc;

}  // namespace

TEST_CASE("Go durations are read as time.ParseDuration reads them") {
  CHECK(parse_go_duration_ns("2s") == 2 * kSecond);
  CHECK(parse_go_duration_ns("1500ms") == 1'500'000'000);
  CHECK(parse_go_duration_ns("1.5s") == 1'500'000'000);
  CHECK(parse_go_duration_ns(".5s") == 500'000'000);
  CHECK(parse_go_duration_ns("1m30s") == 90 * kSecond);
  CHECK(parse_go_duration_ns("1h") == 3600 * kSecond);
  CHECK(parse_go_duration_ns("250us") == 250'000);
  CHECK(parse_go_duration_ns("250\xC2\xB5s") == 250'000);
  CHECK(parse_go_duration_ns("10ns") == 10);
  CHECK(parse_go_duration_ns("-3s") == -3 * kSecond);
  CHECK(parse_go_duration_ns("+3s") == 3 * kSecond);
  CHECK(parse_go_duration_ns("0") == 0);
  CHECK(parse_go_duration_ns("-0") == 0);
  CHECK(parse_go_duration_ns("2562047h") == 2562047LL * 3600 * kSecond);
  // Rejected like Go: no unit, unknown unit, empty, only a dot, spaces, overflow.
  CHECK_FALSE(parse_go_duration_ns("2"));
  CHECK_FALSE(parse_go_duration_ns("30"));
  CHECK_FALSE(parse_go_duration_ns("2sec"));
  CHECK_FALSE(parse_go_duration_ns("1d"));
  CHECK_FALSE(parse_go_duration_ns(""));
  CHECK_FALSE(parse_go_duration_ns("."));
  CHECK_FALSE(parse_go_duration_ns(".s"));
  CHECK_FALSE(parse_go_duration_ns(" 2s"));
  CHECK_FALSE(parse_go_duration_ns("2s "));
  CHECK_FALSE(parse_go_duration_ns("3000000h"));
  CHECK_FALSE(parse_go_duration_ns("99999999999999999999s"));
}

TEST_CASE("durations are formatted the way Go prints them") {
  CHECK(format_duration(2 * kSecond) == "2s");
  CHECK(format_duration(1'500'000'000) == "1.5s");
  CHECK(format_duration(500'000'000) == "500ms");
  CHECK(format_duration(90 * kSecond) == "1m30s");
  CHECK(format_duration(3600 * kSecond) == "1h0m0s");
  CHECK(format_duration(0) == "0s");
  CHECK(format_duration(-2 * kSecond) == "-2s");
}

TEST_CASE("container flags are found in both spellings, in command and args") {
  Container c(R"(name: dapr-placement-server
command: ["/placement", "--keepalive-time", "5s"]
args:
- "--keepalive-timeout=4s"
- "-disseminate-timeout=2s"
- "--keepalive-time"
- "7s"
- "--tls-enabled"
- "--metadata-enabled"
)");
  auto uses = find_flag(c.root, "keepalive-time");
  REQUIRE(uses.size() == 2);
  CHECK(uses[0].text == "5s");
  CHECK_FALSE(uses[0].inline_value);
  CHECK(uses[1].text == "7s");
  CHECK(last_flag(c.root, "keepalive-time").value.line() == 7);

  FlagUse timeout = last_flag(c.root, "keepalive-timeout");
  CHECK(timeout.inline_value);
  CHECK(timeout.text == "4s");
  CHECK(timeout.value == timeout.flag);
  CHECK(last_flag(c.root, "disseminate-timeout").text == "2s");

  // A prefix of another flag is not that flag; a trailing flag has no value.
  CHECK(find_flag(c.root, "keepalive").empty());
  CHECK(find_flag(c.root, "tls").empty());
  FlagUse last = last_flag(c.root, "metadata-enabled");
  CHECK(last.flag);
  CHECK_FALSE(last.value);
  CHECK_FALSE(last_flag(c.root, "absent-flag").flag);
}

TEST_CASE("$(VAR) arguments are recognised as environment references") {
  CHECK(is_env_reference("$(ETCD_PASSWORD)"));
  CHECK(is_env_reference("$(SCHEDULER_ID)"));
  CHECK_FALSE(is_env_reference("$(A) and more"));
  CHECK_FALSE(is_env_reference("prefix$(A)"));
  CHECK_FALSE(is_env_reference("$()"));
  CHECK_FALSE(is_env_reference("s3cr3t"));
}
