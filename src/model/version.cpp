#include "model/version.h"

#include <re2/re2.h>

#include <tuple>

namespace daprlint {

std::optional<Version> image_version(std::string_view image) {
  std::string_view ref = image.substr(0, image.find('@'));
  std::size_t slash = ref.rfind('/');
  std::size_t colon = ref.rfind(':');
  if (colon == std::string_view::npos || (slash != std::string_view::npos && colon < slash))
    return std::nullopt;
  static const RE2 semver(R"(v?([0-9]+)\.([0-9]+)\.([0-9]+)((?:-[0-9A-Za-z.-]+)?))");
  Version v;
  std::string_view tag = ref.substr(colon + 1);
  if (!RE2::FullMatch(tag, semver, &v.major, &v.minor, &v.patch, &v.suffix)) return std::nullopt;
  if (v.suffix == "-mariner") v.suffix.clear();
  v.text = std::to_string(v.major) + "." + std::to_string(v.minor) + "." + std::to_string(v.patch) +
           v.suffix;
  return v;
}

std::vector<std::pair<Node, Version>> dapr_image_versions(const Object& o) {
  std::vector<std::pair<Node, Version>> out;
  if (!o.is_control_plane() || !o.is_workload() || o.component == Component::Dashboard) return out;
  for (Node c : o.pod_template.get("spec").get("containers").elements()) {
    if (auto v = image_version(c.get("image").text())) out.emplace_back(c.get("image"), *v);
  }
  return out;
}

std::string profile_for(const Version& v) {
  if (v.major < 1) return "dapr-0.11";
  if (v.major == 1 && v.minor < 12) return "dapr-1.0";
  return "current";
}

}  // namespace daprlint
