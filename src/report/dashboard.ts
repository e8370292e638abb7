// Batch dashboard (DIR/index.html): a pure function from a batch summary to one standalone, offline HTML page.
import type { BatchEntry, BatchSummary } from '../batch/types.js';
import { VERDICTS } from '../batch/types.js';
import { CSP } from './html.js';
import { BINS, esc, hue, LEGEND, percent, VERDICT_TEXT } from './html-shared.js';

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/**
 * A relative link to a report: each path segment percent-encoded (a `#`, `?` or `%` in a file name must not turn
 * into a fragment or a query), then HTML-escaped for the attribute. Paths are relative to DIR, as is the page.
 */
function href(rel: string): string {
  return esc(rel.split('/').map(encodeURIComponent).join('/'));
}

/** The verdict key a row filters and sorts on: a fixed word, never input text. */
function rowVerdict(e: BatchEntry): string {
  return e.error ? 'unreadable' : (e.verdict ?? 'unknown');
}

/** Histogram of document probabilities in 10 bins, as inline SVG with a text alternative (numbers only). */
function histogram(entries: readonly BatchEntry[]): string {
  const probs = entries.map((e) => e.machineProbability).filter((p): p is number => p !== null && !Number.isNaN(p));
  const counts = new Array<number>(BINS).fill(0);
  for (const p of probs) counts[Math.min(BINS - 1, Math.max(0, Math.floor(p * BINS)))]! += 1;
  const max = Math.max(1, ...counts);
  const barW = 30;
  const gap = 4;
  const width = BINS * (barW + gap) - gap;
  const top = 16;
  const base = 110;
  const bars = counts
    .map((n, i) => {
      const h = n === 0 ? 0 : Math.max(2, Math.round(((base - top) * n) / max));
      const x = i * (barW + gap);
      const label = `${i * 10}–${(i + 1) * 10}%: ${plural(n, 'document')}`;
      return (
        `<rect x="${x}" y="${base - h}" width="${barW}" height="${h}" fill="hsl(${hue((i + 0.5) / BINS)} 65% 45%)">` +
        `<title>${esc(label)}</title></rect>` +
        (n > 0 ? `<text x="${x + barW / 2}" y="${base - h - 3}" font-size="10" text-anchor="middle" fill="#1b1f24">${n}</text>` : '')
      );
    })
    .join('');
  const axis =
    `<line x1="0" y1="${base + 0.5}" x2="${width}" y2="${base + 0.5}" stroke="#8c959f" stroke-width="1"/>` +
    `<text x="0" y="${base + 13}" font-size="10" fill="#57606a">0%</text>` +
    `<text x="${width / 2}" y="${base + 13}" font-size="10" fill="#57606a" text-anchor="middle">50%</text>` +
    `<text x="${width}" y="${base + 13}" font-size="10" fill="#57606a" text-anchor="end">100%</text>`;
  const described = counts.map((n, i) => `${i * 10}–${(i + 1) * 10}%: ${n}`).join(', ');
  const withReport = entries.filter((e) => !e.error).length;
  const missing = withReport - probs.length;
  const caption =
    probs.length === 0
      ? 'No document has a machine-translation probability yet.'
      : `Machine-translation probability of ${plural(probs.length, 'document')}` +
        (missing > 0 ? ` (${missing} with too little text to say)` : '') +
        '; red bins are likely machine translation, green ones likely human.';
  return (
    `<figure class="chart"><svg width="${width}" height="${base + 16}" viewBox="0 0 ${width} ${base + 16}" role="img" ` +
    `aria-label="${esc(`Documents per machine-translation probability: ${described}`)}">${bars}${axis}</svg>` +
    `<figcaption>${esc(caption)}</figcaption></figure>`
  );
}

/** One card per verdict (and for unreadable inputs), each a button that filters the table. */
function cards(summary: BatchSummary): string {
  const t = summary.totals;
  const items: Array<{ key: string; label: string; n: number }> = VERDICTS.map((v) => ({ key: v, label: VERDICT_TEXT[v], n: t.byVerdict[v] ?? 0 }));
  items.push({ key: 'unreadable', label: 'Unreadable', n: t.unreadable });
  return (
    `<ul class="cards">` +
    items
      .map(
        (c) =>
          `<li><button type="button" class="card v-${esc(c.key)}" data-verdict="${esc(c.key)}"${c.n === 0 ? ' disabled' : ''}>` +
          `<span class="n">${c.n}</span><span class="what">${esc(c.label)}</span></button></li>`,
      )
      .join('') +
    `</ul>`
  );
}

function row(e: BatchEntry): string {
  const verdict = rowVerdict(e);
  const main = e.html ?? e.report;
  const name = main ? `<a href="${href(main)}">${esc(e.path)}</a>` : esc(e.path);
  const prob = e.machineProbability;
  const probCell =
    prob === null
      ? `<td class="num" data-value="-1">–</td>`
      : `<td class="num" data-value="${prob}"><span class="meter" aria-hidden="true"><span style="width:${Math.round(prob * 100)}%;` +
        `background:hsl(${hue(prob)} 65% 45%)"></span></span> ${esc(percent(prob))}</td>`;
  const links = [e.html ? `<a href="${href(e.html)}">HTML</a>` : '', e.report ? `<a href="${href(e.report)}">JSON</a>` : '']
    .filter(Boolean)
    .join(' · ');
  const reason = e.error ? `<div class="reason"><code>${esc(e.error.code)}</code> ${esc(e.error.message)}</div>` : '';
  const c = e.counts;
  return (
    `<tr data-verdict="${esc(verdict)}"><td class="path">${name}${reason}</td>` +
    `<td data-value="${esc(verdict)}"><span class="badge v-${esc(verdict)}">${esc(verdict)}</span></td>${probCell}` +
    `<td class="num" data-value="${c.bodyParagraphs}">${c.bodyParagraphs}</td>` +
    `<td class="num" data-value="${c.errors}">${c.errors}</td><td class="num" data-value="${c.warnings}">${c.warnings}</td>` +
    `<td data-value="${esc(e.language ?? '')}">${esc(e.language ?? '–')}</td><td class="links">${links || '–'}</td></tr>`
  );
}

function table(entries: readonly BatchEntry[]): string {
  const present = new Set(entries.map(rowVerdict));
  const options = [...VERDICTS, 'unreadable']
    .filter((v) => present.has(v))
    .map((v) => `<option value="${esc(v)}">${esc(v)}</option>`)
    .join('');
  const head = (label: string, key: number, type: 'text' | 'number'): string =>
    `<th scope="col" aria-sort="none"><button type="button" data-col="${key}" data-type="${type}">${esc(label)}</button></th>`;
  return (
    `<div class="controls" id="controls" hidden><label>Verdict <select id="f-verdict"><option value="">all</option>${options}</select></label>` +
    `<label>Search <input type="search" id="f-search" placeholder="path, verdict or reason" autocomplete="off"></label>` +
    `<output id="shown" aria-live="polite"></output></div>` +
    `<table id="inputs"><caption>${esc(plural(entries.length, 'input'))}; select a column title to sort</caption><thead><tr>` +
    head('Input', 0, 'text') +
    head('Verdict', 1, 'text') +
    head('Machine probability', 2, 'number') +
    head('Body paragraphs', 3, 'number') +
    head('Errors', 4, 'number') +
    head('Warnings', 5, 'number') +
    head('Language', 6, 'text') +
    `<th scope="col">Report</th></tr></thead><tbody>${entries.map(row).join('')}</tbody></table>`
  );
}

/**
 * The dashboard's stylesheet: constant text, no `url()` or `@import`, so the page loads nothing. The only computed
 * styles are numeric widths and hues in `style` attributes.
 */
const CSS = `
.legend-box { font-size: .85rem; margin: .4rem 0; } .legend-box summary { cursor: pointer; }
.legend-box dl { display: grid; grid-template-columns: max-content 1fr; gap: .15rem .75rem; margin: .4rem 0; }
.legend-box dt { font-weight: 600; } .legend-box dd { margin: 0; }
:root { color-scheme: light; --fg: #1b1f24; --muted: #57606a; --line: #d0d7de; --panel: #f6f8fa; --focus: #0969da;
  --machine: #b42318; --mixed: #c4520f; --human: #1a7f37; }
* { box-sizing: border-box; }
body { margin: 0; color: var(--fg); background: #fff;
  font: 1rem/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
header, main, footer { max-width: 72rem; margin: 0 auto; padding: 0 1rem; }
h1 { font-size: 1.5rem; margin: 1.25rem 0 .25rem; }
header p, footer { color: var(--muted); font-size: .9rem; }
a { color: var(--focus); }
:focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; }
.overview { display: flex; flex-wrap: wrap; gap: 1rem 2rem; align-items: flex-start; margin: 1rem 0; }
ul.cards { list-style: none; padding: 0; margin: 0; display: grid; grid-template-columns: repeat(auto-fill, minmax(9.5rem, 1fr));
  gap: .5rem; flex: 1 1 24rem; }
.card { width: 100%; height: 100%; text-align: left; font: inherit; border: 1px solid var(--line); border-radius: 6px;
  background: var(--panel); padding: .5rem .75rem; cursor: pointer; color: inherit; }
.card[disabled] { cursor: default; opacity: .6; }
.card[aria-pressed="true"] { border-color: var(--focus); box-shadow: inset 0 0 0 1px var(--focus); }
.card .n { display: block; font-size: 1.6rem; font-weight: 700; font-variant-numeric: tabular-nums; }
.card .what { font-size: .85rem; color: var(--muted); }
.v-declared-machine .n, .v-undeclared-machine .n, .badge.v-declared-machine, .badge.v-undeclared-machine { color: var(--machine); }
.v-mixed .n, .badge.v-mixed { color: var(--mixed); }
.v-human .n, .badge.v-human { color: var(--human); }
.v-unreadable .n, .badge.v-unreadable { color: #82071e; }
.chart { margin: 0; }
.chart svg { display: block; }
.chart figcaption { font-size: .8rem; color: var(--muted); max-width: 20rem; }
.controls { display: flex; flex-wrap: wrap; gap: .5rem 1.5rem; align-items: center; margin: 1rem 0 .5rem; }
.controls[hidden] { display: none; }
.controls select, .controls input { font: inherit; padding: .2rem .4rem; border: 1px solid var(--line); border-radius: 6px; }
.controls output { color: var(--muted); font-size: .9rem; }
table { border-collapse: collapse; width: 100%; font-size: .9rem; }
caption { text-align: left; color: var(--muted); font-size: .85rem; padding: .25rem 0; }
th, td { text-align: left; padding: .3rem .5rem; border-bottom: 1px solid var(--line); vertical-align: top; }
th button { font: inherit; font-weight: 700; border: 0; background: none; padding: 0; cursor: pointer; color: inherit; }
th[aria-sort="ascending"] button::after { content: " ▲"; }
th[aria-sort="descending"] button::after { content: " ▼"; }
td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
td.path { overflow-wrap: anywhere; min-width: 16rem; }
.reason { color: #82071e; font-size: .85rem; }
td.links { white-space: nowrap; }
.badge { font-weight: 600; white-space: nowrap; }
.meter { display: inline-block; width: 4rem; height: .55rem; background: var(--panel); border: 1px solid var(--line);
  border-radius: 3px; overflow: hidden; vertical-align: middle; }
.meter > span { display: block; height: 100%; }
tr[hidden] { display: none; }
@media print { .controls { display: none; } }
`;

/**
 * The dashboard's script: constant text that never holds input data. It reads the table it is given, so without
 * JavaScript the page is still a complete, readable table. Filters: verdict (select or card) and a text search
 * over each row's visible text; sorting: stable, by a column's `data-value` (numbers) or text.
 */
const SCRIPT = `
(function () {
  var table = document.getElementById('inputs');
  if (!table) return;
  var tbody = table.tBodies[0];
  var rows = Array.prototype.slice.call(tbody.rows);
  rows.forEach(function (r, i) { r.setAttribute('data-index', String(i)); });
  var controls = document.getElementById('controls');
  var verdict = document.getElementById('f-verdict');
  var search = document.getElementById('f-search');
  var shown = document.getElementById('shown');
  var cards = Array.prototype.slice.call(document.querySelectorAll('button.card'));
  controls.hidden = false;
  function apply() {
    var v = verdict.value;
    var q = search.value.trim().toLowerCase();
    var n = 0;
    rows.forEach(function (r) {
      var ok = (!v || r.getAttribute('data-verdict') === v) && (!q || r.textContent.toLowerCase().indexOf(q) >= 0);
      r.hidden = !ok;
      if (ok) n++;
    });
    cards.forEach(function (c) { c.setAttribute('aria-pressed', String(c.getAttribute('data-verdict') === v)); });
    shown.textContent = 'Showing ' + n + ' of ' + rows.length;
  }
  verdict.addEventListener('change', apply);
  search.addEventListener('input', apply);
  cards.forEach(function (c) {
    c.addEventListener('click', function () {
      var v = c.getAttribute('data-verdict');
      var has = Array.prototype.some.call(verdict.options, function (o) { return o.value === v; });
      verdict.value = verdict.value === v || !has ? '' : v;
      apply();
    });
  });
  var heads = Array.prototype.slice.call(table.tHead.rows[0].cells);
  function key(r, col, type) {
    var cell = r.cells[col];
    var raw = cell.hasAttribute('data-value') ? cell.getAttribute('data-value') : cell.textContent;
    return type === 'number' ? parseFloat(raw) : raw.toLowerCase();
  }
  heads.forEach(function (th) {
    var b = th.querySelector('button');
    if (!b) return;
    b.addEventListener('click', function () {
      var col = Number(b.getAttribute('data-col'));
      var type = b.getAttribute('data-type');
      var dir = th.getAttribute('aria-sort') === 'ascending' ? -1 : 1;
      heads.forEach(function (h) { if (h.hasAttribute('aria-sort')) h.setAttribute('aria-sort', 'none'); });
      th.setAttribute('aria-sort', dir === 1 ? 'ascending' : 'descending');
      rows.sort(function (a, c) {
        var x = key(a, col, type), y = key(c, col, type);
        if (x < y) return -dir;
        if (x > y) return dir;
        return Number(a.getAttribute('data-index')) - Number(c.getAttribute('data-index'));
      });
      rows.forEach(function (r) { tbody.appendChild(r); });
    });
  });
  apply();
})();
`;

/**
 * Renders the batch dashboard: counts per verdict, a histogram of document probabilities, and a sortable,
 * filterable table linking each report. One standalone page: inline CSS and script, the HTML report's restrictive
 * Content-Security-Policy, nothing loaded from anywhere. Every path, id and message is HTML-escaped; none reaches
 * the script or the stylesheet. Only reproducible fields are shown (no timing), so the page is byte-identical
 * across runs over the same inputs.
 *
 * @param summary the batch summary (as written to summary.json)
 * @returns the page
 */
export function renderDashboard(summary: BatchSummary): string {
  const t = summary.totals;
  const version = summary.run.version;
  const facts = [
    plural(t.inputs, 'input'),
    plural(t.reports, 'report'),
    `${t.unreadable} unreadable`,
    plural(t.bodyParagraphs, 'body paragraph'),
    `${plural(t.errors, 'error')}, ${plural(t.warnings, 'warning')}`,
    `wireproof ${version}`,
  ];
  const body =
    t.inputs === 0
      ? '<p>No input was found.</p>'
      : `<section class="overview" aria-label="Overview">${cards(summary)}${histogram(summary.entries)}</section>` + table(summary.entries);
  return (
    `<!doctype html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n` +
    `<meta http-equiv="Content-Security-Policy" content="${CSP}">\n` +
    `<meta name="referrer" content="no-referrer">\n` +
    `<meta name="viewport" content="width=device-width, initial-scale=1">\n` +
    `<title>${esc(`wireproof batch: ${plural(t.inputs, 'input')}`)}</title>\n<style>${CSS}</style>\n</head>\n<body>\n` +
    `<header><h1>wireproof batch report</h1><p>${esc(facts.join(' · '))}</p>${LEGEND}</header>\n` +
    `<main>\n${body}\n</main>\n` +
    `<footer><p>Generated by wireproof ${esc(version)}. Probabilities are estimates; open a report for each paragraph's evidence. ` +
    `Per-input data: summary.json and summary.csv beside this page.</p></footer>\n<script>${SCRIPT}</script>\n</body>\n</html>\n`
  );
}
