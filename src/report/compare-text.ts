// Text formatter for `wireproof compare`: per pair its status, similarity and machine share, and an inline word diff.
import pc from 'picocolors';
import type { Change, Comparison, ComparisonPair, PairStatus, Signal } from '../types.js';
import { ellipsis } from '../util/ellipsis.js';
import { oneLine, terminalSafe } from '../util/oneline.js';
import { percent } from '../util/percent.js';

type Colors = ReturnType<typeof pc.createColors>;

export interface CompareTextOptions {
  /** ANSI colour (decided once by the CLI: TTY, NO_COLOR, FORCE_COLOR, --color). */
  color: boolean;
  /** Also print the text of unchanged pairs (default: one line each, a snippet). */
  verbose?: boolean;
}

const SNIPPET = 60;

function snippet(text: string, max = SNIPPET): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return ellipsis(flat, max);
}

/** As a probability is written: 1592 of 1593 words kept is >99%, not a flat 100% that reads as "all". */
function pct(x: number | null): string {
  return x === null ? '   –' : percent(x).padStart(4);
}

function statusColor(c: Colors, s: PairStatus): (t: string) => string {
  switch (s) {
    case 'unchanged':
      return c.dim;
    case 'edited':
      return c.yellow;
    case 'moved':
      return c.cyan;
    case 'added':
      return c.green;
    case 'removed':
      return c.red;
  }
}

/**
 * Inline word diff. With colour, deletions are red and struck through and insertions green; without, wdiff's
 * `[-deleted-]` and `{+inserted+}` markers keep the diff readable in logs and files.
 */
export function inlineDiff(changes: readonly Change[], color: boolean): string {
  const c = pc.createColors(color);
  return changes
    .map((ch) => {
      if (ch.op === 'equal') return ch.text;
      const lead = ch.text.match(/^\s*/)![0];
      const trail = ch.text.match(/\s*$/)![0];
      const core = ch.text.trim();
      if (core === '') return ch.text;
      const marked = ch.op === 'delete' ? (color ? c.red(c.strikethrough(core)) : `[-${core}-]`) : color ? c.green(core) : `{+${core}+}`;
      return `${lead}${marked}${trail}`;
    })
    .join('');
}

function where(p: ComparisonPair): string {
  const a = p.reference ? `¶${p.reference.index}` : '—';
  const b = p.candidate ? `¶${p.candidate.index}` : '—';
  return `${a} → ${b}`.padEnd(11);
}

function indent(text: string): string {
  return text
    .split('\n')
    .map((l) => `      ${l}`)
    .join('\n');
}

function formatPair(c: Colors, p: ComparisonPair, options: CompareTextOptions): string[] {
  const scored = p.kind === 'body' || p.kind === 'headline';
  const status = statusColor(c, p.status)(p.status.padEnd(9));
  const numbers =
    p.candidate && p.reference
      ? `${pct(p.similarity)} similar  ${pct(p.machineShare)} kept`
      : p.from
        ? `from ¶${p.from.index}`.padEnd(14) + `${pct(p.machineShare)} kept`
        : ' '.repeat(22);
  const prov = p.provenance ? `  ${p.provenance === 'machine' ? c.red(p.provenance) : p.provenance === 'human' ? c.green(p.provenance) : c.yellow(p.provenance)}` : '';
  const text = (p.candidate ?? p.reference)!.text;
  if (!scored) return [c.dim(`  ${where(p)} ${p.status.padEnd(9)} ${p.kind.padEnd(11)} ${snippet(text)}`)];
  const head = `  ${where(p)} ${status} ${numbers}${prov}`.trimEnd();
  if (p.status === 'unchanged' && !options.verbose) return [`${head}  ${c.dim(snippet(text))}`];
  const out = [head];
  if (p.changes === null) {
    out.push(indent(c.dim('too different to align word by word:')));
    out.push(indent(inlineDiff([{ op: 'delete', text: p.reference!.text }], options.color)));
    out.push(indent(inlineDiff([{ op: 'insert', text: p.candidate!.text }], options.color)));
  } else {
    out.push(indent(inlineDiff(p.changes, options.color)));
  }
  return out;
}

function formatSignal(c: Colors, s: Signal): string {
  // ¶paragraph:column-in-paragraph, 1-based; a zero-width finding points at the paragraph.
  const at = `¶${s.paragraph}${s.end > s.start ? `:${s.start + 1}` : ''}`.padEnd(9);
  return `  ${c.dim(at)} ${c.yellow('warning')} ${s.message}  ${c.dim(s.ruleId)}`;
}

/**
 * Formats a comparison for a terminal or a log.
 * @param comparison the result of `compare`
 * @param options `color`: use ANSI colour (never decided here)
 */
export function formatComparisonText(input: Comparison, options: CompareTextOptions = { color: false }): string {
  const comparison = terminalSafe(input);
  const c = pc.createColors(options.color);
  const s = comparison.summary;
  const out: string[] = [`${c.underline(oneLine(comparison.reference))} → ${c.underline(oneLine(comparison.candidate))}`];
  if (s.referenceIsMachine) {
    const why = s.referenceIsMachineBecause === 'notice' ? 'it carries a machine-translation notice' : 'as told (--reference-is-machine)';
    out.push(c.dim(`  reference is machine-translated (${why}): candidate paragraphs inherit provenance`));
  }
  for (const p of comparison.pairs) out.push(...formatPair(c, p, options));
  out.push('');
  const counts = (['unchanged', 'edited', 'moved', 'added', 'removed'] as const).map((k) => `${s[k]} ${k}`).join(', ');
  out.push(`${s.pairs} paragraph pair${s.pairs === 1 ? '' : 's'}: ${counts}${s.otherPairs ? c.dim(` (+${s.otherPairs} not text)`) : ''}`);
  const parts = [`mean similarity ${pct(s.meanSimilarity).trim()}`];
  if (s.machineShare !== null) parts.push(`words kept from the reference ${pct(s.machineShare).trim()} (${s.keptWords}/${s.candidateWords})`);
  if (s.tooDifferent) parts.push(`${s.tooDifferent} too different to align`);
  out.push(parts.join('; '));
  if (s.referenceIsMachine) {
    const pw = s.provenanceWords;
    out.push(
      `provenance: ${s.provenance.machine} machine, ${s.provenance['post-edited']} post-edited, ${s.provenance.human} human paragraph(s)` +
        c.dim(` (${pw.machine}/${pw['post-edited']}/${pw.human} words)`),
    );
  }
  if (s.noticeDropped) {
    out.push(c.yellow('notice dropped: the reference declares machine translation, the candidate carries no notice'));
  }
  if (comparison.source) {
    out.push('', `source ${c.underline(oneLine(comparison.source.file))}: ${comparison.source.signals.length} finding(s)`);
    for (const sig of comparison.source.signals) out.push(formatSignal(c, sig));
  }
  return `${out.join('\n')}\n`;
}
