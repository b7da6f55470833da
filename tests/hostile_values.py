#!/usr/bin/env python3
"""Writes a `kind: List` (JSON) whose Dapr-relevant fields hold hostile values: huge numbers,
empty and malformed strings, out-of-range durations and quantities, odd YAML in Argo CD values.
Every annotation named in rules/*.yaml gets each value. daprlint must lint it without crashing
or hanging (tests/cli_test.sh). Usage: hostile_values.py ROOT OUT"""
import json
import re
import sys
from pathlib import Path

root, out = Path(sys.argv[1]), Path(sys.argv[2])
keys = sorted({k for f in (root / "rules").glob("*.yaml")
               for k in re.findall(r"dapr\.io/[a-z0-9.-]+", f.read_text())})
values = ["", "-", "9" * 400, "1e99999", "1e-99999", "x" * 5000, "ünï", "0x", ":::", "$(X)", "-1",
          "2147483648", "99999999999999999999", "=", ",,,", ", a", "GOMEMLIMIT=",
          "GOMEMLIMIT=99999999999999999999999GiB", "a=b,c", "[::]", "0.0.0.0:99999", "1.5", "nan",
          "inf", "-0", "1h1h1h1h", "9999999999999h", "[", "&a [*a, *a]"]
items = []
for i, v in enumerate(values):
    ann = {k: v for k in keys}
    ann["dapr.io/enabled"] = "true"
    pod = {"metadata": {"annotations": ann, "labels": {"app": v}},
           "spec": {"terminationGracePeriodSeconds": v, "hostNetwork": True,
                    "containers": [{"name": "c", "image": v,
                                    "args": ["--keepalive-time", v, "--etcd-client-password", v],
                                    "ports": [{"containerPort": v, "name": v}]}]}}
    items += [
        {"apiVersion": "apps/v1", "kind": "Deployment",
         "metadata": {"name": f"d{i}", "namespace": "n", "annotations": ann},
         "spec": {"replicas": v, "template": pod}},
        {"apiVersion": "apps/v1", "kind": "StatefulSet",
         "metadata": {"name": "dapr-scheduler-server", "namespace": "dapr-system",
                      "labels": {"app": "dapr-scheduler-server",
                                 "app.kubernetes.io/part-of": "dapr"}},
         "spec": {"replicas": v,
                  "volumeClaimTemplates": [{"metadata": {"name": "dapr-scheduler-data-dir"},
                                            "spec": {"resources": {"requests": {"storage": v}}}}],
                  "template": {"metadata": {"annotations": {"dapr.io/control-plane": "scheduler"}},
                               "spec": {"priorityClassName": v, "containers": [
                                   {"name": "dapr-scheduler-server",
                                    "image": "ghcr.io/dapr/scheduler:" + v,
                                    "args": ["--keepalive-time=" + v, "--etcd-data-dir", v]}]}}}},
        {"apiVersion": "v1", "kind": "Service", "metadata": {"name": f"s{i}", "namespace": "n"},
         "spec": {"selector": {"app": v}, "ports": [{"port": 80, "targetPort": v}]}},
        {"apiVersion": "dapr.io/v1alpha1", "kind": "Configuration",
         "metadata": {"name": f"c{i}", "namespace": "n"},
         "spec": {"tracing": {"samplingRate": v}, "mtls": {"enabled": v}}},
        {"apiVersion": "dapr.io/v1alpha1", "kind": "Component",
         "metadata": {"name": f"k{i}", "namespace": "n"},
         "spec": {"type": v, "version": v, "metadata": [{"name": "password", "value": v}]},
         "auth": {"secretStore": v}, "scopes": [v]},
        {"apiVersion": "dapr.io/v1alpha1", "kind": "Resiliency",
         "metadata": {"name": f"r{i}", "namespace": "n"},
         "spec": {"policies": {"retries": {"p": {"policy": "constant", "maxRetries": v}},
                               "timeouts": {"t": v}},
                  "targets": {"apps": {v[:200]: {"retry": "p", "timeout": v}}}}},
        {"apiVersion": "helm.toolkit.fluxcd.io/v2", "kind": "HelmRelease",
         "metadata": {"name": f"h{i}", "namespace": "n"},
         "spec": {"chart": {"spec": {"chart": "dapr", "version": v}},
                  "values": {"dapr_scheduler": {"cluster": {"storageSize": v}},
                             "global": {"ha": {"enabled": v}}}}},
        {"apiVersion": "argoproj.io/v1alpha1", "kind": "Application",
         "metadata": {"name": f"a{i}", "namespace": "n"},
         "spec": {"source": {"chart": "dapr", "targetRevision": v, "helm": {"values": v}}}},
    ]
out.write_text(json.dumps({"apiVersion": "v1", "kind": "List", "items": items}, indent=1))
