// Language identification with franc, always restricted to an `only` list, confidence from the margin to the runner-up.
import { data } from 'franc/data.js';
import { expressions } from 'franc/expressions.js';
import { WireproofError } from '../types.js';
import { languageScores } from './trigrams.js';

/**
 * ISO 639-3 (franc's codes) → 639-1 (reports, `--language`): the languages wireproof considers by default, and the
 * others franc has a model or a script for whose two-letter code a newsroom would type (`--language fr pl`).
 */
const ISO1: Record<string, string> = {
  fra: 'fr', eng: 'en', deu: 'de', spa: 'es', ita: 'it', por: 'pt', nld: 'nl', cat: 'ca', glg: 'gl',
  pol: 'pl', swe: 'sv', dan: 'da', nob: 'nb', nno: 'nn', fin: 'fi', ron: 'ro', ces: 'cs', slk: 'sk', slv: 'sl',
  hrv: 'hr', srp: 'sr', bos: 'bs', mkd: 'mk', bul: 'bg', hun: 'hu', ell: 'el', rus: 'ru', ukr: 'uk', ekk: 'et',
  lvs: 'lv', lit: 'lt', als: 'sq', tur: 'tr', arb: 'ar', heb: 'he', pes: 'fa', hin: 'hi', tha: 'th', vie: 'vi',
  ind: 'id', jpn: 'ja', cmn: 'zh', kor: 'ko',
};

/**
 * Languages franc may choose from. Without `only`, short English/German/Spanish paragraphs come back as
 * sco/src/vec, and franc is 10× slower (../shared/research/node-ecosystem-and-style.md §2.2).
 */
export const DEFAULT_LANGUAGES = ['fra', 'eng', 'deu', 'spa', 'ita', 'por'];

export interface LanguageGuess {
  /** ISO 639-1 code, or `und` when the text is too short. */
  language: string;
  /** 0–1: the margin to the runner-up, scaled down for short texts. */
  confidence: number;
  runnerUp: string;
  margin: number;
}

/** Below this many letters franc returns nothing useful. */
const MIN_LETTERS = 10;

/** Letters from which the margin is trusted in full (short texts are scaled down, see `detectLanguage`). */
const FULL_TRUST_LETTERS = 120;

const LETTER = /\p{L}/u;
/** Whether each BMP unit is a letter (-1: not yet asked), filled on first sight. */
const bmpLetters = new Int8Array(65536).fill(-1);

/**
 * UTF-16 units of the letters (\p{L}) of a text, as `text.replace(/[^\p{L}]/gu, '').length` counts them, but
 * stopping at `cap`: only "fewer than 10" and "how far below 120" are ever asked, and that replace over every
 * paragraph was a tenth of what language identification allocated (V8 sampling heap profile).
 */
function countLetters(text: string, cap: number): number {
  let n = 0;
  for (let i = 0; i < text.length && n < cap; i++) {
    const u = text.charCodeAt(i);
    if (u < 128) {
      if ((u >= 97 && u <= 122) || (u >= 65 && u <= 90)) n++;
      continue;
    }
    if (u < 0xd800 || u > 0xdfff) {
      let k = bmpLetters[u]!;
      if (k < 0) {
        k = LETTER.test(String.fromCharCode(u)) ? 1 : 0;
        bmpLetters[u] = k;
      }
      n += k;
      continue;
    }
    // A surrogate: a letter outside the BMP counts its two units; a lone surrogate is no letter.
    const cp = text.codePointAt(i)!;
    if (cp > 0xffff) {
      i++;
      if (LETTER.test(String.fromCodePoint(cp))) n += 2;
    }
  }
  return n;
}

/**
 * franc's cost grows with the text (trigram extraction and ranking, up to its own 2,048-character cap), and telling
 * French from English or German in a paragraph does not need more than a couple of hundred characters: franc was 27 %
 * of steady-state pipeline time on seed paragraphs (--cpu-prof) with no cap, 23 % at 400 characters.
 */
export const PARAGRAPH_CHARS = 240;

/**
 * Guesses the language of a text.
 * @param text any text
 * @param only ISO 639-3 codes franc may choose from
 * @param maxChars how much of the text franc reads (its own cap is 2,048)
 */
export function detectLanguage(text: string, only: readonly string[] = DEFAULT_LANGUAGES, maxChars = PARAGRAPH_CHARS): LanguageGuess {
  const letters = countLetters(text, FULL_TRUST_LETTERS);
  if (letters < MIN_LETTERS) return { language: 'und', confidence: 0, runnerUp: 'und', margin: 0 };
  // franc's algorithm and models, computed as francAll does (trigrams.ts says why not francAll itself).
  const all = languageScores(text.length > maxChars ? text.slice(0, maxChars) : text, only, MIN_LETTERS);
  const [first, second] = all;
  if (!first || first[0] === 'und') return { language: 'und', confidence: 0, runnerUp: 'und', margin: 0 };
  // franc normalises scores so the best is always 1: the margin to the runner-up is the only confidence it gives.
  const margin = second ? 1 - second[1] : 1;
  // Short texts are easily confused (franc's README); scale the margin by length, full trust from ~120 letters.
  const lengthFactor = Math.min(1, letters / FULL_TRUST_LETTERS);
  const confidence = Math.max(0, Math.min(1, (margin / 0.25) * lengthFactor));
  return {
    language: ISO1[first[0]] ?? first[0],
    confidence: Number(confidence.toFixed(3)),
    runnerUp: second ? (ISO1[second[0]] ?? second[0]) : 'und',
    margin: Number(margin.toFixed(3)),
  };
}

/**
 * A paragraph's own guess overrides its document's language from this confidence on. On the French texts of the
 * evaluation data's training corpora (WMT14, WMT21; 7,406 paragraphs, 19,832 sentences), the guesses other than
 * French at 0.5 or more were three sentences, all German left in the French (measured 2026-12-07); below it the wrong
 * guesses were French itself ("Il y a encore beaucoup de choses à clarifier ici." → es at 0.334) or a headline read
 * as German at 0.004 (a review, 2026-12-07). The rules trusted any guess before: a French rule ran on a German quote
 * paragraph of a French story (confidence 1) and on an English headline read as French at 0.155.
 */
export const PARAGRAPH_TRUST = 0.5;

/**
 * The language a paragraph's rules are chosen by: its own guess when confident, else the document's (the paragraph's
 * guess when the document has none). Reports still give each paragraph's own guess and its confidence.
 */
export function ruleLanguage(p: { language: string; languageConfidence: number }, documentLanguage: string): string {
  if (documentLanguage === 'und') return p.language;
  return p.language !== 'und' && p.languageConfidence >= PARAGRAPH_TRUST ? p.language : documentLanguage;
}

/** Whether a text has fewer letters than franc needs to be trusted in full (120): short texts are easily confused. */
export function shortForFranc(text: string): boolean {
  return countLetters(text, FULL_TRUST_LETTERS) < FULL_TRUST_LETTERS;
}

/** The ISO 639-1 codes wireproof can identify (corpus and reference entries are checked against them). */
export function knownLanguageCodes(): ReadonlySet<string> {
  return new Set(Object.values(ISO1));
}

/** Whether franc can tell this ISO 639-3 code (a trigram model, or a script of its own such as Japanese). */
function francKnows(code: string): boolean {
  if (Object.hasOwn(expressions, code)) return true;
  return Object.values(data).some((models) => Object.hasOwn(models, code));
}

/**
 * The languages language identification may choose from, as ISO 639-3 codes for franc's `only` list. Accepts the
 * ISO 639-1 codes wireproof maps (`fr`, `en` …) in any case and with a region (`fr-FR`, `fr_CA`, as an HTML `lang`
 * attribute would have them), and the ISO 639-3 codes franc knows. Anything else is the caller's mistake: an unknown
 * code used to leave every paragraph `und`, which silently switched off every French rule.
 * @param origin where the codes came from, for the error (`--language`, a configuration file)
 * @throws WireproofError (`usage`) for an empty list or an unknown code
 */
export function languageList(codes: readonly unknown[], origin = 'languages'): string[] {
  if (codes.length === 0) throw new WireproofError(`${origin}: give at least one language code (e.g. fr)`, 'usage');
  return codes.map((raw) => {
    const code = typeof raw === 'string' ? raw.trim().toLowerCase().split(/[-_]/)[0]! : '';
    if (/^[a-z]{2}$/.test(code) && Object.values(ISO1).includes(code)) return toIso3(code);
    if (/^[a-z]{3}$/.test(code) && francKnows(code)) return code;
    const known = Object.values(ISO1).join(', ');
    throw new WireproofError(`${origin}: unknown language code ${JSON.stringify(raw)} (known: ${known}, or an ISO 639-3 code such as fra)`, 'usage');
  });
}

/** ISO 639-1 → 639-3 (for `only` lists given in config as two-letter codes). */
export function toIso3(code: string): string {
  for (const [k, v] of Object.entries(ISO1)) if (v === code) return k;
  return code;
}
