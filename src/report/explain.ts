// What every scored paragraph's probability holds besides its own evidence (the prior, the document-wide evidence),
// so that the text, Markdown and HTML reports show it beside each paragraph's own reasons, and list it once.
import type { Report, ReportParagraph, ReportedSignal } from '../types.js';
import { CORROBORATING_WEIGHT, corroboration, DOCUMENT_SATURATION, isHint, saturatedSum } from '../score/combine.js';
import { percent } from '../util/percent.js';

/** Shares below this (nats) move no shown probability: not worth a reason. */
const NEGLIGIBLE = 0.05;

/** Document-scope signals listed by name in the report's one line about them; more are counted, not named. */
const LISTED = 4;

/** A document-scope signal and where it sits: the index of its paragraph, its index in that paragraph's `signals`. */
export interface SharedSignal {
  signal: ReportedSignal;
  paragraph: number;
  index: number;
}

/** What raises (or lowers) every scored paragraph of a report alike. */
export interface SharedEvidence {
  /** The prior's log-odds; 0 when there is none (or it is negligible). */
  prior: number;
  /** The document-wide evidence as counted in each scored paragraph (after saturation); 0 when there is none. */
  document: number;
  /** The document-scope signals of non-zero weight that make `document` up, in document order. */
  signals: SharedSignal[];
  /** True when repeated marks of one rule saturate (3× the strongest): the listed weights add up to more. */
  saturated: boolean;
  /**
   * Why they do not add up when no rule repeats: evidence that nothing corroborates is bounded like a hint
   * (docs/scoring.md, "Corroboration").
   */
  bounded: boolean;
}

/**
 * The evidence every scored paragraph of `r` receives besides its own, from `logOddsParts` (the same in each scored
 * paragraph); null when there is none worth showing, or the report does not say (no scored paragraph, or a report
 * from before `logOddsParts`).
 */
export function sharedEvidence(r: Report): SharedEvidence | null {
  const parts = r.paragraphs.find((p) => p.logOddsParts !== undefined)?.logOddsParts;
  if (!parts) return null;
  const signals = r.paragraphs
    .flatMap((p) => p.signals.map((signal, index) => ({ signal, paragraph: p.index, index })))
    .filter(({ signal: s }) => s.scope === 'document' && s.weight !== 0)
    .sort((a, b) => a.signal.line - b.signal.line || a.signal.column - b.signal.column);
  const prior = Math.abs(parts.prior) >= NEGLIGIBLE ? parts.prior : 0;
  const document = Math.abs(parts.document) >= NEGLIGIBLE || signals.length > 0 ? parts.document : 0;
  if (prior === 0 && document === 0 && signals.length === 0) return null;
  const listed = signals.reduce((n, s) => n + s.signal.weight, 0);
  // What saturation alone leaves of the listed weights (3× a rule's strongest, as the scorer counts them); a shortfall
  // beyond it is the corroboration bound (two inferred notes were said to saturate when they were bounded; a review).
  const saturatedTotal = saturatedSum(signals.map((s) => s.signal), DOCUMENT_SATURATION);
  return {
    prior,
    document,
    signals,
    saturated: Math.abs(listed - saturatedTotal) >= NEGLIGIBLE,
    bounded: Math.abs(saturatedTotal - parts.document) >= NEGLIGIBLE,
  };
}

/**
 * A paragraph's own reasons, strongest first: its signals except those that weigh nothing (a `wording-drift` or
 * `source-*` finding is a message, not a reason for the probability), those that restate another rule's (counted
 * under it, `dedupeWording`) and, on a scored paragraph, document-scope ones (they are in the document-wide share).
 */
export function ownReasons(p: ReportParagraph): ReportedSignal[] {
  return p.signals
    .filter((s) => s.weight !== 0 && s.data?.['countedUnder'] === undefined)
    .filter((s) => p.machineProbability === null || s.scope !== 'document')
    .sort((a, b) => Math.abs(b.weight) - Math.abs(a.weight));
}

/** The shares a scored paragraph shows before its own reasons: the prior and the document-wide evidence, when present. */
export function sharedReasons(shared: SharedEvidence | null, p: ReportParagraph): Array<{ what: 'prior' | 'document-wide'; weight: number }> {
  if (!shared || p.machineProbability === null) return [];
  const out: Array<{ what: 'prior' | 'document-wide'; weight: number }> = [];
  if (shared.prior !== 0) out.push({ what: 'prior', weight: shared.prior });
  if (shared.document !== 0 || shared.signals.length > 0) out.push({ what: 'document-wide', weight: shared.document });
  return out;
}

/**
 * The parts of the report's one line about shared evidence: `prior 90% +2.2`, `document-wide +8.5 (mt-notice line 5
 * +6.0; …)`. Each format names a signal (`name`, escaped and linked as it needs), writes weights (`weight`) and
 * escapes the prior's percentage (`text`: `<1%`, `>99%`).
 */
export function sharedParts(
  shared: SharedEvidence,
  name: (s: SharedSignal) => string,
  weight: (w: number) => string = (w) => signed(w),
  text: (t: string) => string = (t) => t,
): string[] {
  const parts: string[] = [];
  if (shared.prior !== 0) parts.push(`prior ${text(priorShare(shared.prior))} ${weight(shared.prior)}`);
  if (shared.document !== 0 || shared.signals.length > 0) {
    const named = shared.signals.slice(0, LISTED).map((s) => `${name(s)} ${weight(s.signal.weight)}`);
    const more = shared.signals.length - named.length;
    if (more > 0) named.push(`${more} more`);
    if (shared.saturated) named.push('repeated marks of a rule saturate');
    if (shared.bounded) named.push('bounded: not corroborated');
    parts.push(`document-wide ${weight(shared.document)}${named.length > 0 ? ` (${named.join('; ')})` : ''}`);
  }
  return parts;
}

/**
 * The kinds of a document's evidence for machine translation, with their weights, when nothing corroborates it (no
 * strong mark, not two kinds of some weight; src/score/combine.ts `corroboration`), and only when some paragraph reads
 * as machine on it: then the document stays `uncertain` under paragraphs labelled `machine`, and the report says why
 * (five glossed names made two paragraphs 94 % and 90 % and the document 70 %, with nothing said; a second review,
 * 2026-12-07). Null otherwise.
 */
export function loneEvidence(r: Report): Array<{ kind: string; weight: number }> | null {
  if (r.verdict !== 'uncertain' || !r.paragraphs.some((p) => p.label === 'machine' || p.label === 'likely-machine')) return null;
  const scored = new Set(r.paragraphs.filter((p) => p.machineProbability !== null).map((p) => p.index));
  const evidence = r.paragraphs.flatMap((p) => p.signals.filter((s) => s.weight > 0 && (s.scope === 'document' || scored.has(p.index)) && !isHint(s)));
  const kinds = evidence.length === 0 ? null : corroboration(evidence);
  return kinds && kinds.length > 0 ? kinds : null;
}

/** The sentence every format writes for {@link loneEvidence}. */
export function loneEvidenceText(kinds: ReadonlyArray<{ kind: string; weight: number }>): string {
  const listed = kinds.map((k) => `${k.kind} ${signed(k.weight)}`).join('; ');
  return `evidence not corroborated (${listed}): a verdict needs a strong mark, or two kinds of evidence of ${CORROBORATING_WEIGHT} nats or more`;
}

/**
 * Whether to say the style model is French only: a report in another language where no paragraph got a style signal.
 * On language alone, a mostly English report whose French paragraphs the model scored said "no style model" while
 * its verdict rested on them (review, 2026-12-07).
 */
export function noStyleModel(r: Report): boolean {
  return r.language !== 'fr' && r.language !== 'und' && withoutStyle(r);
}

/** A report with body text and not one style signal. */
function withoutStyle(r: Report): boolean {
  return r.summary.bodyParagraphs > 0 && !r.paragraphs.some((p) => p.signals.some((s) => s.ruleId === 'intrinsic-style'));
}

/**
 * The same for a document whose language is `und` (not identified): its "uncertain 50 %" gave no reason either
 * (review, 2026-12-07).
 */
export function languageUnknown(r: Report): boolean {
  return r.language === 'und' && withoutStyle(r);
}

/** The prior as the share of machine translation it stands for (`--prior 0.9` → `90%`). */
export function priorShare(logOdds: number): string {
  return percent(1 / (1 + Math.exp(-logOdds)), false);
}

/** A weight with its sign and `digits` decimals (`+8.5`, `-0.4`). */
export function signed(weight: number, digits = 1): string {
  return `${weight > 0 ? '+' : ''}${weight.toFixed(digits)}`;
}
