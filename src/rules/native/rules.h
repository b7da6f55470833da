#pragma once
// Declarations of the native rules; each is implemented in the .cpp named after its id.

#include "rules/native/native_rule.h"

namespace daprlint {

/// cl-worker-nodes: fewer than params.min_workers schedulable Linux worker Nodes.
class ClWorkerNodes : public NativeRule {
 public:
  void run(const RunContext& ctx, const Emitter& emit) const override;
};

/// co-inline-secret: sensitive Component metadata given as a literal value.
class CoInlineSecret : public NativeRule {
 public:
  void run(const RunContext& ctx, const Emitter& emit) const override;
};

/// cp-resources-below-baseline: control-plane requests below the profile's table.
class CpResourcesBelowBaseline : public NativeRule {
 public:
  void run(const RunContext& ctx, const Emitter& emit) const override;
};

/// cp-trust-bundle-expiry: expired or soon-expiring certificates in dapr-trust-bundle.
class CpTrustBundleExpiry : public NativeRule {
 public:
  void run(const RunContext& ctx, const Emitter& emit) const override;
};

/// cp-version-skew: control-plane images, SIDECAR_IMAGE and dapr.io/sidecar-image disagree.
class CpVersionSkew : public NativeRule {
 public:
  void run(const RunContext& ctx, const Emitter& emit) const override;
};

}  // namespace daprlint
