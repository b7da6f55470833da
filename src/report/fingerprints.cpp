#include "report/fingerprints.h"

#include <map>

#include "model/digest.h"

namespace daprlint {

std::vector<ResultFingerprint> result_fingerprints(const Report& report) {
  std::vector<ResultFingerprint> out;
  out.reserve(report.findings.size());
  std::map<std::string, int> seen;
  for (const Finding& f : report.findings) {
    std::string key = f.rule_id + '\n' + report.files[f.file_index] + '\n' + f.kind + '/' +
                      f.namespace_ + '/' + f.name + '\n' + f.node_path;
    int occurrence = seen[key]++;
    out.push_back({sha256_hex(key + '\n' + std::to_string(occurrence)), occurrence});
  }
  return out;
}

}  // namespace daprlint
