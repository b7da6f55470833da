// The pieces behind suppressions and the config: comment scanning, globs, fingerprints.
#include <doctest/doctest.h>

#include "config/glob.h"
#include "engine/baseline.h"
#include "load/suppression_comments.h"

using namespace daprlint;

TEST_CASE("suppression comments: own line, trailing, file-wide, lists and reasons") {
  auto found = scan_suppression_comments(
      "# daprlint:ignore-file co-alpha, co-dev-only-type vendored chart\n"  // 1
      "kind: Deployment\n"                                                  // 2
      "spec:\n"                                                             // 3
      "  # daprlint:ignore cp-ha-replicas edge cluster\n"                   // 4
      "  # another comment\n"                                               // 5
      "\n"                                                                  // 6
      "  replicas: 1\n"                                                     // 7
      "  x: 1  # daprlint:ignore a,b  # TODO\n"                             // 8
      "  url: http://h/#daprlint:ignore z\n"                                // 9
      "  # daprlint:ignored nothing\n"                                      // 10
      "# daprlint:ignore-file late too late\n");                            // 11
  REQUIRE(found.size() == 4);
  CHECK(found[0].whole_file);
  CHECK_FALSE(found[0].misplaced);
  CHECK(found[0].rule_ids == std::vector<std::string>{"co-alpha", "co-dev-only-type"});
  CHECK(found[0].reason == "vendored chart");
  CHECK(found[1].line == 4);
  CHECK(found[1].column == 3);
  CHECK(found[1].target == 7);  // the next line that is not a comment or blank
  CHECK(found[1].reason == "edge cluster");
  CHECK(found[2].target == 8);
  CHECK(found[2].rule_ids == std::vector<std::string>{"a", "b"});
  CHECK(found[2].reason.empty());  // a second comment is not a reason
  CHECK(found[3].misplaced);
}

TEST_CASE("a text without the marker is not scanned line by line") {
  CHECK(scan_suppression_comments("a: 1\n# just a comment\n").empty());
  CHECK(scan_suppression_comments("").empty());
}

TEST_CASE("globs: * and ? stay in a segment, ** spans folders, classes") {
  CHECK(Glob("*.yaml").matches("a.yaml"));
  CHECK_FALSE(Glob("*.yaml").matches("dir/a.yaml"));
  CHECK(Glob("**/*.yaml").matches("a.yaml"));
  CHECK(Glob("**/*.yaml").matches("x/y/a.yaml"));
  CHECK(Glob("vendor/**").matches("vendor/a/b.yaml"));
  CHECK_FALSE(Glob("vendor/**").matches("src/vendor.yaml"));
  CHECK(Glob("dapr-?").matches("dapr-1"));
  CHECK(Glob("[!x]*").matches("abc"));
  CHECK_FALSE(Glob("[!x]*").matches("xbc"));
  CHECK(Glob("a.b+c(d)").matches("a.b+c(d)"));  // regex characters are literal
  CHECK_FALSE(Glob("a.b").matches("axb"));
}

TEST_CASE("baseline fingerprints ignore lines, messages and files of object findings") {
  Finding a;
  a.rule_id = "cp-ha-replicas";
  a.kind = "Deployment";
  a.namespace_ = "dapr-system";
  a.name = "dapr-operator";
  a.node_path = "spec.replicas";
  a.line = 10;
  Finding b = a;
  b.line = 99;
  b.message = "runs 2 replica(s)";
  CHECK(finding_fingerprint(a, "x.yaml") == finding_fingerprint(b, "y.yaml"));
  b.node_path = "spec.template";
  CHECK(finding_fingerprint(a, "x.yaml") != finding_fingerprint(b, "x.yaml"));
  Finding syntax;  // no object: the file and message identify it
  syntax.rule_id = "yaml-syntax";
  syntax.message = "bad";
  CHECK(finding_fingerprint(syntax, "x.yaml") != finding_fingerprint(syntax, "y.yaml"));
  CHECK(finding_fingerprint(a, "x.yaml").size() == 32);
}

TEST_CASE("a baseline entry matches one finding, and the rest are counted as absent") {
  Finding f;
  f.rule_id = "r-x";
  f.kind = "Deployment";
  f.name = "a";
  std::vector<std::string> files{"f.yaml"};
  Baseline b;
  b.counts[finding_fingerprint(f, "f.yaml")] = 1;
  b.counts["0000"] = 2;
  std::vector<Finding> findings{f, f};
  BaselineMatch m = apply_baseline(b, findings, files);
  CHECK(m.matched == 1);
  CHECK(findings.size() == 1);  // the second, identical finding is new
  CHECK(m.absent == 2);
}
