// Combines signals into paragraph and document log-odds, probabilities, labels and the document verdict.
import { TEXT_KINDS } from '../segment/paragraphs.js';
import type { Label, Paragraph, Signal, Verdict } from '../types.js';
import { labelOf, logit, roundProbability, sigmoid } from './labels.js';
import { countWords } from '../util/words.js';

/**
 * Repeated signals of one rule are not independent (ten RIC codes come from one wire pipeline), so a rule's summed
 * weight saturates at a multiple of its strongest single signal: 2× within a paragraph, 3× over the document.
 */
export const PARAGRAPH_SATURATION = 2;
export const DOCUMENT_SATURATION = 3;

/** Below this many words of article text, and without a notice, the verdict is `unknown` (too little text). */
export const MIN_WORDS = 12;

/** Document probability at or above which a document without notice is `undeclared-machine` (odds 4:1). */
export const UNDECLARED_THRESHOLD = 0.8;
/** Document probability at or below which it is `human`. */
export const HUMAN_THRESHOLD = 0.2;

/**
 * Bound, in nats, of a whole document's *hints*: the edge of the `uncertain` band, logit(0.7). Hints are evidence
 * that human work produces too: style (intrinsic-style and typography; held-out paragraph AUC 0.57, docs/accuracy.md)
 * and every wording cue but a strong machine rendering (see isHint: inferred and normative calques and phrasings,
 * weak, light or fuzzy matches, house wording). One article's paragraphs come from one producer, so these signals are not
 * independent, and an anglicism says "translated from English", not "by a machine" (datasets.md §1 caveat 5: as common
 * in human references). Summed, six paragraphs of ordinary human French at +0.4 … +0.8 on style reached 92 % and an
 * `undeclared-machine` error, and a Canadian French story with four everyday wordings 87 % (editor's review,
 * 2026-12-07); WMT22 articles judged on style were overconfident (ECE 0.133). The product promise is that without
 * real evidence (a notice, a wire artefact, a machine rendering seen in machine output, a reference) a document stays
 * `uncertain`; hints can still tip a document that has such evidence.
 */
export const HINT_DOCUMENT_BOUND = logit(0.7);

/**
 * A document's summed hints, squashed into ±HINT_DOCUMENT_BOUND: a smooth bound (b·tanh(x / b)) rather than a clamp,
 * so that documents keep their order by hints (a clamp would tie every long article at the bound) and one weak
 * paragraph (|x| ≪ b) keeps about its own weight.
 */
export function boundHints(logOdds: number): number {
  return HINT_DOCUMENT_BOUND * Math.tanh(logOdds / HINT_DOCUMENT_BOUND);
}

/**
 * Evidence at or above this weight (nats; likelihood ratio ≈ 4.5: a broken elision, a seen update note or credit
 * line) stands on its own; lighter evidence needs a second rule to corroborate it (see `corroborated`).
 */
export const STANDALONE_WEIGHT = 1.5;

/**
 * A rule corroborates another when its own evidence (saturated as over a document) reaches this (nats; likelihood
 * ratio 1.65: two RIC codes, a stripped-link comma, a machine rendering). A single RIC code or unbalanced quote
 * (+0.3) is what human copy also carries: with a glossed name they made an error at 90 % (a second review,
 * 2026-12-07). At 0.7, two RIC codes beside stripped-link commas no longer counted, and wire copy with nothing but
 * those artefacts fell to `uncertain` (a third review).
 */
export const CORROBORATING_WEIGHT = 0.5;

/**
 * Rules that report the same observation count as one for corroboration: with --source, an English sentence left in
 * the copy is reported by untranslated-english and by source-untranslated, and counted as two rules it made an error of
 * three English sentences (a second review, 2026-12-07).
 */
const SAME_OBSERVATION: Readonly<Record<string, string>> = { 'source-untranslated': 'untranslated-english' };

/** What corroboration reads of a signal (a report's signals give the same). */
export type Observation = Pick<Signal, 'ruleId' | 'weight' | 'evidence' | 'data'>;

/** The rule an observation counts under for corroboration (SAME_OBSERVATION). */
function observationKind(ruleId: string): string {
  return SAME_OBSERVATION[ruleId] ?? ruleId;
}

/**
 * Whether a document's evidence for machine translation (positive, not hints) is corroborated: a notice, one piece of
 * evidence of at least STANDALONE_WEIGHT from an entry that is not merely inferred, or two rules (observationKind) of
 * at least CORROBORATING_WEIGHT each. Uncorroborated evidence counts with the hints, inside their bound: one rule
 * alone at 0.7–1.2 nats (a glossed English name, a fused heading, an inferred update note, two machine renderings
 * human wire French also writes) plus a slight style lean made `undeclared-machine` errors on ordinary human copy (an
 * editor's review, 2026-12-07: six of forty pieces of human French). Each is still reported and still raises its own
 * paragraph. Linear in the signals (a document of 5,000 paragraphs; a third review).
 */
export function corroborated(evidence: readonly Observation[]): boolean {
  return corroboration(evidence) === null;
}

/**
 * What corroboration found: null when corroborated, else the kinds of evidence read, each named by the rules that
 * reported it (`source-untranslated / untranslated-english`) with its saturated weight (for the reports' note;
 * strongest first).
 */
export function corroboration(evidence: readonly Observation[]): Array<{ kind: string; weight: number }> | null {
  const kinds = new Map<string, { sum: number; max: number; rules: Set<string> }>();
  for (const s of evidence) {
    if (s.evidence === 'notice') return null;
    const status = s.data?.['status'];
    if (s.weight >= STANDALONE_WEIGHT && status !== 'inferred' && status !== 'normative') return null;
    const kind = observationKind(s.ruleId);
    const k = kinds.get(kind) ?? { sum: 0, max: 0, rules: new Set<string>() };
    k.rules.add(s.ruleId);
    k.sum += s.weight;
    k.max = Math.max(k.max, s.weight);
    kinds.set(kind, k);
  }
  const weighed = [...kinds.values()].map((k) => ({ kind: [...k.rules].sort().join(' / '), weight: Math.min(k.sum, DOCUMENT_SATURATION * k.max) }));
  if (weighed.filter((k) => k.weight >= CORROBORATING_WEIGHT - 1e-9).length >= 2) return null;
  return weighed.sort((x, y) => y.weight - x.weight || (x.kind < y.kind ? -1 : 1));
}

/** Statuses of corpus entries seen in machine output (calques: `seen`; phrasings: `seen`, `seen-research`). */
const SEEN = new Set(['seen', 'seen-research']);

/** Below or at this weight (nats; likelihood ratio e^0.5 ≈ 1.65) a wording cue is a hint even when seen in machine output. */
const REAL_WORDING_WEIGHT = 0.5;

/**
 * Whether a signal is a hint (see HINT_DOCUMENT_BOUND): style, or wording evidence (`lexical`, `reference`) other than
 * a machine rendering seen in machine output, matched exactly, not tagged weak and weighing more than 0.5 nats. The
 * calque and machine-phrasing rules put the entry's `status` (and `weak`, `similarity`) in `data`, glossed-english-name
 * `seen` (both its forms were seen in Reuters machine translations); a wording signal without a status (house
 * wording, a desk's own rule) is a hint. The weight bar keeps the seen formulas that human wire French also writes
 * (their entries weigh 0.2–0.5: "une personne au fait du dossier", "…, selon le rapport.") with the hints, and the
 * exact-match bar a fuzzy match ("avait rapportée le premier" at 75 % of "a rapporté en premier"): a review of the
 * first version found a human story at 81 %, undeclared-machine, on such cues (2026-12-07). Other evidence (notices,
 * wire artefacts, untranslated English, source comparison) is never a hint.
 */
export function isHint(s: Pick<Signal, 'evidence' | 'weight' | 'data'>): boolean {
  if (s.evidence === 'style') return true;
  if (s.evidence !== 'lexical' && s.evidence !== 'reference') return false;
  const status = s.data?.['status'];
  const similarity = s.data?.['similarity'];
  const seen = typeof status === 'string' && SEEN.has(status);
  const exact = similarity === undefined || similarity === 1;
  return !(seen && exact && s.data?.['weak'] !== true && s.weight > REAL_WORDING_WEIGHT);
}

export interface ScoreOptions {
  /**
   * Share of machine translation expected in the user's archive. Weights are calibrated for equal prior odds; a prior
   * shifts every log-odds by log(P / (1 − P)) (Bayes' rule).
   */
  prior?: number;
  /** Maps raw log-odds to a calibrated probability (fitted map from corpora/models); default: the logistic function. */
  calibrate?: (logOdds: number) => number;
}

export interface ParagraphScore {
  logOdds: number | null;
  probability: number | null;
  label: Label | null;
  /** Log-odds from this paragraph's own (paragraph-scope) signals only. */
  localLogOdds: number;
  /** The part of `localLogOdds` that is not hints (isHint, or uncorroborated evidence): what can make a document `mixed`. */
  realLogOdds: number;
}

export interface DocumentScore {
  logOdds: number | null;
  probability: number | null;
  verdict: Verdict;
  paragraphs: ParagraphScore[];
  /** The prior's log-odds, ln(P / (1 − P)): 0 at the default. Part of every text paragraph's log-odds. */
  priorLogOdds: number;
  /** Document-scope evidence (notice, credit line, update note …), saturated: part of every text paragraph's log-odds. */
  documentLogOdds: number;
}

/** Evidence classes that describe wording; two rules matching the same words describe one piece of evidence. */
const WORDING: ReadonlySet<Signal['evidence']> = new Set<Signal['evidence']>(['lexical', 'reference']);

/** Width, in characters, of the stretches {@link dedupeWording} files kept wording under (phrasings are shorter). */
const WORDING_CELL = 64;

/**
 * Counts once what two wording rules both saw: where a calque entry and a reference phrasing cover overlapping words
 * of a paragraph (they often describe the same formula, "n'a pas immédiatement répondu à une demande de
 * commentaire"), counting both would count one observation twice. The stronger (evidence before a hint, then the larger |weight|, then longer) keeps
 * its weight; the other stays in the report as evidence seen, with weight 0 and `data.countedUnder` naming the rule
 * that counted it. Other evidence passes unchanged.
 */
export function dedupeWording(signals: readonly Signal[]): Signal[] {
  const wording = signals
    .map((s, i) => ({ s, i }))
    .filter(({ s }) => WORDING.has(s.evidence) && s.weight !== 0 && s.end > s.start)
    // Evidence before hints (a seen calque zeroed under an inferred phrasing that outweighed it was lost to the bound;
    // review, 2026-12-07), then the larger |weight|, the longer span, the earlier signal.
    .sort((a, b) => Number(isHint(a.s)) - Number(isHint(b.s)) || Math.abs(b.s.weight) - Math.abs(a.s.weight) || b.s.end - b.s.start - (a.s.end - a.s.start) || a.i - b.i);
  const countedUnder = new Map<number, string>();
  // Kept signals by paragraph and by stretch of WORDING_CELL characters: one scan of the whole document's kept list
  // per signal was quadratic in the findings (8,000 repeated paragraphs, 2.5 MB: 240 s; review, 2026-12-07), and so
  // was one scan of the paragraph's (one 440 KB paragraph of a repeated sentence: 6.3 s, most of it here; a review,
  // 2026-12-08). A signal meets only the kept ones in the cells it covers.
  const kept = new Map<string, Signal[]>();
  const cells = (s: Signal): string[] => {
    const out: string[] = [];
    for (let c = Math.floor(s.start / WORDING_CELL); c <= Math.floor((s.end - 1) / WORDING_CELL); c++) out.push(`${s.paragraph}:${c}`);
    return out;
  };
  // The first kept (in the order of strength above) that overlaps counts the signal, as when one list was scanned.
  const order = new Map<Signal, number>();
  for (const { s, i } of wording) {
    const mine = cells(s);
    let by: Signal | undefined;
    for (const cell of mine) {
      const first = kept.get(cell)?.find((k) => k.ruleId !== s.ruleId && k.start < s.end && s.start < k.end);
      if (first && (!by || order.get(first)! < order.get(by)!)) by = first;
    }
    if (by) countedUnder.set(i, by.ruleId);
    else {
      order.set(s, order.size);
      for (const cell of mine) {
        const list = kept.get(cell);
        if (list) list.push(s);
        else kept.set(cell, [s]);
      }
    }
  }
  return signals.map((s, i) => {
    const by = countedUnder.get(i);
    return by === undefined ? s : { ...s, weight: 0, data: { ...s.data, countedUnder: by } };
  });
}

/** Sums signals rule by rule, each rule saturating at `saturation` × its strongest signal (positive and negative apart). */
export function saturatedSum(signals: ReadonlyArray<Pick<Signal, 'ruleId' | 'weight'>>, saturation: number): number {
  const byRule = new Map<string, { pos: number; neg: number; maxPos: number; maxNeg: number }>();
  for (const s of signals) {
    const r = byRule.get(s.ruleId) ?? { pos: 0, neg: 0, maxPos: 0, maxNeg: 0 };
    if (s.weight >= 0) {
      r.pos += s.weight;
      r.maxPos = Math.max(r.maxPos, s.weight);
    } else {
      r.neg += s.weight;
      r.maxNeg = Math.min(r.maxNeg, s.weight);
    }
    byRule.set(s.ruleId, r);
  }
  let total = 0;
  for (const r of byRule.values()) {
    total += Math.min(r.pos, saturation * r.maxPos) + Math.max(r.neg, saturation * r.maxNeg);
  }
  return total;
}

/**
 * Scores a document.
 * @param paragraphs segmented paragraphs
 * @param signals every signal of the document (paragraph and document scope)
 */
export function scoreDocument(paragraphs: readonly Paragraph[], signals: readonly Signal[], options: ScoreOptions = {}): DocumentScore {
  const priorLogOdds = options.prior === undefined ? 0 : logit(options.prior);
  const calibrate = options.calibrate ?? sigmoid;
  const documentSignals = signals.filter((s) => s.scope === 'document');
  const textIndexes = new Set(paragraphs.filter((p) => TEXT_KINDS.has(p.kind)).map((p) => p.index));
  const paragraphSignals = signals.filter((s) => s.scope === 'paragraph' && textIndexes.has(s.paragraph));
  // Evidence for machine translation that nothing corroborates counts as a hint, here and in the document's score.
  const alone = !corroborated([...documentSignals, ...paragraphSignals].filter((s) => s.weight > 0 && !isHint(s)));
  const hint = (s: Signal): boolean => isHint(s) || (alone && s.weight > 0);
  const documentEvidence =
    saturatedSum(documentSignals.filter((s) => !hint(s)), DOCUMENT_SATURATION) +
    boundHints(saturatedSum(documentSignals.filter(hint), DOCUMENT_SATURATION));
  const local = new Map<number, Signal[]>();
  for (const s of signals) {
    if (s.scope !== 'paragraph') continue;
    const list = local.get(s.paragraph) ?? [];
    list.push(s);
    local.set(s.paragraph, list);
  }

  const scores: ParagraphScore[] = paragraphs.map((p) => {
    const own = local.get(p.index) ?? [];
    const localLogOdds = saturatedSum(own, PARAGRAPH_SATURATION);
    const realLogOdds = saturatedSum(own.filter((s) => !hint(s)), PARAGRAPH_SATURATION);
    if (!TEXT_KINDS.has(p.kind)) return { logOdds: null, probability: null, label: null, localLogOdds, realLogOdds };
    // Document-scope evidence (a notice, a machine-translated credit line) raises every text paragraph.
    const logOdds = priorLogOdds + documentEvidence + localLogOdds;
    const probability = roundProbability(calibrate(logOdds));
    return { logOdds: round(logOdds), probability, label: labelOf(probability), localLogOdds, realLogOdds };
  });

  const textParagraphs = paragraphs.filter((p) => TEXT_KINDS.has(p.kind));
  const bodyWords = textParagraphs.reduce((n, p) => n + countWords(p.text), 0);
  const hasNotice = documentSignals.some((s) => s.evidence === 'notice' && s.data?.['declares'] === 'machine-translation');
  // The document-scope hints share the paragraphs' bound: together they stay inside the `uncertain` band.
  const hints = [...paragraphSignals.filter(hint), ...documentSignals.filter(hint)];
  const realEvidence =
    saturatedSum(paragraphSignals.filter((s) => !hint(s)), DOCUMENT_SATURATION) +
    saturatedSum(documentSignals.filter((s) => !hint(s)), DOCUMENT_SATURATION);
  const documentScore = realEvidence + boundHints(saturatedSum(hints, DOCUMENT_SATURATION));

  if (textParagraphs.length === 0 && documentSignals.length === 0) {
    return {
      logOdds: null,
      probability: null,
      verdict: hasNotice ? 'declared-machine' : 'unknown',
      paragraphs: scores,
      priorLogOdds,
      documentLogOdds: documentEvidence,
    };
  }
  const logOdds = priorLogOdds + documentScore;
  const probability = roundProbability(calibrate(logOdds));
  let verdict: Verdict;
  if (hasNotice) verdict = 'declared-machine';
  else if (bodyWords < MIN_WORDS) verdict = 'unknown';
  else if (isMixed(scores)) verdict = 'mixed';
  else if (probability >= UNDECLARED_THRESHOLD) verdict = 'undeclared-machine';
  else if (probability <= HUMAN_THRESHOLD) verdict = 'human';
  else verdict = 'uncertain';
  return { logOdds: round(logOdds), probability, verdict, paragraphs: scores, priorLogOdds, documentLogOdds: documentEvidence };
}

/**
 * Mixed: some paragraphs are machine-like and others human-like on their OWN evidence (a notice or credit line,
 * which raises every paragraph alike, cannot make a document mixed), and one side at least on evidence that is not a
 * hint: weak wordings in one paragraph and house wordings in another made a document mixed on hints alone (review,
 * 2026-12-07).
 */
function isMixed(scores: readonly ParagraphScore[]): boolean {
  const strong = Math.log(0.7 / 0.3);
  let machine = 0;
  let human = 0;
  let real = false;
  for (const s of scores) {
    if (s.label === null) continue;
    if (s.localLogOdds >= strong) {
      machine++;
      if (s.realLogOdds >= strong) real = true;
    } else if (s.localLogOdds <= -strong) {
      human++;
      if (s.realLogOdds <= -strong) real = true;
    }
  }
  return machine > 0 && human > 0 && real;
}

/** Log-odds as reports give them: rounded to 0.001 nats. */
export function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
