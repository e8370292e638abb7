// Finds reference phrasings in one paragraph: index candidates, then a word-level fuzzy alignment scored as a translation memory does.
import { NEUTRAL_TAG } from './phrasings.js';
import { candidateBound, candidateForms, DEFAULT_THRESHOLD, encodeKeys, formAt, type FormKind, type PhrasingIndex } from './shingle-index.js';
import { isArticleKey, isStopKey, tokenizeWords, type WordToken } from './tokens.js';

/** OmegaT's fuzzy-match statistics buckets (qa-tools-and-mt-detection.md §2), by whole percent. */
export type SimilarityBand = '95-100' | '85-94' | '75-84' | '50-74' | 'below-50';

/** A reference phrasing found in a paragraph. */
export interface PhrasingMatch {
  /** The phrasing's `id` in the corpus. */
  referenceId: string;
  /** Whether the closest wording is an approved (canonical) one or a known machine rendering. */
  kind: FormKind;
  /** Fuzzy score of the span against `matchedForm`, 0–1: `(max(La, Lb) − distance) / max(La, Lb)` over words. */
  similarity: number;
  /** OmegaT band of `similarity`. */
  band: SimilarityBand;
  /** 0-based offsets in the paragraph text given to `findPhrasings` (the original, not folded, text), end exclusive. */
  start: number;
  end: number;
  /** `text.slice(start, end)`: from the first to the last word of the span. */
  text: string;
  /** The canonical wording closest to the span (the suggestion). */
  expected: string;
  /** Fuzzy score of the span against `expected`, 0–1 (equal to `similarity` when `matchedForm` is `expected`). */
  canonicalSimilarity: number;
  /** The corpus wording (canonical or variant) the span matched. */
  matchedForm: string;
  /** Whether meeting the canonical wording is evidence of house editing: the entry has variants and is not `neutral`. */
  house: boolean;
  /** The entry's tags. */
  tags: readonly string[];
  /** The English formula the entry translates (its `source`). */
  source: string;
}

/** Options of `findPhrasings`. */
export interface FindPhrasingsOptions {
  /**
   * Lowest similarity reported, 0–1 (default 0.6: OmegaT's 50–74 band starts at 0.5, and below 0.6 a five-word
   * formula may differ in two words, which on the seeds matched unrelated clauses).
   */
  threshold?: number;
  /** ISO 639-1 language of the text: keys words with its stemmer and keeps entries of that language or `any`. */
  language?: string;
  /** Verify every form instead of the index's candidates (brute force, for tests and measurements). */
  exhaustive?: boolean;
  /** Force the index's look-up (tests and measurements, see `candidateForms`); default `auto`. */
  lookup?: 'auto' | 'unigram' | 'shingle';
}

export { DEFAULT_THRESHOLD };

/** Scratch buffers, grown on demand: verification runs for every candidate form and must not allocate. */
let dpCost = new Int32Array(1024);
let dpStart = new Int32Array(1024);
let osa = new Int32Array(256);
let anchorBuf = new Float64Array(256);
let windowCount = new Int32Array(64);

/**
 * Optimal-string-alignment distance between `a[aFrom .. aFrom+n)` and `b[bFrom .. bFrom+m)`: Levenshtein plus the
 * swap of two neighbouring words at cost 1, so "n'a pas immédiatement répondu" is one edit from "n'a pas répondu
 * immédiatement", not two.
 */
function distanceIn(a: ArrayLike<number>, aFrom: number, n: number, b: ArrayLike<number>, bFrom: number, m: number): number {
  if (n === 0) return m;
  if (m === 0) return n;
  const W = m + 1;
  if (osa.length < (n + 1) * W) osa = new Int32Array((n + 1) * W * 2);
  const d = osa;
  for (let j = 0; j <= m; j++) d[j] = j;
  for (let i = 1; i <= n; i++) {
    d[i * W] = i;
    const ai = a[aFrom + i - 1];
    for (let j = 1; j <= m; j++) {
      const bj = b[bFrom + j - 1];
      let v = d[(i - 1) * W + j - 1]! + (ai === bj ? 0 : 1);
      const del = d[(i - 1) * W + j]! + 1;
      const ins = d[i * W + j - 1]! + 1;
      if (del < v) v = del;
      if (ins < v) v = ins;
      if (i > 1 && j > 1 && ai === b[bFrom + j - 2] && a[aFrom + i - 2] === bj && ai !== a[aFrom + i - 2]) {
        const t = d[(i - 2) * W + j - 2]! + 1;
        if (t < v) v = t;
      }
      d[i * W + j] = v;
    }
  }
  return d[n * W + m]!;
}

/**
 * Optimal-string-alignment distance between two key sequences (Levenshtein plus adjacent swaps at cost 1).
 * @param a first sequence of keys or key ids
 * @param b second sequence
 */
export function wordDistance(a: ArrayLike<number>, b: ArrayLike<number>): number {
  return distanceIn(a, 0, a.length, b, 0, b.length);
}

/** OmegaT's token similarity `(max(La, Lb) − distance) / max(La, Lb)`, with `wordDistance`; two empty sequences score 1. */
export function wordSimilarity(a: ArrayLike<number>, b: ArrayLike<number>): number {
  const longest = Math.max(a.length, b.length);
  if (longest === 0) return 1;
  return (longest - wordDistance(a, b)) / longest;
}

/** The OmegaT band of a similarity (whole percent, truncated). */
export function similarityBand(similarity: number): SimilarityBand {
  const pct = Math.floor(similarity * 100 + 1e-9);
  if (pct >= 95) return '95-100';
  if (pct >= 85) return '85-94';
  if (pct >= 75) return '75-84';
  if (pct >= 50) return '50-74';
  return 'below-50';
}

/** A verified occurrence of one form: word indices [s, e) of the paragraph. */
interface Hit {
  form: number;
  s: number;
  e: number;
  similarity: number;
}

/** What verification needs of the paragraph. */
interface ParagraphKeys {
  /** Key id of each word, -1 when no form has it. */
  keys: Int32Array;
  /** 1 for function words. */
  stop: Uint8Array;
  /** How each word negates, as written (tokens.ts `Negation`). */
  negation: Uint8Array;
  /**
   * 1 where the word before this one is a negation marker in the same sentence (no `.`, `!`, `?`, `;` or `:` between):
   * in Spanish, Portuguese, Italian and English the negation precedes the verb ("no respondió inmediatamente", "did
   * not respond"), outside the span of a wording that starts on the verb. All zero for French, which wraps its verb
   * (`n'a pas répondu` puts `pas` inside "a répondu") and is left as it was.
   */
  negatedBefore: Uint8Array;
  /** Positions of each key id. */
  positions: ReadonlyMap<number, number[]>;
}

/**
 * Order-free overlap of content words: shared words (with repeats) over the larger count, form against span. Function
 * words can make up the edit budget of a short formula on their own: "a déclaré mardi une" scores 0.6 against "a
 * déclaré dans une déclaration" (the stemmer gives déclaré and déclaration one key), but shares one content word out
 * of two. Order-free, so that a swap ("immédiatement répondu") costs nothing here.
 */
function contentOverlap(index: PhrasingIndex, f: number, para: ParagraphKeys, s: number, e: number): number {
  const from = index.contentWordStart[f]!;
  const count = index.contentWordStart[f + 1]! - from;
  const words = index.contentWordData;
  // Formulas are short: a quadratic pairing over a bit mask beats a hash map (longer forms fall back to an array).
  let used = 0;
  const usedLong = count > 31 ? new Uint8Array(count) : undefined;
  let shared = 0;
  let spanWords = 0;
  for (let i = s; i < e; i++) {
    if (para.stop[i]) continue;
    spanWords++;
    const k = para.keys[i]!;
    for (let w = 0; w < count; w++) {
      if (words[from + w] !== k) continue;
      if (usedLong ? usedLong[w] : used & (1 << w)) continue;
      if (usedLong) usedLong[w] = 1;
      else used |= 1 << w;
      shared++;
      break;
    }
  }
  const larger = Math.max(count, spanWords);
  return larger === 0 ? 1 : shared / larger;
}

/**
 * Semi-global alignment of `keys[k0 .. k0+n)` against `text[lo .. lo+m)` with adjacent swaps: fills `d` (cost,
 * row-major, width m + 1) and `st` (start of the best path, relative to lo). Row 0 is free (a match may start anywhere).
 * Of two paths of equal cost the one starting earlier wins: the longer span scores at least as high (OmegaT divides by
 * the longer length), and it keeps the formula's first word: "en a eu marre" rather than "a eu marre".
 */
function alignWindow(keys: Int32Array, k0: number, n: number, text: Int32Array, lo: number, m: number, d: Int32Array, st: Int32Array): void {
  const W = m + 1;
  for (let j = 0; j <= m; j++) {
    d[j] = 0;
    st[j] = j;
  }
  for (let i = 1; i <= n; i++) {
    d[i * W] = i;
    st[i * W] = 0;
    const fi = keys[k0 + i - 1];
    const fp = i > 1 ? keys[k0 + i - 2] : -2;
    const row = i * W;
    const up = row - W;
    for (let j = 1; j <= m; j++) {
      const t = text[lo + j - 1]!;
      let v = d[up + j - 1]! + (fi === t ? 0 : 1);
      let s = st[up + j - 1]!;
      if (j > 1 && fp === t && fi === text[lo + j - 2] && fi !== fp) {
        const tv = d[up - W + j - 2]! + 1;
        if (tv < v || (tv === v && st[up - W + j - 2]! < s)) {
          v = tv;
          s = st[up - W + j - 2]!;
        }
      }
      const del = d[up + j]! + 1;
      if (del < v || (del === v && st[up + j]! < s)) {
        v = del;
        s = st[up + j]!;
      }
      const ins = d[row + j - 1]! + 1;
      if (ins < v || (ins === v && st[row + j - 1]! < s)) {
        v = ins;
        s = st[row + j - 1]!;
      }
      d[row + j] = v;
      st[row + j] = s;
    }
  }
}

/** Whether `keys[from .. from+n)` holds `key`. */
function holds(keys: Int32Array, from: number, n: number, key: number): boolean {
  for (let i = 0; i < n; i++) if (keys[from + i] === key) return true;
  return false;
}

/**
 * Whether the span `text[s .. e)` holds every word of the form `keys[k0 .. k0+n)`, repeats counted (order is the
 * similarity's business). A formula with a single content word is made by its function words: "en a assez" (fed up)
 * is "en" + "avoir assez", and without the "en" it is ordinary French ("j'avais assez d'argent", "il y a assez de
 * place"); "en passe de" without "en" is "passer de 7 % à 8 %"; "n'a pas pu être joint" without its negation says
 * the opposite ("a pu être joint"). At 0.6 a three-word formula may lose a word, and the content-word tests only
 * guard the content word, so such a form matches only a span that has all its words (inserted words still cost).
 * The same holds for any form of three words or fewer: one word is a third of it, and the word lost is often the one
 * that carries the meaning ("selon une source" is not "selon des sources", one source against several: a wording-drift
 * warning on correct French in a Libération article, review 2026-12-07).
 */
function holdsAll(keys: Int32Array, k0: number, n: number, text: Int32Array, s: number, e: number): boolean {
  for (let i = 0; i < n; i++) {
    const k = keys[k0 + i]!;
    let need = 0;
    for (let j = 0; j < n; j++) if (keys[k0 + j] === k) need++;
    for (let j = s; j < e && need > 0; j++) if (text[j] === k) need--;
    if (need > 0) return false;
  }
  return true;
}

/**
 * Whether the span `text[s .. e)` has the polarity of form f. A negated form (one holding ne, pas, jamais, sans,
 * aucun …, tokens.ts `Negation`) needs its negation in the span: as many plain negation words (`ne`, `pas`) as the
 * form has `ne` (or `pas`, when more), since either negates alone ("n'a pu être joint" is "n'a pas pu être joint"), and
 * each of its other negation words (jamais, sans, and with a `ne` plus, personne, point), repeats counted, written as
 * negation words (a "né" has the key of "ne" but negates nothing). Without this, "a répondu immédiatement à la demande
 * de commentaire" scored 0.70 against "n'a pas répondu immédiatement à une demande de commentaire": two function words
 * short in ten, and the opposite meaning. Any other form must not take a negation marker into its span: "n'a pas
 * révélé" is not "a révélé" (0.67 for the span "a pas révélé"), nor "aucun usage licite" "tout usage licite". Words
 * around the span are not its business: "a déclaré à Reuters qu'il n'a pas vu" holds "a déclaré à Reuters".
 */
function keepsPolarity(index: PhrasingIndex, f: number, para: ParagraphKeys, s: number, e: number): boolean {
  const neg = para.negation;
  const negated = index.formNegated[f]!;
  if (negated === 0) {
    for (let i = s; i < e; i++) if (neg[i] === 1 || neg[i] === 2) return false;
    if (para.negatedBefore[s] === 1) return false;
    return true;
  }
  let found = 0;
  for (let i = s; i < e; i++) if (neg[i] === 1) found++;
  if (found < negated - 1) return false;
  const data = index.negData;
  const n0 = index.negStart[f]!;
  const n1 = index.negStart[f + 1]!;
  const text = para.keys;
  for (let i = n0; i < n1; i++) {
    const k = data[i]!;
    let need = 0;
    for (let j = n0; j < n1; j++) if (data[j] === k) need++;
    for (let j = s; j < e && need > 0; j++) if (text[j] === k && neg[j]! >= 2) need--;
    if (need > 0) return false;
  }
  return true;
}

/**
 * Occurrences of form `f` in a paragraph whose similarity reaches `threshold` and which contain `required` of its
 * content words, every name among them. Semi-global alignment (Sellers: the span may start anywhere) with word swaps,
 * run only on windows where that many content words of the form meet within `n / threshold` words (a longer span
 * cannot reach the threshold); each candidate span is trimmed to words of the form at both ends, scored exactly
 * (OmegaT's formula over `distanceIn`), then required to share most content words (`contentOverlap`), for a form
 * with a single content word, to hold every word of the form (`holdsAll`), and to keep the form's polarity
 * (`keepsPolarity`: a negated form's negation words, no negation marker in any other form's span). Both the index
 * path and the exhaustive path use this function, so they agree by construction once the index returns the form.
 */
function verifyForm(index: PhrasingIndex, f: number, para: ParagraphKeys, threshold: number, hits: Hit[]): void {
  const keys = index.keyData;
  const k0 = index.keyStart[f]!;
  const n = index.keyStart[f + 1]! - k0;
  const c0 = index.contentStart[f]!;
  const cl = index.contentStart[f + 1]! - c0;
  const content = index.contentData;
  const mandatory = index.contentMandatory;
  const required = index.formRequired[f]!;
  const names = index.formNames[f]!;
  const text = para.keys;
  const maxLength = Math.floor(n / threshold + 1e-9);
  const maxDist = Math.floor(((1 - threshold) * n) / threshold + 1e-9);

  // Occurrences of the form's content words in the paragraph, coded as position × cl + content index, in order.
  let present = 0;
  let total = 0;
  for (let ci = 0; ci < cl; ci++) {
    const ps = para.positions.get(content[c0 + ci]!);
    if (ps) {
      present++;
      total += ps.length;
    }
  }
  if (present < required) return;
  if (anchorBuf.length < total) anchorBuf = new Float64Array(total * 2);
  let a = 0;
  for (let ci = 0; ci < cl; ci++) for (const p of para.positions.get(content[c0 + ci]!) ?? []) anchorBuf[a++] = p * cl + ci;
  const anchors = cl === 1 ? anchorBuf : anchorBuf.subarray(0, total).sort();

  // Slide a window of `maxLength` words over the occurrences; align only around those where enough meet.
  const windows: number[] = [];
  if (windowCount.length < cl) windowCount = new Int32Array(cl * 2);
  const inWindow = windowCount.fill(0, 0, cl);
  let distinct = 0;
  let named = 0;
  let left = 0;
  for (let right = 0; right < total; right++) {
    const p = Math.floor(anchors[right]! / cl);
    const k = anchors[right]! % cl;
    if (inWindow[k]!++ === 0) {
      distinct++;
      named += mandatory[c0 + k]!;
    }
    while (p - Math.floor(anchors[left]! / cl) >= maxLength) {
      const lk = anchors[left]! % cl;
      if (--inWindow[lk]! === 0) {
        distinct--;
        named -= mandatory[c0 + lk]!;
      }
      left++;
    }
    if (distinct < required || named < names) continue;
    const lo = Math.max(0, p - maxLength + 1);
    const hi = Math.min(text.length, p + maxLength);
    if (windows.length > 0 && lo <= windows[windows.length - 1]!) windows[windows.length - 1] = Math.max(windows[windows.length - 1]!, hi);
    else windows.push(lo, hi);
  }
  if (windows.length === 0) return;

  let seen: Set<number> | undefined;
  for (let w = 0; w < windows.length; w += 2) {
    const lo = windows[w]!;
    const m = windows[w + 1]! - lo;
    const W = m + 1;
    if (dpCost.length < (n + 1) * W) {
      dpCost = new Int32Array((n + 1) * W * 2);
      dpStart = new Int32Array((n + 1) * W * 2);
    }
    const d = dpCost;
    const st = dpStart;
    alignWindow(keys, k0, n, text, lo, m, d, st);
    for (let j = 1; j <= m; j++) {
      const best = d[n * W + j]!;
      if (best > maxDist) continue;
      const s0 = lo + st[n * W + j]!;
      let s = s0;
      let e = lo + j;
      while (s < e && !holds(keys, k0, n, text[s]!)) s++;
      while (e > s && !holds(keys, k0, n, text[e - 1]!)) e--;
      if (e <= s || e - s > maxLength) continue;
      // The trimmed span ends at e, so its distance is at least the best alignment ending there: skip hopeless spans.
      const longest = Math.max(n, e - s);
      if ((longest - d[n * W + (e - lo)]!) / longest < threshold) continue;
      seen ??= new Set<number>();
      const key = s * 1_000_003 + e;
      if (seen.has(key)) continue;
      seen.add(key);
      // Untrimmed, the span is exactly the best path's, whose cost is the distance; trimmed, recompute it.
      const distance = s === s0 && e === lo + j ? best : distanceIn(keys, k0, n, text, s, e - s);
      const similarity = (longest - distance) / longest;
      if (similarity < threshold) continue;
      let inSpan = 0;
      let namesIn = 0;
      for (let ci = 0; ci < cl; ci++) {
        const c = content[c0 + ci]!;
        for (let i = s; i < e; i++) {
          if (text[i] === c) {
            inSpan++;
            namesIn += mandatory[c0 + ci]!;
            break;
          }
        }
      }
      if (inSpan < required || namesIn < names) continue;
      if (contentOverlap(index, f, para, s, e) < threshold) continue;
      if ((cl === 1 || n <= 3) && n > 1 && distance > 0 && !holdsAll(keys, k0, n, text, s, e)) continue;
      if (!keepsPolarity(index, f, para, s, e)) continue;
      hits.push({ form: f, s, e, similarity });
    }
  }
}

/** Order of the overlap resolution: higher similarity, then longer span, canonical before variant, earlier, lower form. */
function byPreference(index: PhrasingIndex): (a: Hit, b: Hit) => number {
  return (a, b) =>
    b.similarity - a.similarity ||
    b.e - b.s - (a.e - a.s) ||
    index.formKind[a.form]! - index.formKind[b.form]! ||
    a.s - b.s ||
    a.form - b.form;
}

/**
 * Overlap resolution, best first (`byPreference`): keeps the hits that overlap no better one. Marks the words they
 * take in `taken` (cleared first) and returns them in preference order.
 */
function choose(index: PhrasingIndex, hits: Hit[], taken: Uint8Array): Hit[] {
  hits.sort(byPreference(index));
  taken.fill(0);
  const chosen: Hit[] = [];
  for (const h of hits) {
    let free = true;
    for (let i = h.s; i < h.e && free; i++) if (taken[i]) free = false;
    if (!free) continue;
    taken.fill(1, h.s, h.e);
    chosen.push(h);
  }
  return chosen;
}

/**
 * Whether form f could still have a match that overlaps none of the words in `taken`: such a match lies in free words
 * and holds `required` of the form's content words and all its names (verifyForm's own test), so enough of them
 * must occur outside `taken`.
 */
function reachesFreeWords(index: PhrasingIndex, f: number, para: ParagraphKeys, taken: Uint8Array): boolean {
  const c0 = index.contentStart[f]!;
  const cl = index.contentStart[f + 1]! - c0;
  let free = 0;
  let names = 0;
  for (let ci = 0; ci < cl; ci++) {
    const ps = para.positions.get(index.contentData[c0 + ci]!);
    if (ps === undefined) continue;
    for (const p of ps) {
      if (taken[p]) continue;
      free++;
      names += index.contentMandatory[c0 + ci]!;
      break;
    }
  }
  return free >= index.formRequired[f]! && names >= index.formNames[f]!;
}

/**
 * Verifies candidates in decreasing order of their similarity bound (`candidateBound`) and skips, exactly, those that
 * cannot be kept: when every match a form could have would overlap a better match already found, none of its matches
 * survives the overlap resolution, and a match that does not survive changes nothing else. "Better" is safe because
 * every match not yet found scores at most the current bound, so the resolution over the matches scoring above it is
 * already final. A large term base holds many near-copies of one formula (bench/phrasings.mjs: "n'a pas répondu …"
 * with one word changed, 541 candidates for a 14-word paragraph); once the formula itself is found, the copies are
 * skipped without an alignment. The result equals verifying every candidate (tests/reference/index.test.ts).
 */
function verifyByBound(index: PhrasingIndex, forms: number[], para: ParagraphKeys, threshold: number, hits: Hit[], taken: Uint8Array): void {
  const bound = forms.map((f) => candidateBound(index, f));
  const order = forms.map((_, i) => i).sort((a, b) => bound[b]! - bound[a]! || forms[a]! - forms[b]!);
  let resolvedAbove = -1;
  for (const i of order) {
    const f = forms[i]!;
    const b = bound[i]!;
    let above = 0;
    for (const h of hits) if (h.similarity > b) above++;
    if (above > 0) {
      if (above !== resolvedAbove) {
        choose(
          index,
          hits.filter((h) => h.similarity > b),
          taken,
        );
        resolvedAbove = above;
      }
      if (!reachesFreeWords(index, f, para, taken)) continue;
    }
    verifyForm(index, f, para, threshold, hits);
  }
}

/** Per index and language: which phrasings apply (their language or `any`); undefined when all do. */
const filters = new WeakMap<PhrasingIndex, Map<string, Uint8Array | undefined | null>>();

/**
 * The language filter for look-ups: undefined when every phrasing applies (the usual case: one corpus language), null
 * when none does, else a predicate over a precomputed table (a closure reading each phrasing's object cost as much as
 * the rest of candidate selection on 50,000 phrasings, V8 profile).
 */
function languageFilter(index: PhrasingIndex, language: string | undefined): ((p: number) => boolean) | undefined | null {
  if (language === undefined) return undefined;
  let byLanguage = filters.get(index);
  if (!byLanguage) {
    byLanguage = new Map();
    filters.set(index, byLanguage);
  }
  let table = byLanguage.get(language);
  if (!byLanguage.has(language)) {
    const t = Uint8Array.from(index.phrasings, (p) => (p.language === language || p.language === 'any' ? 1 : 0));
    const applies = t.reduce((n, x) => n + x, 0);
    table = applies === t.length ? undefined : applies === 0 ? null : t;
    byLanguage.set(language, table);
  }
  if (table === undefined || table === null) return table;
  const t = table;
  return (p: number) => t[p] === 1;
}

/** `ParagraphKeys.negatedBefore` of a paragraph's words. */
function negatedBefore(text: string, tokens: readonly { start: number; end: number; negation: number }[], on: boolean): Uint8Array {
  const out = new Uint8Array(tokens.length);
  if (!on) return out;
  for (let i = 1; i < tokens.length; i++) {
    const prev = tokens[i - 1]!;
    if (prev.negation === 2 && !/[.!?;:]/u.test(text.slice(prev.end, tokens[i]!.start))) out[i] = 1;
  }
  return out;
}

/**
 * Finds the reference phrasings a paragraph contains, approximately: case and accents are folded, words are compared
 * by stem (natural's French Porter stemmer, plus lemmas of auxiliaries and articles), two neighbouring words may be
 * swapped at the cost of one edit, and the score is the translation-memory fuzzy score over words of the matched
 * span (OmegaT's formula; bands 95–100, 85–94, 75–84, 50–74). Candidates come from the index; overlapping matches are
 * resolved best first (higher similarity, then more words, then canonical before variant, then earlier). Never
 * throws: any string gives a (possibly empty) list.
 * @param text one paragraph's text
 * @param index built with `buildPhrasingIndex` or `loadPhrasingIndex`
 * @returns non-overlapping matches in text order, offsets relative to `text`
 */
export function findPhrasings(text: string, index: PhrasingIndex, options: FindPhrasingsOptions = {}): PhrasingMatch[] {
  if (typeof text !== 'string' || text.length === 0 || index.formCount === 0) return [];
  const raw = options.threshold ?? DEFAULT_THRESHOLD;
  const threshold = Number.isFinite(raw) ? Math.min(1, Math.max(0.05, raw)) : DEFAULT_THRESHOLD;
  const language = options.language && options.language !== 'und' ? options.language : undefined;
  const tokens = tokenizeWords(text, language ?? 'fr');
  if (tokens.length === 0) return [];
  const para = encodeKeys(
    index,
    tokens.map((t) => t.key),
  );
  const accept = languageFilter(index, language);
  if (accept === null) return [];
  let forms: number[];
  if (options.exhaustive) {
    forms = [];
    for (let i = 0; i < index.formCount; i++) if (!accept || accept(index.formPhrasing[i]!)) forms.push(i);
  } else {
    forms = candidateForms(index, para, { threshold, accept, lookup: options.lookup ?? 'auto' });
  }
  if (forms.length === 0) return [];

  const positions = new Map<number, number[]>();
  para.forEach((k, i) => {
    if (k < 0) return;
    const list = positions.get(k);
    if (list) list.push(i);
    else positions.set(k, [i]);
  });
  const paragraph: ParagraphKeys = {
    keys: para,
    stop: Uint8Array.from(tokens, (t) => (isStopKey(t.key) ? 1 : 0)),
    negation: Uint8Array.from(tokens, (t) => t.negation),
    negatedBefore: negatedBefore(text, tokens, language !== undefined && language !== 'fr'),
    positions,
  };
  const hits: Hit[] = [];
  const taken = new Uint8Array(para.length);
  if (options.exhaustive) {
    for (const f of forms) verifyForm(index, f, paragraph, threshold, hits);
  } else {
    verifyByBound(index, forms, paragraph, threshold, hits, taken);
  }
  const chosen = choose(index, hits, taken);
  chosen.sort((a, b) => a.s - b.s);
  return chosen.map((h) => toMatch(h, index, para, text, tokens, taken));
}

/** Closing marks a span takes in when it holds their unclosed opening mark: `(OTAN` → `(OTAN)`, `"toutes fins légales` → `"toutes fins légales"`. */
const CLOSERS: [open: string, close: string][] = [['(', ')'], ['[', ']'], ['«', '»'], ['“', '”'], ['"', '"']];

/** End of the span after taking in a closing mark left outside it (white space before `»` allowed, as French typesets it). */
function closeMarks(text: string, start: number, end: number): number {
  const span = text.slice(start, end);
  for (const [open, close] of CLOSERS) {
    const opens = span.split(open).length - 1;
    const closes = open === close ? 0 : span.split(close).length - 1;
    const unclosed = open === close ? opens % 2 === 1 : opens > closes;
    if (!unclosed) continue;
    const m = /^[\s\u00a0\u202f]?/.exec(text.slice(end, end + 2))![0];
    if (text[end + m.length] === close) return end + m.length + 1;
  }
  return end;
}

/**
 * Builds the public match: offsets in the original text, taking in a free article just before the span when the
 * matched wording starts with one ("le propriétaire de ChatGPT"), and the closest canonical wording.
 */
function toMatch(
  h: Hit,
  index: PhrasingIndex,
  para: Int32Array,
  text: string,
  tokens: readonly WordToken[],
  taken: Uint8Array,
): PhrasingMatch {
  const form = formAt(index, h.form);
  const phrasing = index.phrasings[form.phrasing]!;
  const span = para.subarray(h.s, h.e);
  let expected = form.kind === 'canonical' ? form.text : '';
  let canonicalSimilarity = form.kind === 'canonical' ? h.similarity : -1;
  // The closest canonical wording of the same entry; the first one wins ties (the corpus lists the preferred first).
  for (let fi = index.formStart[form.phrasing]!; fi < index.formStart[form.phrasing + 1]!; fi++) {
    if (index.formKind[fi] !== 0) continue;
    const sim = wordSimilarity(index.keyData.subarray(index.keyStart[fi]!, index.keyStart[fi + 1]!), span);
    if (sim > canonicalSimilarity) {
      canonicalSimilarity = sim;
      expected = index.formText[fi]!;
    }
  }
  let first = h.s;
  if (form.leadingArticle && first > 0 && !taken[first - 1] && isArticleKey(tokens[first - 1]!.key)) {
    // Only across white space or an elision apostrophe: "l'Otan", "le Pentagone", not "le. Pentagone".
    const gap = text.slice(tokens[first - 1]!.end, tokens[first]!.start);
    if (/^(?:[\s\u00a0\u202f]+|['\u2019\u02bc])$/u.test(gap)) first--;
  }
  const start = tokens[first]!.start;
  const end = closeMarks(text, start, tokens[h.e - 1]!.end);
  return {
    referenceId: phrasing.id,
    kind: form.kind,
    similarity: h.similarity,
    band: similarityBand(h.similarity),
    start,
    end,
    text: text.slice(start, end),
    expected,
    canonicalSimilarity: Math.max(0, canonicalSimilarity),
    matchedForm: form.text,
    house: phrasing.variants.length > 0 && !phrasing.tags.includes(NEUTRAL_TAG),
    tags: phrasing.tags,
    source: phrasing.source,
  };
}
