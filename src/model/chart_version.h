#pragma once
// Chart versions as Flux HelmReleases and Argo CD Applications ask for them: one release or a
// semver constraint in the syntax Helm, Flux and Argo CD share (Masterminds/semver):
// `1.14.2`, `1.14.x`, `~1.14`, `^1.14`, `>=1.14.0 <1.15.0`, `1.13 - 1.14`, `a || b`, `*`.

#include <compare>
#include <limits>
#include <optional>
#include <string>
#include <string_view>

namespace daprlint {

/// A major.minor release line; `kAnyNumber` stands for "no upper limit".
struct ReleaseLine {
  int major = 0;
  int minor = 0;
  auto operator<=>(const ReleaseLine&) const = default;
};

inline constexpr int kAnyNumber = std::numeric_limits<int>::max();

/// A release with its patch; `kAnyNumber` in a part stands for "no upper limit".
struct ReleaseVersion {
  int major = 0;
  int minor = 0;
  int patch = 0;
  auto operator<=>(const ReleaseVersion&) const = default;
  ReleaseLine line() const { return {major, minor}; }
};

/// The newest release a version or constraint admits, with its patch: `1.14.2` -> 1.14.2,
/// `>=1.14.0 <1.14.7`, `<1.14.7`, `<=1.14.6` -> 1.14.6; `1.14.x`, `~1.14.2`, `1.14`, `<1.15.0`
/// -> 1.14.any (the patch is open). Open lines as in newest_release_line.
std::optional<ReleaseVersion> newest_release(std::string_view constraint);

/// The newest release line a version or constraint admits: `1.14.2`, `1.14.x`, `~1.14.2`,
/// `>=1.14.0 <1.15.0`, `<=1.14.9` -> 1.14; `^1.14`, `1.x`, `<2.0.0` -> 1.any; `*`, `>=1.14`, an
/// empty text (Flux's default) -> any.any. nullopt when it is not a constraint (`main`, `HEAD`).
std::optional<ReleaseLine> newest_release_line(std::string_view constraint);

/// `1.16`, `1.16.3`, `v1.16` -> 1.16; nullopt otherwise.
std::optional<ReleaseLine> parse_release_line(std::string_view text);

/// `1.17.7`, `v1.17.7` -> 1.17.7; `1.17` -> 1.17.0; nullopt for wildcards (`1.17.x`) and text
/// that is no version.
std::optional<ReleaseVersion> parse_release_version(std::string_view text);

/// `1.16`, or `1.x` / `any` for open ends.
std::string to_string(const ReleaseLine& line);

}  // namespace daprlint
