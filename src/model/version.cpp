#include "model/version.h"

#include <re2/re2.h>

#include <tuple>

namespace daprlint {

std::optional<Version> image_version(std::string_view image) {
  std::string_view ref = image.substr(0, image.find('@'));
  std::size_t slash = ref.rfind('/');
  std::size_t colon = ref.rfind(':');
  if (colon == std::string_view::npos || (slash != std::string_view::npos && colon < slash)) return std::nullopt;
  static const RE2 semver(R"(v?([0-9]+)\.([0-9]+)\.([0-9]+)((?:-[0-9A-Za-z.-]+)?))");
  Version v;
  std::string_view tag = ref.substr(colon + 1);
  if (!RE2::FullMatch(tag, semver, &v.major, &v.minor, &v.patch, &v.suffix)) return std::nullopt;
  v.text = std::string(tag.starts_with("v") ? tag.substr(1) : tag);
  return v;
}

std::string profile_for(const Version& v) {
  if (v.major < 1) return "dapr-0.11";
  if (v.major == 1 && v.minor < 12) return "dapr-1.0";
  return "current";
}

}  // namespace daprlint
