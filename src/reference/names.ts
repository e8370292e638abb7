// Proper names in English and French text, with the alias table (corpora/aliases/) for names that translate.
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { z } from 'zod';
import { defaultCorporaRoot, type Corpora } from '../corpora/index.js';
import { loadJsonl } from '../corpora/load.js';
import { foldString } from '../util/normalize.js';
import { StampedCache, stampOf } from '../util/stamp.js';

/** One line of `corpora/aliases/*.jsonl`: the English and French forms of one name (docs/rules/source-name.md). */
export const AliasEntry = z.strictObject({
  id: z.string().regex(/^[a-z0-9][a-z0-9._-]*$/, 'ids are lower-case letters, digits, dot, dash or underscore'),
  kind: z.enum(['country', 'demonym', 'place', 'organisation', 'title', 'person', 'other']),
  en: z.array(z.string().min(1)).min(1),
  fr: z.array(z.string().min(1)).min(1),
  status: z.enum(['seen', 'seen-second-hand', 'partial', 'inferred', 'normative']),
  source: z.string().min(4, 'cite where it was seen: a URL or a file'),
  note: z.string().optional(),
});
export type AliasEntry = z.infer<typeof AliasEntry>;

/** A text token for name matching: its folded key, as written, and where. */
interface Tok {
  key: string;
  raw: string;
  start: number;
  end: number;
}

/** Words (letters, marks, digits) and single punctuation marks; forms and texts are tokenised alike. */
const MATCH_TOKEN = /[\p{L}\p{M}\p{N}]+|[^\s\p{L}\p{M}\p{N}]/gu;

function matchTokens(text: string): Tok[] {
  return [...text.matchAll(MATCH_TOKEN)].map((m) => ({ key: foldString(m[0]), raw: m[0], start: m.index, end: m.index + m[0].length }));
}

/** A compiled alias form: its token sequence. */
interface AliasForm {
  alias: AliasEntry;
  language: 'en' | 'fr';
  form: string;
  /** All-capital forms (OTAN, IA, US) match case-sensitively: "us" and "ia" are words. */
  exact: boolean;
  /** Folded keys, or the tokens as written for exact forms. */
  tokens: string[];
}

/** The loaded alias table. */
export interface Aliases {
  entries: AliasEntry[];
  /** Forms by the folded key of their first token, longest first, so that "Maison Blanche" wins over "Blanche". */
  byFirst: Map<string, AliasForm[]>;
  /** Forms by alias id. */
  byAlias: Map<string, AliasForm[]>;
}

function isAcronym(form: string): boolean {
  const letters = form.replace(/[^\p{L}]/gu, '');
  return letters.length >= 2 && letters === letters.toUpperCase() && /\p{Lu}/u.test(letters);
}

/**
 * Compiles alias entries into token sequences indexed by first token (exported for tests that bring their own table).
 * Matching is a dictionary scan, not one regular expression per form: a thousand Unicode-class regexes cost ~0.75 s
 * per paragraph (measured on seed 000), the scan a fraction of a millisecond.
 */
export function compileAliases(entries: readonly AliasEntry[]): Aliases {
  const byFirst = new Map<string, AliasForm[]>();
  const byAlias = new Map<string, AliasForm[]>();
  for (const alias of entries) {
    for (const language of ['en', 'fr'] as const) {
      for (const form of alias[language]) {
        const exact = isAcronym(form);
        const toks = matchTokens(form);
        if (toks.length === 0) continue;
        const f: AliasForm = { alias, language, form, exact, tokens: toks.map((t) => (exact ? t.raw : t.key)) };
        const first = toks[0]!.key;
        byFirst.set(first, [...(byFirst.get(first) ?? []), f]);
        byAlias.set(alias.id, [...(byAlias.get(alias.id) ?? []), f]);
      }
    }
  }
  for (const list of byFirst.values()) list.sort((a, b) => b.tokens.length - a.tokens.length || b.form.length - a.form.length);
  return { entries: [...entries], byFirst, byAlias };
}

/** Whether `form` occurs at token i. */
function matchesAt(toks: readonly Tok[], i: number, form: AliasForm): boolean {
  if (i + form.tokens.length > toks.length) return false;
  for (let k = 0; k < form.tokens.length; k++) {
    const t = toks[i + k]!;
    if ((form.exact ? t.raw : t.key) !== form.tokens[k]) return false;
  }
  return true;
}

/** Alias tables by corpora folder; a desk's are re-read when they change (src/util/stamp.ts). */
const aliasCache = new StampedCache<Aliases>();

/**
 * Loads `aliases/*.jsonl` under the corpora folder (cached per folder); an absent folder gives an empty table.
 * Throws a WireproofError naming `file:line` on bad data.
 */
export function loadAliases(corpora: Pick<Corpora, 'root'>): Aliases {
  const dir = join(corpora.root, 'aliases');
  return aliasCache.get(
    resolve(corpora.root),
    () => (corpora.root === defaultCorporaRoot() ? '' : stampOf([dir], 1)),
    () => compileAliases(existsSync(dir) ? loadJsonl(dir, AliasEntry, join(corpora.root, '..')).map((l) => l.entry) : []),
  );
}

/**
 * Words that are capitalised only because they open a sentence or a heading: articles, pronouns, prepositions,
 * conjunctions, common adverbs, in English and French (both lists apply to both sides: a target may keep English).
 */
const FUNCTION_WORDS = new Set(
  (
    'a an the this that these those there here it its he she they we you i his her their our your my me him them us ' +
    'and or but nor so yet if then than as at by for from in into of off on onto out over to under up upon with within ' +
    'without about above after against along among around before behind below beneath beside between beyond during ' +
    'except inside near since through throughout toward towards until via while when where whether which who whom whose ' +
    'what why how all any both each either every few many more most much neither no none not only other several some ' +
    'such also however meanwhile still even just already once again later earlier now today yesterday tomorrow ' +
    'is are was were be been being has have had do does did will would shall should can could may might must ' +
    'said says according asked told separately instead despite although though because unless mr mrs ms dr ' +
    'le la les l un une des du de d au aux ce cet cette ces il elle ils elles on nous vous je tu son sa ses leur leurs ' +
    'notre nos votre vos mon ma mes qui que qu quoi dont où ou et mais donc or ni car si dans en sur sous par pour avec ' +
    'sans entre vers chez depuis pendant avant après selon contre malgré lors dès hors outre parmi ' +
    'tout tous toute toutes aucun aucune chaque plusieurs certains certaines autre autres même mêmes quelques ' +
    'ainsi aussi alors cependant toutefois pourtant néanmoins enfin puis ensuite encore déjà désormais ' +
    'est sont était étaient a ont avait avaient sera seront serait seraient été être avoir fait ' +
    'ne pas plus moins très trop peu bien mal oui non jusqu lorsque puisque quand comme comment pourquoi ' +
    'cela ceci ça celui celle ceux celles lequel laquelle lesquels lesquelles y m mme mmes mlle'
  ).split(/\s+/),
);

/** Months and days are capitalised in English and not names (nor are the French ones, capitalised at sentence start). */
const CALENDAR = new Set(
  (
    'january february march april may june july august september october november december jan feb mar apr jun jul ' +
    'aug sep sept oct nov dec monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thurs fri ' +
    'sat sun janvier fevrier mars avril mai juin juillet aout septembre octobre novembre decembre janv fevr fev avr ' +
    'juil dec lundi mardi mercredi jeudi vendredi samedi dimanche'
  ).split(/\s+/),
);

/** Wire slugs and legal suffixes written in capitals or capitalised that are not names. */
const NOT_NAMES = new Set(
  (
    'exclusive update urgent breaking analysis factbox explainer insight column refile corrected correction wrapup ' +
    'rpt exclusif analyse decryptage repere reperes inc corp co ltd llc plc sa nv ag gmbh spa ' +
    'ok tv pm am'
  ).split(/\s+/),
);

/**
 * RIC instrument codes (PLTR.O, MSFT.O, 7203.T) are wire markup, not names: a root of two or more capitals or digits,
 * a dot, an exchange suffix of one or two capitals. "U.S." has a one-letter root and stays a name.
 */
const RIC = /(?<![\p{L}\p{N}.])[A-Z0-9][A-Za-z0-9_]{1,7}\.[A-Z]{1,2}(?![\p{L}\p{N}])/gu;

/** Candidate tokens: dotted initials (U.S.), or words with inner hyphens and apostrophes. */
const TOKEN = /(?:\p{Lu}\.){2,}|[\p{L}\p{M}\p{N}]+(?:['’-][\p{L}\p{M}\p{N}]+)*/gu;

/** French elisions before a name: d'Anthropic, l'Otan, qu'OpenAI. */
const ELISION = /^(?:[dlnsjmtc]|qu|jusqu|lorsqu|puisqu)['’]/iu;

/** A proper name found in a text. */
export interface NameMention {
  /** The name as written (possessive and elision removed). */
  text: string;
  /** Folded form, for comparisons. */
  key: string;
  start: number;
  end: number;
  /** Set when the name is a form of an alias entry (it then matches any form of that entry). */
  alias?: AliasEntry;
  /** For a multi-word name ("Wall Street Journal"), its words: each is looked for on the other side. */
  parts?: NameMention[];
}

/** What name extraction needs to know about the documents: which words are written capitalised mid-sentence. */
export interface NameContext {
  /** Tokens seen capitalised in a non-initial position of a body sentence, in either document. */
  capitalised: ReadonlySet<string>;
}

function isUpperInitial(s: string): boolean {
  return /^\p{Lu}/u.test(s);
}

function isCamel(s: string): boolean {
  return /^\p{Ll}+\p{Lu}/u.test(s);
}

function isAllCaps(s: string): boolean {
  const letters = s.replace(/[^\p{L}]/gu, '');
  return letters.length >= 2 && letters === letters.toUpperCase();
}

/**
 * Offsets of sentence starts: the paragraph start, after . ! ? … : ; (not the dot of initials: "U.S. President"),
 * after an opening quote or a dash.
 */
function initialPositions(text: string): Set<number> {
  const out = new Set<number>();
  const re = /(?:^|(?:(?<!(?:^|[\s.])\p{Lu})\.|[!?…:;])\s+|["«“„]\s*|\s[-–—]\s+)(?=[\p{L}\p{N}])/gu;
  for (const m of text.matchAll(re)) out.add(m.index + m[0].length);
  return out;
}

interface RawToken {
  text: string;
  start: number;
  end: number;
  initial: boolean;
}

/** Word tokens with elisions and possessives removed and hyphenated compounds split. */
function rawTokens(text: string): RawToken[] {
  const initials = initialPositions(text);
  const out: RawToken[] = [];
  for (const m of text.matchAll(TOKEN)) {
    let word = m[0];
    let start = m.index;
    const initial = initials.has(start);
    const el = ELISION.exec(word);
    let afterElision = false;
    if (el && word.length > el[0].length) {
      word = word.slice(el[0].length);
      start += el[0].length;
      afterElision = true;
    }
    word = word.replace(/['’]s?$/u, '').replace(/['’]s$/u, '');
    if (/^(?:\p{Lu}\.){2,}$/u.test(word)) {
      out.push({ text: word, start, end: start + word.length, initial: initial && !afterElision });
      continue;
    }
    // Hyphenated compounds: each part on its own (ChatGPT-owner → ChatGPT, owner).
    let offset = 0;
    for (const part of word.split(/(?<=[\p{L}\p{N}])-(?=[\p{L}\p{N}])/u)) {
      const s = start + offset;
      out.push({ text: part.replace(/['’]s$/u, ''), start: s, end: s + part.length, initial: initial && !afterElision && offset === 0 });
      offset += part.length + 1;
    }
  }
  return out;
}

/** Tokens written capitalised in a non-initial position: what the document itself treats as names. */
export function capitalisedWords(texts: Iterable<string>): Set<string> {
  const out = new Set<string>();
  for (const text of texts) {
    for (const t of rawTokens(text)) {
      if (!t.initial && (isUpperInitial(t.text) || isCamel(t.text)) && !FUNCTION_WORDS.has(foldString(t.text))) out.add(t.text);
    }
  }
  return out;
}

/** An alias occurrence in a text. */
interface AliasHit {
  start: number;
  end: number;
  alias: AliasEntry;
  text: string;
}

/** Finds alias forms in a text, longest first, own language before the other, without overlaps. */
function aliasHits(text: string, toks: readonly Tok[], language: 'en' | 'fr', aliases: Aliases): AliasHit[] {
  const hits: AliasHit[] = [];
  for (let i = 0; i < toks.length; i++) {
    const candidates = aliases.byFirst.get(toks[i]!.key);
    if (!candidates) continue;
    let best: AliasForm | undefined;
    for (const f of candidates) {
      if (!matchesAt(toks, i, f)) continue;
      if (!best || f.tokens.length > best.tokens.length || (f.tokens.length === best.tokens.length && f.language === language && best.language !== language)) best = f;
    }
    if (!best) continue;
    const last = toks[i + best.tokens.length - 1]!;
    hits.push({ start: toks[i]!.start, end: last.end, alias: best.alias, text: text.slice(toks[i]!.start, last.end) });
    i += best.tokens.length - 1;
  }
  return hits;
}

/** Whether the all-capital token belongs to a heading ("SURVEILLANCE DE MASSE"), not an acronym. */
function inCapsHeading(tokens: readonly RawToken[], i: number): boolean {
  let a = i;
  let b = i;
  while (a > 0 && isAllCaps(tokens[a - 1]!.text) && !/^(?:\p{Lu}\.){2,}$/u.test(tokens[a - 1]!.text)) a--;
  while (b < tokens.length - 1 && isAllCaps(tokens[b + 1]!.text) && !/^(?:\p{Lu}\.){2,}$/u.test(tokens[b + 1]!.text)) b++;
  if (b === a) return false;
  return tokens.slice(a, b + 1).some((t) => t.text.replace(/[^\p{L}]/gu, '').length >= 5);
}

export interface FindNamesOptions {
  /** Title-case headlines capitalise every word: only words the documents capitalise elsewhere count as names there. */
  titleCase?: boolean;
}

/**
 * Finds the proper names of a text: alias forms (capitalised occurrences), acronyms, camel-case brands (xAI), and
 * capitalised words that do not open a sentence — or that open one but are capitalised elsewhere in the documents.
 * Not names: RIC codes (PLTR.O), months and days, function words, wire slugs, all-capital headings.
 * @param text paragraph text
 * @param language `en` or `fr`
 */
export function findNames(text: string, language: string, aliases: Aliases, context: NameContext, options: FindNamesOptions = {}): NameMention[] {
  const l = language === 'en' ? 'en' : 'fr';
  const masks: [number, number][] = [];
  for (const m of text.matchAll(RIC)) masks.push([m.index, m.index + m[0].length]);
  const hits = aliasHits(text, matchTokens(text), l, aliases).filter((h) => masks.every(([s, e]) => h.end <= s || e <= h.start));
  const initials = initialPositions(text);
  const out: NameMention[] = [];
  for (const h of hits) {
    masks.push([h.start, h.end]);
    // Only written-as-a-name occurrences count: "américains" is an adjective, "Américains" a name.
    if (!/\p{Lu}/u.test(h.text)) continue;
    if (initials.has(h.start) && h.alias.kind === 'title' && !context.capitalised.has(h.text.split(/\s+/)[0]!)) continue;
    out.push({ text: h.text, key: foldString(h.text), start: h.start, end: h.end, alias: h.alias });
  }
  const tokens = rawTokens(text);
  tokens.forEach((t, i) => {
    if (masks.some(([s, e]) => t.start < e && s < t.end)) return;
    const word = t.text;
    if (!/\p{L}/u.test(word)) return;
    const key = foldString(word);
    const dotted = /^(?:\p{Lu}\.){2,}$/u.test(word);
    if (!dotted && !isUpperInitial(word) && !isCamel(word)) return;
    if (FUNCTION_WORDS.has(key) || CALENDAR.has(key.replace(/\.$/, '')) || NOT_NAMES.has(key)) return;
    if (word.replace(/[^\p{L}]/gu, '').length < 2 && !dotted) return;
    const caps = isAllCaps(word);
    if (caps && !dotted && inCapsHeading(tokens, i)) return;
    const known = context.capitalised.has(word);
    if (!caps && !isCamel(word) && !dotted) {
      if ((t.initial || options.titleCase) && !known) return;
    }
    out.push({ text: word, key, start: t.start, end: t.end });
  });
  return runs(text, out.sort((a, b) => a.start - b.start));
}

/**
 * Joins words of one name written side by side ("Wall Street Journal", "Sam Altman") so that a finding names the
 * whole name once; its words stay in `parts`, since a translation may keep part of a name ("Altman" for "Sam Altman").
 */
function runs(text: string, names: NameMention[]): NameMention[] {
  const out: NameMention[] = [];
  for (const n of names) {
    const prev = out[out.length - 1];
    const glued = prev && !prev.alias && !n.alias && /^ $/u.test(text.slice(prev.end, n.start));
    if (!glued) {
      out.push(n);
      continue;
    }
    const parts = prev.parts ?? [{ ...prev }];
    const joined = text.slice(prev.start, n.end);
    out[out.length - 1] = { text: joined, key: foldString(joined), start: prev.start, end: n.end, parts: [...parts, n] };
  }
  return out;
}

/** A text prepared for presence checks. */
export interface Haystack {
  text: string;
  tokens: Tok[];
  /** Positions of each folded key. */
  at: Map<string, number[]>;
}

/** Prepares a text for `hasName`. */
export function haystack(text: string): Haystack {
  const tokens = matchTokens(text);
  const at = new Map<string, number[]>();
  tokens.forEach((t, i) => {
    const list = at.get(t.key);
    if (list) list.push(i);
    else at.set(t.key, [i]);
  });
  return { text, tokens, at };
}

function containsForm(hay: Haystack, form: AliasForm): boolean {
  const first = form.exact ? foldString(form.tokens[0]!) : form.tokens[0]!;
  return (hay.at.get(first) ?? []).some((i) => matchesAt(hay.tokens, i, form));
}

/**
 * Whether a name of one side appears in the text of the other: any form of its alias entry (both languages: names
 * are often kept untranslated), or the name itself, folded, with an optional plural `s` (taliban ↔ talibans).
 */
export function hasName(name: NameMention, other: Haystack, aliases: Aliases): boolean {
  const ids = new Set<string>();
  if (name.alias) ids.add(name.alias.id);
  // A word that is itself an alias form ("Pentagon" found outside the table's scan, e.g. inside a longer run).
  for (const f of aliases.byFirst.get(foldString(name.text.split(/[\s.'’-]/u)[0] ?? '')) ?? []) {
    const toks = matchTokens(name.text);
    if (toks.length === f.tokens.length && matchesAt(toks, 0, f)) ids.add(f.alias.id);
  }
  // A country and its people's adjective stand for each other: "China's foreign ministry" is "le ministère chinois
  // des Affaires étrangères", "Russia's economy" "l'économie russe" (corpora/aliases/places.jsonl pairs them by
  // code: country-cn, demonym-cn).
  for (const id of [...ids]) {
    const [kind, code] = id.split('-', 2);
    if (code !== undefined && (kind === 'country' || kind === 'demonym')) ids.add(`${kind === 'country' ? 'demonym' : 'country'}-${code}`);
  }
  for (const id of ids) for (const f of aliases.byAlias.get(id) ?? []) if (containsForm(other, f)) return true;
  const own = matchTokens(name.text).map((t) => t.key);
  const variants = [own, own.filter((k) => k !== '.')];
  const last = own.length - 1;
  if (last >= 0 && /\p{L}/u.test(own[last]!)) variants.push([...own.slice(0, last), `${own[last]}s`]);
  if (last >= 0 && own[last]!.endsWith('s') && own[last]!.length > 3) variants.push([...own.slice(0, last), own[last]!.slice(0, -1)]);
  for (const keys of variants) {
    if (keys.length === 0) continue;
    const seq: AliasForm = { alias: name.alias ?? ({} as AliasEntry), language: 'en', form: name.text, exact: false, tokens: keys };
    if (containsForm(other, seq)) return true;
  }
  // Dotted initials written without dots on the other side: "U.S." ↔ "US".
  const bare = own.filter((k) => k !== '.').join('');
  return own.includes('.') && (other.at.get(bare)?.length ?? 0) > 0;
}

/**
 * The words of a name that the other text lacks: none when the name (or, for a multi-word name, each of its words)
 * is there; for a run such as "Sam Altmann" against a text with "Sam Altman", just "Altmann".
 */
export function missingParts(name: NameMention, other: Haystack, aliases: Aliases): NameMention[] {
  if (hasName(name, other, aliases)) return [];
  if (!name.parts) return [name];
  return name.parts.filter((p) => !hasName(p, other, aliases));
}

/** Similarity of two names (1 − edit distance over the longer length), to tell a misspelling from a different name. */
export function nameSimilarity(a: string, b: string): number {
  const x = foldString(a);
  const y = foldString(b);
  const n = x.length;
  const m = y.length;
  if (Math.max(n, m) === 0) return 1;
  let prev = Array.from({ length: m + 1 }, (_, j) => j);
  for (let i = 1; i <= n; i++) {
    const cur = [i];
    for (let j = 1; j <= m; j++) cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (x[i - 1] === y[j - 1] ? 0 : 1));
    prev = cur;
  }
  return 1 - prev[m]! / Math.max(n, m);
}
