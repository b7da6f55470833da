// The one explicit list of native rules, sorted by id. No static self-registration.
#include "rules/native/native_rule.h"
#include "rules/native/rules.h"

namespace daprlint {
namespace {

struct Entry {
  std::string_view id;
  NativeCheck check;
};

constexpr Entry kNativeRules[] = {
    {"cf-mtls-in-app-config", cf_mtls_in_app_config},
    {"cf-sampling-rate-type", cf_sampling_rate_type},
    {"cl-worker-nodes", cl_worker_nodes},
    {"co-in-control-plane-ns", co_in_control_plane_ns},
    {"co-inline-secret", co_inline_secret},
    {"co-misplaced-field", co_misplaced_field},
    {"co-schema", co_schema},
    {"co-scope-unknown-app", co_scope_unknown_app},
    {"co-secret-store-not-found", co_secret_store_not_found},
    {"cp-crd-version-mismatch", cp_crd_version_mismatch},
    {"cp-namespace-shared", cp_namespace_shared},
    {"cp-pdb-missing", cp_pdb_missing},
    {"cp-placement-timeouts", cp_placement_timeouts},
    {"cp-priority-quota-missing", cp_priority_quota_missing},
    {"cp-resources-below-baseline", cp_resources_below_baseline},
    {"cp-scheduler-secret-arg", cp_scheduler_secret_arg},
    {"cp-scheduler-storage", cp_scheduler_storage},
    {"cp-securitycontext-weakened", cp_securitycontext_weakened},
    {"cp-trust-bundle-expiry", cp_trust_bundle_expiry},
    {"cp-version-skew", cp_version_skew},
    {"cp-webhook-ignore-no-watchdog", cp_webhook_ignore_no_watchdog},
    {"gv-chart-version-old", gv_chart_version_old},
    {"he-inline-secret", he_inline_secret},
    {"re-unbounded-retry", re_unbounded_retry},
    {"re-undefined-policy", re_undefined_policy},
    {"re-unknown-target", re_unknown_target},
    {"sc-annotation-not-string", sc_annotation_not_string},
    {"sc-annotation-wrong-level", sc_annotation_wrong_level},
    {"sc-app-id-duplicate", sc_app_id_duplicate},
    {"sc-automount-token", sc_automount_token},
    {"sc-config-not-found", sc_config_not_found},
    {"sc-gomemlimit-missing", sc_gomemlimit_missing},
    {"sc-graceful-shutdown", sc_graceful_shutdown},
    {"sc-port-collision", sc_port_collision},
    {"sc-resources-below-baseline", sc_resources_below_baseline},
    {"sc-scheduler-at-scale", sc_scheduler_at_scale},
    {"sc-seccomp-restricted-ns", sc_seccomp_restricted_ns},
    {"sc-service-exposes-dapr-port", sc_service_exposes_dapr_port},
    {"sc-sidecar-version-skew-live", sc_sidecar_version_skew_live},
    {"sc-token-secret-not-found", sc_token_secret_not_found},
    {"sc-unknown-annotation", sc_unknown_annotation},
    {"su-pubsub-not-found", su_pubsub_not_found},
};

}  // namespace

NativeCheck find_native_rule(std::string_view id) {
  for (const Entry& e : kNativeRules) {
    if (e.id == id) return e.check;
  }
  return nullptr;
}

std::vector<std::string_view> native_rule_ids() {
  std::vector<std::string_view> ids;
  for (const Entry& e : kNativeRules) ids.push_back(e.id);
  return ids;
}

}  // namespace daprlint
