#include "report/html_assets.h"

namespace daprlint {

const char* const kHtmlStyle = R"css(
:root{--err:#c62828;--warn:#b26a00;--note:#1565c0;--mut:#5f6368;--line:#e0e0e0}
body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0;color:#202124}
header,main{padding:0 24px}header{border-bottom:1px solid var(--line)}
h1{font-size:22px;margin:16px 0 4px}h2{font-size:18px;margin:28px 0 8px}
h3{font-size:16px;margin:18px 0 6px}h4{font-size:14px;margin:12px 0 4px}
.meta{color:var(--mut);margin:0 0 12px}.summary{display:flex;flex-wrap:wrap;gap:24px}
.counts td,.counts th{padding:2px 10px 2px 0;text-align:left}.num{text-align:right}
.filters{position:sticky;top:0;background:#fff;border-bottom:1px solid var(--line);
padding:8px 24px;display:flex;flex-wrap:wrap;gap:16px;align-items:center;z-index:1}
.filters fieldset{border:0;margin:0;padding:0;display:flex;gap:8px;align-items:center}
.filters legend{float:left;font-weight:600;margin-right:4px}
.obj{content-visibility:auto;contain-intrinsic-size:auto 120px;margin:0 0 14px}
.obj h4 .where{color:var(--mut);font-weight:400}
table.f{border-collapse:collapse;width:100%;table-layout:fixed}
table.f td,table.f th{border-top:1px solid var(--line);padding:4px 8px;vertical-align:top;
text-align:left;overflow-wrap:anywhere}
table.f col.s{width:96px}table.f col.l{width:24%}table.f col.r{width:200px}
.sev{font-weight:600;white-space:nowrap}.sev-error{color:var(--err)}.sev-warning{color:var(--warn)}
.sev-note{color:var(--note)}.helm,.reason{color:var(--mut);font-size:12px}
tr.doc td{background:#f8f9fa}.rule-doc{border-top:1px solid var(--line)}
pre{white-space:pre-wrap;font:13px/1.4 ui-monospace,Menlo,Consolas,monospace;margin:4px 0}
code{font:13px ui-monospace,Menlo,Consolas,monospace}[hidden]{display:none!important}
.none{color:var(--mut)}
)css";

const char* const kHtmlScript = R"js(
(function () {
  'use strict';
  var boxes = document.querySelectorAll('.filters input[type=checkbox]');
  var nsSelect = document.getElementById('f-namespace');
  var rows = document.querySelectorAll('#findings tr.f');
  var objects = document.querySelectorAll('#findings .obj');
  var spaces = document.querySelectorAll('#findings section.ns');
  var shownText = document.getElementById('shown');
  function fromHash() {
    var want = {};
    location.hash.replace(/^#/, '').split('&').forEach(function (kv) {
      var p = kv.split('=');
      if (p.length === 2) want[p[0]] = decodeURIComponent(p[1]).split(',');
    });
    boxes.forEach(function (b) {
      var w = want[b.name];
      if (w) b.checked = w.indexOf(b.value) >= 0;
    });
    if (want.namespace) nsSelect.value = want.namespace[0];
  }
  function apply() {
    var on = {severity: {}, category: {}};
    boxes.forEach(function (b) { if (b.checked) on[b.name][b.value] = true; });
    var ns = nsSelect.value, shown = 0;
    rows.forEach(function (r) {
      var show = on.severity[r.dataset.severity] && on.category[r.dataset.category];
      r.hidden = !show;
      var doc = r.nextElementSibling;
      if (doc && doc.classList.contains('doc')) doc.hidden = !show;
    });
    objects.forEach(function (o) {
      var any = o.querySelector('tr.f:not([hidden])') !== null;
      o.hidden = !any;
    });
    spaces.forEach(function (s) {
      var show = (ns === '' || s.dataset.namespace === ns) &&
          s.querySelector('.obj:not([hidden])') !== null;
      s.hidden = !show;
      if (show) shown += s.querySelectorAll('tr.f:not([hidden])').length;
    });
    shownText.textContent = shown + ' of ' + rows.length;
    document.body.dataset.shown = shown;
  }
  // A rule's why and fix, kept once per rule in #rules, opened under the finding.
  document.getElementById('findings').addEventListener('click', function (e) {
    var a = e.target.closest('a.explain');
    if (!a) return;
    e.preventDefault();
    var row = a.closest('tr'), next = row.nextElementSibling;
    if (next && next.classList.contains('doc')) { next.remove(); return; }
    var doc = document.getElementById(a.getAttribute('href').slice(1));
    var tr = document.createElement('tr'), td = document.createElement('td');
    tr.className = 'doc'; td.colSpan = 4;
    td.appendChild(doc.querySelector('.body').cloneNode(true));
    tr.appendChild(td); row.after(tr);
  });
  boxes.forEach(function (b) { b.addEventListener('change', apply); });
  nsSelect.addEventListener('change', apply);
  window.addEventListener('hashchange', function () { fromHash(); apply(); });
  fromHash();
  apply();
})();
)js";

}  // namespace daprlint
