// Unit tests for the cross-object helpers: label selectors, the workload index, ownership,
// app-ids and the component catalog.
#include "model/references.h"

#include <doctest/doctest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "../test_support.h"
#include "load/manifest_loader.h"
#include "load/yaml_parser.h"
#include "model/selector.h"

using namespace daprlint;
using test::Doc;
using test::inventory_of;

namespace {

bool sel(const char* selector, const char* labels,
         EmptySelector empty = EmptySelector::SelectsNothing) {
  Doc s(selector);
  Doc l(labels);
  return selects(s.root, l.root, empty);
}

const char* kWorkloads = R"(apiVersion: apps/v1
kind: Deployment
metadata: {name: orders, namespace: shop}
spec:
  template:
    metadata:
      labels: {app: orders, tier: backend}
      annotations: {dapr.io/enabled: "true", dapr.io/app-id: orders}
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: web, namespace: shop}
spec:
  template:
    metadata:
      labels: {app: web, tier: frontend}
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: orders, namespace: other}
spec:
  template:
    metadata:
      labels: {app: orders, tier: backend}
)";

}  // namespace

TEST_CASE("plain map selectors need every key to match; empty ones follow the caller") {
  CHECK(sel("{app: orders}", "{app: orders, tier: backend}"));
  CHECK(sel("{app: orders, tier: backend}", "{app: orders, tier: backend}"));
  CHECK_FALSE(sel("{app: orders, tier: frontend}", "{app: orders, tier: backend}"));
  CHECK_FALSE(sel("{app: orders}", "{tier: backend}"));
  CHECK_FALSE(sel("{}", "{app: orders}"));
  CHECK(sel("{}", "{app: orders}", EmptySelector::SelectsAll));
  CHECK_FALSE(sel("~", "{app: orders}", EmptySelector::SelectsAll));  // null selects nothing
  CHECK(sel("{enabled: 'true'}", "{enabled: true}"));  // label values compare as text
}

TEST_CASE("LabelSelectors combine matchLabels and every matchExpressions operator") {
  const char* labels = "{app: orders, tier: backend}";
  CHECK(sel("{matchLabels: {app: orders}}", labels));
  CHECK_FALSE(sel("{matchLabels: {app: web}}", labels));
  CHECK(sel("{matchExpressions: [{key: tier, operator: In, values: [backend, db]}]}", labels));
  CHECK_FALSE(sel("{matchExpressions: [{key: tier, operator: In, values: [db]}]}", labels));
  CHECK(sel("{matchExpressions: [{key: tier, operator: NotIn, values: [db]}]}", labels));
  CHECK(sel("{matchExpressions: [{key: zone, operator: NotIn, values: [a]}]}", labels));
  CHECK_FALSE(sel("{matchExpressions: [{key: tier, operator: NotIn, values: [backend]}]}", labels));
  CHECK(sel("{matchExpressions: [{key: app, operator: Exists}]}", labels));
  CHECK_FALSE(sel("{matchExpressions: [{key: zone, operator: Exists}]}", labels));
  CHECK(sel("{matchExpressions: [{key: zone, operator: DoesNotExist}]}", labels));
  CHECK_FALSE(sel("{matchExpressions: [{key: app, operator: Bogus}]}", labels));
  CHECK(sel("{matchLabels: {app: orders}, matchExpressions: [{key: tier, operator: Exists}]}",
            labels));
  CHECK_FALSE(
      sel("{matchLabels: {app: orders}, matchExpressions: [{key: tier, operator: DoesNotExist}]}",
          labels));
  CHECK(sel("{matchLabels: {}}", labels, EmptySelector::SelectsAll));
  CHECK_FALSE(sel("{matchLabels: {}}", labels, EmptySelector::SelectsNothing));
}

TEST_CASE("the workload index finds selected workloads of one namespace only") {
  Inventory inv = inventory_of(kWorkloads);
  WorkloadIndex index;
  for (const Object& o : inv.objects) index.add(o);
  auto names = [&](std::string_view ns, const char* selector, EmptySelector empty) {
    Doc s(selector);
    std::vector<std::string> out;
    for (const Object* o : index.selected(ns, s.root, empty)) out.push_back(o->name);
    return out;
  };
  using V = std::vector<std::string>;
  CHECK(names("shop", "{app: orders}", EmptySelector::SelectsNothing) == V{"orders"});
  CHECK(names("other", "{app: orders}", EmptySelector::SelectsNothing) == V{"orders"});
  CHECK(names("shop", "{app: nothing}", EmptySelector::SelectsNothing).empty());
  CHECK(names("shop", "{matchExpressions: [{key: tier, operator: Exists}]}",
              EmptySelector::SelectsAll) == V{"orders", "web"});
  CHECK(names("shop", "{matchExpressions: [{key: tier, operator: In, values: [frontend]}]}",
              EmptySelector::SelectsAll) == V{"web"});
  CHECK(names("shop", "{}", EmptySelector::SelectsAll) == V{"orders", "web"});
  CHECK(names("shop", "{}", EmptySelector::SelectsNothing).empty());
  CHECK(names("missing", "{}", EmptySelector::SelectsAll).empty());
  Doc tier("{matchExpressions: [{key: tier, operator: Exists}]}");
  int visited = 0;
  const Object* web =
      index.find_selected("shop", tier.root, EmptySelector::SelectsAll, [&](const Object& o) {
        ++visited;
        return o.name == "web";
      });
  REQUIRE(web);
  CHECK(web->name == "web");
  CHECK(visited == 2);
  CHECK_FALSE(index.find_selected("shop", tier.root, EmptySelector::SelectsAll,
                                  [](const Object&) { return false; }));
}

TEST_CASE("objects owned by an object of the input are recognised") {
  Inventory inv = inventory_of(R"(apiVersion: apps/v1
kind: Deployment
metadata: {name: orders, namespace: shop}
---
apiVersion: apps/v1
kind: ReplicaSet
metadata:
  name: orders-7d9f8
  namespace: shop
  ownerReferences: [{apiVersion: apps/v1, kind: Deployment, name: orders, controller: true}]
---
apiVersion: v1
kind: Pod
metadata:
  name: orders-7d9f8-x2x4q
  namespace: shop
  ownerReferences: [{apiVersion: apps/v1, kind: ReplicaSet, name: orders-7d9f8, controller: true}]
---
apiVersion: v1
kind: Pod
metadata:
  name: web-5c6d-abcde
  namespace: shop
  ownerReferences: [{apiVersion: apps/v1, kind: ReplicaSet, name: web-5c6d, controller: true}]
)");
  REQUIRE(inv.objects.size() == 4);
  CHECK_FALSE(owned_by_input_object(inv, inv.objects[0]));
  CHECK(owned_by_input_object(inv, inv.objects[1]));
  CHECK(owned_by_input_object(inv, inv.objects[2]));
  CHECK_FALSE(owned_by_input_object(inv, inv.objects[3]));  // its ReplicaSet is not in the input
}

TEST_CASE("app-ids come from the annotation, bare Pod names and StatefulSet ordinals") {
  Inventory inv = inventory_of(R"(apiVersion: apps/v1
kind: Deployment
metadata: {name: orders, namespace: shop}
spec: {template: {metadata: {annotations: {dapr.io/enabled: "true", dapr.io/app-id: order-processor}}}}
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: anonymous, namespace: shop}
spec: {template: {metadata: {annotations: {dapr.io/enabled: "true"}}}}
---
apiVersion: apps/v1
kind: StatefulSet
metadata: {name: ledger, namespace: shop}
spec: {template: {metadata: {annotations: {dapr.io/enabled: "on"}}}}
---
apiVersion: v1
kind: Pod
metadata: {name: debug, namespace: tools, annotations: {dapr.io/enabled: "true"}}
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: plain, namespace: web}
spec: {template: {metadata: {annotations: {dapr.io/app-id: not-dapr}}}}
)");
  AppIds ids(inv);
  CHECK(ids.has_apps_near(inv.objects[0]));        // shop
  CHECK(ids.has_apps_near(inv.objects[3]));        // tools
  CHECK_FALSE(ids.has_apps_near(inv.objects[4]));  // web: dapr.io/enabled missing, not a Dapr app
  CHECK(ids.known("shop", "order-processor"));
  CHECK_FALSE(ids.known("shop", "orders"));     // the workload name is not the app-id
  CHECK_FALSE(ids.known("shop", "anonymous"));  // pods get generated names
  CHECK(ids.known("shop", "ledger-0"));
  CHECK(ids.known("shop", "ledger-12"));
  CHECK_FALSE(ids.known("shop", "ledger"));
  CHECK(ids.known("tools", "debug"));
  CHECK_FALSE(ids.known("tools", "order-processor"));
  CHECK(ids.known_anywhere("order-processor"));
  CHECK(ids.known_anywhere("ledger-1"));
  CHECK_FALSE(ids.known_anywhere("not-dapr"));
  CHECK(ids.ids_in("shop") == std::vector<std::string>{"order-processor"});
}

TEST_CASE("the component catalog groups Components by type family and namespace") {
  Inventory inv = inventory_of(R"(apiVersion: dapr.io/v1alpha1
kind: Component
metadata: {name: vault, namespace: shop}
spec: {type: secretstores.hashicorp.vault, version: v1}
---
apiVersion: dapr.io/v1alpha1
kind: Component
metadata: {name: vault, namespace: billing}
spec: {type: secretstores.hashicorp.vault, version: v1}
---
apiVersion: dapr.io/v1alpha1
kind: Component
metadata: {name: pubsub, namespace: shop}
spec: {type: pubsub.redis, version: v1}
)");
  ComponentCatalog catalog(inv);
  CHECK(component_family("secretstores.azure.keyvault") == "secretstores");
  CHECK(component_family("pubsub") == "pubsub");
  const Object& shop_vault = inv.objects[0];
  const Object& billing_vault = inv.objects[1];
  CHECK(catalog.has_family_near("secretstores", shop_vault));
  CHECK(catalog.has_family_near("pubsub", shop_vault));
  CHECK_FALSE(catalog.has_family_near("pubsub", billing_vault));
  CHECK(catalog.names_in("secretstores", "shop") == std::vector<std::string>{"vault"});
  CHECK(catalog.namespaces_of("secretstores", "vault") ==
        std::vector<std::string>{"billing", "shop"});
  CHECK(catalog.namespaces_of("pubsub", "vault").empty());
}

TEST_CASE("near names are suggested, distant and identical ones are not") {
  std::vector<std::string> names{"order-processor", "checkout", "azurekeyvault"};
  CHECK(nearest_name("order-procesor", names) == "order-processor");
  CHECK(nearest_name("checkuot", names) == "checkout");
  CHECK(nearest_name("keyvault", names).empty());
  CHECK(nearest_name("checkout", names).empty());
  CHECK(nearest_name("ab", {"ac"}).empty());  // one edit is half of a two-letter name
  CHECK(did_you_mean("azurekeyvalt", names) == " (did you mean 'azurekeyvault'?)");
  CHECK(did_you_mean("payments", names).empty());
  CHECK(comma_list({"billing", "shop"}) == "billing, shop");
  CHECK(comma_list({}).empty());
}

TEST_CASE("objects without a namespace are expected only beside their referrer") {
  Inventory inv;
  inv.files = {"apps/orders/deploy.yaml", "apps/orders/config.yaml", "other/config.yaml"};
  auto add = [&](std::size_t file, const char* kind, const char* ns) {
    Object o;
    o.kind = kind;
    o.namespace_ = ns;
    o.name = "x";
    o.file_index = file;
    inv.objects.push_back(o);
  };
  add(0, "Deployment", "");
  add(2, "Configuration", "");
  add(1, "Secret", "shop");
  inv.index();
  const Object& app = inv.objects[0];
  CHECK(inv.presence_scope(app) == "(no namespace) apps/orders");
  CHECK(inv.presence_scope(inv.objects[2]) == "shop");
  CHECK_FALSE(inv.has_kind_near("Configuration", app));  // in another directory
  add(1, "Configuration", "");
  inv.index();
  CHECK(inv.has_kind_near("Configuration", inv.objects[0]));
  CHECK_FALSE(inv.has_kind_near("Secret", inv.objects[0]));  // explicit namespace shop
}

TEST_CASE("scope: a kind is present only in the referrer's namespace and scope") {
  Inventory inv;
  inv.files = {"repo-a/deploy/app.yaml", "repo-b/config.yaml", "repo-a/config.yaml"};
  auto add = [&](std::size_t file, const char* kind) {
    Object o;
    o.kind = kind;
    o.namespace_ = "orders";
    o.name = "x";
    o.file_index = file;
    inv.objects.push_back(o);
  };
  add(0, "Deployment");
  add(1, "Configuration");
  inv.index();
  CHECK_FALSE(inv.has_kind_near("Configuration", inv.objects[0]));  // a sibling repository's
  add(2, "Configuration");
  inv.index();
  CHECK(inv.has_kind_near("Configuration", inv.objects[0]));  // the folder above the app's
}

TEST_CASE("scope: suggestions and hints come only from the referrer's scope") {
  // Referrers in repo-a; the objects a hint would name in another file, either beside them
  // (repo-a/more/) or in an unrelated repository of the same input (repo-b/).
  const char* referrers = R"(apiVersion: apps/v1
kind: Deployment
metadata: {name: orders, namespace: shop}
spec: {template: {metadata: {annotations: {dapr.io/enabled: "true", dapr.io/app-id: orders, dapr.io/config: tracing}}}}
---
apiVersion: dapr.io/v1alpha1
kind: Configuration
metadata: {name: appconfig, namespace: shop}
spec: {}
---
apiVersion: dapr.io/v1alpha1
kind: Component
metadata: {name: statestore, namespace: shop}
spec: {type: state.redis, version: v1}
auth: {secretStore: vault}
scopes: [orders, paymentz]
---
apiVersion: dapr.io/v1alpha1
kind: Component
metadata: {name: local-secrets, namespace: shop}
spec: {type: secretstores.local.file, version: v1}
---
apiVersion: dapr.io/v1alpha1
kind: Component
metadata: {name: events, namespace: shop}
spec: {type: pubsub.redis, version: v1}
---
apiVersion: dapr.io/v2alpha1
kind: Subscription
metadata: {name: orders-sub, namespace: shop}
spec: {pubsubname: pubsub, topic: orders}
---
apiVersion: dapr.io/v1alpha1
kind: Resiliency
metadata: {name: resiliency, namespace: shop}
spec:
  policies: {retries: {r: {policy: constant, maxRetries: 3}}}
  targets:
    apps: {orders: {retry: r}, paymentz: {retry: r}}
    components: {cache: {outbound: {retry: r}}}
)";
  const char* others = R"(apiVersion: dapr.io/v1alpha1
kind: Configuration
metadata: {name: tracing, namespace: billing}
spec: {}
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: payments, namespace: shop}
spec: {template: {metadata: {annotations: {dapr.io/enabled: "true", dapr.io/app-id: payments}}}}
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: orders-v2, namespace: shop}
spec: {template: {metadata: {annotations: {dapr.io/enabled: "true", dapr.io/app-id: orders}}}}
---
apiVersion: dapr.io/v1alpha1
kind: Component
metadata: {name: vault, namespace: billing}
spec: {type: secretstores.hashicorp.vault, version: v1}
---
apiVersion: dapr.io/v1alpha1
kind: Component
metadata: {name: pubsubs, namespace: shop}
spec: {type: pubsub.redis, version: v1}
---
apiVersion: dapr.io/v1alpha1
kind: Component
metadata: {name: caches, namespace: shop}
spec: {type: state.redis, version: v1}
)";
  namespace fs = std::filesystem;
  const fs::path dir = fs::temp_directory_path() / ("daprlint-scope-" + std::to_string(::getpid()));
  const fs::path a = dir / "repo-a" / "apps.yaml";
  fs::create_directories(a.parent_path());
  std::ofstream(a) << referrers;
  // rule -> the hint it gives when the other file is in scope
  const std::pair<const char*, const char*> hints[] = {
      {"sc-config-not-found", "(it is in namespace billing)"},
      {"co-scope-unknown-app", "(did you mean 'payments'?)"},
      {"re-unknown-target", "(did you mean 'payments'?)"},
      {"re-unknown-target", "(did you mean 'caches'?)"},
      {"co-secret-store-not-found", "is in namespace billing, not in shop"},
      {"su-pubsub-not-found", "(did you mean 'pubsubs'?)"},
      {"sc-app-id-duplicate", "already used in namespace shop by Deployment orders"},
  };
  for (const fs::path& b :
       {dir / "repo-a" / "more" / "other.yaml", dir / "repo-b" / "other.yaml"}) {
    fs::create_directories(b.parent_path());
    std::ofstream(b) << others;
    const bool near = b.parent_path().parent_path() == a.parent_path();
    for (const auto& [rule, hint] : hints) {
      CAPTURE(b.string());
      CAPTURE(rule);
      std::string messages;
      for (const Finding& f : test::lint_pinned({a.string(), b.string()}, {rule}).findings)
        messages += f.message + "\n";
      CHECK((messages.find(hint) != std::string::npos) == near);
    }
    fs::remove(b);
  }
  // The findings themselves stay: each rule but the duplicate still reports the reference.
  for (const char* rule : {"sc-config-not-found", "co-scope-unknown-app", "re-unknown-target",
                           "co-secret-store-not-found", "su-pubsub-not-found"}) {
    CAPTURE(rule);
    CHECK_FALSE(test::lint_pinned({a.string()}, {rule}).findings.empty());
  }
  fs::remove_all(dir);
}
