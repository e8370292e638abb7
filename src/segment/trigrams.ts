// franc's language identification (its trigram models and script regexes, its scoring) with integer trigram keys: same results, a fraction of the cost.
import { data } from 'franc/data.js';
import { expressions } from 'franc/expressions.js';

/**
 * Why not call `francAll`: it was a quarter of a batch run's worker time (V8 CPU profile of `node bench/batch.mjs`:
 * 2.0 s of 7.7 s), spent building a string-keyed object of trigrams, sorting it, running all 30 script expressions
 * and, on import, turning every model of its 187 languages into objects. The algorithm below is franc 6.2's
 * (node_modules/franc/index.js, trigram-utils, n-gram, collapse-white-space) step for step, on the same data; only the
 * representation changes: a trigram is the number c0·2³² + c1·2¹⁶ + c2 of its three UTF-16 code units, counted in a
 * sorted Float64Array, and the models of the allowed languages are merged into one Map from trigram to ranks, built
 * once per `only` list. Equality with `francAll` is tested on real and random texts (tests/segment/trigrams.test.ts).
 */

/** franc's constants. */
const MAX_LENGTH = 2048;
const MAX_DIFFERENCE = 300;

/** A language and its score, as `francAll` returns them (best first; scores normalised so the best is 1). */
export type LanguageScore = [language: string, score: number];

const own = Object.prototype.hasOwnProperty;

/** Ranks of the allowed languages of one script, merged: trigram → rank in each language's model (-1: absent). */
interface MergedModels {
  languages: string[];
  ranks: Map<number, Int16Array>;
}

const merged = new Map<string, MergedModels | null>();

function trigramKey(s: string, i: number): number {
  return (s.charCodeAt(i) * 65536 + s.charCodeAt(i + 1)) * 65536 + s.charCodeAt(i + 2);
}

/** The models of `script`'s languages allowed by `only`, in franc's order (the data's), or null when none is. */
function modelsFor(script: string, only: readonly string[]): MergedModels | null {
  const id = `${script}\u0000${only.join(',')}`;
  const hit = merged.get(id);
  if (hit !== undefined) return hit;
  const languages = (data as Record<string, Record<string, string>>)[script]!;
  const names = Object.keys(languages).filter((name) => only.length === 0 || only.includes(name));
  let result: MergedModels | null = null;
  if (names.length > 0) {
    const ranks = new Map<number, Int16Array>();
    names.forEach((name, l) => {
      const model = languages[name]!.split('|');
      // franc fills its object from the last trigram to the first, so a repeated trigram keeps its lowest rank.
      for (let weight = model.length - 1; weight >= 0; weight--) {
        const t = model[weight]!;
        if (t.length !== 3) continue; // every trigram of franc's data has three code units; a key needs them
        const key = trigramKey(t, 0);
        let r = ranks.get(key);
        if (r === undefined) {
          r = new Int16Array(names.length).fill(-1);
          ranks.set(key, r);
        }
        r[l] = weight;
      }
    });
    result = { languages: names, ranks };
  }
  merged.set(id, result);
  return result;
}

/** franc's `getTopScript`: the script whose expression matches most code points (first in franc's order on ties). */
function topScript(value: string): [string | undefined, number] {
  const expr = expressions as Record<string, RegExp>;
  // Scripts are disjoint: when Latin holds more than half of the text no other can reach it, and the 29 other
  // expressions need not run (French, English, German… text).
  const latin = value.match(expr.Latin!)?.length ?? 0;
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

/** trigram-utils' `clean`, padded as its `trigrams` pads it. */
function padded(value: string): string {
  // The range is trigram-utils' own: ! to @ (punctuation and digits).
  return ` ${value.replace(/[\u0021-\u0040]+/g, ' ').replace(/\s+/g, ' ').trim().toLowerCase()} `;
}

const UND: LanguageScore[] = [['und', 1]];

let keys = new Float64Array(MAX_LENGTH + 2);

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

  // Trigrams of the cleaned text, as numbers, sorted so that equal ones are neighbours and can be counted.
  const text = padded(value);
  const n = text.length - 2;
  if (keys.length < n) keys = new Float64Array(n * 2);
  for (let i = 0; i < n; i++) keys[i] = trigramKey(text, i);
  const sorted = keys.subarray(0, Math.max(0, n)).sort();

  // franc's distance: per distinct trigram, |count − rank − 1|, or 300 when the model lacks it.
  const L = models.languages.length;
  const distance = new Float64Array(L);
  for (let i = 0; i < sorted.length; ) {
    const key = sorted[i]!;
    let j = i + 1;
    while (j < sorted.length && sorted[j] === key) j++;
    const count = j - i;
    const ranks = models.ranks.get(key);
    for (let l = 0; l < L; l++) {
      const rank = ranks === undefined ? -1 : ranks[l]!;
      if (rank < 0) distance[l]! += MAX_DIFFERENCE;
      else distance[l]! += Math.abs(count - rank - 1);
    }
    i = j;
  }
  // Stable sort by distance, ties in the data's order, then franc's normalisation.
  const out: LanguageScore[] = models.languages.map((name, l) => [name, distance[l]!]);
  out.sort((a, b) => a[1] - b[1]);
  const min = out[0]![1];
  const max = value.length * MAX_DIFFERENCE - min;
  for (const t of out) t[1] = 1 - (t[1] - min) / max || 0;
  return out;
}
