// Markdown formatter for pull-request comments and chat: a heading, a paragraph table and the messages per input.
import type { Formatter, Message, Report, ReportParagraph, ReportedSignal } from '../types.js';
import { ellipsis } from '../util/ellipsis.js';
import { terminalSafe } from '../util/oneline.js';
import { attribution } from '../util/attribution.js';
import { loneEvidence, loneEvidenceText, ownReasons, sharedEvidence, sharedParts, sharedReasons, signed, type SharedEvidence } from './explain.js';
import { percent } from '../util/percent.js';

const SNIPPET = 60;
const REASONS = 3;

/**
 * Makes untrusted text inert in Markdown (GitHub-flavoured included) and safe inside a table cell: HTML-significant
 * characters become entities (so `&amp;` in an article shows as typed, and `<script>` as text), the characters that
 * open inline markup or end a cell are backslash-escaped, and line breaks become spaces so a row never splits.
 * Characters that only matter at the start of a line (`#`, `-`, `1.`) are left alone: escaped text never starts one.
 * Other control characters and bidirectional controls become `?`, as in the text format: Markdown printed to a terminal
 * passed a wire's ESC and BEL sequences through, in messages and file names (a review, 2026-12-07).
 */
export function escapeMarkdown(text: string): string {
  return terminalSafe(text.replace(/\r\n|[\r\n\u2028\u2029]/g, ' '))
    .replace(/\t/g, ' ')
    .replace(/[\\`*_[\]|~&<>]/g, (c) => {
      switch (c) {
        case '&':
          return '&amp;';
        case '<':
          return '&lt;';
        case '>':
          return '&gt;';
        default:
          return `\\${c}`;
      }
    });
}

/** A rule id in backticks when it is a plain id (it always is for built-in rules); escaped text otherwise. */
function ruleCode(id: string): string {
  return /^[A-Za-z0-9._/-]+$/.test(id) ? `\`${id}\`` : escapeMarkdown(id);
}

function percentOrDash(p: number | null): string {
  return p === null ? '–' : percent(p);
}

function snippet(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return ellipsis(flat, SNIPPET);
}

function reason(s: ReportedSignal): string {
  const actual = s.actual ? ` “${escapeMarkdown(ellipsis(s.actual, 24))}”` : '';
  return `${ruleCode(s.ruleId)}${actual} ${signed(s.weight)}`;
}

/**
 * The prior and document-wide shares first (they are in every scored paragraph's probability), then the strongest
 * own evidence, whichever way it points.
 */
function topReasons(p: ReportParagraph, shared: SharedEvidence | null): string {
  return [
    ...sharedReasons(shared, p).map((r) => `${r.what} ${signed(r.weight)}`),
    ...ownReasons(p).slice(0, REASONS).map(reason),
  ].join('; ');
}

function row(p: ReportParagraph, shared: SharedEvidence | null): string {
  return `| ${p.line} | ${p.kind} | ${p.label ?? '–'} | ${percentOrDash(p.machineProbability)} | ${topReasons(p, shared)} | ${escapeMarkdown(snippet(p.text))} |`;
}

/** One line above the table: what every scored paragraph receives besides its own evidence, and from where. */
function sharedLine(shared: SharedEvidence): string {
  const parts = sharedParts(shared, ({ signal: s }) => `${ruleCode(s.ruleId)} line ${s.line}`);
  return `**In every scored paragraph**: ${parts.join('; ')}`;
}

function message(m: Message): string {
  const where = m.line >= 1 ? ` (line ${m.line}, column ${m.column})` : '';
  const suggestions =
    m.suggestions && m.suggestions.length > 0
      ? ` (suggested: ${m.suggestions.map((s) => `“${escapeMarkdown(s)}”`).join(', ')})`
      : '';
  return `- **${m.severity}** ${ruleCode(m.ruleId)}${where}: ${escapeMarkdown(m.message)}${suggestions}`;
}

function formatReport(r: Report, quiet: boolean): string {
  if (r.error) {
    return `### ${escapeMarkdown(r.file)}: unreadable\n\n> **Error** (${r.error.code}): ${escapeMarkdown(r.error.message)}`;
  }
  const out = [`### ${escapeMarkdown(r.file)}: ${r.verdict}, ${percentOrDash(r.machineProbability)}`];
  for (const n of r.notices) {
    const what = n.declares === 'machine-translation' ? 'machine translation' : 'AI assistance';
    out.push(`> **Notice** (line ${n.line}): ${escapeMarkdown(attribution(n))} declares ${what}: “${escapeMarkdown(n.text)}”`);
  }
  const shared = sharedEvidence(r);
  if (shared) out.push(sharedLine(shared));
  const lone = loneEvidence(r);
  if (lone) out.push(`**Why uncertain**: ${escapeMarkdown(loneEvidenceText(lone))}`);
  // --quiet: errors only, as ESLint's formatters; the paragraph table is the reading, not a finding.
  if (!quiet) {
    out.push(
      r.paragraphs.length > 0
        ? ['| Line | Kind | Label | Machine | Top reasons | Text |', '| ---: | --- | --- | ---: | --- | --- |', ...r.paragraphs.map((p) => row(p, shared))].join('\n')
        : '_No paragraphs._',
    );
  }
  if (r.messages.length > 0) out.push(['**Messages**', '', ...r.messages.map(message)].join('\n'));
  return out.join('\n\n');
}

/**
 * Formats reports as GitHub-flavoured Markdown: per input a heading (file, verdict, probability), a table of
 * paragraphs and the messages as a list. Article text and file names are escaped so they cannot add markup.
 */
export const format: Formatter = (reports, context) => {
  if (reports.length === 0) return '_wireproof: no input._\n';
  const errors = reports.reduce((n, r) => n + r.summary.errors, 0);
  const warnings = reports.reduce((n, r) => n + r.summary.warnings, 0);
  const infos = reports.reduce((n, r) => n + r.summary.infos, 0);
  const unreadable = reports.filter((r) => r.error).length;
  const parts = [
    `${reports.length} file${reports.length === 1 ? '' : 's'}`,
    `${errors} error${errors === 1 ? '' : 's'}`,
    `${warnings} warning${warnings === 1 ? '' : 's'}`,
    `${infos} info`,
  ];
  if (unreadable > 0) parts.push(`${unreadable} unreadable`);
  const quiet = Boolean(context?.quiet);
  const shown = reports.filter((r) => !quiet || r.error || r.summary.errors > 0);
  return shown.length > 0 ? `**wireproof**: ${parts.join(', ')}\n\n${shown.map((r) => formatReport(r, quiet)).join('\n\n')}\n` : `**wireproof**: ${parts.join(', ')}\n`;
};
