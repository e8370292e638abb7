// HTML formatter: one standalone, offline page per run, with evidence highlighted in each paragraph's text.
import type {
  Drift,
  FormatContext,
  Formatter,
  Message,
  Report,
  ReportParagraph,
  ReportedSignal,
} from '../types.js';
import { CSS, SCRIPT } from './html-assets.js';
import { languageUnknown, loneEvidence, loneEvidenceText, noStyleModel, sharedEvidence, sharedParts, sharedReasons, type SharedEvidence } from './explain.js';
import { BINS, esc, hue, LEGEND, percent, VERDICT_TEXT } from './html-shared.js';
import { attribution } from '../util/attribution.js';

/**
 * The page's Content-Security-Policy: nothing may load from anywhere, only the inline style and script run.
 * Article text is untrusted, so this is a second wall behind escaping.
 */
export const CSP = "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:";

/** Where rule pages live; rule links are plain navigation, never loaded by the page itself. */
const RULE_DOCS = 'https://github.com/wireproof/wireproof/blob/main/';


function formatWeight(w: number): string {
  return `${w > 0 ? '+' : ''}${w.toFixed(2)}`;
}

/** A `lang` attribute value only when it looks like a language code; anything else is dropped, not escaped. */
function langAttr(code: string): string {
  return /^[a-z]{2,3}$/.test(code) && code !== 'und' ? ` lang="${code}"` : '';
}

/** Histogram of paragraph probabilities in 10 bins, as inline SVG (numbers only; no article text). */
function chart(report: Report): string {
  const probs = report.paragraphs.map((p) => p.machineProbability).filter((p): p is number => p !== null);
  const counts = new Array<number>(BINS).fill(0);
  for (const p of probs) counts[Math.min(BINS - 1, Math.max(0, Math.floor(p * BINS)))]! += 1;
  const max = Math.max(1, ...counts);
  const width = 220;
  const barW = 20;
  const top = 6;
  const base = 62;
  const described = counts.map((n, i) => `${i * 10}–${(i + 1) * 10}%: ${n}`).join(', ');
  const bars = counts
    .map((n, i) => {
      const h = n === 0 ? 0 : Math.max(2, Math.round(((base - top) * n) / max));
      const x = i * (barW + 2);
      const fill = `hsl(${hue((i + 0.5) / BINS)} 65% 45%)`;
      const label = `${i * 10}–${(i + 1) * 10}%: ${n} paragraph${n === 1 ? '' : 's'}`;
      return `<rect x="${x}" y="${base - h}" width="${barW}" height="${h}" fill="${fill}"><title>${esc(label)}</title></rect>`;
    })
    .join('');
  const axis =
    `<line x1="0" y1="${base + 0.5}" x2="${width}" y2="${base + 0.5}" stroke="#8c959f" stroke-width="1"/>` +
    `<text x="0" y="${base + 12}" font-size="9" fill="#57606a">0%</text>` +
    `<text x="${width / 2}" y="${base + 12}" font-size="9" fill="#57606a" text-anchor="middle">50%</text>` +
    `<text x="${width}" y="${base + 12}" font-size="9" fill="#57606a" text-anchor="end">100%</text>`;
  const caption =
    probs.length === 0
      ? 'No scored paragraphs'
      : `Machine probability of ${probs.length} scored paragraph${probs.length === 1 ? '' : 's'}`;
  return (
    `<figure class="chart"><svg width="${width}" height="${base + 14}" viewBox="0 0 ${width} ${base + 14}" role="img" ` +
    `aria-label="${esc(`Distribution of paragraph probabilities: ${described}`)}">${bars}${axis}</svg>` +
    `<figcaption>${esc(caption)}</figcaption></figure>`
  );
}

/** A signal's range inside its paragraph's text, or null when it cannot be placed safely. */
function placeSignal(p: ReportParagraph, s: ReportedSignal): { start: number; end: number } | null {
  const start = s.offset - p.offset;
  const end = s.endOffset - p.offset;
  const inRange = Number.isInteger(start) && Number.isInteger(end) && start >= 0 && end <= p.text.length && start < end;
  // For HTML input the offsets point into the page source, where markup and entities sit between characters;
  // when the matched text is known, trust the offsets only if they land on it, else look for it once.
  if (s.actual !== undefined && s.actual.length > 0) {
    if (inRange && p.text.slice(start, end) === s.actual) return { start, end };
    const at = p.text.indexOf(s.actual);
    if (at >= 0 && p.text.indexOf(s.actual, at + 1) < 0) return { start: at, end: at + s.actual.length };
    return null;
  }
  return inRange ? { start, end } : null;
}

function evidenceId(ri: number, pi: number, si: number): string {
  return `r${ri}-p${pi}-e${si}`;
}

/**
 * The paragraph text with signal spans marked. Overlapping spans are cut at every boundary, so each piece of text
 * is emitted exactly once and carries all the signals that cover it.
 */
function highlighted(p: ReportParagraph, ri: number, pi: number): string {
  const spans: Array<{ start: number; end: number; si: number }> = [];
  p.signals.forEach((s, si) => {
    const at = placeSignal(p, s);
    if (at) spans.push({ ...at, si });
  });
  if (spans.length === 0) return esc(p.text);
  const cuts = new Set<number>([0, p.text.length]);
  for (const s of spans) {
    cuts.add(s.start);
    cuts.add(s.end);
  }
  const points = [...cuts].sort((a, b) => a - b);
  let out = '';
  for (let k = 0; k + 1 < points.length; k++) {
    const a = points[k]!;
    const b = points[k + 1]!;
    const piece = esc(p.text.slice(a, b));
    const cover = spans.filter((s) => s.start <= a && s.end >= b);
    if (cover.length === 0) {
      out += piece;
      continue;
    }
    const weight = cover.reduce((sum, s) => sum + p.signals[s.si]!.weight, 0);
    const title = cover
      .map((s) => {
        const sig = p.signals[s.si]!;
        return `${sig.ruleId} (${formatWeight(sig.weight)}): ${sig.message}`;
      })
      .join('\n');
    const classes = `sig ${weight >= 0 ? 'pos' : 'neg'}${cover.length > 1 ? ' multi' : ''}`;
    out +=
      `<mark class="${classes}" title="${esc(title)}">` +
      `<a class="sig-link" href="#${evidenceId(ri, pi, cover[0]!.si)}">${piece}</a></mark>`;
  }
  return out;
}

function ruleLink(id: string, context: FormatContext): string {
  const meta = context.rules[id];
  if (!meta) return `<code>${esc(id)}</code>`;
  return `<a href="${esc(RULE_DOCS + meta.docs)}" rel="noreferrer"><code>${esc(id)}</code></a>`;
}

function evidence(p: ReportParagraph, ri: number, pi: number, context: FormatContext): string {
  if (p.signals.length === 0) return '';
  const rows = p.signals
    .map((s, si) => {
      const where = `${s.line}:${s.column}–${s.endLine}:${s.endColumn}`;
      const matched = s.actual === undefined ? '' : `<q>${esc(s.actual)}</q>`;
      const expected = s.expected && s.expected.length > 0 ? s.expected.map((e) => `<q>${esc(e)}</q>`).join(', ') : '';
      return (
        `<tr id="${evidenceId(ri, pi, si)}"><td>${ruleLink(s.ruleId, context)}</td><td>${esc(s.message)}` +
        `${s.scope === 'document' ? ' <small>(whole document)</small>' : ''}` +
        `${typeof s.data?.['countedUnder'] === 'string' ? ` <small>(counted once, under ${esc(s.data['countedUnder'])})</small>` : ''}</td>` +
        `<td class="num ${s.weight >= 0 ? 'w-pos' : 'w-neg'}">${esc(formatWeight(s.weight))}</td>` +
        `<td class="num">${esc(where)}</td><td>${matched}</td><td>${expected}</td></tr>`
      );
    })
    .join('');
  const n = p.signals.length;
  return (
    `<details class="evidence"><summary>Evidence: ${n} signal${n === 1 ? '' : 's'}</summary>` +
    `<table class="evidence"><thead><tr><th scope="col">Rule</th><th scope="col">Message</th>` +
    `<th scope="col">Weight (nats)</th><th scope="col">Line:column</th><th scope="col">Matched</th>` +
    `<th scope="col">Suggested</th></tr></thead><tbody>${rows}</tbody></table></details>`
  );
}

function diffText(d: Drift): string {
  if (d.changes === null) {
    return (
      `<p class="too-different">Too different to align.</p>` +
      `<p>Reference wording: <q>${esc(d.expected)}</q></p>`
    );
  }
  const body = d.changes
    .map((c) =>
      c.op === 'insert'
        ? `<ins title="only in this paragraph">${esc(c.text)}</ins>`
        : c.op === 'delete'
          ? `<del title="only in the reference">${esc(c.text)}</del>`
          : esc(c.text),
    )
    .join('');
  return `<p class="diff">${body}</p>`;
}

function drift(p: ReportParagraph): string {
  if (!p.drift || p.drift.length === 0) return '';
  const items = p.drift
    .map(
      (d) =>
        `<div class="drift"><div class="legend">Reference <code>${esc(d.referenceId)}</code> · ${esc(d.kind)} · ` +
        // An exact house wording is listed too, and said to be one: under a "drift" title it read as a finding (review).
        `${d.kind === 'canonical' && d.similarity === 1 ? 'same wording, no drift' : `similarity ${esc(percent(d.similarity))}`} · ` +
        `line ${esc(d.line)}:${esc(d.column)}</div>${diffText(d)}</div>`,
    )
    .join('');
  return (
    `<details class="drift-block" open><summary>Reference phrasings and wording drift (struck: reference only; underlined: this paragraph only)` +
    `</summary>${items}</details>`
  );
}

function messageItems(messages: Message[], context: FormatContext): string {
  if (messages.length === 0) return '';
  const items = messages
    .map((m) => {
      const suggestions =
        m.suggestions && m.suggestions.length > 0
          ? ` (suggested: ${m.suggestions.map((s) => `<q>${esc(s)}</q>`).join(', ')})`
          : '';
      return (
        `<li><span class="sev sev-${esc(m.severity)}">${esc(m.severity)}</span> ${ruleLink(m.ruleId, context)} ` +
        `${esc(m.message)} <small>(line ${esc(m.line)}:${esc(m.column)})</small>${suggestions}</li>`
      );
    })
    .join('');
  return `<ul class="messages">${items}</ul>`;
}

function paragraph(
  p: ReportParagraph,
  ri: number,
  pi: number,
  messages: Message[],
  context: FormatContext,
  shared: SharedEvidence | null,
): string {
  const scored = p.machineProbability !== null;
  const bandStyle = scored ? ` style="background:hsl(${hue(p.machineProbability!)} 65% 45%)"` : '';
  const meta: string[] = [`<span>line ${esc(p.line)}</span>`, `<span class="kind">${esc(p.kind)}</span>`];
  if (scored) {
    const prob = p.machineProbability!;
    const label = p.label ?? 'uncertain';
    meta.push(
      `<span class="label l-${esc(label)}">${esc(label)}</span>`,
      `<span>${esc(percent(prob))} machine <span class="meter" aria-hidden="true"><span style="width:${Math.round(prob * 100)}%;` +
        `background:hsl(${hue(prob)} 65% 45%)"></span></span></span>`,
    );
    // What the probability holds besides this paragraph's own evidence, pointing at the one place that lists it.
    for (const r of sharedReasons(shared, p)) {
      meta.push(`<span class="shared-share"><a href="#r${ri}-shared">${esc(r.what)} ${esc(formatWeight(r.weight))}</a></span>`);
    }
  } else {
    meta.push('<span>not scored</span>');
  }
  return (
    `<li class="para${scored ? '' : ' unscored'}" id="r${ri}-p${pi}">` +
    `<div class="band"${bandStyle} aria-hidden="true"></div><div class="para-body">` +
    `<div class="para-meta">${meta.join('')}</div>` +
    `<p class="text"${langAttr(p.language)}>${highlighted(p, ri, pi)}</p>` +
    evidence(p, ri, pi, context) +
    drift(p) +
    messageItems(messages, context) +
    `</div></li>`
  );
}

function overview(r: Report): string {
  const prob = r.machineProbability === null ? 'no probability' : `${percent(r.machineProbability)} machine`;
  const s = r.summary;
  const facts = [
    `${esc(r.language)} · ${esc(r.encoding)} · ${esc(r.format)}`,
    `${s.paragraphs} paragraph${s.paragraphs === 1 ? '' : 's'} (${s.bodyParagraphs} body)`,
    `${s.errors} error${s.errors === 1 ? '' : 's'}, ${s.warnings} warning${s.warnings === 1 ? '' : 's'}, ${s.infos} info`,
  ];
  if (r.verdict === 'unknown' && !r.error) facts.push('Too little text to judge: fewer than 12 words in text paragraphs');
  if (languageUnknown(r)) facts.push('Language not identified: no style model; the other rules still apply');
  if (noStyleModel(r)) facts.push(`No style model for ${esc(r.language)} (French only); the other rules still apply`);
  const lone = loneEvidence(r);
  if (lone) facts.push(esc(loneEvidenceText(lone).replace(/^e/, 'E')));
  return (
    `<div class="overview"><div><div class="verdict v-${esc(r.verdict)}">${esc(VERDICT_TEXT[r.verdict] ?? r.verdict)} ` +
    `<span class="prob">· ${esc(prob)}</span></div><p class="facts">${facts.join('<br>')}</p></div>${chart(r)}</div>`
  );
}

function notices(r: Report, ri: number): string {
  return r.notices
    .map(
      (n) =>
        `<div class="notice" role="note"><strong>Notice:</strong> ${esc(attribution(n))} declares ` +
        `${n.declares === 'machine-translation' ? 'machine translation' : 'AI assistance'} ` +
        `(<a href="#r${ri}-p${esc(n.paragraph)}">line ${esc(n.line)}</a>, entry <code>${esc(n.id)}</code>, ${esc(n.status)}): ` +
        `<q${langAttr(n.language)}>${esc(n.text)}</q></div>`,
    )
    .join('');
}

/**
 * What every scored paragraph receives besides its own evidence (the prior, the document-wide evidence), said once,
 * each document-scope signal linked to its row of evidence; each scored paragraph links here.
 */
function sharedBlock(shared: SharedEvidence | null, ri: number, context: FormatContext): string {
  if (!shared) return '';
  const parts = sharedParts(
    shared,
    ({ signal: s, paragraph: pi, index: si }) =>
      `${ruleLink(s.ruleId, context)} (<a href="#${evidenceId(ri, pi, si)}">line ${esc(s.line)}</a>)`,
    (w) => esc(formatWeight(w)),
    esc,
  );
  return (
    `<div class="shared" id="r${ri}-shared" role="note"><strong>In every scored paragraph</strong> ` +
    `(log-odds in nats, added to each paragraph's own evidence): ${parts.join('; ')}</div>`
  );
}

function section(r: Report, ri: number, context: FormatContext): string {
  const head = `<section class="report" id="r${ri}" aria-labelledby="r${ri}-title"><h2 id="r${ri}-title">${esc(r.file)}</h2>`;
  if (r.error) {
    return (
      `${head}<div class="input-error" role="alert"><strong>Could not check this input</strong> ` +
      `(<code>${esc(r.error.code)}</code>): ${esc(r.error.message)}</div></section>`
    );
  }
  const indices = new Set(r.paragraphs.map((p) => p.index));
  const byParagraph = new Map<number, Message[]>();
  const documentMessages: Message[] = [];
  for (const m of r.messages) {
    if (m.paragraph > 0 && indices.has(m.paragraph)) {
      const list = byParagraph.get(m.paragraph) ?? [];
      list.push(m);
      byParagraph.set(m.paragraph, list);
    } else documentMessages.push(m);
  }
  const toolbar =
    `<div class="toolbar" hidden><button type="button" data-action="expand">Expand all evidence</button>` +
    `<button type="button" data-action="collapse">Collapse all</button>` +
    `<button type="button" data-action="unscored" aria-pressed="false">Hide unscored paragraphs</button></div>`;
  const docMessages =
    documentMessages.length > 0 ? `<h3>Document messages</h3>${messageItems(documentMessages, context)}` : '';
  const shared = sharedEvidence(r);
  const paragraphs = r.paragraphs
    .map((p) => paragraph(p, ri, p.index, byParagraph.get(p.index) ?? [], context, shared))
    .join('');
  return (
    `${head}${overview(r)}${notices(r, ri)}${sharedBlock(shared, ri, context)}${docMessages}` +
    `<h3>Paragraphs</h3>${toolbar}<ol class="paragraphs">${paragraphs}</ol></section>`
  );
}

function toc(reports: Report[]): string {
  if (reports.length < 2) return '';
  const rows = reports
    .map((r, i) => {
      const ri = i + 1;
      const prob = r.error ? 'unreadable' : r.machineProbability === null ? '–' : percent(r.machineProbability);
      return (
        `<tr><td><a href="#r${ri}">${esc(r.file)}</a></td><td class="v-${esc(r.verdict)}">${esc(r.verdict)}</td>` +
        `<td class="num">${esc(prob)}</td><td class="num">${r.summary.errors}</td><td class="num">${r.summary.warnings}</td></tr>`
      );
    })
    .join('');
  return (
    `<nav class="toc" aria-labelledby="toc-title"><h2 id="toc-title">Files</h2><table><thead><tr>` +
    `<th scope="col">File</th><th scope="col">Verdict</th><th scope="col">Probability</th>` +
    `<th scope="col">Errors</th><th scope="col">Warnings</th></tr></thead><tbody>${rows}</tbody></table></nav>`
  );
}

/**
 * Formats reports as one self-contained HTML page: inline CSS and script, a restrictive Content-Security-Policy,
 * no remote resources. All article text and file names are HTML-escaped; none reaches the script or stylesheet.
 */
export const format: Formatter = (reports, context) => {
  const title = reports.length === 1 ? `wireproof report: ${reports[0]!.file}` : `wireproof report: ${reports.length} files`;
  const body =
    reports.length === 0
      ? '<p>No input was checked.</p>'
      : reports.map((r, i) => section(r, i + 1, context)).join('\n');
  return (
    `<!doctype html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n` +
    `<meta http-equiv="Content-Security-Policy" content="${CSP}">\n` +
    `<meta name="referrer" content="no-referrer">\n` +
    `<meta name="viewport" content="width=device-width, initial-scale=1">\n` +
    `<title>${esc(title)}</title>\n<style>${CSS}</style>\n</head>\n<body>\n` +
    `<a class="skip" href="#main">Skip to the report</a>\n` +
    `<header class="page"><h1>wireproof report</h1><p>${reports.length} file${reports.length === 1 ? '' : 's'} · ` +
    `wireproof ${esc(context.version)} · highlighted spans are evidence: orange favours machine translation, ` +
    `blue favours human writing or translation</p>${LEGEND}</header>\n${toc(reports)}\n<main id="main">\n${body}\n</main>\n` +
    `<footer class="page"><p>Generated by wireproof ${esc(context.version)}. Probabilities are estimates; ` +
    `see each paragraph's evidence.</p></footer>\n<script>${SCRIPT}</script>\n</body>\n</html>\n`
  );
};
