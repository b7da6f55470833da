// The integration files users copy (pre-commit hooks, CI workflows) are valid YAML, and every
// daprlint command line in them is accepted by the daprlint built here: a misspelled flag or
// threshold makes daprlint exit 2, which fails these tests.
#include <doctest/doctest.h>
#include <sys/wait.h>
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

#include "../test_support.h"

namespace fs = std::filesystem;
using Env = std::map<std::string, std::string>;

namespace {

fs::path daprlint_bin() {
  if (const char* env = std::getenv("DAPRLINT_BIN"); env && *env) return env;
  return fs::canonical("/proc/self/exe").parent_path() / "daprlint";  // beside daprlint_tests
}

/// A fresh directory, removed with everything in it: the workspace a CI job writes reports to.
struct TempDir {
  fs::path path;
  TempDir() {
    std::string pattern = (fs::temp_directory_path() / "daprlint-ci-XXXXXX").string();
    path = mkdtemp(pattern.data());
  }
  ~TempDir() {
    std::error_code ignored;
    fs::remove_all(path, ignored);
  }
};

fs::path demo_dir() {
  return daprlint::test::source_dir() / "fixtures" / "demo";
}

YAML::Node load(const char* relative) {
  return YAML::LoadFile((daprlint::test::source_dir() / relative).string());
}

std::string sh_quote(const std::string& s) {
  std::string out = "'";
  for (char c : s) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

/// Runs a shell command line in `cwd` with `env` exported and the built daprlint first on PATH,
/// the way a CI runner or pre-commit would; returns its exit code.
int run(const std::string& command, const fs::path& cwd, const Env& env = {}) {
  std::string script = "cd " + sh_quote(cwd.string()) +
                       " && export PATH=" + sh_quote(daprlint_bin().parent_path().string()) +
                       ":\"$PATH\"";
  for (const auto& [name, value] : env) script += " " + name + "=" + sh_quote(value);
  script += " && { " + command + "\n} >/dev/null 2>&1";
  int status = std::system(("bash -c " + sh_quote(script)).c_str());
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

/// The daprlint command lines of a shell script (backslash continuations joined).
std::vector<std::string> daprlint_commands(const std::string& script) {
  std::vector<std::string> commands;
  std::istringstream lines(std::regex_replace(script, std::regex("\\\\\n"), " "));
  for (std::string line; std::getline(lines, line);) {
    line = std::regex_replace(line, std::regex("^\\s+|\\s+$"), "");
    if (line == "daprlint" || line.starts_with("daprlint ")) commands.push_back(line);
  }
  return commands;
}

/// The word after `option` in a command line ("" when absent).
std::string option_value(const std::string& command, const std::string& option) {
  std::istringstream words(command);
  for (std::string word; words >> word;) {
    if (word == option && words >> word) return word;
  }
  return "";
}

std::string words_of(const YAML::Node& args) {
  std::string out;
  for (const auto& a : args) out += " " + sh_quote(a.as<std::string>());
  return out;
}

/// The demo's manifests as pre-commit passes them: relative names.
std::string demo_filenames() {
  std::vector<std::string> names;
  for (const auto& e : fs::directory_iterator(demo_dir()))
    names.push_back(e.path().filename().string());
  std::sort(names.begin(), names.end());
  std::string out;
  for (const auto& n : names) out += " " + n;
  return out;
}

/// Runs a pre-commit hook as pre-commit does: entry, args, then the files unless
/// pass_filenames is false, from the repository root (here: the demo folder).
int run_hook(const std::string& entry, const YAML::Node& args, bool pass_filenames) {
  return run(entry + words_of(args) + (pass_filenames ? demo_filenames() : ""), demo_dir());
}

void add_env(Env& env, const YAML::Node& map) {
  for (const auto& kv : map) env[kv.first.as<std::string>()] = kv.second.as<std::string>();
}

}  // namespace

TEST_CASE("daprlint_commands finds daprlint lines and joins continuations") {
  auto found =
      daprlint_commands("apt-get install x\n  daprlint --fail-on none \\\n  .\necho daprlint\n");
  REQUIRE(found.size() == 1);
  CHECK(found[0] == "daprlint --fail-on none    .");
  CHECK(option_value("daprlint -f sarif --output a.sarif .", "--output") == "a.sarif");
}

TEST_CASE("the command runner reports daprlint's exit code for a misspelled flag") {
  // Guards the tests below: they rely on exit 2 surfacing here.
  CHECK(run("daprlint --fail-on none .", demo_dir()) == 0);
  CHECK(run("daprlint --fail-on error .", demo_dir()) == 1);
  CHECK(run("daprlint --fial-on none .", demo_dir()) == 2);
  CHECK(run("daprlint --fail-on eror .", demo_dir()) == 2);
}

TEST_CASE(".pre-commit-hooks.yaml: system hooks that run daprlint with flags it accepts") {
  YAML::Node hooks = load(".pre-commit-hooks.yaml");
  REQUIRE(hooks.IsSequence());
  bool has_daprlint = false;
  for (const auto& hook : hooks) {
    std::string id = hook["id"].as<std::string>();
    CAPTURE(id);
    has_daprlint |= id == "daprlint";
    CHECK(hook["name"].IsScalar());
    CHECK(hook["language"].as<std::string>() == "system");  // the daprlint on PATH
    std::string entry = hook["entry"].as<std::string>();
    CHECK((entry == "daprlint" || entry.starts_with("daprlint ")));
    std::regex files(hook["files"].as<std::string>());
    CHECK(std::regex_search("deploy/app.yaml", files));
    CHECK(std::regex_search("app.yml", files));
    CHECK(std::regex_search("export.json", files));
    CHECK_FALSE(std::regex_search("README.md", files));
    CHECK_FALSE(std::regex_search("values.yaml.orig", files));
    bool pass_filenames = !hook["pass_filenames"] || hook["pass_filenames"].as<bool>();
    int code = run_hook(entry, hook["args"], pass_filenames);
    CHECK((code == 0 || code == 1));
  }
  CHECK(has_daprlint);
}

TEST_CASE("the example .pre-commit-config.yaml names published hooks and a local one that run") {
  YAML::Node manifest = load(".pre-commit-hooks.yaml");
  std::map<std::string, YAML::Node> published;
  for (YAML::Node hook : manifest) published[hook["id"].as<std::string>()] = hook;

  YAML::Node config = load("docs/ci/pre-commit-config.yaml");
  int remote = 0, local = 0;
  for (const auto& repo : config["repos"]) {
    std::string url = repo["repo"].as<std::string>();
    for (YAML::Node hook : repo["hooks"]) {
      std::string id = hook["id"].as<std::string>();
      CAPTURE(id);
      // A remote hook takes entry and defaults from the manifest; the config may override them.
      YAML::Node base = url == "local" ? hook : published[id];
      REQUIRE_MESSAGE(base.IsMap(), "hook id not in .pre-commit-hooks.yaml");
      YAML::Node args = hook["args"] ? hook["args"] : base["args"];
      YAML::Node pass = hook["pass_filenames"] ? hook["pass_filenames"] : base["pass_filenames"];
      int code = run_hook(base["entry"].as<std::string>(), args, !pass || pass.as<bool>());
      CHECK((code == 0 || code == 1));
      if (url == "local") {
        ++local;
        CHECK(hook["language"].as<std::string>() == "system");
      } else {
        ++remote;
        CHECK(repo["rev"].IsScalar());
      }
    }
  }
  CHECK(remote >= 1);
  CHECK(local >= 1);
}

TEST_CASE("the GitHub workflow lints to SARIF, uploads that file to code scanning, then gates") {
  YAML::Node wf = load("docs/ci/github-actions.yml");
  CHECK(wf["on"]["pull_request"].IsDefined());
  CHECK(wf["permissions"]["security-events"].as<std::string>() == "write");
  Env env;
  add_env(env, wf["env"]);
  env["DAPRLINT_PATHS"] = demo_dir().string();  // the manifests the commands lint
  REQUIRE(env.contains("DAPRLINT_FAIL_ON"));

  for (const auto& job : wf["jobs"]) {
    if (job.second["env"]) add_env(env, job.second["env"]);
    std::vector<std::string> commands;
    std::string sarif_written, sarif_uploaded;
    bool upload_always = false;
    for (const auto& step : job.second["steps"]) {
      if (step["run"]) {
        for (const auto& c : daprlint_commands(step["run"].as<std::string>())) {
          commands.push_back(c);
          if (option_value(c, "--format") == "sarif") sarif_written = option_value(c, "--output");
        }
      }
      std::string uses = step["uses"] ? step["uses"].as<std::string>() : "";
      if (uses.starts_with("github/codeql-action/upload-sarif@v3")) {
        sarif_uploaded = step["with"]["sarif_file"].as<std::string>();
        upload_always =
            step["if"] && step["if"].as<std::string>().find("always()") != std::string::npos;
      }
    }
    REQUIRE(commands.size() >= 3);  // --version, the SARIF run, the gate
    CHECK(!sarif_written.empty());
    CHECK(sarif_uploaded == sarif_written);
    CHECK(upload_always);

    TempDir workspace;
    for (const auto& c : commands) {
      CAPTURE(c);
      int code = run(c, workspace.path, env);
      CHECK((code == 0 || code == 1));
    }
    CHECK(
        daprlint::test::read_text(workspace.path / sarif_written).find("\"version\": \"2.1.0\"") !=
        std::string::npos);
    // The gate is the last command, and the demo has an error: it must fail the job.
    CHECK(commands.back().find("--fail-on none") == std::string::npos);
    CHECK(run(commands.back(), workspace.path, env) == 1);
  }
}

TEST_CASE("the GitLab job keeps its reports as artifacts, feeds Code Quality, and gates") {
  YAML::Node ci = load("docs/ci/gitlab-ci.yml");
  Env env;
  add_env(env, ci["variables"]);
  env["DAPRLINT_PATHS"] = demo_dir().string();
  REQUIRE(env.contains("DAPRLINT_FAIL_ON"));

  int jobs = 0;
  for (const auto& entry : ci) {
    const YAML::Node& job = entry.second;
    if (!job.IsMap() || !job["script"]) continue;
    ++jobs;
    std::vector<std::string> commands, outputs;
    for (const char* key : {"before_script", "script"}) {
      for (const auto& line : job[key]) {
        for (const auto& c : daprlint_commands(line.as<std::string>())) {
          commands.push_back(c);
          if (std::string out = option_value(c, "--output"); !out.empty()) outputs.push_back(out);
        }
      }
    }
    REQUIRE(commands.size() >= 3);
    CHECK(job["artifacts"]["when"].as<std::string>() == "always");
    std::vector<std::string> kept;
    for (const auto& p : job["artifacts"]["paths"]) kept.push_back(p.as<std::string>());

    TempDir workspace;
    for (const auto& c : commands) {
      CAPTURE(c);
      int code = run(c, workspace.path, env);
      CHECK((code == 0 || code == 1));
    }
    for (const auto& out : outputs) {
      CAPTURE(out);
      CHECK(std::find(kept.begin(), kept.end(), out) != kept.end());
      CHECK(fs::exists(workspace.path / out));
    }
    // The Code Quality report is one of the files daprlint writes, in the Code Climate format
    // (a JSON array of issues with the fields GitLab requires).
    REQUIRE(job["artifacts"]["reports"]["codequality"]);
    std::string report = job["artifacts"]["reports"]["codequality"].as<std::string>();
    CHECK(std::find(outputs.begin(), outputs.end(), report) != outputs.end());
    auto issues = nlohmann::json::parse(daprlint::test::read_text(workspace.path / report));
    REQUIRE(issues.is_array());
    REQUIRE(!issues.empty());
    for (const auto& issue : issues) {
      for (const char* field : {"description", "check_name", "fingerprint", "severity"})
        CHECK(issue[field].is_string());
      CHECK(issue["location"]["path"].is_string());
      CHECK(issue["location"]["lines"]["begin"].is_number_integer());
    }
    CHECK(run(commands.back(), workspace.path, env) == 1);
  }
  CHECK(jobs == 1);
}

TEST_CASE("the Azure pipeline publishes JUnit results and the HTML report, and gates") {
  YAML::Node pipeline = load("docs/ci/azure-pipelines.yml");
  CHECK(pipeline["pr"].IsDefined());
  Env env;
  add_env(env, pipeline["variables"]);
  env["DAPRLINT_PATHS"] = demo_dir().string();
  REQUIRE(env.contains("DAPRLINT_FAIL_ON"));

  std::vector<std::string> commands;
  std::string junit_written, html_written, junit_published, html_published;
  for (const auto& step : pipeline["steps"]) {
    if (step["script"]) {
      for (const auto& c : daprlint_commands(step["script"].as<std::string>())) {
        commands.push_back(c);
        if (option_value(c, "--format") == "junit") junit_written = option_value(c, "--output");
        if (option_value(c, "--format") == "html") html_written = option_value(c, "--output");
      }
    }
    std::string task = step["task"] ? step["task"].as<std::string>() : "";
    if (task.empty()) continue;
    // Published even when the gate failed the Lint step.
    CHECK(step["condition"].as<std::string>() == "succeededOrFailed()");
    if (task == "PublishTestResults@2") {
      CHECK(step["inputs"]["testResultsFormat"].as<std::string>() == "JUnit");
      junit_published = step["inputs"]["testResultsFiles"].as<std::string>();
    }
    if (task == "PublishPipelineArtifact@1")
      html_published = step["inputs"]["targetPath"].as<std::string>();
  }
  REQUIRE(commands.size() >= 4);  // --version, HTML, Markdown, the JUnit gate
  CHECK(!junit_written.empty());
  CHECK(junit_published == junit_written);
  CHECK(!html_written.empty());
  CHECK(html_published == html_written);

  TempDir workspace;
  for (const auto& c : commands) {
    CAPTURE(c);
    int code = run(c, workspace.path, env);
    CHECK((code == 0 || code == 1));
  }
  std::string junit = daprlint::test::read_text(workspace.path / junit_written);
  CHECK(junit.find("<testsuites name=\"daprlint\"") != std::string::npos);
  CHECK(junit.find("<failure ") != std::string::npos);  // the demo has an error
  CHECK(daprlint::test::read_text(workspace.path / html_written).starts_with("<!DOCTYPE html>"));
  // The gate is the last command, and the demo has an error: it must fail the step.
  CHECK(option_value(commands.back(), "--format") == "junit");
  CHECK(run(commands.back(), workspace.path, env) == 1);
}
