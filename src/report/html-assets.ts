// Inline stylesheet and script of the HTML report, kept apart from the markup so neither ever holds article text.

/**
 * The report's stylesheet. Constant text: article text never reaches it (the only computed styles are numeric
 * widths and hues in `style` attributes). No `url()` or `@import`, so the page loads nothing.
 */
export const CSS = `
:root {
  color-scheme: light;
  --fg: #1b1f24; --muted: #57606a; --line: #d0d7de; --bg: #ffffff; --panel: #f6f8fa;
  --machine: #b42318; --likely-machine: #c4520f; --uncertain: #7a6a00; --likely-human: #1d6fa5; --human: #1a7f37;
  --pos: #ffd8b5; --neg: #c8e6ff; --focus: #0969da;
}
* { box-sizing: border-box; }
html { font-size: 100%; }
body { margin: 0; color: var(--fg); background: var(--bg);
  font: 1rem/1.55 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
a { color: var(--focus); }
:focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; }
.skip { position: absolute; left: -999px; top: 0; background: var(--bg); padding: .5rem; }
.skip:focus { left: .5rem; }
header.page, main, nav.toc, footer.page { max-width: 62rem; margin: 0 auto; padding: 0 1rem; }
header.page h1 { font-size: 1.5rem; margin: 1.25rem 0 .25rem; }
header.page p, footer.page { color: var(--muted); font-size: .9rem; }
nav.toc table, table.evidence { border-collapse: collapse; width: 100%; font-size: .9rem; }
nav.toc th, nav.toc td, table.evidence th, table.evidence td { text-align: left; padding: .3rem .5rem;
  border-bottom: 1px solid var(--line); vertical-align: top; }
table.evidence td.num, nav.toc td.num { text-align: right; font-variant-numeric: tabular-nums; }
section.report { border-top: 3px solid var(--line); margin-top: 1.5rem; padding-top: .5rem; }
section.report > h2 { font-size: 1.25rem; word-break: break-all; margin: .5rem 0; }
.overview { display: flex; flex-wrap: wrap; gap: 1rem 2rem; align-items: flex-start; background: var(--panel);
  border: 1px solid var(--line); border-radius: 6px; padding: .75rem 1rem; }
.verdict { font-size: 1.2rem; font-weight: 700; }
.verdict .prob { font-weight: 400; color: var(--muted); }
.facts { margin: .25rem 0 0; color: var(--muted); font-size: .9rem; }
.chart figcaption { font-size: .8rem; color: var(--muted); }
.chart svg { display: block; }
.v-declared-machine, .v-undeclared-machine { color: var(--machine); }
.v-human { color: var(--human); }
.v-mixed { color: var(--likely-machine); }
.v-uncertain, .v-unknown { color: var(--muted); }
.notice { border-left: 6px solid var(--machine); background: #fff4e5; padding: .5rem .75rem; margin: .75rem 0;
  border-radius: 0 6px 6px 0; }
.notice strong { color: var(--machine); }
.shared { border-left: 6px solid var(--line); background: var(--panel); padding: .5rem .75rem; margin: .75rem 0;
  border-radius: 0 6px 6px 0; }
.input-error { border-left: 6px solid var(--machine); background: #ffebe9; padding: .5rem .75rem; }
.toolbar { margin: .75rem 0; display: flex; gap: .5rem; flex-wrap: wrap; }
.toolbar[hidden] { display: none; }
.toolbar button { font: inherit; font-size: .9rem; padding: .25rem .75rem; border: 1px solid var(--line);
  border-radius: 6px; background: var(--panel); color: var(--fg); cursor: pointer; }
ol.paragraphs { list-style: none; margin: 0; padding: 0; }
li.para { display: grid; grid-template-columns: .5rem 1fr; gap: 0 .75rem; margin: .75rem 0;
  border: 1px solid var(--line); border-radius: 6px; overflow: hidden; break-inside: avoid; }
.band { background: var(--line); }
.para-body { padding: .5rem .75rem .5rem 0; min-width: 0; }
.para-meta { font-size: .85rem; color: var(--muted); display: flex; flex-wrap: wrap; gap: .25rem 1rem; align-items: center; }
.para-meta .label { font-weight: 700; }
.l-machine { color: var(--machine); } .l-likely-machine { color: var(--likely-machine); }
.l-uncertain { color: var(--uncertain); } .l-likely-human { color: var(--likely-human); } .l-human { color: var(--human); }
.meter { display: inline-block; width: 6rem; height: .6rem; background: var(--panel); border: 1px solid var(--line);
  border-radius: 3px; overflow: hidden; vertical-align: middle; }
.meter > span { display: block; height: 100%; }
p.text { margin: .35rem 0; white-space: pre-wrap; overflow-wrap: anywhere; }
li.unscored { background: var(--panel); }
li.unscored p.text { color: var(--muted); }
li.unscored .kind { font-weight: 700; }
mark.sig { border-radius: 2px; padding: 0 1px; color: inherit; }
mark.sig.pos { background: var(--pos); border-bottom: 2px solid var(--likely-machine); }
mark.sig.neg { background: var(--neg); border-bottom: 2px solid var(--likely-human); }
mark.sig.multi { border-bottom-style: double; border-bottom-width: 3px; }
mark.sig a { color: inherit; text-decoration: none; }
details.evidence, details.drift-block { margin: .35rem 0; font-size: .9rem; }
details > summary { cursor: pointer; color: var(--muted); }
tr.target { background: #fff8c5; }
td.w-pos { color: var(--machine); } td.w-neg { color: var(--human); }
.drift { margin: .35rem 0; font-size: .9rem; }
.drift p { margin: .25rem 0; white-space: pre-wrap; overflow-wrap: anywhere; }
del { background: #ffebe9; color: #82071e; }
ins { background: #dafbe1; color: #116329; text-decoration: underline; }
.too-different { font-style: italic; color: var(--muted); }
ul.messages { margin: .35rem 0; padding-left: 1.25rem; font-size: .9rem; }
.sev { font-weight: 700; text-transform: uppercase; font-size: .75rem; letter-spacing: .03em; }
.sev-error { color: var(--machine); } .sev-warning { color: var(--likely-machine); } .sev-info { color: var(--likely-human); }
table.evidence code, ul.messages code { white-space: nowrap; }
code { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: .85em; }
.legend { font-size: .85rem; color: var(--muted); }
.legend-box { font-size: .85rem; margin: .4rem 0; } .legend-box summary { cursor: pointer; }
.legend-box dl { display: grid; grid-template-columns: max-content 1fr; gap: .15rem .75rem; margin: .4rem 0; }
.legend-box dt { font-weight: 600; } .legend-box dd { margin: 0; }
.hidden-unscored li.unscored { display: none; }
@media print {
  .toolbar, .skip { display: none !important; }
  body { font-size: 10pt; }
  section.report { break-before: page; }
  section.report:first-of-type { break-before: auto; }
  * { print-color-adjust: exact; -webkit-print-color-adjust: exact; }
  a { color: inherit; text-decoration: none; }
}
`;

/**
 * The report's script: progressive enhancement only (everything works without it, `<details>` included).
 * Constant text; it reads ids from the page and never evaluates page content.
 */
export const SCRIPT = `
(function () {
  'use strict';
  function openFor(id) {
    if (!id) return;
    var el = document.getElementById(id);
    if (!el) return;
    var d = el.closest('details');
    if (d) d.open = true;
    var old = document.querySelectorAll('tr.target');
    for (var i = 0; i < old.length; i++) old[i].classList.remove('target');
    if (el.tagName === 'TR') el.classList.add('target');
  }
  function fromHash() {
    try { openFor(decodeURIComponent(location.hash.slice(1))); } catch (e) { /* malformed hash: ignore */ }
  }
  document.addEventListener('click', function (ev) {
    var a = ev.target && ev.target.closest ? ev.target.closest('a.sig-link') : null;
    if (a) openFor(a.getAttribute('href').slice(1));
    var b = ev.target && ev.target.closest ? ev.target.closest('button[data-action]') : null;
    if (!b) return;
    var section = b.closest('section.report');
    var action = b.getAttribute('data-action');
    if (action === 'expand' || action === 'collapse') {
      var ds = section.querySelectorAll('details');
      for (var i = 0; i < ds.length; i++) ds[i].open = action === 'expand';
    } else if (action === 'unscored') {
      var hidden = section.classList.toggle('hidden-unscored');
      b.setAttribute('aria-pressed', hidden ? 'true' : 'false');
    }
  });
  window.addEventListener('hashchange', fromHash);
  var reopened = [];
  window.addEventListener('beforeprint', function () {
    var ds = document.querySelectorAll('details:not([open])');
    for (var i = 0; i < ds.length; i++) { ds[i].open = true; reopened.push(ds[i]); }
  });
  window.addEventListener('afterprint', function () {
    for (var i = 0; i < reopened.length; i++) reopened[i].open = false;
    reopened = [];
  });
  var bars = document.querySelectorAll('.toolbar');
  for (var j = 0; j < bars.length; j++) bars[j].hidden = false;
  fromHash();
})();
`;
