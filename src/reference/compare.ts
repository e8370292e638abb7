// Compares two versions of one story paragraph by paragraph: alignment, status, similarity, machine share, provenance.
import { loadCorpora, type Corpora } from '../corpora/index.js';
import { ingestBytes, MAX_INPUT_BYTES, readSourceOption, tooLarge } from '../ingest/read.js';
import { languageList } from '../segment/language.js';
import { segment, TEXT_KINDS } from '../segment/paragraphs.js';
import type {
  Change,
  ComparedParagraph,
  Comparison,
  ComparisonPair,
  ComparisonSummary,
  IngestedText,
  Paragraph,
  PairStatus,
  Provenance,
  RuleLevel,
} from '../types.js';
import { WireproofError } from '../types.js';
import { checkOptionKeys, checkRuleLevel, isIngested, isRecord } from '../util/options.js';
import { typeName } from '../util/type-name.js';
import {
  alignInOrder,
  bag,
  commonSubsequence,
  boundedEditDistance,
  boundedPairs,
  tokenize,
  wordDiff,
  type WordDiffOptions,
} from './align.js';
import { assertSourceText, checkSource } from './source.js';
import { SOURCE_RULES } from './source-rules.js';

/**
 * Lowest similarity at which two paragraphs are paired in order. OmegaT's default fuzzy threshold is 30 %
 * (`OConsts.FUZZY_MATCH_THRESHOLD`, qa-tools-and-mt-detection.md §2), but wire boilerplate reaches that across
 * stories: "L'Otan … n'a pas immédiatement répondu à une demande de commentaire …" (seed 003) against "Le Pentagone
 * n'a pas répondu immédiatement à la demande de commentaire de Reuters." (seed 000) scores 0.345, while unrelated
 * paragraphs of one story score at most 0.156 (every pair inside seeds 000 and 003; all measured). Hence 0.4.
 */
export const MIN_PAIR_SIMILARITY = 0.4;

/** Lowest similarity for pairing two left-over paragraphs as a move: the bottom of the 50–74 % "low fuzzy" band. */
export const MIN_MOVE_SIMILARITY = 0.5;

export interface CompareOptions {
  /** Display name of the reference when it is given as a string. Default `<reference>`. */
  referenceFile?: string;
  /** Display name of the candidate when it is given as a string. Default `<candidate>`. */
  candidateFile?: string;
  /**
   * Treat the reference as machine-translated, so that candidate paragraphs inherit provenance. Default: true when
   * the reference carries a machine-translation notice.
   */
  referenceIsMachine?: boolean;
  /** Input format of string inputs; `auto` sniffs HTML. */
  format?: 'auto' | 'text' | 'html';
  /** Languages to consider for segmentation (ISO 639-1 or 639-3). */
  languages?: string[];
  /** A corpora folder to use instead of the shipped one. */
  corpora?: string;
  /** Similarity thresholds for pairing in order and as a move. */
  minSimilarity?: number;
  moveSimilarity?: number;
  /** Bounds of each paragraph's word diff. */
  diff?: WordDiffOptions;
  /**
   * The original-language source of the candidate, a path or already-ingested text, as in `check()`: adds `source`
   * findings (docs/rules/source-*.md). A path is read relative to the process's working folder.
   */
  source?: IngestedText | string;
  /** Rule levels; source rules set to `off` are not run. */
  rules?: Record<string, RuleLevel>;
}

/** Options of the pure paragraph-level comparison. */
export interface CompareParagraphsOptions {
  referenceIsMachine?: boolean;
  referenceIsMachineBecause?: 'notice' | 'option' | null;
  minSimilarity?: number;
  moveSimilarity?: number;
  diff?: WordDiffOptions;
}

/**
 * The wording without its white space: the tokens (words and punctuation) joined by one space. Re-wrapping a
 * paragraph does not change its wording, nor does removing the space a stripped link left before a comma
 * (`Claude , a été` → `Claude, a été`, the fix stripped-link-comma asks for): same tokens, so `unchanged`. Comparing
 * collapsed text called that `edited` at similarity 1 with an empty diff.
 */
function flat(tokens: readonly string[]): string {
  return tokens.join(' ');
}

function round(x: number): number {
  return Math.round(x * 10000) / 10000;
}

function side(p: Paragraph): ComparedParagraph {
  return { index: p.index, line: p.start.line, column: p.start.column, kind: p.kind, text: p.text };
}

/** Text kinds pair with text kinds (an edit may turn a headline into body text); other kinds only with their own. */
function comparableKinds(a: Paragraph, b: Paragraph): boolean {
  return TEXT_KINDS.has(a.kind) ? TEXT_KINDS.has(b.kind) : a.kind === b.kind;
}

interface Prepared {
  p: Paragraph;
  flat: string;
  tokens: string[];
  words: string[];
  bag: Map<string, number>;
  /** Tokens and words as numbers (one per distinct token of the comparison), for the edit distances. */
  ids: Int32Array;
  wordIds: Int32Array;
  /** The same with the paragraph's sentences in a fixed order (sorted); undefined for one sentence. */
  sorted?: { ids: Int32Array; wordIds: Int32Array };
}

/**
 * Numbers for tokens, shared by both sides of one comparison: edit distances over numbers, not strings. Comparing
 * strings cell by cell spent 16 of 19 s aligning 300 paragraphs drawn from the same 18 sentences (measured, 2026-12-07).
 */
type Vocabulary = Map<string, number>;

function idsOf(tokens: readonly string[], vocabulary: Vocabulary): Int32Array {
  const out = new Int32Array(tokens.length);
  tokens.forEach((t, i) => {
    let id = vocabulary.get(t);
    if (id === undefined) vocabulary.set(t, (id = vocabulary.size));
    out[i] = id;
  });
  return out;
}

/** Marks that end a sentence, as tokens. */
const SENTENCE_END = new Set(['.', '!', '?', '…']);

function prepare(p: Paragraph, vocabulary: Vocabulary): Prepared {
  const tokens = tokenize(p.text);
  const all = tokens.map((t) => t.text);
  const words = tokens.filter((t) => t.word).map((t) => t.text);
  const prepared: Prepared = { p, flat: flat(all), tokens: all, words, bag: bag(all), ids: idsOf(all, vocabulary), wordIds: idsOf(words, vocabulary) };
  // Sentences in a fixed order: two sentences swapped inside a paragraph scored 0.3 in order, and a machine paragraph
  // whose sentences an editor only reordered was `removed` + `added`, credited to a person (an editor's review of
  // compare, 2026-12-07). Sorted, the same sentences in any order give the same sequence.
  const sentences: (typeof tokens)[] = [];
  let current: typeof tokens = [];
  for (const t of tokens) {
    current.push(t);
    if (SENTENCE_END.has(t.text)) {
      sentences.push(current);
      current = [];
    }
  }
  if (current.length > 0) sentences.push(current);
  if (sentences.length > 1) {
    const ordered = sentences
      .map((sentence) => ({ sentence, key: sentence.map((t) => t.text).join(' ') }))
      .sort((x, y) => (x.key < y.key ? -1 : x.key > y.key ? 1 : 0))
      .flatMap((x) => x.sentence);
    prepared.sorted = {
      ids: idsOf(
        ordered.map((t) => t.text),
        vocabulary,
      ),
      wordIds: idsOf(
        ordered.filter((t) => t.word).map((t) => t.text),
        vocabulary,
      ),
    };
  }
  return prepared;
}

/**
 * Similarity of two paragraphs: OmegaT's token score in order, or with the sentences of both in a fixed order when
 * that is higher (a sentence moved inside its paragraph is not new wording). Scores below `floor` come out as 0. The
 * sorted score is computed only as far as it could beat the in-order one, so near-identical paragraphs cost little
 * more (a first version computed it only below the pairing threshold, and a moved paragraph with its sentences
 * reordered, in-order 0.4–0.49, was no longer found as a move; a review, 2026-12-07).
 */
function pairSimilarity(a: Prepared, b: Prepared, floor: number): number {
  const inOrder = boundedSimilarity(a.ids, b.ids, floor);
  if (!a.sorted || !b.sorted || inOrder === 1) return inOrder;
  // Only a better score matters: the band shrinks as the in-order score grows.
  return Math.max(inOrder, boundedSimilarity(a.sorted.ids, b.sorted.ids, Math.max(floor, inOrder)));
}

/** OmegaT's token similarity when it reaches `floor`, else 0 (the pair cannot pair; its exact score is not needed). */
function boundedSimilarity(a: Int32Array, b: Int32Array, floor: number): number {
  const longest = Math.max(a.length, b.length);
  if (longest === 0) return 1;
  const max = Math.floor(longest * (1 - floor) + 1e-9);
  const d = boundedEditDistance(a, b, max);
  return d > max ? 0 : (longest - d) / longest;
}

/**
 * Share of the candidate's words that survive from the reference: in order (LCS / candidate words), or sentence by
 * sentence when the editor reordered sentences inside the paragraph, whichever keeps more.
 */
function keptShare(ref: Prepared, cand: Prepared): { kept: number; share: number } {
  if (cand.words.length === 0) return { kept: 0, share: ref.flat === cand.flat ? 1 : 0 };
  let kept = commonSubsequence(ref.wordIds, cand.wordIds);
  if (ref.sorted && cand.sorted && kept < cand.words.length) kept = Math.max(kept, commonSubsequence(ref.sorted.wordIds, cand.sorted.wordIds));
  return { kept, share: kept / cand.words.length };
}

function provenanceOf(status: PairStatus, identical: boolean): Provenance | null {
  switch (status) {
    case 'unchanged':
      return 'machine';
    case 'edited':
      return 'post-edited';
    case 'moved':
      return identical ? 'machine' : 'post-edited';
    case 'added':
      return 'human';
    case 'removed':
      return null;
  }
}

/**
 * Compares two already segmented versions of a story. Pure and synchronous; `compare` wraps it with ingest and
 * segmentation.
 * @param reference paragraphs of the earlier (or machine-translated) version
 * @param candidate paragraphs of the later (or edited) version
 * @returns pairs in candidate order, removed paragraphs where they stood, and the summary
 */
export function compareParagraphs(
  reference: readonly Paragraph[],
  candidate: readonly Paragraph[],
  options: CompareParagraphsOptions = {},
): { pairs: ComparisonPair[]; summary: ComparisonSummary } {
  const minScore = options.minSimilarity ?? MIN_PAIR_SIMILARITY;
  const moveScore = options.moveSimilarity ?? MIN_MOVE_SIMILARITY;
  const referenceIsMachine = options.referenceIsMachine ?? false;
  const vocabulary: Vocabulary = new Map();
  const refs = reference.map((p) => prepare(p, vocabulary));
  const cands = candidate.map((p) => prepare(p, vocabulary));
  // Exact bound first, for all pairs at once: most pairs of different paragraphs never reach the threshold.
  // Scores below both thresholds are never used: they are computed only far enough to know that.
  const floor = Number.isNaN(minScore) || Number.isNaN(moveScore) ? 0 : Math.max(0, Math.min(minScore, moveScore));
  const m = cands.length;
  const reachable = boundedPairs(
    refs.map((r) => r.bag),
    refs.map((r) => r.tokens.length),
    cands.map((c) => c.bag),
    cands.map((c) => c.tokens.length),
    // Moves may pair below the in-order threshold (`moveSimilarity` under `minSimilarity`); out of range (this pure
    // function does not validate; compare() does), identical paragraphs stay reachable.
    Math.min(floor, 1),
  );
  const similarity = (i: number, j: number): number => {
    if (reachable[i * m + j] === 0) return 0;
    const a = refs[i]!;
    const b = cands[j]!;
    if (!comparableKinds(a.p, b.p)) return 0;
    if (a.flat === b.flat) return 1;
    return pairSimilarity(a, b, floor);
  };
  const steps = alignInOrder(refs.length, cands.length, similarity, { minScore, moveScore });

  const pairs: ComparisonPair[] = steps.map((st) => {
    const a = st.a === null ? undefined : refs[st.a]!;
    const b = st.b === null ? undefined : cands[st.b]!;
    if (a && b) {
      const identical = a.flat === b.flat;
      const status: PairStatus = st.moved ? 'moved' : identical ? 'unchanged' : 'edited';
      const { share } = keptShare(a, b);
      const changes: Change[] | null = identical ? [{ op: 'equal', text: b.p.text }] : wordDiff(a.p.text, b.p.text, options.diff);
      const scored = TEXT_KINDS.has(b.p.kind);
      return {
        status,
        kind: b.p.kind,
        reference: side(a.p),
        candidate: side(b.p),
        similarity: round(identical ? 1 : st.score),
        machineShare: round(share),
        changes,
        provenance: referenceIsMachine && scored ? provenanceOf(status, identical) : null,
      };
    }
    if (b) {
      const scored = TEXT_KINDS.has(b.p.kind);
      return {
        status: 'added',
        kind: b.p.kind,
        reference: null,
        candidate: side(b.p),
        similarity: 0,
        machineShare: 0,
        changes: [{ op: 'insert', text: b.p.text }],
        provenance: referenceIsMachine && scored ? 'human' : null,
      };
    }
    return {
      status: 'removed',
      kind: a!.p.kind,
      reference: side(a!.p),
      candidate: null,
      similarity: 0,
      machineShare: null,
      changes: [{ op: 'delete', text: a!.p.text }],
      provenance: null,
    };
  });

  // An added paragraph cut out of one reference paragraph is a split (or a copied part), not new writing: restoring
  // seed 003's fused subheading and paragraphs credited the machine text of the split-off parts to a person (added,
  // human). Alignment stays one to one.
  let origins: ((cand: Prepared) => Prepared | undefined) | undefined;
  pairs.forEach((pair, k) => {
    const j = steps[k]!.b;
    if (pair.status !== 'added' || j === null || !TEXT_KINDS.has(pair.kind)) return;
    const cand = cands[j]!;
    origins ??= splitOrigins(refs);
    const ref = origins(cand);
    if (!ref) return;
    pair.from = side(ref.p);
    pair.machineShare = 1;
    if (referenceIsMachine) pair.provenance = 'machine';
  });

  const summary = summarize(pairs, steps, refs, cands, referenceIsMachine, options.referenceIsMachineBecause ?? null);
  summary.noticeDropped = hasMachineNotice(reference) && !hasMachineNotice(candidate);
  return { pairs, summary };
}

/** Fewest words an added paragraph needs to count as cut from a reference paragraph: one or two words prove nothing. */
const SPLIT_MIN_WORDS = 3;

/**
 * Finds, for an added candidate paragraph, the reference text paragraph it was cut from: the first one holding all
 * its words (at least SPLIT_MIN_WORDS), in order and contiguous, exactly as written. A reworded part is not claimed
 * (it stays `added`): lexical overlap alone credited a three-word human subheading, or a generic sentence, to an
 * unrelated long paragraph. Reference paragraphs are indexed by their word trigrams, so each candidate is checked
 * against the few paragraphs that contain its first three words.
 */
function splitOrigins(refs: readonly Prepared[]): (cand: Prepared) => Prepared | undefined {
  const SEP = '\u0000';
  const byTrigram = new Map<string, number[]>();
  const joined = refs.map((ref, i) => {
    if (!TEXT_KINDS.has(ref.p.kind)) return '';
    for (let w = 0; w + 3 <= ref.words.length; w++) {
      const key = ref.words.slice(w, w + 3).join(SEP);
      const list = byTrigram.get(key);
      if (list === undefined) byTrigram.set(key, [i]);
      else if (list.at(-1) !== i) list.push(i);
    }
    return `${SEP}${ref.words.join(SEP)}${SEP}`;
  });
  return (cand) => {
    if (cand.words.length < SPLIT_MIN_WORDS) return undefined;
    const needle = `${SEP}${cand.words.join(SEP)}${SEP}`;
    for (const i of byTrigram.get(cand.words.slice(0, 3).join(SEP)) ?? []) if (joined[i]!.includes(needle)) return refs[i];
    return undefined;
  };
}

function summarize(
  pairs: readonly ComparisonPair[],
  steps: ReturnType<typeof alignInOrder>,
  refs: readonly Prepared[],
  cands: readonly Prepared[],
  referenceIsMachine: boolean,
  because: 'notice' | 'option' | null,
): ComparisonSummary {
  const summary: ComparisonSummary = {
    pairs: 0,
    unchanged: 0,
    edited: 0,
    added: 0,
    removed: 0,
    moved: 0,
    otherPairs: 0,
    tooDifferent: 0,
    meanSimilarity: null,
    candidateWords: 0,
    keptWords: 0,
    machineShare: null,
    referenceIsMachine,
    referenceIsMachineBecause: referenceIsMachine ? because : null,
    noticeDropped: false,
    provenance: { machine: 0, 'post-edited': 0, human: 0 },
    provenanceWords: { machine: 0, 'post-edited': 0, human: 0 },
  };
  let similaritySum = 0;
  pairs.forEach((pair, k) => {
    if (pair.changes === null) summary.tooDifferent++;
    if (!TEXT_KINDS.has(pair.kind)) {
      summary.otherPairs++;
      return;
    }
    summary.pairs++;
    summary[pair.status]++;
    similaritySum += pair.similarity;
    const st = steps[k]!;
    if (st.b === null) return;
    const cand = cands[st.b]!;
    const words = cand.words.length;
    summary.candidateWords += words;
    if (st.a !== null) summary.keptWords += keptShare(refs[st.a]!, cand).kept;
    // A part cut out of a reference paragraph (`from`) kept all its words.
    else if (pair.from) summary.keptWords += words;
    if (pair.provenance) {
      summary.provenance[pair.provenance]++;
      summary.provenanceWords[pair.provenance] += words;
    }
  });
  if (summary.pairs > 0) summary.meanSimilarity = round(similaritySum / summary.pairs);
  if (summary.candidateWords > 0) summary.machineShare = round(summary.keptWords / summary.candidateWords);
  return summary;
}

/** Every key of CompareOptions (a Record, so the compiler says when one is added and not listed here). */
const COMPARE_KEYS: ReadonlySet<string> = new Set(
  Object.keys({
    referenceFile: true, candidateFile: true, referenceIsMachine: true, format: true, languages: true, corpora: true,
    minSimilarity: true, moveSimilarity: true, diff: true, source: true, rules: true,
  } satisfies Record<keyof CompareOptions, true>),
);

const DIFF_KEYS: ReadonlySet<string> = new Set(Object.keys({ timeout: true, maxEditLength: true } satisfies Record<keyof WordDiffOptions, true>));

/** An ingested text, or a string. */
function checkInput(value: unknown, name: string): void {
  if (typeof value === 'string' || isIngested(value)) return;
  throw new WireproofError(`compare(${name}): expected a string or an ingested text (got ${typeName(value)})`, 'usage');
}

/**
 * The checks check() makes of its options (README: a caller's mistake throws a WireproofError 'usage' naming the
 * option): `compare` is public as `wireproof/compare`, and a misspelt `candidatefile` or a `format: 'pdf'` were
 * silently ignored or accepted (review, 2026-12-07).
 */
function checkCompareOptions(options: unknown): void {
  checkOptionKeys(options, COMPARE_KEYS);
  for (const key of ['referenceFile', 'candidateFile', 'corpora'] as const) {
    if (options[key] !== undefined && typeof options[key] !== 'string') throw new WireproofError(`${key}: expected a string (got ${typeName(options[key])})`, 'usage');
  }
  if (options['format'] !== undefined && !['auto', 'text', 'html'].includes(options['format'] as string)) {
    throw new WireproofError(`format: expected "auto", "text" or "html" (got ${JSON.stringify(options['format'])})`, 'usage');
  }
  if (options['referenceIsMachine'] !== undefined && typeof options['referenceIsMachine'] !== 'boolean') {
    throw new WireproofError(`referenceIsMachine: expected true or false (got ${typeName(options['referenceIsMachine'])})`, 'usage');
  }
  for (const key of ['minSimilarity', 'moveSimilarity'] as const) {
    const v = options[key];
    if (v !== undefined && (typeof v !== 'number' || !(v >= 0 && v <= 1))) throw new WireproofError(`${key}: expected a number from 0 to 1 (got ${String(v)})`, 'usage');
  }
  if (options['languages'] !== undefined && !Array.isArray(options['languages'])) throw new WireproofError('languages: expected an array of language codes, e.g. ["fr"]', 'usage');
  for (const key of ['diff', 'rules'] as const) {
    if (options[key] !== undefined && !isRecord(options[key])) throw new WireproofError(`${key}: expected an object (got ${typeName(options[key])})`, 'usage');
  }
  // diff: its two bounds only, positive numbers; `{ timeout: 'x', maxEditLength: -5 }` made every pair "too different".
  if (isRecord(options['diff'])) {
    const diff = options['diff'];
    checkOptionKeys(diff, DIFF_KEYS, false, 'diff');
    // Read as jsdiff reads them (inherited values too); an edit length is a whole number of edits.
    const timeout = diff['timeout'];
    if (timeout !== undefined && (typeof timeout !== 'number' || !(timeout > 0) || !Number.isFinite(timeout))) throw new WireproofError(`diff.timeout: expected a positive number of milliseconds (got ${typeName(timeout)} ${String(timeout)})`, 'usage');
    const edits = diff['maxEditLength'];
    if (edits !== undefined && (typeof edits !== 'number' || !Number.isInteger(edits) || edits < 1)) throw new WireproofError(`diff.maxEditLength: expected a whole number of edits, 1 or more (got ${typeName(edits)} ${String(edits)})`, 'usage');
  }
  if (options['corpora'] === '') throw new WireproofError('corpora: expected a folder path (got an empty string)', 'usage');
  // The rules compare runs are the source rules; an unknown id or level was accepted (check() refuses both).
  const known = SOURCE_RULES.map((r) => r.id);
  for (const [id, level] of Object.entries((options['rules'] ?? {}) as Record<string, unknown>)) checkRuleLevel(id, level, known, 'compare runs the source rules');
  if (options['source'] !== undefined) checkInput(options['source'], 'options.source');
}

async function toIngested(input: IngestedText | string, file: string, format: CompareOptions['format']): Promise<IngestedText> {
  if (typeof input !== 'string') return input;
  const bytes = new TextEncoder().encode(input);
  // check()'s limit: the pipeline is synchronous, and 80 MB compared for 22.5 s where check() refuses it (API review).
  if (bytes.length > MAX_INPUT_BYTES) throw tooLarge(file, bytes.length, MAX_INPUT_BYTES, 'text');
  return ingestBytes(bytes, file, { format: format ?? 'auto' });
}

/**
 * Reads the source file, as check() does: a path, not the text. The string was once read as the text itself, so a
 * path gave a dozen findings against the path's own words (a review, 2026-12-08: "“Pentagone” is not in the source
 * paragraph 1"), where check() with the same option reads the file.
 */
async function readSource(given: string, format: CompareOptions['format']): Promise<IngestedText> {
  return readSourceOption(given, given, format ?? 'auto');
}

/** True when the document carries a notice that declares machine translation (not mere AI assistance). */
export function hasMachineNotice(paragraphs: readonly Paragraph[]): boolean {
  return paragraphs.some((p) => p.notice?.declares === 'machine-translation');
}

/**
 * Compares two versions of one story: the machine-translated feed version and the copy about to be published, or two
 * writethrus. Paragraphs are aligned in order over their token similarity, moves detected, and each pair gets a status,
 * a similarity, a word diff and the share of its words kept from the reference. When the reference is
 * machine-translated (it carries a notice, or `referenceIsMachine`), candidate paragraphs inherit provenance.
 * @param reference the earlier version: ingested text, or the text itself
 * @param candidate the later version: ingested text, or the text itself
 */
export async function compare(
  reference: IngestedText | string,
  candidate: IngestedText | string,
  options: CompareOptions = {},
  corpora?: Corpora,
): Promise<Comparison> {
  checkCompareOptions(options);
  checkInput(reference, 'reference');
  checkInput(candidate, 'candidate');
  corpora ??= loadCorpora(options.corpora);
  // The source first, as check() reads it: a missing file was reported after the whole comparison (a second review).
  const src = options.source === undefined ? undefined : typeof options.source === 'string' ? await readSource(options.source, options.format) : options.source;
  if (src) assertSourceText(src);
  const ref = await toIngested(reference, options.referenceFile ?? '<reference>', options.format);
  const cand = await toIngested(candidate, options.candidateFile ?? '<candidate>', options.format);
  const languages = options.languages === undefined ? undefined : languageList(options.languages);
  const seg = languages ? { languages } : {};
  const refParagraphs = segment(ref, corpora, seg).paragraphs;
  const { paragraphs: candParagraphs, language: candLanguage } = segment(cand, corpora, seg);
  const noticed = hasMachineNotice(refParagraphs);
  const referenceIsMachine = options.referenceIsMachine ?? noticed;
  const because = options.referenceIsMachine !== undefined ? (options.referenceIsMachine ? 'option' : null) : noticed ? 'notice' : null;
  const paragraphOptions: CompareParagraphsOptions = { referenceIsMachine, referenceIsMachineBecause: because };
  if (options.minSimilarity !== undefined) paragraphOptions.minSimilarity = options.minSimilarity;
  if (options.moveSimilarity !== undefined) paragraphOptions.moveSimilarity = options.moveSimilarity;
  if (options.diff) paragraphOptions.diff = options.diff;
  const { pairs, summary } = compareParagraphs(refParagraphs, candParagraphs, paragraphOptions);
  const out: Comparison = { reference: ref.file, candidate: cand.file, pairs, summary };
  if (src) {
    out.source = checkSource(candParagraphs, src, corpora, { ...(options.rules ? { rules: options.rules } : {}), targetLanguage: candLanguage });
  }
  return out;
}
