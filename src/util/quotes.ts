// Quotations in a paragraph: “…”, "…", «…», „…“, with their extent and length in words.
import { countWords } from './words.js';

/** Quotations: “…”, "…", «…». Single quotes are left out: they are apostrophes far more often. */
const QUOTE = /“([^”]{1,800})”|"([^"\n]{1,800})"|«\s*([^»]{1,800}?)\s*»|„([^“”]{1,800})[“”]/gu;

export interface Quote {
  /** The quoted words, trimmed. */
  text: string;
  /** Offsets of the quotation, marks included (end exclusive). */
  start: number;
  end: number;
  /** Words (runs holding a letter) inside. */
  words: number;
}

/** Every quotation of `text`, in order. */
export function findQuotes(text: string): Quote[] {
  const out: Quote[] = [];
  for (const m of text.matchAll(QUOTE)) {
    const inner = (m[1] ?? m[2] ?? m[3] ?? m[4] ?? '').trim();
    out.push({ text: inner, start: m.index, end: m.index + m[0].length, words: countWords(inner) });
  }
  return out;
}

/** Whether the span `inner` lies within `outer` (offsets in the same text, end exclusive). */
export function within(inner: { start: number; end: number }, outer: { start: number; end: number }): boolean {
  return outer.start <= inner.start && inner.end <= outer.end;
}
