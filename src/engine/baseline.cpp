#include "engine/baseline.h"

#include <algorithm>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

namespace daprlint {

namespace {
constexpr int kFormatVersion = 1;

std::string object_of(const Finding& f) {
  if (f.kind.empty()) return "";
  return f.kind + " " + (f.namespace_.empty() ? "" : f.namespace_ + "/") + f.name;
}
}  // namespace

bool write_baseline(const std::string& path, const std::vector<Finding>& findings,
                    const std::vector<std::string>& files, std::string& error) {
  // Sorted by fingerprint, so that re-recording an unchanged repository gives the same bytes.
  std::vector<nlohmann::ordered_json> entries;
  for (const Finding& f : findings) {
    if (f.suppression) continue;
    entries.push_back({{"fingerprint", finding_fingerprint(f, files[f.file_index])},
                       {"ruleId", f.rule_id},
                       {"object", object_of(f)},
                       {"path", f.node_path},
                       {"file", files[f.file_index]}});
  }
  std::stable_sort(entries.begin(), entries.end(), [](const auto& a, const auto& b) {
    return a["fingerprint"].template get<std::string>() <
           b["fingerprint"].template get<std::string>();
  });
  nlohmann::ordered_json doc;
  doc["tool"] = "daprlint";
  doc["baselineVersion"] = kFormatVersion;
  doc["findings"] = entries;
  std::ofstream out(path, std::ios::binary);
  out << doc.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
  out.close();
  if (!out) {
    error = "cannot write the baseline " + path;
    return false;
  }
  return true;
}

std::optional<Baseline> read_baseline(const std::string& path, std::string& error) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    error = "cannot read the baseline " + path;
    return std::nullopt;
  }
  std::stringstream text;
  text << in.rdbuf();
  auto doc = nlohmann::json::parse(text.str(), nullptr, false);
  if (doc.is_discarded() || !doc.is_object() || doc.value("tool", "") != "daprlint" ||
      !doc.contains("findings") || !doc["findings"].is_array()) {
    error = path + ": not a daprlint baseline (write one with --write-baseline)";
    return std::nullopt;
  }
  if (doc.value("baselineVersion", 0) != kFormatVersion) {
    error = path + ": baseline version " + doc.value("baselineVersion", nlohmann::json()).dump() +
            " is not supported; write it again with --write-baseline";
    return std::nullopt;
  }
  Baseline b;
  for (const auto& entry : doc["findings"]) {
    if (!entry.is_object() || !entry.contains("fingerprint") || !entry["fingerprint"].is_string()) {
      error = path + ": a baseline entry has no fingerprint";
      return std::nullopt;
    }
    ++b.counts[entry["fingerprint"].get<std::string>()];
  }
  return b;
}

BaselineMatch apply_baseline(const Baseline& baseline, std::vector<Finding>& findings,
                             const std::vector<std::string>& files, std::vector<Finding>* hidden) {
  std::map<std::string, unsigned> left = baseline.counts;
  BaselineMatch m;
  std::erase_if(findings, [&](const Finding& f) {
    if (f.suppression) return false;
    auto it = left.find(finding_fingerprint(f, files[f.file_index]));
    if (it == left.end() || it->second == 0) return false;
    --it->second;
    ++m.matched;
    if (hidden) hidden->push_back(f);
    return true;
  });
  for (const auto& [fp, count] : left) m.absent += count;
  return m;
}

}  // namespace daprlint
