// Rules machine-phrasing, house-phrasing and wording-drift: turn one paragraph's phrasing matches into signals.
import type { RuleMeta, Signal } from '../types.js';
import { sameCase } from '../util/case.js';
import type { PhrasingMatch } from './match.js';
import { ellipsis } from '../util/ellipsis.js';
import { within } from '../util/quotes.js';
import { isStopKey, wordKeys } from './tokens.js';

/** Metadata of the three phrasing rules (docs/rules/<id>.md). */
export const PHRASING_RULES: RuleMeta[] = [
  {
    id: 'machine-phrasing',
    description: 'A known machine-translation rendering of a wire formula (e.g. "n\'a pas répondu immédiatement à la demande de commentaire").',
    defaultSeverity: 'info',
    docs: 'docs/rules/machine-phrasing.md',
    evidence: 'reference',
    kinds: ['headline', 'body'],
    // At weight 0 (counted under a calque by dedupeWording, or over an `alreadyWeighed` span) it keeps its message.
    messages: 'finding',
  },
  {
    id: 'house-phrasing',
    description: 'The approved house wording of a formula whose machine rendering differs: evidence of human editing.',
    defaultSeverity: 'off',
    docs: 'docs/rules/house-phrasing.md',
    evidence: 'reference',
    kinds: ['headline', 'body'],
  },
  {
    id: 'wording-drift',
    description: 'Wording that drifts from the reference phrasing of a wire formula; suggests the canonical wording.',
    defaultSeverity: 'warning',
    docs: 'docs/rules/wording-drift.md',
    evidence: 'reference',
    kinds: ['headline', 'body'],
    // Weight 0 (it restates a weighed match), but the drift is what an editor fixes: always a message.
    messages: 'finding',
  },
];

/** Options of `phrasingSignals`; the defaults are exported below. */
export interface PhrasingSignalOptions {
  /** A match whose similarity to its closest canonical wording is below this drifts (default 0.85: OmegaT's 85–94 band). */
  driftThreshold?: number;
  /** Weight in nats of an exact machine variant, scaled by similarity (default 0.8). */
  machineWeight?: number;
  /** Weight in nats of an exact house wording, scaled by similarity (default −0.5). */
  houseWeight?: number;
  /** Lowest similarity at which a canonical match counts as house wording (default 0.85). */
  houseMinSimilarity?: number;
  /**
   * Spans of the paragraph (offsets as the matches') whose wording another rule has already weighed, typically the
   * calque rule's signals: 26 entries of the starter corpus have a variant that corpora/calques/fr.jsonl also matches
   * ("le propriétaire de ChatGPT", "surveillance domestique de masse"…). A machine-phrasing or house-phrasing signal
   * overlapping one keeps its message but gets weight 0, so that one rendering is not counted twice in the score.
   */
  alreadyWeighed?: ReadonlyArray<{ start: number; end: number }>;
  /**
   * Direct quotations of the paragraph (offsets as the matches'): a match inside one gets no `wording-drift` signal.
   * A quote is the speaker's words: "« J'en ai assez de ces mensonges »" was told to read "est à bout de patience",
   * giving "J'est" (editor's review, 2026-12-07). Its machine-phrasing or house-phrasing evidence stays.
   */
  quoted?: ReadonlyArray<{ start: number; end: number }>;
  /** Language of the paragraph (ISO 639-1), for comparing a match's words with its form's (default `fr`). */
  language?: string;
  /** `partialMatch` of each match, in order, when the caller has them (the reference step needs them too). */
  partials?: ReadonlyArray<ReturnType<typeof partialMatch>>;
}

/**
 * Content words (not function words) of a wording. A house wording of one content word is no evidence of editing:
 * "parlementaire" in "de source parlementaire" matched "les parlementaires" (FR-LAWMAKERS) and counted −0.5 for human
 * work (editor review, 2026-12-07); any French story may hold one such word.
 */
function contentWords(text: string, language = 'fr'): number {
  return wordKeys(text, language).filter((k) => !isStopKey(k)).length;
}

/** Whether `short` is `long` with words left out (in order). */
function isSubsequence(short: readonly string[], long: readonly string[]): boolean {
  let i = 0;
  for (let j = 0; j < long.length && i < short.length; j++) if (long[j] === short[i]) i++;
  return i === short.length;
}

/**
 * Why a fuzzy match is not a rewording of its form, if it is not:
 * - `interrupted`: an approved wording with words inserted into it and none changed, "a indiqué mercredi dans un
 *   communiqué", "a indiqué le parquet dans un communiqué": the formula is there, with the day or the speaker placed
 *   inside it as French does (editor review, 2026-12-07: 83 % "drift", and the suggestion deleted the day);
 * - `truncated`: the form's first words only, the sentence going on with others: "Selon une source proche de
 *   l'enquête" matched "selon une source proche du dossier" at 66 % and was told to read "selon une source proche du
 *   dossier de l'enquête" (same review); `headless`: its last words only, "en bonne voie pour" (correct French) for
 *   the machine's "sur la bonne voie pour" (a review of this rule).
 * - `determiner`: an approved wording with one determiner for another, "a indiqué dans son communiqué" for "a indiqué
 *   dans un communiqué", "à la demande" for "à une demande": French that says the same thing (same review). Only
 *   determiners: a preposition is the machine's classic error ("secrétaire américain du Trésor" for "au Trésor"; a
 *   review of the first version, which let any function word through), and a negation word changes the meaning.
 * A machine rendering with a word inserted or a determiner changed stays a machine rendering, and its drift stays; cut
 * short at its end (`truncated`) it keeps its drift warning but loses the suggestion, which would duplicate the
 * sentence's end; without opening words that hold a content word (`headless`) it stays evidence but is no drift and
 * gets no suggestion: "sources familières avec le dossier" is the machine's "citant des sources familières avec le
 * dossier" all the same (a review, 2026-12-07: dropping such matches lost 80 of 338 variant tails); without opening
 * function words only (`reframed`) it is another phrase, no match at all: "en bonne voie pour" is French, not the
 * machine's "sur la bonne voie pour" (two reviews).
 * @returns the reason, or null for a rewording (an edit that changes or drops words inside the form)
 */
export function partialMatch(m: PhrasingMatch, language = 'fr'): 'interrupted' | 'truncated' | 'headless' | 'reframed' | 'determiner' | null {
  if (m.similarity >= 1) return null;
  const found = wordKeys(m.text, language);
  const form = wordKeys(m.matchedForm, language);
  const same = (a: readonly string[], b: readonly string[]): boolean => a.length === b.length && a.every((k, i) => k === b[i]);
  if (found.length < form.length && same(form.slice(0, found.length), found)) return 'truncated';
  if (found.length < form.length && same(form.slice(form.length - found.length), found)) {
    // Only function words missing ("sur la" of "sur la bonne voie pour", the text saying "en bonne voie pour"): the
    // formula's frame differs, and French says the rest on its own.
    return form.slice(0, form.length - found.length).every((k) => isStopKey(k)) ? 'reframed' : 'headless';
  }
  if (m.kind !== 'canonical') return null;
  if (found.length > form.length && isSubsequence(form, found)) return 'interrupted';
  const determiners = determinerKeys(language);
  if (found.length === form.length && found.every((k, i) => k === form[i] || (determiners.has(k) && determiners.has(form[i]!)))) return 'determiner';
  return null;
}

/** French determiners (articles, demonstratives, third-person possessives) as comparison keys (French only). */
// Not the first and second persons (mon, notre, votre …): "à ma demande de commentaire" changes who asks.
const DETERMINERS = ['le', 'la', 'les', 'l', 'un', 'une', 'ce', 'cet', 'cette', 'ces', 'son', 'sa', 'ses', 'leur', 'leurs'];
const determinerCache = new Map<string, ReadonlySet<string>>();

function determinerKeys(language: string): ReadonlySet<string> {
  let keys = determinerCache.get(language);
  if (keys === undefined) {
    keys = new Set(language === 'fr' ? DETERMINERS.flatMap((w) => wordKeys(w, language)) : []);
    determinerCache.set(language, keys);
  }
  return keys;
}

/**
 * Default weights. +0.8 nats (likelihood ratio ≈ 2.2) for a machine rendering: the variants were seen in Reuters'
 * machine translations (seeds, provenance-evidence.md §4.3) or are their literal calques, but editors write some of
 * them too (datasets.md §1 caveat 5: anglicisms are as common in human references as in MT), so one match is a hint,
 * not proof; entries tagged `weak` get half. −0.5 nats (≈ 1 : 1.6) for a house wording: weaker, since good machine
 * translation may produce it as well, and only entries with a machine variant that are not `neutral` count.
 * wording-drift carries no weight: it restates a match already weighed by the other two rules.
 */
export const PHRASING_DEFAULTS = {
  driftThreshold: 0.85,
  machineWeight: 0.8,
  houseWeight: -0.5,
  houseMinSimilarity: 0.85,
} as const;

/**
 * How much of `machineWeight` an entry's evidence earns. docs/corpora.md: "an inferred entry weighs less than a seen
 * one". Seen renderings (tags `seen`, `seen-research`: in Reuters machine translations) count in full. `inferred` ones
 * (expected of engines, not yet seen in their output) three quarters, as an inferred wire mark weighs 2 nats to a seen
 * one's 2.5. `normative` ones (an anglicism by a style authority, not seen in machine output) 0.3 nats at most, the
 * highest weight a normative calque gets in corpora/calques/: anglicisms are about as frequent in human translations
 * (datasets.md §1 caveat 5).
 */
export function statusScale(tags: readonly string[]): number {
  if (tags.includes('seen') || tags.includes('seen-research')) return 1;
  if (tags.includes('normative')) return 0.375;
  if (tags.includes('inferred')) return 0.75;
  return 1;
}

/** Evidence statuses a phrasing entry's tags may carry, strongest first (docs/references.md). */
const STATUSES = ['seen', 'seen-research', 'inferred', 'normative'] as const;

/**
 * A similarity as a whole percentage, rounded as the reports round it (src/report/explain.ts `percent`): the HTML
 * report's "similarity 67%" stood next to the message's "66% match" for 2/3 (editor review, 2026-12-07). Below 1, never
 * 100.
 */
function pct(x: number): number {
  const r = Math.round(x * 100);
  return r >= 100 && x < 1 ? 99 : r;
}

function quote(s: string, max = 80): string {
  const flat = s.replace(/\s+/gu, ' ').trim();
  return `"${ellipsis(flat, max)}"`;
}

/**
 * Signals of one paragraph's phrasing matches (offsets are the matches', relative to the paragraph text; scope
 * `paragraph`, evidence `reference`):
 * - `machine-phrasing` for each match of a machine variant: weight `machineWeight × similarity × statusScale`
 *   (halved for `weak`);
 * - `house-phrasing` for each match of a canonical wording at `houseMinSimilarity` or more, of two content words or
 *   more, when the entry has a machine variant and is not tagged `neutral`: weight `houseWeight × similarity`;
 * - `wording-drift` for each match whose similarity to its closest canonical wording is below `driftThreshold`, unless
 *   it lies inside a direct quotation (`quoted`) or is not a rewording (`partialMatch`): weight 0,
 *   `expected: [canonical]`, the message names the expected wording.
 * Matches overlapping `alreadyWeighed` spans keep their signals with weight 0.
 * @param paragraphIndex 1-based paragraph index
 * @param matches from `findPhrasings` on that paragraph's text
 */
export function phrasingSignals(paragraphIndex: number, matches: readonly PhrasingMatch[], options: PhrasingSignalOptions = {}): Signal[] {
  const driftThreshold = options.driftThreshold ?? PHRASING_DEFAULTS.driftThreshold;
  const machineWeight = options.machineWeight ?? PHRASING_DEFAULTS.machineWeight;
  const houseWeight = options.houseWeight ?? PHRASING_DEFAULTS.houseWeight;
  const houseMin = options.houseMinSimilarity ?? PHRASING_DEFAULTS.houseMinSimilarity;
  const weighed = options.alreadyWeighed ?? [];
  const quoted = options.quoted ?? [];
  const out: Signal[] = [];
  for (const [k, m] of matches.entries()) {
    const counted = weighed.some((w) => w.start < m.end && m.start < w.end) ? 0 : 1;
    const data = {
      referenceId: m.referenceId,
      kind: m.kind,
      similarity: m.similarity,
      band: m.band,
      canonicalSimilarity: m.canonicalSimilarity,
      matchedForm: m.matchedForm,
      expected: m.expected,
    };
    const base = { paragraph: paragraphIndex, start: m.start, end: m.end, scope: 'paragraph' as const, evidence: 'reference' as const, actual: m.text };
    const inQuote = quoted.some((q) => within(m, q));
    const partial = options.partials ? (options.partials[k] ?? null) : partialMatch(m, options.language);
    if (partial === 'reframed') continue;
    if (m.kind === 'machine-variant') {
      const weak = m.tags.includes('weak');
      const scale = statusScale(m.tags) * (weak ? 0.5 : 1);
      out.push({
        ...base,
        ruleId: 'machine-phrasing',
        weight: machineWeight * m.similarity * scale * counted,
        message:
          m.similarity === 1
            ? `Machine rendering of ${quote(m.source)}: ${quote(m.text)} (${m.referenceId})`
            : `Machine rendering of ${quote(m.source)}: ${quote(m.text)} (${pct(m.similarity)}% match with ${quote(m.matchedForm)}, ${m.referenceId})`,
        // No suggestion inside a direct quotation (the HTML report showed it; review, 2026-12-07), nor for a form's
        // first or last words only: replacing them with the whole wording duplicates the rest of the sentence.
        ...(inQuote || partial === 'truncated' || partial === 'headless' ? {} : { expected: [sameCase(m.expected, m.text)] }),
        // The entry's evidence status and weakness: the scorer counts only seen, not-weak renderings as more than a
        // hint over a whole document (src/score/combine.ts, isHint).
        data: { ...data, status: STATUSES.find((t) => m.tags.includes(t)) ?? null, weak },
      });
    } else if (m.house && m.similarity >= houseMin && contentWords(m.text, options.language) >= 2) {
      out.push({
        ...base,
        ruleId: 'house-phrasing',
        weight: houseWeight * m.similarity * counted,
        message: `House wording of ${quote(m.source)}: ${quote(m.text)} (${pct(m.similarity)}% match, ${m.referenceId})`,
        data,
      });
    }
    // A machine rendering cut short keeps its warning; an approved wording with a word inside it, another determiner
    // or only its first words is no drift (partialMatch).
    if (m.canonicalSimilarity < driftThreshold && !inQuote && (partial === null || (partial === 'truncated' && m.kind === 'machine-variant'))) {
      out.push({
        ...base,
        ruleId: 'wording-drift',
        weight: 0,
        message: `Wording drifts from the reference phrasing: expected ${quote(m.expected)}, found ${quote(m.text)} (${m.canonicalSimilarity > 0 ? `${pct(m.canonicalSimilarity)}% match` : 'no word in common'}, ${m.referenceId})`,
        ...(partial === 'truncated' ? {} : { expected: [sameCase(m.expected, m.text)] }),
        data,
      });
    }
  }
  return out;
}
