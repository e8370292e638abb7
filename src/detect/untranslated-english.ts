// Rule untranslated-english: sentences left in English inside a text in another language (French first).
import { detectLanguage, toIso3 } from '../segment/language.js';
import type { Detector, DetectorContext, Paragraph, RuleMeta, Signal } from '../types.js';
import { makeSignal, skipZones } from './util.js';

/** franc must say English with at least this confidence (margin to the runner-up, scaled by length). */
const MIN_CONFIDENCE = 0.5;
/** Ordinary (lower-case) words needed once names, codes and URLs are removed: short sentences fool franc. */
const MIN_WORDS = 5;
/** Reuters codes and tickers: `PLTR.O`, `.SPX`, `NVDA`. */
const CODE = /(?<![\p{L}\p{N}])(?:[A-Z0-9]{1,6}[a-z]?\.[A-Z]{1,3}|\.[A-Z][A-Z0-9]{1,7}|[A-Z]{2,6})(?![\p{L}\p{N}])/gu;
/** A capitalised word (a name: `Wall Street Journal`, `National Security Agency`, `Anthropic`), with `of`/`and` in a run. */
const NAME_RUN = /(?<![\p{L}\p{N}])\p{Lu}[\p{L}\p{N}'’-]*(?:\s+(?:(?:of|and|the|for|on|de|du|des|la)\s+)?\p{Lu}[\p{L}\p{N}'’-]*)*/gu;
/** Frequent English function words that are not also French words (no "on", "as", "an", "or", "us"). */
const ENGLISH_FUNCTION_WORDS = new Set(['the', 'and', 'of', 'to', 'in', 'is', 'that', 'for', 'with', 'was', 'it', 'are', 'be', 'by', 'this', 'from', 'at', 'has', 'have', 'will', 'not', 'but', 'said', 'they', 'their', 'which', 'would', 'been', 'were', 'its', 'we', 'he', 'she', 'his', 'her', 'who', 'after', 'than', 'about']);
/** An ordinary word: starts with a lower-case letter. */
const PLAIN_WORD = /(?<![\p{L}\p{N}])\p{Ll}[\p{L}'’-]*/gu;

/**
 * Weight 0.8 nats (LR ≈ 2.2). Machine pipelines leave passages untranslated: Gizmodo en Español "switches into
 * untranslated English mid-text" (provenance-evidence.md §4.2, fudzilla, GameStar). A human desk can also keep an
 * English quote, so it is moderate; one signal per sentence, saturated per paragraph (docs/scoring.md).
 */
const WEIGHT = 0.8;

/** Rule metadata (id, severity, kinds). */
const meta: RuleMeta = {
  id: 'untranslated-english',
  description: 'A sentence left in English in a text in another language.',
  defaultSeverity: 'warning',
  docs: 'docs/rules/untranslated-english.md',
  evidence: 'language',
  kinds: ['body', 'headline'],
};

/**
 * Whether the text holds at least two English function words as lower-case words, or as what follows a hyphen or an
 * apostrophe inside one. That second case matters: blanking an address that ends at such a mark (`x.com-the`) leaves
 * the rest as a word of its own in the sentence. Nothing else blanked can make a new word (names and codes start
 * after a non-letter and stop before one), so this counts every word each sentence can count, and more.
 */
function holdsTwoEnglishFunctionWords(text: string): boolean {
  let english = 0;
  PLAIN_WORD.lastIndex = 0;
  for (let m = PLAIN_WORD.exec(text); m !== null; m = PLAIN_WORD.exec(text)) {
    const word = m[0];
    for (let from = 0; from >= 0; from = nextAfterMark(word, from)) {
      if (ENGLISH_FUNCTION_WORDS.has(from === 0 ? word : word.slice(from)) && ++english === 2) {
        PLAIN_WORD.lastIndex = 0;
        return true;
      }
    }
  }
  return false;
}

/** The index just after the next hyphen or apostrophe of `word` at or after `from` + 1, or -1. */
function nextAfterMark(word: string, from: number): number {
  for (let i = from + 1; i < word.length; i++) {
    const c = word.charCodeAt(i);
    if (c === 45 || c === 39 || c === 0x2019) return i + 1;
  }
  return -1;
}

/** The sentence with URLs, codes and names blanked out (same length), so franc judges the ordinary words. */
function ordinaryWords(sentence: string): string {
  let s = sentence;
  for (const z of skipZones(s)) s = s.slice(0, z.start) + ' '.repeat(z.end - z.start) + s.slice(z.end);
  // Keep the sentence's first word: "The" or "Le" opening it is ordinary, not a name.
  const first = /^\s*\p{Lu}\p{Ll}*/u.exec(s)?.[0].length ?? 0;
  const head = s.slice(0, first);
  const rest = s.slice(first).replace(CODE, (m) => ' '.repeat(m.length)).replace(NAME_RUN, (m) => ' '.repeat(m.length));
  return head + rest;
}

/**
 * untranslated-english: asks franc (`detectLanguage`, restricted to the document language and English) about each
 * sentence of the paragraph, after removing names (`Wall Street Journal`), codes and URLs, and flags sentences that
 * are English with confidence ≥ 0.5 and at least five ordinary words. Only when the document is not in English.
 * See docs/rules/untranslated-english.md.
 */
export const detector: Detector = {
  meta,
  detect(p: Paragraph, context: DetectorContext): Signal[] {
    const target = context.language !== 'und' ? context.language : p.language;
    if (target === 'en' || target === 'und') return [];
    // A sentence is asked about only with two English function words among its ordinary words, and the paragraph's
    // own lower-case words include every sentence's (blanking names and codes only removes words; no sentence starts
    // inside a word). Fewer than two in the paragraph: nothing to find, and no need to split it into sentences.
    if (!holdsTwoEnglishFunctionWords(p.text)) return [];
    const only = [toIso3(target), 'eng'];
    const sentences = p.sentences.length > 0 ? p.sentences : [{ start: 0, end: p.text.length, text: p.text }];
    const out: Signal[] = [];
    for (const sentence of sentences) {
      const text = p.text.slice(sentence.start, sentence.end);
      const clean = ordinaryWords(text);
      const words = clean.match(PLAIN_WORD) ?? [];
      if (words.length < MIN_WORDS) continue;
      // franc is the costliest step of the pipeline; a sentence with fewer than two English function words is not
      // English whatever franc would say, so it is not asked.
      let english = 0;
      for (const w of words) if (ENGLISH_FUNCTION_WORDS.has(w)) english++;
      if (english < 2) continue;
      const guess = detectLanguage(clean, only);
      if (guess.language !== 'en' || guess.confidence < MIN_CONFIDENCE) continue;
      const lead = text.length - text.trimStart().length;
      const trail = text.length - text.trimEnd().length;
      out.push(
        makeSignal(meta, p, {
          start: sentence.start + lead,
          end: sentence.end - trail,
          weight: WEIGHT,
          message: `Sentence left in English (franc: confidence ${guess.confidence}, runner-up ${guess.runnerUp}) in a text in ${target}`,
          data: { confidence: guess.confidence, margin: guess.margin, words: words.length },
        }),
      );
    }
    return out;
  },
};

export default detector;
