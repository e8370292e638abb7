// Word tokens with offsets, folded and reduced to comparison keys (lemma or Porter stem): shared by phrasing matching and alignment.
import porterFr from 'natural/lib/natural/stemmers/porter_stemmer_fr.js';

/** One word of a text, with where it lies in that text and the forms it is compared under. */
export interface WordToken {
  /** The word as written (soft hyphens and zero-width characters included). */
  text: string;
  /** 0-based UTF-16 offsets in the original text, end exclusive. */
  start: number;
  end: number;
  /** Lower-cased, accents stripped, ligatures expanded (œ → oe), invisible characters removed. */
  folded: string;
  /** Comparison key: the folded word's lemma for irregular function words, else its stem (see `tokenKey`). */
  key: string;
  /** Whether and how the word negates (see `Negation`). */
  negation: Negation;
}

/**
 * How a French word negates: 0 not at all; 1 the plain negation `ne`/`n'` or `pas`, either of which negates alone
 * ("n'a pu être joint", spoken "a pas répondu"); 2 a marker with a meaning of its own (jamais, rien, aucun, sans, ni,
 * guère, nullement, aucunement, non, faute); 3 a word that negates only in a wording that also holds a marker ("ne … plus",
 * "ne … personne", "ne … point"), elsewhere "plus" (more), "une personne", "le point".
 */
export type Negation = 0 | 1 | 2 | 3;

/**
 * French negation words as written (lower case, accents kept). Classified on the written word, not on its key: keys
 * fold accents and stem, so "né" has the key of "ne", "San" that of "sans", "nie" that of "ni".
 */
const PLAIN_NEGATION = new Set(['ne', 'n', 'pas']);
const NEGATION_MARKERS = new Set([
  'jamais', 'aucun', 'aucune', 'aucuns', 'aucunes', 'rien', 'sans', 'ni', 'guère', 'guere', 'nullement', 'aucunement', 'non',
  // "faute de" (for want of): "faute d'être autorisé à s'exprimer" is "n'étant pas autorisé", and without "faute" it
  // is "être autorisé". A noun elsewhere ("une faute"), which no formula should absorb into its span either.
  'faute',
]);
const NEGATION_PARTNERS = new Set(['plus', 'personne', 'point']);

/**
 * Negation words of the other languages a desk may add phrasings in, as written (lower case, NFC). Each is a marker
 * (class 2): a negated wording's match must hold it, and no other wording's match may take one in. Without them a
 * Spanish "respondió inmediatamente" matched the variant "no respondió inmediatamente" at 87 %, and its drift
 * suggestion reversed the meaning (review, 2026-12-07). The `t` of "didn't" (apostrophes split words) is marked in
 * `tokenizeWords`, where the apostrophe is seen: listed here, it was also the `t` of "AT&T".
 */
const OTHER_NEGATION: Readonly<Record<string, ReadonlySet<string>>> = {
  en: new Set(['not', 'no', 'never', 'without', 'none', 'nor', 'neither', 'cannot']),
  es: new Set(['no', 'nunca', 'jamás', 'jamas', 'ni', 'sin', 'ningún', 'ninguno', 'ninguna', 'nada', 'tampoco']),
  pt: new Set(['não', 'nao', 'nunca', 'jamais', 'nem', 'sem', 'nenhum', 'nenhuma', 'nada']),
  de: new Set(['nicht', 'kein', 'keine', 'keinen', 'keinem', 'keiner', 'keines', 'nie', 'niemals', 'ohne', 'weder', 'nichts']),
  it: new Set(['non', 'mai', 'senza', 'nessuno', 'nessuna', 'né', 'niente', 'nulla']),
};

/** Folded forms of the words above: most words are ruled out by their folded form, already at hand. */
const NEGATION_FOLDED = new Set(['ne', 'n', 'pas', ...NEGATION_MARKERS, ...NEGATION_PARTNERS].map((w) => w.normalize('NFD').replace(/[\u0300-\u036f]/g, '')));

/**
 * The negation class of a French word as written (see `Negation`).
 * @param word the word as written
 * @param folded its folded form (`foldWord`), when at hand
 */
export function negationClass(word: string, folded = foldWord(word)): Negation {
  if (!NEGATION_FOLDED.has(folded)) return 0;
  const w = word.replace(INVISIBLE, '').toLowerCase().normalize('NFC');
  return PLAIN_NEGATION.has(w) ? 1 : NEGATION_MARKERS.has(w) ? 2 : NEGATION_PARTNERS.has(w) ? 3 : 0;
}

/**
 * A word is a run of letters, combining marks and digits, possibly with soft hyphens or zero-width characters inside
 * (scraped wire copy carries them: provenance-evidence.md §3.5). Apostrophes and hyphens split words, so the elided
 * "n'a" gives `n`, `a` whichever apostrophe was typed, and "porte-parole" matches "porte parole". Everything else
 * (punctuation, quotes, brackets) is not a word: the OmegaT-style score counts words only.
 */
const WORD = /[\p{L}\p{M}\p{N}](?:[\p{L}\p{M}\p{N}\u00ad\u200b-\u200d\u2060]*[\p{L}\p{M}\p{N}])?/gu;
const INVISIBLE = /[\u00ad\u200b-\u200d\u2060]/gu;

/** A stemmer as natural exports it. */
interface Stemmer {
  stem(token: string): string;
}

/*
 * natural is CommonJS and its package root loads wordnet, database drivers and dotenv banners that print to stdout
 * (~886 ms, node-ecosystem-and-style.md §2.3): only the French Porter stemmer's own file is imported. Statically, so
 * that the bundled command line carries it in its code cache: every `check` stems (phrasings are matched on every
 * run), and requiring it from node_modules at run time cost 4 ms of start-up (measured, 2026-11-24).
 */
function frenchStemmer(): Stemmer {
  return porterFr;
}

/**
 * Irregular French function words the stemmer leaves apart, mapped to one lemma so that "a refusé" and "ont refusé",
 * "la demande" and "le rapport", "n'était pas" and "n'est pas" compare equal. Keys are folded (no accents): the
 * lookup happens after folding, so "était" and "ETAIT" meet. "a" is both the verb (has) and the folded preposition
 * "à": they share the lemma `avoir`, which only matters inside a phrasing, where the neighbours decide.
 */
const LEMMAS: Record<string, string> = {
  a: 'avoir', ai: 'avoir', as: 'avoir', avons: 'avoir', avez: 'avoir', ont: 'avoir', avait: 'avoir', avaient: 'avoir',
  avais: 'avoir', aura: 'avoir', auront: 'avoir', aurait: 'avoir', auraient: 'avoir', eu: 'avoir', ayant: 'avoir',
  avoir: 'avoir', aie: 'avoir', ait: 'avoir', aient: 'avoir', eut: 'avoir', eurent: 'avoir',
  est: 'etre', sont: 'etre', etait: 'etre', etaient: 'etre', sera: 'etre', seront: 'etre', serait: 'etre',
  seraient: 'etre', ete: 'etre', etant: 'etre', etre: 'etre', soit: 'etre', soient: 'etre', fut: 'etre',
  furent: 'etre', suis: 'etre', sommes: 'etre', etes: 'etre',
  fait: 'faire', font: 'faire', faisait: 'faire', faisaient: 'faire', fera: 'faire', feront: 'faire', faire: 'faire',
  dit: 'dire', disent: 'dire', disait: 'dire', disaient: 'dire', dira: 'dire', dire: 'dire', dite: 'dire', dits: 'dire',
  peut: 'pouvoir', peuvent: 'pouvoir', pouvait: 'pouvoir', pouvaient: 'pouvoir', pu: 'pouvoir', pourra: 'pouvoir',
  pourrait: 'pouvoir', pouvoir: 'pouvoir',
  veut: 'vouloir', veulent: 'vouloir', voulait: 'vouloir', voulu: 'vouloir', vouloir: 'vouloir',
  le: 'le', la: 'le', les: 'le', l: 'le',
  un: 'un', une: 'un',
  ce: 'ce', cet: 'ce', cette: 'ce', ces: 'ce',
  son: 'son', sa: 'son', ses: 'son',
  leur: 'leur', leurs: 'leur',
  au: 'au', aux: 'au',
  // Elided forms meet their full forms: d'un / de, n'a / ne, qu'il / que, s'est / se, c'est / ce.
  d: 'de', de: 'de', n: 'ne', ne: 'ne', qu: 'que', que: 'que', s: 'se', se: 'se', c: 'ce', j: 'je', je: 'je',
  m: 'me', me: 'me', t: 'te', te: 'te',
};

/**
 * French function words (articles, auxiliaries, prepositions, pronouns, negation). A phrasing match must contain most
 * of a form's other, content, words (match.ts), and the index files forms under content words only
 * (shingle-index.ts). Turned into keys lazily with `tokenKey`, so the list stays in plain French.
 */
const STOP_WORDS = (
  "a à ont est sont été être avoir fait dit pu le la les l un une ce cet cette ces son sa ses leur leurs au aux de d " +
  "du des en et ou ne n pas plus se s que qu qui quoi dont y il ils elle elles on nous vous je j me m te t lui sur " +
  "dans par pour avec sans sous entre vers chez c ça si mais tout tous toute toutes mon ma mes ton ta tes notre votre " +
  "nos vos"
).split(' ');
let stopKeys: Set<string> | undefined;

/** Keys of articles and determiners (le, la, les, l', un, une, ce, cette, son, sa, leur…), lemmatised by `LEMMAS`. */
const ARTICLE_KEYS = new Set(['le', 'un', 'ce', 'son', 'leur']);

/** True for the key of an article or determiner: a formula's leading article depends on the sentence around it. */
export function isArticleKey(key: string): boolean {
  return ARTICLE_KEYS.has(key);
}

/**
 * How many leading keys are articles ("le propriétaire de ChatGPT" → 1). Phrasings are matched without them, since
 * "d'intelligence artificielle" and "l'intelligence artificielle" are the same wording in different sentences; a form
 * made only of articles keeps them all.
 */
export function leadingArticles(keys: readonly string[]): number {
  let i = 0;
  while (i < keys.length && isArticleKey(keys[i]!)) i++;
  return i === keys.length ? 0 : i;
}

/** Letters folded by hand before decomposition, as normalize.ts does (they do not decompose). */
const LIGATURES = /[\u0153\u00e6\u00df]/g;
const LIGATURE_FOLD: Record<string, string> = { '\u0153': 'oe', '\u00e6': 'ae', '\u00df': 'ss' };
const COMBINING = /[\u0300-\u036f]/g;

/**
 * Folds one word as normalize.ts's `foldString` does for letters (ligatures expanded, accents stripped, lower case)
 * and drops invisible characters, in one pass over the word rather than one per character: folding was a fifth of
 * the start-up profile (V8 CPU profile of loading the starter corpus).
 */
export function foldWord(word: string): string {
  if (/^[a-z0-9]*$/.test(word)) return word;
  if (/^[\x20-\x7e]*$/.test(word)) return word.toLowerCase();
  return word
    .replace(INVISIBLE, '')
    .toLowerCase()
    .replace(LIGATURES, (c) => LIGATURE_FOLD[c]!)
    .normalize('NFD')
    .replace(COMBINING, '');
}

/**
 * The French Porter stem of an already folded word, with three repairs for accent-free input.
 *
 * Stemming the folded word (not the accented one) makes keys identical whether or not the text kept its accents
 * ("SECURITE" and "sécurité" both give `securit`), at the price of the stemmer's accented suffix rules (-ée, -ière):
 * "déclarée" folds to "declaree" and stems to `declare`, not `declar`. The repairs give those endings back: a final
 * `e` (déclarée, refusée), a final `er` (financière → financier → `financi`, as financier), a participle or infinitive
 * in -ndu/-ndr (répondu, répondre → `repond`, as répond), and a third-person plural -ent the stemmer kept (refusent →
 * `refus`) when the word is longer than six letters (moment, client stay). Measured on the seeds' vocabulary and on
 * inflection sets in tests/reference/phrasings.test.ts.
 */
export function stemFrench(folded: string): string {
  let s = frenchStemmer().stem(folded);
  if (s === folded && folded.length > 6 && folded.endsWith('ent')) s = s.slice(0, -3);
  if (s.length > 2 && s.endsWith('e')) s = s.slice(0, -1);
  if (s.length > 4 && s.endsWith('er')) s = s.slice(0, -2);
  if (s.endsWith('ndu') || s.endsWith('ndr')) s = s.slice(0, -1);
  return s;
}

/** Folded form and key of a word as written, per language: a wire reuses its vocabulary, and stemming is the cost. */
const wordCache = new Map<string, { folded: string; key: string; negation: Negation }>();
const WORD_CACHE_LIMIT = 200_000;

function lookUp(word: string, language: string): { folded: string; key: string; negation: Negation } {
  const id = language === 'fr' ? word : `${language}\u0000${word}`;
  let hit = wordCache.get(id);
  if (hit === undefined) {
    const folded = foldWord(word);
    let key = folded;
    let negation: Negation = 0;
    if (language === 'fr') {
      key = frenchKey(folded);
      if (functionKeys().has(key) && !SHARED_KEYS.has(key) && !isFunctionSpelling(word, folded)) key += OWN_KEY;
      negation = negationClass(word, folded);
    } else if (OTHER_NEGATION[language]?.has(word.replace(INVISIBLE, '').toLowerCase().normalize('NFC'))) {
      negation = 2;
    }
    hit = { folded, key, negation };
    if (wordCache.size >= WORD_CACHE_LIMIT) wordCache.clear();
    wordCache.set(id, hit);
  }
  return hit;
}

/** The French key of a folded word before collisions are told apart: its lemma, else its stem (numbers as written). */
function frenchKey(folded: string): string {
  return LEMMAS[folded] ?? (/^\p{N}+$/u.test(folded) || folded === '' ? folded : stemFrench(folded));
}

/** Keys of the function words (`STOP_WORDS` and the lemmatised forms): what `isStopKey` tests. */
let functionKeySet: Set<string> | undefined;
function functionKeys(): Set<string> {
  functionKeySet ??= new Set([...STOP_WORDS.map((w) => frenchKey(foldWord(w))), ...Object.values(LEMMAS)]);
  return functionKeySet;
}

/** Folded function words: the lemmatised forms and the stop words. */
let functionFoldedSet: Set<string> | undefined;
function functionFolded(): Set<string> {
  functionFoldedSet ??= new Set([...STOP_WORDS.map(foldWord), ...Object.keys(LEMMAS)]);
  return functionFoldedSet;
}

/** Function words written with accents: they keep their key ("à" is `avoir`, as the folded "a"). */
const ACCENTED_FUNCTION_WORDS = new Set(['à', 'où', 'là', 'ça', 'çà', 'dès', 'été', 'être', 'était', 'étaient', 'étant', 'êtes', 'fût', 'eût']);

/**
 * Keys a content word may share with a function word, because one spelling is both: "entre" is the preposition and
 * the present of entrer ("la société entre en Bourse"), so entrer, entrée, entré keep the key of "entre". "uns",
 * "unes" are the pronouns "les uns", "les unes".
 */
const SHARED_KEYS = new Set(['entr', 'un']);

/** Appended to the key of a content word whose fold or stem is a function word's key ("sûr" → `sur~`, not `sur`). */
const OWN_KEY = '~';

/**
 * Whether a word as written is a function word: its folded form is one, and it was written without accents (or with
 * the accents of a function word: "à", "où", "été"). Written without accents, the function word wins: "SUR" is "sur".
 */
function isFunctionSpelling(word: string, folded: string): boolean {
  if (!functionFolded().has(folded)) return false;
  const lower = word.replace(INVISIBLE, '').toLowerCase().normalize('NFC');
  return lower === folded || ACCENTED_FUNCTION_WORDS.has(lower);
}

/**
 * Forgets cached folded forms and keys (they are recomputed on demand). For measurements of cold look-ups and for
 * long-running processes that check unrelated texts.
 */
export function clearWordCache(): void {
  wordCache.clear();
  formCache.clear();
}

/**
 * The comparison key of one word: folded, then the lemma of an irregular function word, else (French) its stem; other
 * languages get the folded word, since only the French stemmer is wired in. Cached.
 * @param word a word as written
 * @param language ISO 639-1 code of the text; `fr` (default) stems with natural's French Porter stemmer
 */
export function tokenKey(word: string, language = 'fr'): string {
  return lookUp(word, language).key;
}

/** True for the keys of function words (articles, auxiliaries, prepositions, pronouns, negation). */
export function isStopKey(key: string): boolean {
  stopKeys ??= new Set(STOP_WORDS.map((w) => frenchKey(foldWord(w))));
  return stopKeys.has(key);
}

/**
 * Splits a text into words with their offsets, folded forms and keys. Never throws; lone surrogates and control
 * characters are simply not words.
 * @param text any text
 * @param language ISO 639-1 code deciding the key function (see `tokenKey`)
 */
export function tokenizeWords(text: string, language = 'fr'): WordToken[] {
  const out: WordToken[] = [];
  for (const m of text.matchAll(WORD)) {
    const { folded, key, negation } = lookUp(m[0], language);
    if (folded === '') continue;
    // English n't ("didn't" is "didn" + "t"): that `t` negates. Not the `t` of "AT&T", hence the apostrophe test.
    const prev = out[out.length - 1];
    const nt = language === 'en' && folded === 't' && prev !== undefined && prev.folded.endsWith('n') && /^['’]$/u.test(text.slice(prev.end, m.index));
    out.push({ text: m[0], start: m.index, end: m.index + m[0].length, folded, key, negation: nt ? 2 : negation });
  }
  return language === 'fr' ? withoutInvertedSubjects(text, out) : out;
}

/** Subject pronouns French puts after its verb with a hyphen ("a-t-il indiqué", "dit-on", "ont-elles"). */
const INVERTED_SUBJECTS = new Set(['il', 'elle', 'on', 'ils', 'elles']);
const HYPHEN = /^[-\u2010\u2011]$/u;

/**
 * Drops inverted subject pronouns and their euphonic `t` ("a-t-il indiqué dans un communiqué" → "a indiqué dans un
 * communiqué"): the inversion after a quotation is the house's own reporting formula, and as separate words it read
 * as drift from "a indiqué dans un communiqué" (80 % match; editor review, 2026-12-07). Only a pronoun joined to the
 * previous word by a single hyphen goes, so "il a indiqué" and "Saint-Jean" keep every word.
 */
function withoutInvertedSubjects(text: string, tokens: WordToken[]): WordToken[] {
  let drop: Uint8Array | undefined;
  for (let i = 1; i < tokens.length; i++) {
    const t = tokens[i]!;
    const prev = tokens[i - 1]!;
    if (!INVERTED_SUBJECTS.has(t.folded) || !HYPHEN.test(text.slice(prev.end, t.start))) continue;
    drop ??= new Uint8Array(tokens.length);
    drop[i] = 1;
    // A euphonic `t` joined by hyphens on both sides: "a-t-il".
    const before = tokens[i - 2];
    if (prev.folded === 't' && before !== undefined && HYPHEN.test(text.slice(before.end, prev.start))) drop[i - 1] = 1;
  }
  return drop ? tokens.filter((_, i) => drop[i] === 0) : tokens;
}

/** Tokens of short texts (phrasing wordings), so that validating a corpus and indexing it tokenize each wording once. */
const formCache = new Map<string, readonly WordToken[]>();
const FORM_CACHE_LIMIT = 10_000;

/**
 * `tokenizeWords` for short, repeated texts such as phrasing wordings, cached (texts over 400 characters are not).
 * Callers must not modify the tokens.
 */
export function formTokens(text: string, language = 'fr'): readonly WordToken[] {
  if (text.length > 400) return tokenizeWords(text, language);
  const id = `${language}\u0000${text}`;
  let hit = formCache.get(id);
  if (hit === undefined) {
    hit = tokenizeWords(text, language);
    if (formCache.size >= FORM_CACHE_LIMIT) formCache.clear();
    formCache.set(id, hit);
  }
  return hit;
}

/** The keys of a text's words, in order (for phrasing forms and quick comparisons). */
export function wordKeys(text: string, language = 'fr'): string[] {
  return formTokens(text, language).map((t) => t.key);
}
