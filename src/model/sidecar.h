#pragma once
// How daprd and the sidecar injector read values that Kubernetes does not type: Go integers,
// GOMEMLIMIT byte counts and the `dapr.io/env` list. Shared by the sc-* rules (Go durations:
// model/duration.h).

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/object.h"

namespace daprlint {

/// Go's strconv.Atoi: an optional sign and decimal digits, nothing else (no spaces); nullopt
/// when malformed or outside int64.
std::optional<std::int64_t> parse_go_int(std::string_view text);

/// The Go runtime's GOMEMLIMIT syntax (runtime.parseByteCount): `^[0-9]+(([KMGT]i)?B)?$`, in
/// bytes. Kubernetes suffixes (`900Mi`, `1G`) are malformed: the runtime then aborts at start
/// ("malformed GOMEMLIMIT"). `off` and the empty string mean no limit and are not byte counts.
std::optional<std::uint64_t> parse_go_byte_count(std::string_view text);

struct EnvVar {
  std::string name;
  std::string value;
};

/// `dapr.io/env` as the injector splits it (sidecar.ParseEnvString): entries separated by a comma
/// followed by `NAME=`, each trimmed; an entry with other than exactly one `=` is dropped.
std::vector<EnvVar> parse_dapr_env(std::string_view text);

/// Where daprd serves its API (HTTP 3500, gRPC 50001; pprof too) by the pod annotation
/// dapr.io/sidecar-listen-addresses, which the injector passes to --dapr-listen-addresses (from
/// 1.4; before, daprd listens on every interface). daprd splits it on commas; each entry is
/// read trimmed, as sc-listen-all-interfaces' pattern reads it. The internal gRPC (50002), health
/// (3501) and metrics ports always listen on every interface.
enum class ApiListen {
  Loopback,       // unset, or only 127.0.0.0/8, [::1], localhost: the default `[::1],127.0.0.1`
  AllInterfaces,  // an entry is 0.0.0.0 or [::]
  Widened,        // another address (a pod IP, a host name, `$(VAR)`), no all-interfaces one
};
ApiListen sidecar_api_listen(std::string_view annotation);

/// Whether the injector drops every sidecar resource because one of the four
/// `dapr.io/sidecar-{cpu,memory}-{request,limit}` annotations is set but not a quantity.
bool sidecar_resources_dropped(Node pod_annotations);

}  // namespace daprlint
