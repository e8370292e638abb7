// Monolingual style features of a French paragraph for the intrinsic-style model: hashed word and character n-grams
// and a small set of named profile features (function words, reporting verbs, sentence length, punctuation, lexical
// diversity, calques). Pure and fast: no I/O, no allocation per character n-gram beyond one Map entry.

/**
 * Typography that reveals the producer in the evaluation data (datasets.md §1 caveat 1) and in house styles rather than
 * in the translation itself. Applied to every text before its features are computed, in production as in evaluation;
 * the `typography` rule remains a separate, weak piece of evidence.
 *
 * U+00A0, U+202F, U+2007, U+2009 → space; ’ ‘ ʼ → '; « » “ ” „ → "; no space before `: ; ! ?`; spaces collapsed.
 */
export function normalizeTypography(text: string): string {
  return text
    .replace(/[\u00a0\u202f\u2007\u2009]/gu, ' ')
    .replace(/[\u2019\u2018\u02bc]/gu, "'")
    .replace(/[«»“”„]/gu, '"')
    .replace(/\s+([:;!?])/gu, '$1')
    .replace(/\s+/gu, ' ')
    .trim();
}

/**
 * The text the features see: typography normalised, then lower-cased, double quotes removed (in the WMT14 machine
 * outputs they were stripped before translation, datasets.md §1 caveat 2, so they cannot be learned from), dashes and
 * ellipses folded (house style), spaces collapsed.
 */
export function featureText(text: string): string {
  // The model asks twice per paragraph (wordCount, then extractFeatures): keep the last answer.
  if (text === lastFeatureInput) return lastFeatureOutput;
  lastFeatureInput = text;
  lastFeatureOutput = normalizeTypography(text)
    .toLowerCase()
    .replace(/"/gu, ' ')
    .replace(/[\u2010-\u2015\u2212]/gu, '-')
    .replace(/\u2026/gu, '...')
    .replace(/\s+/gu, ' ')
    .trim();
  return lastFeatureOutput;
}

let lastFeatureInput: string | undefined;
let lastFeatureOutput = '';

/** What the hashed and named features are; stored in the model file so a model is only ever read with its own spec. */
export interface FeatureSpec {
  /** Version of this feature code; a model for another version is refused. */
  version: 1;
  /** Buckets of the hashed word 1- and 2-gram block (a power of two). */
  wordBuckets: number;
  /** Buckets of the hashed character 3- and 4-gram block (a power of two). */
  charBuckets: number;
  /**
   * Buckets of the hashed shape 1–4-gram block (a power of two), or absent: no such block. Shapes keep function words
   * and punctuation and reduce every other word to its form (`shapeTokens`), so the block sees how a sentence is
   * built rather than what it is about.
   */
  shapeBuckets?: number;
  /** Named profile features used, in order (a subset of DENSE_FEATURES). */
  dense: string[];
  /** Mean of each named feature on the training split (standardisation). */
  denseMean: number[];
  /** Standard deviation of each named feature on the training split. */
  denseSd: number[];
}

/** A sparse feature vector: parallel arrays of indices (unique) and values. */
export interface SparseVector {
  indices: Int32Array;
  values: Float64Array;
}

/** Length of a spec's hashed blocks: word, character, then shape (when it has one). */
export function hashedCount(spec: FeatureSpec): number {
  return spec.wordBuckets + spec.charBuckets + (spec.shapeBuckets ?? 0);
}

/** Total length of the feature vector of a spec: the hashed blocks, then named features. */
export function featureCount(spec: FeatureSpec): number {
  return hashedCount(spec) + spec.dense.length;
}

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/** FNV-1a (32-bit) over the UTF-16 units of `s`, continuing from `h`. */
function fnv(h: number, s: string): number {
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, FNV_PRIME);
  }
  return h >>> 0;
}

function mix(h: number, unit: number): number {
  return Math.imul(h ^ unit, FNV_PRIME) >>> 0;
}

/** Final avalanche (murmur3 fmix32) so that the low bits used as bucket index are well spread. */
function fmix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

const SEED_W1 = fnv(FNV_OFFSET, 'w1:');
const SEED_W2 = fnv(FNV_OFFSET, 'w2:');
const SEED_C3 = fnv(FNV_OFFSET, 'c3:');
const SEED_C4 = fnv(FNV_OFFSET, 'c4:');
const SEED_S = fnv(FNV_OFFSET, 's:');

/** Tokens: runs of letters and digits, or single other non-space characters (apostrophes, punctuation). */
const TOKEN = /[\p{L}\p{N}]+|[^\s\p{L}\p{N}]/gu;

/** Bucket index of a word n-gram's hash. */
function bucket(h: number, buckets: number): number {
  return fmix(h) & (buckets - 1);
}

/**
 * Bucket counts of one block: a reusable dense scratch array plus the list of buckets touched, in first-touch order
 * (no Map, no per-n-gram allocation). Single-threaded use only, reset by `flush`.
 */
class Counts {
  private counts = new Float64Array(0);
  private touched: number[] = [];

  reset(size: number): void {
    if (this.counts.length < size) this.counts = new Float64Array(size);
  }

  add(key: number): void {
    if (this.counts[key] === 0) this.touched.push(key);
    this.counts[key]! += 1;
  }

  /** Square root of counts, L2-normalised, appended to the output arrays at `offset`; clears the block. */
  flush(offset: number, indices: number[], values: number[]): void {
    let total = 0;
    for (const k of this.touched) total += this.counts[k]!;
    const inv = total > 0 ? 1 / Math.sqrt(total) : 0; // Σ (√c)² = Σ c
    for (const k of this.touched) {
      indices.push(offset + k);
      values.push(Math.sqrt(this.counts[k]!) * inv);
      this.counts[k] = 0;
    }
    this.touched.length = 0;
  }

  /**
   * `flush` followed by `dot` over this block, without the arrays: adds value × coefficient to `sum` in `flush`'s
   * order, so the result is bit-for-bit `dot`'s (same operations, same order).
   */
  flushDot(offset: number, coefficients: ArrayLike<number>, sum: number, scale = 1): number {
    let total = 0;
    for (const k of this.touched) total += this.counts[k]!;
    const inv = total > 0 ? 1 / Math.sqrt(total) : 0;
    for (const k of this.touched) {
      // `× scale` is exact when scale is 1, and for quantised coefficients gives the same double as decoding first.
      sum += Math.sqrt(this.counts[k]!) * inv * ((coefficients[offset + k] ?? 0) * scale);
      this.counts[k] = 0;
    }
    this.touched.length = 0;
    return sum;
  }
}

const wordCounts = new Counts();
const charCounts = new Counts();
const shapeCounts = new Counts();

/** French function words whose rates form the function-word profile (closed-class words, no content). */
export const FUNCTION_WORDS: readonly string[] = [
  'le', 'la', 'les', 'l', 'un', 'une', 'des', 'du', 'de', 'd', 'et', 'ou', 'mais', 'donc', 'car', 'que', 'qu', 'qui',
  'dont', 'où', 'ce', 'cet', 'cette', 'ces', 'il', 'elle', 'ils', 'elles', 'on', 'nous', 'vous', 'se', 's', 'y', 'en',
  'ne', 'n', 'pas', 'plus', 'à', 'au', 'aux', 'dans', 'par', 'pour', 'sur', 'avec', 'sans', 'sous', 'entre', 'vers',
  'chez', 'lors', 'après', 'avant', 'depuis', 'pendant', 'comme', 'si', 'aussi', 'très', 'déjà', 'encore', 'ainsi',
  'alors', 'cependant', 'toutefois', 'également', 'notamment', 'son', 'sa', 'ses', 'leur', 'leurs', 'est', 'sont', 'a',
  'ont', 'était', 'été', 'être', 'avoir', 'fait', 'cela', 'ça', 'tout', 'tous', 'même', 'autre', 'autres',
];

/**
 * Words a shape keeps as they are: the function words, plus pronouns, auxiliaries, conjunctions and the two
 * commonest reporting verbs. Every other word becomes its form (`shapeTokens`).
 */
const SHAPE_WORDS: ReadonlySet<string> = new Set([
  ...FUNCTION_WORDS,
  ...'je tu me te lui eux c m t ai as avons avez étaient sera seront serait seraient peut doit selon contre non ni dès'.split(' '),
  ...'afin lorsque quand puis jusqu jusque celui celle ceux celles ci là ici déclaré dit'.split(' '),
]);

const SHAPE_TOKEN = /[\p{L}\p{N}_]+|[^\s\p{L}\p{N}_]/gu;

/**
 * The shape tokens of a paragraph: a word of SHAPE_WORDS as itself (lower-cased), digits as `<N>`, a capitalised
 * word as `<C>`, any other word as `<w:` + its last two letters + `>` (a rough part of speech: -ment, -er, -é, -es),
 * punctuation as itself. Typography normalised and double quotes dropped first, as for the other blocks.
 */
export function shapeTokens(text: string): string[] {
  const plain = normalizeTypography(text).replace(/"/gu, ' ');
  const out: string[] = [];
  for (const m of plain.matchAll(SHAPE_TOKEN)) {
    const w = m[0];
    const low = w.toLowerCase();
    if (SHAPE_WORDS.has(low)) out.push(low);
    else if (/^\p{N}+$/u.test(w)) out.push('<N>');
    else if (!/^[\p{L}\p{N}_]/u.test(w)) out.push(w);
    else if (w[0] !== low[0]) out.push('<C>');
    else out.push(`<w:${low.slice(-2)}>`);
  }
  return out;
}

/** A Unicode-aware `\b` (JavaScript's `\b` only knows ASCII letters, so `déclaré\b` never matches before a space). */
const UB = '(?:(?<![\\p{L}\\p{N}])(?=[\\p{L}\\p{N}])|(?<=[\\p{L}\\p{N}])(?![\\p{L}\\p{N}]))';

/** Compiles a pattern written with `\b`, replacing it with the Unicode-aware boundary. */
function re(source: string): RegExp {
  return new RegExp(source.replace(/\\b/gu, UB), 'gu');
}

/** Reporting-verb groups (datasets.md §1 caveat 5: "a déclaré" is markedly more frequent in machine output). */
const REPORTING_SOURCES: ReadonlyArray<readonly [string, string]> = [
  ['report.declare', String.raw`\b(?:a|ont|avait|avaient) déclaré\b|\bdéclare\b`],
  ['report.dit', String.raw`\b(?:a|ont|avait) dit\b|\bdit-(?:il|elle)\b`],
  ['report.varied', String.raw`\b(?:a|ont) (?:indiqué|affirmé|expliqué|ajouté|souligné|précisé|estimé|assuré|annoncé|confié|poursuivi|insisté|rappelé|reconnu)\b`],
  ['report.selon', String.raw`\bselon\b`],
  ['report.inversion', String.raw`-t-(?:il|elle|on)\b|\b(?:dit|explique|ajoute|affirme|souligne|précise|estime|indique|assure|poursuit|relève|note)-(?:il|elle|t-il|t-elle)\b`],
];

/**
 * Literal renderings of English or German turns (datasets.md §4, AF / OQLF / Usito entries and the newswire calques).
 * Rare; kept as one aggregate count.
 */
const CALQUES_SOURCE = (
  [
    "\\ben charge d[eu]",
    "\\ben capacité de",
    "\\bfaire sens\\b",
    "\\bimpact(?:er|é|ée|és|ées|ent)\\b",
    "\\bopportunités?\\b",
    "\\binit(?:ier|ié|iée|iés|iées)\\b",
    "\\bbasée?s? (?:à|sur)\\b",
    "\\badress(?:er|é|ée) (?:un|une|le|la|les|ce|cette|ces) (?:problème|question|enjeu|défi)",
    "\\bréalis(?:er|é|e|ent) que\\b",
    "\\bdéfinitivement\\b",
    "\\bn'a pas immédiatement répondu\\b",
    "\\ba refusé de commenter\\b",
    "\\bfamili(?:er|ère)s? (?:du|avec le) dossier\\b",
    "\\bau courant du dossier\\b",
    "\\bune alternative\\b",
    "\\bsupport(?:er|é|ée) (?:le|la|les|un|une)\\b",
  ].join('|')
);

/** Every named feature this code can compute, by name. A model selects a subset (FeatureSpec.dense). */
export const DENSE_FEATURES: readonly string[] = [
  'words.log',
  'sentence.mean',
  'sentence.sd',
  'sentence.count',
  'punct.comma',
  'punct.semicolon',
  'punct.colon',
  'punct.paren',
  'punct.dash',
  'punct.question',
  'punct.percent',
  'punct.apostrophe',
  'lex.wordLength',
  'lex.ttr40',
  'lex.longWords',
  'lex.capitalised',
  'lex.digits',
  'fw.total',
  ...FUNCTION_WORDS.map((w) => `fw.${w}`),
  ...REPORTING_SOURCES.map(([name]) => name),
  'calque.hits',
];

/**
 * The named features' patterns, compiled on first use: Unicode-aware boundaries make them costly to compile
 * (25 ms at start-up, --cpu-prof), and the shipped model may not use named features at all.
 */
let compiled: { reporting: ReadonlyArray<readonly [string, RegExp]>; calques: RegExp } | undefined;
function patterns(): NonNullable<typeof compiled> {
  compiled ??= { reporting: REPORTING_SOURCES.map(([name, source]) => [name, re(source)] as const), calques: re(CALQUES_SOURCE) };
  return compiled;
}

function count(text: string, pattern: RegExp): number {
  pattern.lastIndex = 0;
  let n = 0;
  while (pattern.exec(text) !== null) n++;
  return n;
}

function countChar(text: string, ch: string): number {
  let n = 0;
  for (let i = text.indexOf(ch); i !== -1; i = text.indexOf(ch, i + 1)) n++;
  return n;
}

/** Sentence boundary on normalised text: . ! ? (optionally a quote) then a space and an upper-case letter or digit. */
const SENTENCE_END = /[.!?]"?\s+(?=["(]?[\p{Lu}\p{N}])/gu;
const WORD = /[\p{L}\p{N}]+(?:[-'][\p{L}\p{N}]+)*/gu;

/**
 * The named profile features of a paragraph, by name (rates per word unless said otherwise).
 * @param text the paragraph as published (it is normalised here)
 */
export function denseFeatures(text: string): Record<string, number> {
  const norm = normalizeTypography(text).replace(/"/gu, ' ').replace(/\s+/gu, ' ').trim();
  const low = featureText(text);
  const words = low.match(WORD) ?? [];
  const n = Math.max(1, words.length);
  const out: Record<string, number> = {};
  out['words.log'] = Math.log(n);

  const sentenceLengths: number[] = [];
  let last = 0;
  SENTENCE_END.lastIndex = 0;
  for (let m = SENTENCE_END.exec(norm); m !== null; m = SENTENCE_END.exec(norm)) {
    sentenceLengths.push((norm.slice(last, m.index + 1).match(WORD) ?? []).length);
    last = m.index + m[0].length;
  }
  const tail = (norm.slice(last).match(WORD) ?? []).length;
  if (tail > 0 || sentenceLengths.length === 0) sentenceLengths.push(tail);
  const mean = sentenceLengths.reduce((a, b) => a + b, 0) / sentenceLengths.length;
  const variance = sentenceLengths.reduce((a, b) => a + (b - mean) ** 2, 0) / sentenceLengths.length;
  out['sentence.mean'] = mean / 20;
  out['sentence.sd'] = Math.sqrt(variance) / 10;
  out['sentence.count'] = sentenceLengths.length / 3;

  out['punct.comma'] = (countChar(low, ',') / n) * 10;
  out['punct.semicolon'] = (countChar(low, ';') / n) * 10;
  out['punct.colon'] = (countChar(low, ':') / n) * 10;
  out['punct.paren'] = (countChar(low, '(') / n) * 10;
  out['punct.dash'] = (count(low, / - /gu) / n) * 10;
  out['punct.question'] = (countChar(low, '?') / n) * 10;
  out['punct.percent'] = (countChar(low, '%') / n) * 10;
  out['punct.apostrophe'] = (countChar(low, "'") / n) * 10;

  let letters = 0;
  let long = 0;
  for (const w of words) {
    letters += w.length;
    if (w.length >= 10) long++;
  }
  out['lex.wordLength'] = words.length ? letters / words.length / 5 : 0;
  const first = words.slice(0, 40);
  out['lex.ttr40'] = first.length ? new Set(first).size / first.length : 0;
  out['lex.longWords'] = long / n;
  const original = norm.match(WORD) ?? [];
  let caps = 0;
  let digits = 0;
  for (const w of original) {
    const c = w.charCodeAt(0);
    if (c >= 48 && c <= 57) digits++;
    else if (w[0] !== w[0]!.toLowerCase()) caps++;
  }
  out['lex.capitalised'] = caps / n;
  out['lex.digits'] = digits / n;

  const fw = new Map<string, number>();
  TOKEN.lastIndex = 0;
  for (const m of low.matchAll(TOKEN)) fw.set(m[0], (fw.get(m[0]) ?? 0) + 1);
  let total = 0;
  for (const w of FUNCTION_WORDS) {
    const c = fw.get(w) ?? 0;
    total += c;
    out[`fw.${w}`] = (c / n) * 10;
  }
  out['fw.total'] = total / n;
  const { reporting, calques } = patterns();
  for (const [name, pattern] of reporting) out[name] = (count(low, pattern) / n) * 10;
  out['calque.hits'] = count(low, calques);
  return out;
}

/** Number of words of a paragraph as the model counts them (after normalisation). */
export function wordCount(text: string): number {
  return (featureText(text).match(WORD) ?? []).length;
}

/**
 * The feature vector of a paragraph under `spec`: hashed word 1–2-grams (√count, L2-normalised), hashed character
 * 3–4-grams of the padded text (likewise), then the named features standardised with the spec's mean and sd.
 */
export function extractFeatures(text: string, spec: FeatureSpec): SparseVector {
  const indices: number[] = [];
  const values: number[] = [];
  countNgrams(featureText(text), spec);
  wordCounts.flush(0, indices, values);
  charCounts.flush(spec.wordBuckets, indices, values);
  if (spec.shapeBuckets) {
    countShapes(text, spec.shapeBuckets);
    shapeCounts.flush(spec.wordBuckets + spec.charBuckets, indices, values);
  }
  if (spec.dense.length > 0) {
    const dense = denseFeatures(text);
    const base = hashedCount(spec);
    spec.dense.forEach((name, j) => {
      const v = denseValue(spec, dense, name, j);
      if (v !== 0) {
        indices.push(base + j);
        values.push(v);
      }
    });
  }
  return { indices: Int32Array.from(indices), values: Float64Array.from(values) };
}

/**
 * `dot(extractFeatures(text, spec), coefficients)`, bit for bit, without building the vector: scoring a paragraph
 * allocated a thousand-entry vector that was read once (the intrinsic model's vectors were an eighth of all bytes a
 * batch allocated, V8 sampling heap profile).
 */
export function featureDot(text: string, spec: FeatureSpec, coefficients: ArrayLike<number>): number {
  return dotBlocks(text, spec, coefficients, 1, coefficients, hashedCount(spec));
}

/**
 * `featureDot` over quantised coefficients, without decoding them: hashed-block coefficient i is `hashed[i] × scale`,
 * named-feature coefficient j is `dense[j]`. Bit-for-bit `featureDot` of the decoded vector (each product is
 * formed as decoding forms it). Decoding the shipped model's 65,536 coefficients cost 10–14 ms of every start-up
 * (an interpreted loop; `node` timing of loadModel, 2026-11-24).
 */
export function featureDotQuantised(text: string, spec: FeatureSpec, hashed: ArrayLike<number>, scale: number, dense: ArrayLike<number>): number {
  return dotBlocks(text, spec, hashed, scale, dense, 0);
}

function dotBlocks(text: string, spec: FeatureSpec, hashed: ArrayLike<number>, scale: number, dense: ArrayLike<number>, denseBase: number): number {
  countNgrams(featureText(text), spec);
  let sum = wordCounts.flushDot(0, hashed, 0, scale);
  sum = charCounts.flushDot(spec.wordBuckets, hashed, sum, scale);
  if (spec.shapeBuckets) {
    countShapes(text, spec.shapeBuckets);
    sum = shapeCounts.flushDot(spec.wordBuckets + spec.charBuckets, hashed, sum, scale);
  }
  if (spec.dense.length > 0) {
    const values = denseFeatures(text);
    spec.dense.forEach((name, j) => {
      const v = denseValue(spec, values, name, j);
      if (v !== 0) sum += v * (dense[denseBase + j] ?? 0);
    });
  }
  return sum;
}

/** A named feature standardised with the spec's mean and sd. */
function denseValue(spec: FeatureSpec, dense: Record<string, number>, name: string, j: number): number {
  const sd = spec.denseSd[j] ?? 1;
  return ((dense[name] ?? 0) - (spec.denseMean[j] ?? 0)) / (sd > 0 ? sd : 1);
}

/** Counts the hashed word 1–2-grams and character 3–4-grams of a feature text into the two blocks' scratch counts. */
function countNgrams(low: string, spec: FeatureSpec): void {
  wordCounts.reset(spec.wordBuckets);
  let prev = '<s>';
  TOKEN.lastIndex = 0;
  for (const m of low.matchAll(TOKEN)) {
    const tok = m[0];
    wordCounts.add(bucket(fnv(SEED_W1, tok), spec.wordBuckets));
    wordCounts.add(bucket(fnv(fnv(fnv(SEED_W2, prev), ' '), tok), spec.wordBuckets));
    prev = tok;
  }
  if (prev !== '<s>') wordCounts.add(bucket(fnv(fnv(fnv(SEED_W2, prev), ' '), '</s>'), spec.wordBuckets));

  charCounts.reset(spec.charBuckets);
  const padded = ` ${low} `;
  const mask = spec.charBuckets - 1;
  for (let i = 0; i + 3 <= padded.length; i++) {
    const a = padded.charCodeAt(i);
    const b = padded.charCodeAt(i + 1);
    const c = padded.charCodeAt(i + 2);
    charCounts.add(fmix(mix(mix(mix(SEED_C3, a), b), c)) & mask);
    if (i + 4 <= padded.length) charCounts.add(fmix(mix(mix(mix(mix(SEED_C4, a), b), c), padded.charCodeAt(i + 3))) & mask);
  }
}

/** Counts the hashed shape 1–4-grams of a paragraph into the shape block's scratch counts. */
function countShapes(text: string, buckets: number): void {
  shapeCounts.reset(buckets);
  const tokens = shapeTokens(text);
  for (let i = 0; i < tokens.length; i++) {
    let h = SEED_S;
    for (let n = 0; n < 4 && i + n < tokens.length; n++) {
      h = fnv(n === 0 ? h : fnv(h, ' '), tokens[i + n]!);
      shapeCounts.add(bucket(mix(h, n + 1), buckets));
    }
  }
}

/** Dot product of a sparse vector with dense coefficients. */
export function dot(vector: SparseVector, coefficients: ArrayLike<number>): number {
  let s = 0;
  for (let k = 0; k < vector.indices.length; k++) s += vector.values[k]! * (coefficients[vector.indices[k]!] ?? 0);
  return s;
}
