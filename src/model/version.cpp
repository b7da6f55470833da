#include "model/version.h"

#include <re2/re2.h>

#include <charconv>
#include <map>
#include <tuple>

#include "model/chart_version.h"
#include "model/inventory.h"

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
  if (o.component == Component::Dashboard) return out;
  // Only the component's own container: a sidecar beside it (1.18 global.extraContainers)
  // carries its own release line.
  Node image = dapr_container(o).get("image");
  if (auto v = image_version(image.text())) out.emplace_back(image, *v);
  return out;
}

std::optional<Version> parse_minor_version(std::string_view text) {
  Version v;
  std::size_t dot = text.find('.');
  if (dot == std::string_view::npos) return std::nullopt;
  auto a = std::from_chars(text.data(), text.data() + dot, v.major);
  auto b = std::from_chars(text.data() + dot + 1, text.data() + text.size(), v.minor);
  if (a.ec != std::errc() || a.ptr != text.data() + dot || b.ec != std::errc() ||
      b.ptr != text.data() + text.size())
    return std::nullopt;
  v.text = std::string(text);
  return v;
}

std::optional<Version> most_common_version(const std::vector<Version>& versions) {
  std::map<std::string, std::pair<int, Version>> counts;
  for (const Version& v : versions) {
    auto& [n, version] = counts[v.text];
    ++n;
    version = v;
  }
  const std::pair<int, Version>* best = nullptr;
  for (const auto& [text, entry] : counts) {
    if (!best || entry.first > best->first ||
        (entry.first == best->first && entry.second > best->second)) {
      best = &entry;
    }
  }
  if (!best) return std::nullopt;
  return best->second;
}

std::optional<Version> control_plane_version(const Inventory& inventory) {
  std::vector<Version> versions;
  for (const Object& o : inventory.objects) {
    for (const auto& [image, v] : dapr_image_versions(o)) versions.push_back(v);
  }
  return most_common_version(versions);
}

namespace {

/// `1.16.19`, `v1.16.19` as a label value; an image tag parses the same way.
std::optional<Version> label_version(std::string_view text) {
  return image_version(std::string("dapr:") + std::string(text));
}

std::optional<Version> most_common_label(const Inventory& inventory) {
  std::vector<Version> versions;
  for (const Object& o : inventory.objects) {
    if (!o.is_control_plane() || o.component == Component::Dashboard) continue;
    for (Node labels :
         {o.root.get("metadata").get("labels"), o.pod_template.get("metadata").get("labels")}) {
      if (auto v = label_version(labels.get("app.kubernetes.io/version").text())) {
        versions.push_back(*v);
        break;
      }
    }
  }
  return most_common_version(versions);
}

/// The first Dapr chart install whose version names a release line.
std::optional<FoundVersion> chart_install_version(const Inventory& inventory) {
  for (const Object& o : inventory.objects) {
    if (!o.dapr_chart) continue;
    auto line = newest_release_line(o.chart_version.text());
    if (!line || line->major == kAnyNumber || line->minor == kAnyNumber) continue;
    Version v;
    v.major = line->major;
    v.minor = line->minor;
    if (auto exact = label_version(o.chart_version.text());
        exact && exact->major == v.major && exact->minor == v.minor) {
      v = *exact;
    } else {
      v.text = std::string(o.chart_version.text());
    }
    return FoundVersion{v,
                        o.kind + " " + (o.namespace_.empty() ? "" : o.namespace_ + "/") + o.name};
  }
  return std::nullopt;
}

std::optional<Version> sidecar_version(const Inventory& inventory) {
  std::vector<Version> versions;
  for (const Object& o : inventory.objects) {
    if (!o.dapr_app || !o.live) continue;
    Node spec = o.pod_template.get("spec");
    for (Node list : {spec.get("containers"), spec.get("initContainers")}) {
      for (Node c : list.elements()) {
        if (c.get("name").text() != "daprd") continue;
        if (auto v = image_version(c.get("image").text())) versions.push_back(*v);
      }
    }
  }
  return most_common_version(versions);
}

}  // namespace

std::optional<FoundVersion> input_version(const Inventory& inventory) {
  if (auto v = control_plane_version(inventory)) return FoundVersion{*v, "control-plane images"};
  if (auto v = most_common_label(inventory)) return FoundVersion{*v, "control-plane labels"};
  if (auto found = chart_install_version(inventory)) return found;
  if (auto v = sidecar_version(inventory)) return FoundVersion{*v, "sidecar images"};
  return std::nullopt;
}

}  // namespace daprlint
