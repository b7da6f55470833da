// Unit tests for the scope of cross-object rules: which files share one, and the index that
// answers "is an object of this key in one scope with that one" without comparing with each.
#include "model/scope.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "model/inventory.h"

using namespace daprlint;

TEST_CASE("scope: files share one when a directory contains the other's") {
  CHECK(files_in_one_scope("deploy/app.yaml", "deploy/app.yaml"));
  CHECK(files_in_one_scope("<stdin>", "<stdin>"));
  CHECK_FALSE(files_in_one_scope("<stdin>", "app.yaml"));  // a stream, not the current directory
  CHECK(files_in_one_scope("deploy/config.yaml", "deploy/orders/app.yaml"));
  CHECK(files_in_one_scope("deploy/orders/app.yaml", "deploy/config.yaml"));
  CHECK(files_in_one_scope("config.yaml", "deploy/orders/app.yaml"));
  CHECK(files_in_one_scope("/x.yaml", "/srv/repo/app.yaml"));
  CHECK_FALSE(files_in_one_scope("../other/a.yaml", "b.yaml"));
  CHECK_FALSE(files_in_one_scope("deploy-a/x.yaml", "deploy/y.yaml"));  // a prefix, not a folder
  // Siblings: two overlays, two repositories of an audit, two repositories of one corpus folder.
  CHECK_FALSE(files_in_one_scope("app/overlays/dev/a.yaml", "app/overlays/prod/b.yaml"));
  CHECK_FALSE(files_in_one_scope("repo-a/deploy/a.yaml", "repo-b/deploy/a.yaml"));
  CHECK_FALSE(files_in_one_scope("/srv/repo-a/a.yaml", "/srv/repo-b/b.yaml"));
  CHECK_FALSE(files_in_one_scope("corpus/A__x/deploy.yaml", "corpus/B__y/config.yaml"));
  // A kustomize base belongs to the folder above it, whose overlays apply it.
  CHECK(files_in_one_scope("app/base/config.yaml", "app/overlays/prod/patch.yaml"));
  CHECK(files_in_one_scope("app/overlays/prod/patch.yaml", "app/bases/config.yaml"));
  CHECK(files_in_one_scope("m/base/components/c.yaml", "m/base/deployments/d.yaml"));
  CHECK_FALSE(files_in_one_scope("m/branch/base/c.yaml", "m/local/branch/s.yaml"));
  CHECK_FALSE(files_in_one_scope("a/base/c.yaml", "b/overlays/prod/d.yaml"));
  // A rendered chart or overlay is its own folder: two charts are two installs.
  CHECK_FALSE(
      files_in_one_scope("charts/orders (helm template)", "charts/payments (helm template)"));
  CHECK(files_in_one_scope("charts/orders (helm template)", "charts/namespaces.yaml"));
  CHECK(files_in_one_scope("charts/orders (helm template)", "charts/orders/extra/config.yaml"));
  CHECK_FALSE(files_in_one_scope("overlays/prod (kustomize)", "overlays/dev/config.yaml"));
}

TEST_CASE("scope: the index answers as files_in_one_scope does for every pair") {
  const std::vector<std::string> files = {
      "app.yaml",
      "deploy/app.yaml",
      "deploy/orders/app.yaml",
      "deploy-a/x.yaml",
      "app/base/config.yaml",
      "app/bases/more/config.yaml",
      "app/overlays/prod/patch.yaml",
      "app/overlays/dev/patch.yaml",
      "base/c.yaml",
      "m/base/components/c.yaml",
      "m/base/deployments/d.yaml",
      "m/local/branch/s.yaml",
      "./local/a.yaml",
      "../other/a.yaml",
      "../b.yaml",
      "/x.yaml",
      "/srv/repo-a/a.yaml",
      "/srv/repo-a/sub/b.yaml",
      "/srv/repo-b/b.yaml",
      "charts/orders (helm template)",
      "charts/payments (helm template)",
      "charts/orders/extra/config.yaml",
      "overlays/prod (kustomize)",
      "<stdin>",
  };
  for (std::size_t holder = 0; holder < files.size(); ++holder) {
    ScopeIndex index;
    index.add("k", files[holder], holder, false);
    for (std::size_t referrer = 0; referrer < files.size(); ++referrer) {
      CAPTURE(files[holder]);
      CAPTURE(files[referrer]);
      CHECK(index.near("k", files[referrer], referrer, false) ==
            files_in_one_scope(files[holder], files[referrer]));
      CHECK_FALSE(index.near("other key", files[referrer], referrer, false));
    }
  }
}

TEST_CASE("scope: objects of a cluster export share one wherever their files are") {
  Inventory inv;
  inv.files = {"export/configurations/appconfig.yaml", "export/deployments/orders.yaml",
               "repo/deploy/orders.yaml"};
  auto add = [&](std::size_t file, const char* kind, bool live) {
    Object o;
    o.kind = kind;
    o.namespace_ = "orders";
    o.name = "x";
    o.file_index = file;
    o.live = live;
    inv.objects.push_back(o);
  };
  add(0, "Configuration", true);
  add(1, "Deployment", true);
  add(2, "Deployment", false);
  inv.index();
  CHECK(inv.in_one_scope(inv.objects[0], inv.objects[1]));
  CHECK(inv.has_kind_near("Configuration", inv.objects[1]));
  // A manifest beside the export is not part of it.
  CHECK_FALSE(inv.in_one_scope(inv.objects[0], inv.objects[2]));
  CHECK_FALSE(inv.has_kind_near("Configuration", inv.objects[2]));
}
