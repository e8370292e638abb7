// franc's language identification (its trigram models and script regexes, its scoring) with integer trigram keys: same results, a fraction of the cost.
import { data } from 'franc/data.js';
import { expressions } from 'franc/expressions.js';
import { isSpaceUnit } from '../util/normalize.js';

/**
 * Why not call `francAll`: it was a quarter of a batch run's worker time (V8 CPU profile of `node bench/batch.mjs`:
 * 2.0 s of 7.7 s), spent building a string-keyed object of trigrams, sorting it, running all 30 script expressions
 * and, on import, turning every model of its 187 languages into objects. The algorithm below is franc 6.2's
 * (node_modules/franc/index.js, trigram-utils, n-gram, collapse-white-space) step for step, on the same data; only the
 * representation changes: a trigram is the number c0·2³² + c1·2¹⁶ + c2 of its three UTF-16 code units, counted in an
 * open-addressing hash table, and the models of the allowed languages are merged into one such table from trigram to
 * ranks, built once per `only` list; a text whose Latin letters are the majority skips the other 29 script
 * expressions. Equality with `francAll` is tested on real and random texts (tests/segment/trigrams.test.ts).
 */

/** franc's constants. */
const MAX_LENGTH = 2048;
const MAX_DIFFERENCE = 300;

/** A language and its score, as `francAll` returns them (best first; scores normalised so the best is 1). */
export type LanguageScore = [language: string, score: number];

const own = Object.prototype.hasOwnProperty;

/**
 * The models of one script's allowed languages, merged into one open-addressing table: trigram key → the rank of that
 * trigram in each language's model (-1: absent), at `ranks[slot * languages.length + l]`.
 */
export interface MergedModels {
  languages: string[];
  mask: number;
  keys: Float64Array;
  used: Uint8Array;
  /** Row of each slot's trigram in `ranks`. */
  rows: Int32Array;
  /** Per distinct trigram (row), its rank in each language: `ranks[row * languages.length + l]`, -1 when absent. */
  ranks: Int16Array;
}

const merged = new Map<string, MergedModels | null>();

/** Whether a model string is trigrams of three code units joined by `|` (then trigram w starts at 4w). */
function isRegular(model: string): boolean {
  if ((model.length + 1) % 4 !== 0) return false;
  let expected = 3;
  for (let at = model.indexOf('|'); at !== -1; at = model.indexOf('|', at + 1)) {
    if (at !== expected) return false;
    expected += 4;
  }
  return expected === model.length;
}

/** Table slot of a trigram (its three code units), before probing. */
function trigramHash(a: number, b: number, c: number, mask: number): number {
  return (Math.imul(a, 0x9e3779b1) ^ Math.imul(b + 0x7f4a7c15, 0x85ebca6b) ^ Math.imul(c + 0x165667b1, 0xc2b2ae35)) & mask;
}

/** The slot holding `key` in an open-addressing table, or the empty slot where it would go. */
function probe(keys: Float64Array, used: Uint8Array, key: number, h: number, mask: number): number {
  while (used[h] === 1 && keys[h] !== key) h = (h + 1) & mask;
  return h;
}

/**
 * Merges the models (franc's `abc|def|…` strings) of the named languages into one table.
 * @param split read each model through `split('|')` even when it has the regular layout (tests compare both ways)
 */
export function mergeModels(names: string[], models: string[], split = false): MergedModels {
  // franc's models are `abc|def|…`: every trigram of its data has three code units, so trigram w starts at 4w.
  // (A model that breaks this layout is split instead; none does in franc 6.2.)
  const regular = !split && models.every(isRegular);
  const lists = regular ? null : models.map((m) => m.split('|'));
  const sizes = models.map((m, l) => (lists ? lists[l]!.length : (m.length + 1) / 4));
  const total = sizes.reduce((n, x) => n + x, 0);
  let cap = 16;
  while (cap < total * 2) cap *= 2;
  const mask = cap - 1;
  const keys = new Float64Array(cap);
  const used = new Uint8Array(cap);
  const rows = new Int32Array(cap);
  const L = names.length;
  // One pass, each model from its last trigram to its first: franc fills its object in that order, so a repeated
  // trigram keeps its lowest rank. Rows are numbered as trigrams are first met (room for every trigram; only the
  // distinct ones get a row). Building these tables from split strings, in two passes, was 5 ms of a one-article
  // check (first languageScores call, measured 2026-11-24).
  const ranks = new Int16Array(total * L).fill(-1);
  let count = 0;
  for (let l = 0; l < L; l++) {
    const model = models[l]!;
    const list = lists?.[l];
    for (let weight = sizes[l]! - 1; weight >= 0; weight--) {
      let a: number;
      let b: number;
      let c: number;
      if (list) {
        const t = list[weight]!;
        if (t.length !== 3) continue;
        a = t.charCodeAt(0);
        b = t.charCodeAt(1);
        c = t.charCodeAt(2);
      } else {
        a = model.charCodeAt(4 * weight);
        b = model.charCodeAt(4 * weight + 1);
        c = model.charCodeAt(4 * weight + 2);
      }
      const key = (a * 65536 + b) * 65536 + c;
      const slot = probe(keys, used, key, trigramHash(a, b, c, mask), mask);
      if (used[slot] === 0) {
        used[slot] = 1;
        keys[slot] = key;
        rows[slot] = count++;
      }
      ranks[rows[slot]! * L + l] = weight;
    }
  }
  return { languages: names, mask, keys, used, rows, ranks };
}

/** The models of `script`'s languages allowed by `only`, in franc's order (the data's), or null when none is. */
function modelsFor(script: string, only: readonly string[]): MergedModels | null {
  // The list itself is the key (JSON: ['fra,eng'] and ['fra', 'eng'] differ, and so do [''] and []).
  const id = `${script}\u0000${JSON.stringify(only)}`;
  const hit = merged.get(id);
  if (hit !== undefined) return hit;
  const languages = (data as Record<string, Record<string, string>>)[script]!;
  const names = Object.keys(languages).filter((name) => only.length === 0 || only.includes(name));
  const result = names.length > 0 ? mergeModels(names, names.map((name) => languages[name]!)) : null;
  merged.set(id, result);
  return result;
}

/** franc's `getTopScript`: the script whose expression matches most code points (first in franc's order on ties). */
function topScript(value: string): [string | undefined, number] {
  const expr = expressions as Record<string, RegExp>;
  // Scripts are disjoint: when Latin holds more than half of the text no other can reach it, and the 29 other
  // expressions need not run (French, English, German… text).
  const latin = latinCount(value, expr.Latin!);
  if (latin * 2 > value.length) return ['Latin', latin / value.length];
  let top = -1;
  let script: string | undefined;
  for (const name in expr) {
    if (!own.call(expr, name)) continue;
    const count = (value.match(expr[name]!)?.length ?? 0) / value.length || 0;
    if (count > top) {
      top = count;
      script = name;
    }
  }
  return [script, top];
}

/** Whether each BMP code unit matches franc's Latin expression (-1: not yet asked), filled on first sight. */
const latinUnits = new Int8Array(65536).fill(-1);

/**
 * `value.match(latin).length` without building the array of matches (a quarter of what language identification
 * allocated, V8 sampling heap profile). The expression has no `u` flag: it matches BMP units one by one and astral
 * letters as surrogate pairs, so a text with surrogates is counted by the expression itself.
 */
function latinCount(value: string, latin: RegExp): number {
  let n = 0;
  for (let i = 0; i < value.length; i++) {
    const u = value.charCodeAt(i);
    if (u < 128) {
      if ((u >= 97 && u <= 122) || (u >= 65 && u <= 90)) n++;
      continue;
    }
    if (u >= 0xd800 && u <= 0xdfff) return value.match(latin)?.length ?? 0;
    let k = latinUnits[u]!;
    if (k < 0) {
      k = new RegExp(latin.source).test(String.fromCharCode(u)) ? 1 : 0;
      latinUnits[u] = k;
    }
    n += k;
  }
  return n;
}

let cleanUnits = new Uint16Array(2048);

/**
 * trigram-utils' `clean`, padded as its `trigrams` pads it: `value.replace(/[\u0021-\u0040]+/g, ' ')
 * .replace(/\s+/g, ' ').trim().toLowerCase()` between two spaces (the range ! to @, punctuation and digits, is
 * trigram-utils' own). Done in one pass: each run of those characters and white space becomes one space, none at
 * either end, then the same toLowerCase. The two replacements were a quarter of language identification's time.
 */
function padded(value: string): string {
  if (cleanUnits.length < value.length + 2) cleanUnits = new Uint16Array(value.length + 2);
  const units = cleanUnits;
  let n = 0;
  let gap = false;
  for (let i = 0; i < value.length; i++) {
    const u = value.charCodeAt(i);
    if ((u >= 0x21 && u <= 0x40) || isSpaceUnit(u)) {
      gap = true;
      continue;
    }
    if (gap && n > 0) units[n++] = 32;
    gap = false;
    units[n++] = u;
  }
  let text = '';
  for (let i = 0; i < n; i += 8192) {
    text += String.fromCharCode.apply(null, units.subarray(i, Math.min(n, i + 8192)) as unknown as number[]);
  }
  return ` ${text.toLowerCase()} `;
}

const UND: LanguageScore[] = [['und', 1]];

/**
 * Scratch table counting one text's trigrams, keys, counts and the slots in use. A text is at most 2,048 units, and
 * lower-casing lengthens only U+0130 (İ → i̇), so at most 4,098 trigrams: the table stays at most half full.
 */
const COUNT_CAP = 8192;
const countKeys = new Float64Array(COUNT_CAP);
const countUsed = new Uint8Array(COUNT_CAP);
const counts = new Int32Array(COUNT_CAP);
const countSlots = new Int32Array(COUNT_CAP);

/**
 * `francAll(value, { only, minLength })` of franc 6.2, with the same result.
 * @param value text (franc reads its first 2,048 code units)
 * @param only ISO 639-3 codes allowed (empty: all)
 * @param minLength shorter texts give `und`
 */
export function languageScores(value: string, only: readonly string[], minLength = 10): LanguageScore[] {
  if (!value || value.length < minLength) return UND.map((t) => [...t] as LanguageScore);
  value = value.slice(0, MAX_LENGTH);
  const [script, share] = topScript(value);
  const scripts = data as Record<string, Record<string, string>>;
  if (!script || !(script in scripts)) {
    if (!script || share === 0 || (only.length > 0 && !only.includes(script))) return UND.map((t) => [...t] as LanguageScore);
    return [[script, 1]];
  }
  const models = modelsFor(script, only);
  if (models === null) return UND.map((t) => [...t] as LanguageScore);

  // Trigrams of the cleaned text counted in a scratch hash table (franc builds an object and sorts it).
  const text = padded(value);
  const n = text.length - 2;
  const cmask = COUNT_CAP - 1;
  let distinct = 0;
  for (let i = 0; i < n; i++) {
    const a = text.charCodeAt(i);
    const b = text.charCodeAt(i + 1);
    const c = text.charCodeAt(i + 2);
    const key = (a * 65536 + b) * 65536 + c;
    const slot = probe(countKeys, countUsed, key, trigramHash(a, b, c, cmask), cmask);
    if (countUsed[slot] === 0) {
      countUsed[slot] = 1;
      countKeys[slot] = key;
      counts[slot] = 0;
      countSlots[distinct++] = slot;
    }
    counts[slot]!++;
  }

  // franc's distance: per distinct trigram, |count − rank − 1|, or 300 when the model lacks it. Whole numbers below
  // 2,048 × 300, so an Int32Array holds them exactly; its elements read back as small integers, where a Float64Array's
  // are boxed as heap numbers until the code is optimised: 1.05 → 0.63 MB allocated by this function in a one-article
  // check (V8 sampling heap profile, 2026-11-24), all of it young garbage.
  const L = models.languages.length;
  const distance = new Int32Array(L);
  const { keys, used, rows, ranks, mask } = models;
  for (let d = 0; d < distinct; d++) {
    const slot = countSlots[d]!;
    const key = countKeys[slot]!;
    const count = counts[slot]!;
    countUsed[slot] = 0;
    const k = key % 65536;
    const rest = (key - k) / 65536;
    const b = rest % 65536;
    const m = probe(keys, used, key, trigramHash((rest - b) / 65536, b, k, mask), mask);
    const row = used[m] === 1 ? rows[m]! * L : -1;
    for (let l = 0; l < L; l++) {
      const rank = row >= 0 ? ranks[row + l]! : -1;
      if (rank < 0) distance[l]! += MAX_DIFFERENCE;
      else distance[l]! += Math.abs(count - rank - 1);
    }
  }
  // Stable sort by distance, ties in the data's order, then franc's normalisation.
  const out: LanguageScore[] = models.languages.map((name, l) => [name, distance[l]!]);
  out.sort((a, b) => a[1] - b[1]);
  const min = out[0]![1];
  const max = value.length * MAX_DIFFERENCE - min;
  for (const t of out) t[1] = 1 - (t[1] - min) / max || 0;
  return out;
}
