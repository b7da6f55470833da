#pragma once
// Dapr minor releases (`1.16`) and the ranges rules and facts name them by (`>=1.12 <1.17`). A
// set of releases is a bit mask over a known list, oldest first (rules/facts/releases.yaml).

#include <compare>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace daprlint {

struct Release {
  int major = 0;
  int minor = 0;
  auto operator<=>(const Release&) const = default;
};

/// `1.16`, `1.16.3`, `v1.16.3-rc.1` -> 1.16; nullopt for anything else.
std::optional<Release> parse_release(std::string_view text);

/// `1.16`.
std::string to_string(const Release& r);

/// Bit i stands for the i-th known release.
using ReleaseMask = std::uint64_t;
inline constexpr ReleaseMask kEveryRelease = ~ReleaseMask{0};
inline constexpr std::size_t kMaxReleases = 64;

/// The bit of the i-th known release.
constexpr ReleaseMask release_bit(std::size_t i) {
  return ReleaseMask{1} << i;
}

/// Parses a release range over `known` (oldest first): `*`, or alternatives joined by ` || `,
/// each `A` (that release), `>=A`, `<B` or `>=A <B`. A and B must be known releases, so a typo
/// cannot silently select nothing. nullopt with `error` set otherwise.
std::optional<ReleaseMask> parse_release_range(std::string_view range,
                                               std::span<const Release> known, std::string& error);

/// A readable list of the releases in `mask`: `1.12-1.18`, `0.11, 1.0-1.11`, `every release`,
/// `no release`.
std::string describe_releases(ReleaseMask mask, std::span<const Release> known);

}  // namespace daprlint
