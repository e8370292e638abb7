// Paragraph alignment and word-level distance: tokens, token edit distance, in-order alignment with moves, word diffs.
import { diffWords } from 'diff';
import type { Change } from '../types.js';
import { QUOTE_MARKS } from '../util/normalize.js';

/** A token of a paragraph: a word (letters, marks and digits) or one punctuation character. */
export interface Token {
  text: string;
  start: number;
  end: number;
  /** True for words, false for punctuation. */
  word: boolean;
}

/**
 * Words are runs of letters, combining marks and digits ("G7", "xAI", "2026"); every other visible character is a
 * token of its own. French elisions split at the apostrophe ("l'armée" → l, ', armée), so another apostrophe or
 * punctuation mark costs one punctuation token and no word — the distinction OmegaT's verbatim and word passes make
 * (../shared/research/qa-tools-and-mt-detection.md §2); curly and straight forms of one mark compare equal
 * (`TYPOGRAPHIC`).
 */
const TOKEN = /[\p{L}\p{M}\p{N}\p{Cf}]+|[^\s\p{L}\p{M}\p{N}\p{Cf}]/gu;
/** Invisible format characters (zero-width space and joiners, soft hyphen, bidi marks): not part of what a word says. */
const FORMAT = /\p{Cf}/gu;

/**
 * Typographic variants of one mark, compared as that mark: the curly apostrophe and the straight one, French guillemets
 * and English quotes. A house-style pass (`l'entreprise` → `l’entreprise`, `"…"` → `« … »`) changes no wording, and it
 * made every paragraph of a machine copy `edited` and `post-edited` (an editor's review of compare, 2026-12-07), while
 * the wire's own artefacts (`d 'utiliser`, `Claude ,`) already compared equal to their fix.
 */
const TYPOGRAPHIC: Readonly<Record<string, string>> = { ...QUOTE_MARKS, '\u201f': '"', '\u2039': '"', '\u203a': '"' };

/**
 * Splits a text into word and punctuation tokens with their offsets. A token's `text` is its comparison key: NFC (a
 * copy with decomposed accents, as macOS and PDF exports give, compares equal to the composed one) and without
 * invisible format characters (a zero-width space inside a word does not split it); `start`/`end` stay the source's.
 * Both made an unchanged copy read as edited (review, 2026-12-07: decomposed accents gave machineShare 0.84). Curly and
 * straight apostrophes, guillemets and quotes compare as one mark each (`TYPOGRAPHIC`).
 */
export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  for (const m of text.matchAll(TOKEN)) {
    const raw = m[0].replace(FORMAT, '').normalize('NFC');
    const key = TYPOGRAPHIC[raw] ?? raw;
    if (key === '') continue;
    out.push({ text: key, start: m.index, end: m.index + m[0].length, word: /[\p{L}\p{N}]/u.test(key) });
  }
  return out;
}

/** Word tokens only (no punctuation). */
export function words(text: string): string[] {
  return tokenize(text)
    .filter((t) => t.word)
    .map((t) => t.text);
}

/** Levenshtein distance between two token sequences (insertions, deletions and substitutions cost 1). */
export function editDistance<T>(a: ArrayLike<T>, b: ArrayLike<T>): number {
  if (a.length === 0) return b.length;
  if (b.length === 0) return a.length;
  let prev = new Int32Array(b.length + 1);
  let cur = new Int32Array(b.length + 1);
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    const ai = a[i - 1];
    for (let j = 1; j <= b.length; j++) {
      const sub = prev[j - 1]! + (ai === b[j - 1] ? 0 : 1);
      const del = prev[j]! + 1;
      const ins = cur[j - 1]! + 1;
      cur[j] = sub < del ? (sub < ins ? sub : ins) : del < ins ? del : ins;
    }
    [prev, cur] = [cur, prev];
  }
  return prev[b.length]!;
}

/**
 * Levenshtein distance of two sequences of token numbers when it is at most `max`, else `max + 1`: only the band of
 * cells within `max` of the diagonal is filled (Ukkonen 1985), and the scan stops once a whole row exceeds `max`.
 * `compare` needs the exact distance only for pairs that can pair at all; full distances between near-identical
 * paragraphs (300 drawn from the same 18 sentences) took 7.7 s, most of it on pairs far below the threshold.
 */
export function boundedEditDistance(a: Int32Array, b: Int32Array, max: number): number {
  const n = a.length;
  const m = b.length;
  if (Math.abs(n - m) > max) return max + 1;
  if (n === 0 || m === 0) return Math.max(n, m);
  const over = max + 1;
  let prev = new Int32Array(m + 1);
  let cur = new Int32Array(m + 1);
  for (let j = 0; j <= m; j++) prev[j] = j <= max ? j : over;
  for (let i = 1; i <= n; i++) {
    const lo = Math.max(1, i - max);
    const hi = Math.min(m, i + max);
    cur[0] = i <= max ? i : over;
    if (lo > 1) cur[lo - 1] = over;
    const ai = a[i - 1]!;
    let best = cur[0]!;
    for (let j = lo; j <= hi; j++) {
      const sub = prev[j - 1]! + (ai === b[j - 1] ? 0 : 1);
      const del = prev[j]! + 1;
      const ins = cur[j - 1]! + 1;
      let v = sub < del ? (sub < ins ? sub : ins) : del < ins ? del : ins;
      if (v > over) v = over;
      cur[j] = v;
      if (v < best) best = v;
    }
    if (hi < m) cur[hi + 1] = over;
    if (best > max) return over;
    [prev, cur] = [cur, prev];
  }
  return prev[m]! <= max ? prev[m]! : over;
}

/** Length of the longest common subsequence of two token sequences: the tokens kept, in order. */
export function commonSubsequence<T>(a: ArrayLike<T>, b: ArrayLike<T>): number {
  if (a.length === 0 || b.length === 0) return 0;
  let prev = new Int32Array(b.length + 1);
  let cur = new Int32Array(b.length + 1);
  for (let i = 1; i <= a.length; i++) {
    const ai = a[i - 1];
    for (let j = 1; j <= b.length; j++) {
      cur[j] = ai === b[j - 1] ? prev[j - 1]! + 1 : Math.max(prev[j]!, cur[j - 1]!);
    }
    [prev, cur] = [cur, prev];
    cur.fill(0);
  }
  return prev[b.length]!;
}

/**
 * Token similarity as OmegaT computes fuzzy matches: `(max(La, Lb) − distance) / max(La, Lb)` over tokens
 * (`FuzzyMatcher.calcSimilarity`, ../shared/research/qa-tools-and-mt-detection.md §2). 1 means the same wording;
 * two empty sequences are identical. The definition, and the oracle of the tests: `compare` computes it through
 * `boundedEditDistance` over token numbers, and skips pairs by `boundedPairs` (`similarityBound` for all pairs at once).
 */
export function tokenSimilarity<T>(a: ArrayLike<T>, b: ArrayLike<T>): number {
  const longest = Math.max(a.length, b.length);
  if (longest === 0) return 1;
  return (longest - editDistance(a, b)) / longest;
}

/**
 * An upper bound of `tokenSimilarity` from token counts alone: the distance is at least the number of tokens of the
 * longer side that the shorter cannot supply. Lets the aligner skip most of the n×m edit distances.
 */
export function similarityBound(a: ReadonlyMap<string, number>, b: ReadonlyMap<string, number>, la: number, lb: number): number {
  const longest = Math.max(la, lb);
  if (longest === 0) return 1;
  let shared = 0;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  for (const [t, n] of small) shared += Math.min(n, large.get(t) ?? 0);
  return shared / longest;
}

/**
 * Which pairs of two lists of bags can reach `minScore`: `similarityBound(a[i], b[j]) >= minScore`, for every i and j
 * at once, as a flat n×m array (row i, column j). The shared counts are summed through an index of `a`'s tokens, so
 * pairs with nothing in common cost nothing: calling `similarityBound` cell by cell spent 27 of 35 s comparing two
 * 3,000-paragraph files (map look-ups for every token of every pair; measured 2026-12-07), this takes under a second.
 * @param a bags of the first sequence (`bag`), with `la` their token counts
 * @param b bags of the second sequence, with `lb` their token counts
 */
export function boundedPairs(
  a: readonly ReadonlyMap<string, number>[],
  la: readonly number[],
  b: readonly ReadonlyMap<string, number>[],
  lb: readonly number[],
  minScore: number,
): Uint8Array {
  const n = a.length;
  const m = b.length;
  const out = new Uint8Array(n * m);
  if (minScore <= 0) return out.fill(1);
  // Postings: for each token, the items of `a` holding it and how often.
  const postings = new Map<string, { items: number[]; counts: number[] }>();
  a.forEach((bagA, i) => {
    for (const [t, c] of bagA) {
      let list = postings.get(t);
      if (!list) postings.set(t, (list = { items: [], counts: [] }));
      list.items.push(i);
      list.counts.push(c);
    }
  });
  const shared = new Int32Array(n);
  const touched: number[] = [];
  for (let j = 0; j < m; j++) {
    for (const [t, cb] of b[j]!) {
      const list = postings.get(t);
      if (!list) continue;
      const { items, counts } = list;
      for (let k = 0; k < items.length; k++) {
        const i = items[k]!;
        if (shared[i] === 0) touched.push(i);
        const ca = counts[k]!;
        shared[i] = shared[i]! + (ca < cb ? ca : cb);
      }
    }
    for (const i of touched) {
      if (shared[i]! / Math.max(la[i]!, lb[j]!) >= minScore) out[i * m + j] = 1;
      shared[i] = 0;
    }
    touched.length = 0;
    // Two empty items are identical (similarity 1), as in `similarityBound`.
    if (lb[j] === 0) for (let i = 0; i < n; i++) if (la[i] === 0) out[i * m + j] = 1;
  }
  return out;
}

/** Token counts of a sequence, for `similarityBound`. */
export function bag(tokens: readonly string[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const t of tokens) m.set(t, (m.get(t) ?? 0) + 1);
  return m;
}

/** One step of an alignment: indices into the two sequences (0-based), either side null for a gap. */
export interface AlignStep {
  a: number | null;
  b: number | null;
  /** Similarity of the pair; 0 for gaps. */
  score: number;
  /** True when the pair was matched out of order (a move), after the in-order alignment. */
  moved?: boolean;
}

export interface AlignOptions {
  /** Lowest similarity at which two items may be paired in order. */
  minScore: number;
  /** Lowest similarity at which two left-over items are paired as a move; Infinity disables moves. */
  moveScore?: number;
}

/**
 * Aligns two sequences in order by dynamic programming over their similarity matrix (Needleman–Wunsch with zero gap
 * cost, maximising the summed similarity of pairs at or above `minScore`), then pairs left-over items that match well
 * out of order as moves (greedy, best first). Steps come out in the order of `b`, with each unpaired item of `a`
 * placed where it stood between its paired neighbours; a moved pair sits at its `b` position.
 * @param n length of the first sequence
 * @param m length of the second sequence
 * @param score similarity of item i of the first and item j of the second, in [0, 1]; below `minScore` never pairs
 */
export function alignInOrder(n: number, m: number, score: (i: number, j: number) => number, options: AlignOptions): AlignStep[] {
  const { minScore } = options;
  const moveScore = options.moveScore ?? Infinity;
  const cache = new Float64Array(n * m).fill(NaN);
  const s = (i: number, j: number): number => {
    const k = i * m + j;
    let v = cache[k]!;
    if (Number.isNaN(v)) {
      v = score(i, j);
      cache[k] = v;
    }
    return v;
  };
  // best[i][j] = best summed similarity aligning a[0..i) with b[0..j).
  const W = m + 1;
  const best = new Float64Array((n + 1) * W);
  for (let i = 1; i <= n; i++) {
    for (let j = 1; j <= m; j++) {
      let v = Math.max(best[(i - 1) * W + j]!, best[i * W + j - 1]!);
      const sij = s(i - 1, j - 1);
      if (sij >= minScore) v = Math.max(v, best[(i - 1) * W + j - 1]! + sij);
      best[i * W + j] = v;
    }
  }
  // Trace back; prefer a pair, then a gap in `a` before one in `b`, so removals print before additions.
  const rev: AlignStep[] = [];
  let i = n;
  let j = m;
  const EPS = 1e-9;
  while (i > 0 || j > 0) {
    const here = best[i * W + j]!;
    if (i > 0 && j > 0) {
      const sij = s(i - 1, j - 1);
      if (sij >= minScore && Math.abs(best[(i - 1) * W + j - 1]! + sij - here) < EPS) {
        rev.push({ a: i - 1, b: j - 1, score: sij });
        i--;
        j--;
        continue;
      }
    }
    if (j > 0 && (i === 0 || Math.abs(best[i * W + j - 1]! - here) < EPS)) {
      rev.push({ a: null, b: j - 1, score: 0 });
      j--;
    } else {
      rev.push({ a: i - 1, b: null, score: 0 });
      i--;
    }
  }
  const steps = rev.reverse();
  if (!Number.isFinite(moveScore)) return steps;

  // Moves: left-overs on both sides that still match well, best first.
  const loneA = steps.filter((st) => st.b === null).map((st) => st.a!);
  const loneB = steps.filter((st) => st.a === null).map((st) => st.b!);
  const candidates: { a: number; b: number; score: number }[] = [];
  for (const a of loneA) for (const b of loneB) {
    const v = s(a, b);
    if (v >= moveScore) candidates.push({ a, b, score: v });
  }
  candidates.sort((x, y) => y.score - x.score || x.b - y.b || x.a - y.a);
  const movedA = new Map<number, { b: number; score: number }>();
  const movedB = new Map<number, { a: number; score: number }>();
  for (const c of candidates) {
    if (movedA.has(c.a) || movedB.has(c.b)) continue;
    movedA.set(c.a, { b: c.b, score: c.score });
    movedB.set(c.b, { a: c.a, score: c.score });
  }
  const out: AlignStep[] = [];
  for (const st of steps) {
    if (st.b === null && movedA.has(st.a!)) continue;
    if (st.a === null && movedB.has(st.b!)) {
      const mv = movedB.get(st.b!)!;
      out.push({ a: mv.a, b: st.b, score: mv.score, moved: true });
      continue;
    }
    out.push(st);
  }
  return out;
}

/** A group of consecutive items on each side that translate each other (n:1, 1:n merges, or one side empty). */
export interface GroupStep {
  /** Indices in the first sequence, consecutive; empty for an item of the second side alone. */
  a: number[];
  b: number[];
  score: number;
}

export interface GroupAlignOptions {
  /** Largest number of items merged on one side against a single item of the other. */
  maxMerge: number;
  /** A group is worth pairing only when its score exceeds this. */
  minScore: number;
}

/**
 * Monotone many-to-one alignment, as sentence aligners do (Gale & Church 1993: 1:1, 1:0, 0:1, 2:1, 1:2 beads),
 * extended to `maxMerge`:1 and 1:`maxMerge` because translated wires merge and split paragraphs (seed 003 folds a
 * subheading and three source paragraphs into one). Maximises the summed `score − minScore` of paired groups.
 * @param score score of a[a0..a1) against b[b0..b1), in [0, 1]
 */
export function alignGroups(
  n: number,
  m: number,
  score: (a0: number, a1: number, b0: number, b1: number) => number,
  options: GroupAlignOptions,
): GroupStep[] {
  const { maxMerge, minScore } = options;
  const W = m + 1;
  const best = new Float64Array((n + 1) * W).fill(-Infinity);
  const back: { di: number; dj: number; score: number }[] = new Array((n + 1) * W);
  best[0] = 0;
  for (let i = 0; i <= n; i++) {
    for (let j = 0; j <= m; j++) {
      if (i === 0 && j === 0) continue;
      let v = -Infinity;
      let from = { di: 0, dj: 0, score: 0 };
      const consider = (di: number, dj: number): void => {
        const prev = best[(i - di) * W + (j - dj)]!;
        if (prev === -Infinity) return;
        let gain = 0;
        let sc = 0;
        if (di > 0 && dj > 0) {
          sc = score(i - di, i, j - dj, j);
          if (sc < minScore) return;
          gain = sc - minScore;
        }
        if (prev + gain > v + 1e-12) {
          v = prev + gain;
          from = { di, dj, score: sc };
        }
      };
      if (i > 0 && j > 0) {
        consider(1, 1);
        for (let k = 2; k <= maxMerge; k++) {
          if (i >= k) consider(k, 1);
          if (j >= k) consider(1, k);
        }
      }
      if (i > 0) consider(1, 0);
      if (j > 0) consider(0, 1);
      best[i * W + j] = v;
      back[i * W + j] = from;
    }
  }
  const rev: GroupStep[] = [];
  let i = n;
  let j = m;
  while (i > 0 || j > 0) {
    const f = back[i * W + j]!;
    const a = Array.from({ length: f.di }, (_, k) => i - f.di + k);
    const b = Array.from({ length: f.dj }, (_, k) => j - f.dj + k);
    rev.push({ a, b, score: f.score });
    i -= f.di;
    j -= f.dj;
  }
  return rev.reverse();
}

/** Default ceiling of a paragraph pair's word diff, in edits. */
export const MAX_EDITS = 5000;

export interface WordDiffOptions {
  /**
   * Milliseconds before jsdiff gives up. None by default: a time limit makes the result depend on the machine's load
   * (an API review, 2026-12-08, saw the same two 2,000-word paragraphs come out "too different" on the first two calls
   * of a process and diffed on the next four, and "too different" on every call with two busy processes beside it).
   */
  timeout?: number;
  /**
   * Largest edit script jsdiff explores (node-ecosystem-and-style.md §2.1: always bound a diff); default: 90 % of
   * both sides' word counts, at least 16 and at most {@link MAX_EDITS}. Deterministic, unlike `timeout`.
   */
  maxEditLength?: number;
}

/**
 * Word diff of one paragraph pair with jsdiff's `diffWords`, always bounded by `maxEditLength` (and by `timeout` when
 * the caller gives one; unrelated 3,000-word texts take 1.6–2.2 s unbounded, node-ecosystem-and-style.md §2.1).
 * @returns the changes in order, or null when jsdiff aborted: the two texts are too different to align
 */
export function wordDiff(before: string, after: string, options: WordDiffOptions = {}): Change[] | null {
  const size = words(before).length + words(after).length;
  // At most 5,000 edits: without a time limit, one 18,000-word pair took 32 s (a second review, 2026-12-08); a pair
  // that far apart is "too different to align" word by word.
  const maxEditLength = options.maxEditLength ?? Math.min(MAX_EDITS, Math.max(16, Math.ceil(size * 0.9)));
  const result = diffWords(before, after, options.timeout === undefined ? { maxEditLength } : { maxEditLength, timeout: options.timeout });
  if (result === undefined) return null;
  const changes: Change[] = [];
  for (const c of result) {
    const op: Change['op'] = c.added ? 'insert' : c.removed ? 'delete' : 'equal';
    const last = changes[changes.length - 1];
    if (last && last.op === op) last.text += c.value;
    else if (c.value !== '') changes.push({ op, text: c.value });
  }
  return changes;
}
