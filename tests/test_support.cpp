#include "test_support.h"

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <sstream>

#include "cli/options.h"
#include "engine/suppressions.h"
#include "load/manifest_loader.h"

namespace daprlint::test {

std::filesystem::path shared_dir() {
  if (const char* env = std::getenv("DAPRLINT_SHARED"); env && *env) return env;
  return source_dir().parent_path() / "shared";
}

std::string read_text(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

std::vector<std::string> manifest_files(const std::filesystem::path& dir) {
  std::vector<std::string> out;
  for (const auto& e : std::filesystem::recursive_directory_iterator(dir)) {
    std::string ext = e.path().extension().string();
    if (e.is_regular_file() && (ext == ".yaml" || ext == ".yml" || ext == ".json"))
      out.push_back(e.path().string());
  }
  std::sort(out.begin(), out.end());
  return out;
}

std::time_t fixture_clock() {
  return *parse_date("2027-06-01");
}

const RuleSet& embedded_rules() {
  static const RuleSet rules = load_rules("");
  return rules;
}

LintResult lint_pinned(const std::vector<std::string>& files, const std::vector<std::string>& only,
                       const std::string& dapr_version) {
  EngineOptions options{only, dapr_version, fixture_clock()};
  LintResult result = lint_files(files, embedded_rules(), options);
  apply_suppressions(result, embedded_rules(), options, nullptr);
  return result;
}

Inventory inventory_of(const char* text) {
  Inventory inv;
  inv.files.push_back("test.yaml");
  inv.objects = load_manifests(text, 0).objects;
  inv.index();
  return inv;
}

}  // namespace daprlint::test
