// Rule untranslated-english: sentences left in English inside a text in another language (French first).
import englishStop from 'natural/lib/natural/util/stopwords.js';
import spanishStop from 'natural/lib/natural/util/stopwords_es.js';
import frenchStop from 'natural/lib/natural/util/stopwords_fr.js';
import italianStop from 'natural/lib/natural/util/stopwords_it.js';
import dutchStop from 'natural/lib/natural/util/stopwords_nl.js';
import norwegianStop from 'natural/lib/natural/util/stopwords_no.js';
import polishStop from 'natural/lib/natural/util/stopwords_pl.js';
import portugueseStop from 'natural/lib/natural/util/stopwords_pt.js';
import swedishStop from 'natural/lib/natural/util/stopwords_sv.js';
import type { LanguageGuess } from '../segment/language.js';
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
/**
 * A sentence franc is not confident about (it scales its margin down under about 120 letters, so a 60-letter
 * headline gets 0.25) is still English when franc leans English, at least this many English function words are
 * among its ordinary words, they make at least this share of them, and not one function word of the target language
 * is there. scripts/experiments/short-english.mjs (2026-12-07): on WMT14's 3,003 English originals judged as French
 * copy, franc alone finds 56.6 %, this route 80.2 %; on 19,567 French sentences of WMT14 and WMT21 (human, machine,
 * native) neither calls one English, at any of five settings tried (the French stop word is the guard), so the
 * setting was read off the English side: 3 words and 25 % (3 and 30 %: 77.6 %; 2 and 25 %: 83.4 %, on the
 * strength of only two words).
 */
const SHORT_MIN_FUNCTION_WORDS = 3;
const SHORT_FUNCTION_WORD_SHARE = 0.25;
/** natural's English stop words: a target-language stop word that is also English ("a", "on", "me") proves nothing. */
const ENGLISH_STOP_WORDS = new Set(englishStop.words);
/**
 * natural's stop-word lists, by ISO 639-1 code: the languages where the short-sentence route runs. Elsewhere (German:
 * natural has no list, and "in", "was", "will" are German words) only franc's confident guess counts.
 */
const STOP_WORD_LISTS: Record<string, readonly string[]> = {
  es: spanishStop.words, fr: frenchStop.words, it: italianStop.words, nl: dutchStop.words, nb: norwegianStop.words,
  nn: norwegianStop.words, pl: polishStop.words, pt: portugueseStop.words, sv: swedishStop.words,
};
const stopWordSets = new Map<string, ReadonlySet<string>>();

/** The target language's stop words as a set, built on first use; undefined without a list. */
function stopWords(language: string): ReadonlySet<string> | undefined {
  const list = STOP_WORD_LISTS[language];
  if (!list) return undefined;
  let set = stopWordSets.get(language);
  if (!set) stopWordSets.set(language, (set = new Set(list)));
  return set;
}

/** Quotation marks of any direction: typography varies (`”…”`, `»…«`, `"…"`), so marks are paired in order. */
const QUOTE_MARK = /[«»“”„"]/g;
/** Marks that only close a quotation. */
const CLOSING = new Set(['»', '”']);

/**
 * The sentence with its quoted spans blanked (same length). The short route reads a sentence without them: quoted
 * titles are written in sentence case in French and Spanish (« The Lord of the Rings: the war of the Rohirrim »), so
 * their lower-case words read as English prose (a second review, 2026-12-07), while `It was the "worst week" for the
 * index since March.` is still English around its quotation (a third review). Marks pair in order, whatever their
 * direction; a sentence with an odd number starts inside a quotation when its first mark closes one (the last
 * sentence of a quotation that runs over several: `… signed", a déclaré Donald Trump.`), else ends inside one (a
 * fourth review).
 */
export function blankQuoted(text: string): string {
  const marks = [...text.matchAll(QUOTE_MARK)].map((m) => m.index);
  if (marks.length === 0) return text;
  const cuts: number[] = [];
  let rest = marks;
  if (marks.length % 2 === 1) {
    const first = marks[0]!;
    const closes = CLOSING.has(text[first]!) || (text[first] === '"' && first > 0 && /\S/u.test(text[first - 1]!));
    if (closes) {
      cuts.push(-1, first);
      rest = marks.slice(1);
    } else {
      rest = [...marks, text.length];
    }
  }
  for (let i = 0; i + 1 < rest.length; i += 2) cuts.push(rest[i]!, rest[i + 1]!);
  let out = '';
  let at = 0;
  for (let i = 0; i < cuts.length; i += 2) {
    const from = cuts[i]! + 1;
    const to = Math.min(text.length, cuts[i + 1]! + 1);
    out += text.slice(at, from) + ' '.repeat(Math.max(0, to - from));
    at = to;
  }
  return out + text.slice(at);
}

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

/** What one sentence says about being English: its ordinary words, how many are English or target function words, franc's guess. */
export interface SentenceEvidence {
  /** Ordinary (lower-case) words once names, codes and URLs are blanked. */
  words: number;
  /** Of those, English function words that are not also words of the target language. */
  english: number;
  /** Of those, function words of the target language that are not English ones (natural's stop-word list); -1 without a list. */
  target: number;
  /** franc between the target language and English; null when not asked (too few words, fewer than two English function words). */
  guess: LanguageGuess | null;
  /** The same counts outside quoted spans, which the short route reads; null when the sentence quotes nothing. */
  unquoted: { words: number; english: number; target: number } | null;
}

/**
 * Weighs one sentence. An all-capitals sentence has no ordinary word and is never asked about: read lower-cased, the
 * English titles of French entertainment headlines (`GAME OF THRONES : HOUSE OF THE DRAGON ARRIVE`) were flagged, since
 * capitals there tell no names apart (a second review, 2026-12-07).
 *
 * @param text the sentence
 * @param target the text's language (ISO 639-1), not English
 */
export function sentenceEvidence(text: string, target: string): SentenceEvidence {
  const clean = ordinaryWords(text);
  const counts = wordCounts(clean, target);
  // franc is the costliest step of the pipeline; a sentence with fewer than two English function words is not
  // English whatever franc would say, so it is not asked.
  const guess = counts.words >= MIN_WORDS && counts.english >= 2 ? detectLanguage(clean, [toIso3(target), 'eng']) : null;
  const unquotedText = blankQuoted(clean);
  const unquoted = unquotedText === clean ? null : wordCounts(unquotedText, target);
  return { ...counts, guess, unquoted };
}

/** Ordinary words, English function words and target-language function words (-1 without a list) of a cleaned text. */
function wordCounts(clean: string, target: string): { words: number; english: number; target: number } {
  const words = clean.match(PLAIN_WORD) ?? [];
  const targetWords = stopWords(target);
  let english = 0;
  let own = targetWords ? 0 : -1;
  for (const w of words) {
    if (ENGLISH_FUNCTION_WORDS.has(w) && !targetWords?.has(w)) english++;
    else if (targetWords?.has(w) && !ENGLISH_STOP_WORDS.has(w)) own++;
  }
  return { words: words.length, english, target: own };
}

/**
 * Whether a sentence's evidence says English: franc confident (≥ 0.5), or, for a sentence too short for franc to be
 * confident, franc leaning English and the words themselves plainly English (see the constants).
 */
export function isEnglish(e: SentenceEvidence, minFunctionWords = SHORT_MIN_FUNCTION_WORDS, share = SHORT_FUNCTION_WORD_SHARE): boolean {
  if (!e.guess || e.guess.language !== 'en' || e.words < MIN_WORDS) return false;
  if (e.guess.confidence >= MIN_CONFIDENCE) return true;
  const c = e.unquoted ?? e;
  return c.words >= MIN_WORDS && c.target === 0 && c.english >= minFunctionWords && c.english >= share * c.words;
}

/**
 * untranslated-english: asks franc (`detectLanguage`, restricted to the document language and English) about each
 * sentence of the paragraph, after removing names (`Wall Street Journal`), codes and URLs, and flags sentences with at
 * least five ordinary words that franc calls English with confidence ≥ 0.5, or that franc leans English on and whose
 * function words are plainly English (`isEnglish`). Only when the document is not in English.
 * See docs/rules/untranslated-english.md.
 */
export const detector: Detector = {
  meta,
  detect(p: Paragraph, context: DetectorContext): Signal[] {
    const target = context.language !== 'und' ? context.language : p.language;
    if (target === 'en' || target === 'und') return [];
    // The page marks the passage as English (an embedded tweet's `<p lang="en">` or `<blockquote lang="en">`) and it
    // reads as English: a quotation the publisher meant, not a sentence the translation left (an editor's review found
    // an embedded tweet reported, 2026-12-07). A French paragraph that a quotation's `lang` covers keeps its check.
    if (p.declaredLanguage === 'en' && p.language === 'en') return [];
    // A sentence is asked about only with two English function words among its ordinary words, and the paragraph's
    // own lower-case words include every sentence's (blanking names and codes only removes words; no sentence starts
    // inside a word). Fewer than two in the paragraph: nothing to find, and no need to split it into sentences.
    if (!holdsTwoEnglishFunctionWords(p.text)) return [];
    const sentences = p.sentences.length > 0 ? p.sentences : [{ start: 0, end: p.text.length, text: p.text }];
    const out: Signal[] = [];
    for (const sentence of sentences) {
      const text = p.text.slice(sentence.start, sentence.end);
      const evidence = sentenceEvidence(text, target);
      if (!isEnglish(evidence)) continue;
      const guess = evidence.guess!;
      const lead = text.length - text.trimStart().length;
      const trail = text.length - text.trimEnd().length;
      // The counts the decision read: the whole sentence for franc's confident guess, outside quotations for the rest.
      const confident = guess.confidence >= MIN_CONFIDENCE;
      const basis = confident ? evidence : (evidence.unquoted ?? evidence);
      const why = confident
        ? `franc: confidence ${guess.confidence}, runner-up ${guess.runnerUp}`
        : `${basis.english} English function words in ${basis.words} words${evidence.unquoted ? ' outside quotation marks' : ''}; franc leans English at ${guess.confidence}`;
      out.push(
        makeSignal(meta, p, {
          start: sentence.start + lead,
          end: sentence.end - trail,
          weight: WEIGHT,
          message: `Sentence left in English (${why}) in a text in ${target}`,
          data: { confidence: guess.confidence, margin: guess.margin, words: basis.words, englishFunctionWords: basis.english },
        }),
      );
    }
    return out;
  },
};

export default detector;
