// A quick "cannot contain" test for literal strings in one text: every trigram of a substring occurs in the text.

/*
 * Why: the calque rule asks, per paragraph, whether the folded text holds any of each entry's required literals
 * (src/corpora/literals.ts): 136 `includes` calls per paragraph, 3 % of a batch worker's time (V8 profile of
 * bench/batch.mjs, 2026-11-24). A literal with a trigram the text lacks cannot be in it, and most literals have one,
 * so `includes` now runs only when all of a literal's trigrams are present. Exact: a false "may contain" only costs
 * the `includes` call it would have cost anyway; hash collisions can only make a trigram look present.
 */

const BITS = 16;
const MASK = (1 << BITS) - 1;
/** stamps[h] === generation: some trigram of the current text hashes to h. */
const stamps = new Uint32Array(1 << BITS);
let generation = 0;

function hash(a: number, b: number, c: number): number {
  return (Math.imul(a, 0x9e3779b1) ^ Math.imul(b, 0x85ebca6b) ^ Math.imul(c, 0xc2b2ae35)) >>> (32 - BITS);
}

/** Records the trigrams (of UTF-16 units) of the text the next `mayContain` calls are about. */
export function markTrigrams(text: string): void {
  generation++;
  if (generation === 0x100000000) {
    stamps.fill(0);
    generation = 1;
  }
  for (let i = 0; i + 2 < text.length; i++) stamps[hash(text.charCodeAt(i), text.charCodeAt(i + 1), text.charCodeAt(i + 2))] = generation;
}

/** The trigram hashes of a literal (empty below three units: such a literal may be anywhere). */
export function trigramHashes(literal: string): Uint16Array {
  const out = new Uint16Array(Math.max(0, literal.length - 2));
  for (let i = 0; i + 2 < literal.length; i++) out[i] = hash(literal.charCodeAt(i), literal.charCodeAt(i + 1), literal.charCodeAt(i + 2)) & MASK;
  return out;
}

/** False when the text last given to `markTrigrams` cannot contain the literal of these hashes. */
export function mayContain(hashes: Uint16Array): boolean {
  for (let i = 0; i < hashes.length; i++) if (stamps[hashes[i]!] !== generation) return false;
  return true;
}
