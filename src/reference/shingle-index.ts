// Inverted index of reference phrasings over stemmed word shingles, with prefix filtering: candidates per paragraph, never all-pairs.
import { resolve } from 'node:path';
import { defaultPhrasingsPath, loadPhrasings, type Phrasing } from './phrasings.js';
import { readPrebuiltIndex } from './prebuilt.js';
import { formTokens, isStopKey, leadingArticles } from './tokens.js';
import { StampedCache, stampOf } from '../util/stamp.js';

/** Whether a wording is approved house style or a known machine rendering. */
export type FormKind = 'canonical' | 'machine-variant';

/** One wording of one phrasing, reduced to key ids (a view on the index's flat arrays, see `formAt`). */
export interface IndexedForm {
  /** Index of its phrasing in `PhrasingIndex.phrasings`. */
  phrasing: number;
  kind: FormKind;
  /** The wording as written in the corpus. */
  text: string;
  /** Key ids of its words, in order, without leading articles (see `leadingArticles`). */
  keys: Int32Array;
  /** Whether the wording starts with an article, which a match may then take in from the text before it. */
  leadingArticle: boolean;
  /** Distinct key ids of its content words (all its words when it has only function words). */
  content: Int32Array;
  /** Its content words' key ids in order, repeats kept (all its words when it has only function words). */
  contentWords: Int32Array;
  /** How many of `content` a match must contain (see `requiredContent`). */
  required: number;
  /** 1 where `content[i]` is a name (capitalised in the wording): a match must contain every name. */
  mandatory: Uint8Array;
  /** Number of names among `content`. */
  names: number;
}

/**
 * A built index: build once per phrasing set (`buildPhrasingIndex`), look up once per paragraph (`candidateForms`).
 * Forms live in flat typed arrays (ranges `xStart[f] .. xStart[f+1]` of `xData`), so 50,000 phrasings cost a few
 * megabytes rather than one object per form (bench/phrasings.mjs).
 */
export interface PhrasingIndex {
  phrasings: readonly Phrasing[];
  /** Number of forms (canonical wordings and variants of every phrasing). */
  formCount: number;
  /** Forms of phrasing p are `formStart[p] .. formStart[p+1]`: canonical wordings first, then variants. */
  formStart: Int32Array;
  formPhrasing: Int32Array;
  /** 0 canonical, 1 machine variant. */
  formKind: Uint8Array;
  formLeadingArticle: Uint8Array;
  formRequired: Int32Array;
  formText: readonly string[];
  keyStart: Int32Array;
  keyData: Int32Array;
  contentStart: Int32Array;
  contentData: Int32Array;
  /** Parallel to `contentData`: 1 for names (see `IndexedForm.mandatory`). */
  contentMandatory: Uint8Array;
  formNames: Int32Array;
  contentWordStart: Int32Array;
  contentWordData: Int32Array;
  /**
   * Parallel to `keyData` and `contentWordData`: how many times the same key occurs earlier in the form, so that the
   * bag bounds of a look-up count repeats in one pass (`supplied`).
   */
  keyRank: Uint8Array;
  contentWordRank: Uint8Array;
  /**
   * 0 for a form without negation; for a negated form (one holding ne, pas, jamais, sans, aucun … see tokens.ts
   * `Negation`), 1 + how many plain negation words (`ne`, `pas`) a match must hold: as many as the form's `ne`, or its
   * `pas` when it has more (one for "n'a pas", which "n'a pu" and "a pas" both satisfy; none for "sans préavis"). A match of a negated form also holds its other
   * negation words, `negData[negStart[f] .. negStart[f+1])` (jamais, sans …, and with them plus, personne, point); a
   * match of any other form holds no negation marker (match.ts `keepsPolarity`).
   */
  formNegated: Uint8Array;
  negStart: Int32Array;
  negData: Int32Array;
  /** Key → key id. Keys of a paragraph that are not in the vocabulary cannot match anything. */
  vocabulary: ReadonlyMap<string, number>;
  /** 1 for key ids of function words. */
  keyStop: Uint8Array;
  /** Longest form, in words: bounds how far apart two words of one match can be. */
  maxFormLength: number;
  /** Unigram postings: every form filed under its prefix keys, `postingForms[postingStart[k] .. postingStart[k+1])`. */
  postingStart: Int32Array;
  postingForms: Int32Array;
  /**
   * Forms with one content word, or whose matches need hold only their names, filed under that word or their first
   * name (the unigram half of the shingle look-up).
   */
  singleStart: Int32Array;
  singleForms: Int32Array;
  /**
   * Pair postings: the other forms, filed under pairs of their content keys (see `buildPhrasingIndex`),
   * longest form first; `pairReach[p]` is the form's length in words, so a look-up stops at forms too short to hold
   * two words as far apart as the pair's.
   */
  pairSlot: PairTable;
  pairStart: Int32Array;
  pairForms: Int32Array;
  pairLength: Int32Array;
  /** Scratch space for look-ups (generation stamps), so a look-up allocates nothing per form. */
  scratch: {
    formStamp: Uint32Array;
    keyStamp: Uint32Array;
    keyCount: Int32Array;
    /** Upper bound of each returned form's similarity in the last look-up (`candidateBound`). */
    formBound: Float64Array;
    generation: number;
  };
}

/** Default lowest similarity of a match (match.ts `FindPhrasingsOptions.threshold`). */
export const DEFAULT_THRESHOLD = 0.6;

/**
 * Open-addressing hash table from an unordered pair of key ids to a slot number. A `Map` keyed by `a × V + b` would
 * box those numbers once V² passes 2³⁰ (30,000 keys) and cost a heap number per look-up.
 */
export class PairTable {
  private readonly first: Int32Array;
  private readonly second: Int32Array;
  private readonly slots: Int32Array;
  private readonly mask: number;
  /** Number of pairs held. */
  size = 0;

  /** @param capacity the most pairs it will hold */
  constructor(capacity: number) {
    let cap = 16;
    while (cap < capacity * 2) cap *= 2;
    this.first = new Int32Array(cap).fill(-1);
    this.second = new Int32Array(cap);
    this.slots = new Int32Array(cap);
    this.mask = cap - 1;
  }

  private find(a: number, b: number): number {
    const lo = a < b ? a : b;
    const hi = a < b ? b : a;
    let h = (Math.imul(lo, 0x9e3779b1) ^ Math.imul(hi + 0x7f4a7c15, 0x85ebca6b)) & this.mask;
    while (this.first[h] !== -1 && (this.first[h] !== lo || this.second[h] !== hi)) h = (h + 1) & this.mask;
    return h;
  }

  /** The slot of the pair {a, b}, or -1. */
  get(a: number, b: number): number {
    const h = this.find(a, b);
    return this.first[h] === -1 ? -1 : this.slots[h]!;
  }

  /** The table's arrays, for a prebuilt index (see prebuilt.ts). */
  dump(): { first: Int32Array; second: Int32Array; slots: Int32Array; size: number } {
    return { first: this.first, second: this.second, slots: this.slots, size: this.size };
  }

  /** A table from `dump()`'s arrays (taken, not copied). */
  static restore(first: Int32Array, second: Int32Array, slots: Int32Array, size: number): PairTable {
    const table = Object.create(PairTable.prototype) as PairTable;
    Object.assign(table, { first, second, slots, mask: first.length - 1, size });
    return table;
  }

  /** The slot of the pair {a, b}, given the next free slot number if it is new. */
  add(a: number, b: number): number {
    const h = this.find(a, b);
    if (this.first[h] === -1) {
      this.first[h] = a < b ? a : b;
      this.second[h] = a < b ? b : a;
      this.slots[h] = this.size++;
    }
    return this.slots[h]!;
  }
}

/**
 * Content words a match must contain out of `c`: all of them up to three, then all but one in four. The test is part
 * of what a match is (match.ts), so filing each form under its `c − required + 1` rarest content keys loses nothing:
 * a span missing all of those would miss more than `c − required` content words (prefix filtering, as in
 * set-similarity joins). It is also what keeps "a déclaré à l'AFP" from matching "a déclaré à Reuters", or "après des
 * mois de négociations" from matching "après les heures de négociation", at 0.6 (both seen on the seeds with a laxer
 * one-in-three rule).
 */
export function requiredContent(c: number): number {
  // Names come on top: see `IndexedForm.mandatory` and `buildPhrasingIndex`.
  return c - Math.floor(c / 4);
}

/**
 * A word written with a capital in a wording is a name (Reuters, ChatGPT, Palantir, Otan, NSA): a match must contain
 * it. Without this, "selon un porte-parole de Renault" would match any "selon un porte-parole de …" at 0.83, and a
 * term base with a thousand such entries would pull all of them for every paragraph that quotes a spokesperson
 * (measured with bench/phrasings.mjs). Wordings are written in lower case otherwise (docs/references.md).
 */
const NAME = /^\p{Lu}/u;

/** Language whose key function a phrasing's forms are keyed with (`any` is keyed as French). */
function keyLanguage(p: Phrasing): string {
  return p.language === 'any' ? 'fr' : p.language;
}

/** A growable Int32Array, for the flat form arrays. */
class IntList {
  data = new Int32Array(1024);
  length = 0;
  push(v: number): void {
    if (this.length === this.data.length) {
      const next = new Int32Array(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length++] = v;
  }
  done(): Int32Array {
    return this.data.slice(0, this.length);
  }
}

/**
 * Builds the inverted index. Every form (canonical wordings and variants) becomes key ids — folded, stemmed words,
 * i.e. 1-word shingles: longer shingles would lose matches, since at a 0.6 threshold a five-word formula may differ in
 * two words and share no bigram with its occurrence (q-gram lemma). Each form is filed only under its rarest content
 * keys (rarity = number of forms with that key), so a common word in a paragraph ("marché", "déclaré") pulls few forms
 * and look-up cost stays flat as the corpus grows (bench/phrasings.mjs: 50,000 phrasings). Linear in the corpus size.
 * @param phrasings loaded entries (`loadPhrasings`)
 */
export function buildPhrasingIndex(phrasings: readonly Phrasing[]): PhrasingIndex {
  const vocabulary = new Map<string, number>();
  const stop: number[] = [];
  const idOf = (k: string): number => {
    let id = vocabulary.get(k);
    if (id === undefined) {
      id = vocabulary.size;
      vocabulary.set(k, id);
      stop.push(isStopKey(k) ? 1 : 0);
    }
    return id;
  };
  const formStart = new Int32Array(phrasings.length + 1);
  const phrasingOf = new IntList();
  const kind = new IntList();
  const leading = new IntList();
  const required = new IntList();
  const text: string[] = [];
  const keyStart = new IntList();
  const keyData = new IntList();
  const contentStart = new IntList();
  const contentData = new IntList();
  const contentMandatory = new IntList();
  const names = new IntList();
  const wordStart = new IntList();
  const wordData = new IntList();
  const negated = new IntList();
  const negStart = new IntList();
  const negData = new IntList();
  negStart.push(0);
  keyStart.push(0);
  contentStart.push(0);
  wordStart.push(0);
  const seen = new Set<number>();
  phrasings.forEach((p, pi) => {
    const lang = keyLanguage(p);
    const add = (form: string, k: number): void => {
      const tokens = formTokens(form, lang);
      if (tokens.length === 0) return;
      const skip = leadingArticles(tokens.map((t) => t.key));
      const from = keyData.length;
      for (let i = skip; i < tokens.length; i++) keyData.push(idOf(tokens[i]!.key));
      const to = keyData.length;
      let hasContent = false;
      for (let i = from; i < to; i++) if (!stop[keyData.data[i]!]) hasContent = true;
      seen.clear();
      let distinct = 0;
      let named = 0;
      const firstContent = contentData.length;
      for (let i = from; i < to; i++) {
        const id = keyData.data[i]!;
        if (hasContent && stop[id]) continue;
        wordData.push(id);
        // A capitalised content word of the wording (Reuters, ChatGPT, Otan, NSA) is a name: mandatory.
        const name = NAME.test(tokens[skip + i - from]!.text) ? 1 : 0;
        if (!seen.has(id)) {
          seen.add(id);
          contentData.push(id);
          contentMandatory.push(name);
          named += name;
          distinct++;
        } else if (name) {
          for (let c = firstContent; c < contentData.length; c++) {
            if (contentData.data[c] === id && contentMandatory.data[c] === 0) {
              contentMandatory.data[c] = 1;
              named++;
            }
          }
        }
      }
      // Negation words, as written: a negated form is matched with its negation (ne … pas, ne … plus, sans).
      let ne = 0;
      let pas = 0;
      let marked = false;
      for (let i = skip; i < tokens.length; i++) {
        const t = tokens[i]!;
        if (t.negation === 1 && t.folded === 'pas') pas++;
        else if (t.negation === 1) ne++;
        if (t.negation === 1 || t.negation === 2) marked = true;
      }
      if (marked) for (let i = skip; i < tokens.length; i++) if (tokens[i]!.negation >= 2) negData.push(keyData.data[from + i - skip]!);
      negated.push(marked ? 1 + Math.max(ne, pas) : 0);
      negStart.push(negData.length);
      keyStart.push(to);
      contentStart.push(contentData.length);
      wordStart.push(wordData.length);
      phrasingOf.push(pi);
      kind.push(k);
      leading.push(skip > 0 ? 1 : 0);
      required.push(Math.max(requiredContent(distinct), named));
      names.push(named);
      text.push(form);
    };
    for (const c of p.canonical) add(c, 0);
    for (const v of p.variants) add(v, 1);
    formStart[pi + 1] = text.length;
  });
  const formCount = text.length;
  const content = contentData.done();
  const mandatory = Uint8Array.from(contentMandatory.done());
  const cStart = contentStart.done();
  const req = required.done();
  const nameCount = names.done();
  // Rarity of each key: the number of forms holding it (ties by id, for determinism).
  const frequency = new Int32Array(vocabulary.size);
  for (const k of content) frequency[k]!++;
  /**
   * A form's content keys, names first, then by rarity (ties by id): the order prefixes take. Insertion sort: forms
   * have a handful of content words, and a comparator sort was a tenth of a cold start (V8 profile).
   */
  const ranked = (f: number): number[] => {
    const keys: number[] = [];
    const named: number[] = [];
    for (let c = cStart[f]!; c < cStart[f + 1]!; c++) {
      const k = content[c]!;
      const m = mandatory[c]!;
      let i = keys.length;
      keys.push(k);
      named.push(m);
      while (i > 0) {
        const pk = keys[i - 1]!;
        const pm = named[i - 1]!;
        if (pm > m || (pm === m && (frequency[pk]! < frequency[k]! || (frequency[pk] === frequency[k] && pk < k)))) break;
        keys[i] = pk;
        named[i] = pm;
        i--;
      }
      keys[i] = k;
      named[i] = m;
    }
    return keys;
  };
  const rankedOf: number[][] = new Array(formCount);
  for (let f = 0; f < formCount; f++) rankedOf[f] = ranked(f);

  // Each form's prefix: one name if it has any (a match holds every name), else its c − r + 1 rarest content keys.
  const postingStart = new Int32Array(vocabulary.size + 1);
  const prefixes: number[][] = new Array(formCount);
  for (let f = 0; f < formCount; f++) {
    const keys = rankedOf[f]!;
    const prefix = nameCount[f]! > 0 ? keys.slice(0, 1) : keys.slice(0, keys.length - req[f]! + 1);
    prefixes[f] = prefix;
    for (const k of prefix) postingStart[k + 1]!++;
  }
  for (let k = 0; k < vocabulary.size; k++) postingStart[k + 1]! += postingStart[k]!;
  const postingForms = new Int32Array(postingStart[vocabulary.size]!);
  const fill = postingStart.slice(0, vocabulary.size);
  for (let f = 0; f < formCount; f++) for (const k of prefixes[f]!) postingForms[fill[k]!++] = f;

  // Shingle postings. A form with one content word, or whose matches need hold nothing but its names, is filed under
  // its first name or its word. A form with c ≥ 2 content words and no name, of which a match holds r ≥ 2, is filed
  // under every pair of its c − r + 2 rarest ones: a match misses at most c − r of them, so it holds two of those, at
  // most `maxLength − 1` words apart. A form with names whose matches must also hold other words is filed under its
  // first name paired with each of its c − r + 1 rarest other words, of which a match holds one: filed under the name
  // alone, the near-copies of a formula that names Reuters were all visited by every paragraph naming Reuters
  // (1,374 forms per such paragraph in bench/phrasings.mjs).
  const V = vocabulary.size;
  const singleStart = new Int32Array(V + 1);
  const pairsOf: number[][] = new Array(formCount);
  let pairTotal = 0;
  for (let f = 0; f < formCount; f++) {
    const c = cStart[f + 1]! - cStart[f]!;
    const named = nameCount[f]!;
    if (c === 1 || (named > 0 && req[f]! <= named)) {
      singleStart[prefixes[f]![0]! + 1]!++;
      continue;
    }
    const pairs: number[] = [];
    if (named > 0) {
      // `ranked` puts names first; a match misses only other words, at most c − r of them.
      const name = rankedOf[f]![0]!;
      for (const k of rankedOf[f]!.slice(named, named + c - req[f]! + 1)) pairs.push(name, k);
    } else {
      const top = rankedOf[f]!.slice(0, Math.min(c, c - req[f]! + 2));
      for (let i = 0; i < top.length; i++) for (let j = i + 1; j < top.length; j++) pairs.push(top[i]!, top[j]!);
    }
    pairsOf[f] = pairs;
    pairTotal += pairs.length / 2;
  }
  for (let k = 0; k < V; k++) singleStart[k + 1]! += singleStart[k]!;
  const singleForms = new Int32Array(singleStart[V]!);
  const singleFill = singleStart.slice(0, V);
  const pairSlot = new PairTable(pairTotal);
  const slotCount: number[] = [];
  for (const pairs of pairsOf) {
    if (pairs === undefined) continue;
    for (let i = 0; i < pairs.length; i += 2) {
      const slot = pairSlot.add(pairs[i]!, pairs[i + 1]!);
      slotCount[slot] = (slotCount[slot] ?? 0) + 1;
    }
  }
  const pairStart = new Int32Array(pairSlot.size + 1);
  for (let slot = 0; slot < pairSlot.size; slot++) pairStart[slot + 1] = pairStart[slot]! + slotCount[slot]!;
  const pairForms = new Int32Array(pairStart[pairSlot.size]!);
  const pairFill = pairStart.slice(0, pairSlot.size);
  const pairLength = new Int32Array(pairForms.length);
  const lengthOf = (f: number): number => keyStart.data[f + 1]! - keyStart.data[f]!;
  let maxFormLength = 0;
  // Longest forms first, so that each pair's postings are sorted by length, descending.
  const byLength = Array.from({ length: formCount }, (_, f) => f).sort((a, b) => lengthOf(b) - lengthOf(a) || a - b);
  for (const f of byLength) {
    const n = lengthOf(f);
    maxFormLength = Math.max(maxFormLength, n);
    const pairs = pairsOf[f];
    if (pairs === undefined) continue;
    for (let i = 0; i < pairs.length; i += 2) {
      const at = pairFill[pairSlot.get(pairs[i]!, pairs[i + 1]!)]!++;
      pairForms[at] = f;
      pairLength[at] = n;
    }
  }
  for (let f = 0; f < formCount; f++) if (pairsOf[f] === undefined) singleForms[singleFill[prefixes[f]![0]!]!++] = f;
  return {
    phrasings,
    formCount,
    formStart,
    formPhrasing: phrasingOf.done(),
    formKind: Uint8Array.from(kind.done()),
    formLeadingArticle: Uint8Array.from(leading.done()),
    formRequired: req,
    formText: text,
    keyStart: keyStart.done(),
    keyData: keyData.done(),
    contentStart: cStart,
    contentData: content,
    contentMandatory: mandatory,
    formNames: nameCount,
    contentWordStart: wordStart.done(),
    contentWordData: wordData.done(),
    keyRank: repeatRanks(keyStart.done(), keyData.done()),
    contentWordRank: repeatRanks(wordStart.done(), wordData.done()),
    formNegated: Uint8Array.from(negated.done()),
    negStart: negStart.done(),
    negData: negData.done(),
    vocabulary,
    keyStop: Uint8Array.from(stop),
    maxFormLength,
    postingStart,
    postingForms,
    singleStart,
    singleForms,
    pairSlot,
    pairStart,
    pairForms,
    pairLength,
    scratch: {
      formStamp: new Uint32Array(formCount),
      keyStamp: new Uint32Array(V),
      keyCount: new Int32Array(V),
      formBound: new Float64Array(formCount),
      generation: 0,
    },
  };
}

/** Form `f` of the index as an object (views on the flat arrays, no copy). */
export function formAt(index: PhrasingIndex, f: number): IndexedForm {
  return {
    phrasing: index.formPhrasing[f]!,
    kind: index.formKind[f] === 0 ? 'canonical' : 'machine-variant',
    text: index.formText[f]!,
    keys: index.keyData.subarray(index.keyStart[f]!, index.keyStart[f + 1]!),
    leadingArticle: index.formLeadingArticle[f] === 1,
    content: index.contentData.subarray(index.contentStart[f]!, index.contentStart[f + 1]!),
    contentWords: index.contentWordData.subarray(index.contentWordStart[f]!, index.contentWordStart[f + 1]!),
    required: index.formRequired[f]!,
    mandatory: index.contentMandatory.subarray(index.contentStart[f]!, index.contentStart[f + 1]!),
    names: index.formNames[f]!,
  };
}

/** Key ids of a paragraph's keys; -1 for keys no phrasing has (they never equal a form key). */
export function encodeKeys(index: PhrasingIndex, keys: readonly string[]): Int32Array {
  return Int32Array.from(keys, (k) => index.vocabulary.get(k) ?? -1);
}

/** Options of `candidateForms`. */
export interface CandidateOptions {
  /** The look-up's similarity threshold (default 0.6): it bounds how long a match can be, hence how far apart its words are. */
  threshold?: number;
  /** Keep only forms of phrasings it accepts (language). */
  accept?: (phrasing: number) => boolean;
  /** Force one look-up (tests and measurements); default `auto`, the one that visits fewer postings. */
  lookup?: 'auto' | 'unigram' | 'shingle';
}

/** For ranges `start[f] .. start[f+1]` of `data`: how many times each entry's value occurs earlier in its range (capped at 255). */
function repeatRanks(start: Int32Array, data: Int32Array): Uint8Array {
  const rank = new Uint8Array(data.length);
  for (let f = 0; f + 1 < start.length; f++) {
    for (let i = start[f]!; i < start[f + 1]!; i++) {
      let before = 0;
      for (let j = start[f]!; j < i; j++) if (data[j] === data[i]) before++;
      rank[i] = Math.min(255, before);
    }
  }
  return rank;
}

/**
 * How many of `data[from .. to)` the paragraph can supply, repeats counted against the paragraph's own counts
 * (`count[k]`, valid where `stamp[k] === g`; `rank` from `repeatRanks`).
 */
function supplied(data: Int32Array, rank: Uint8Array, from: number, to: number, stamp: Uint32Array, count: Int32Array, g: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const k = data[i]!;
    if (stamp[k] === g && rank[i]! < count[k]!) n++;
  }
  return n;
}

/**
 * Whether form f can match the paragraph stamped with generation g, and if so the highest similarity any match of it
 * can reach there (else -1): `required` content keys present, every name among them, and the bag bounds. A match
 * pairs at most n − u of the form's n words with equal words of its span, u being the form words the paragraph cannot
 * supply (counted), and its similarity is at most that many over max(n, span): (n − u) / n. (Each swap of two
 * neighbours costs one edit and pairs two equal words, so it cannot beat that: similarity = (z + t − min(ins, del)) /
 * max(n, span) ≤ (z + 2t) / n for z equal words and t swaps.) The content words supplied bound match.ts's content
 * overlap. Exact consequences of match.ts's tests, so still lossless.
 */
function admits(index: PhrasingIndex, f: number, g: number, threshold: number): number {
  const { contentStart, contentData, contentMandatory, keyStart, keyData, keyRank, contentWordStart, contentWordData, contentWordRank } = index;
  const stamp = index.scratch.keyStamp;
  const count = index.scratch.keyCount;
  let present = 0;
  let names = 0;
  for (let c = contentStart[f]!, ce = contentStart[f + 1]!; c < ce; c++) {
    if (stamp[contentData[c]!] === g) {
      present++;
      names += contentMandatory[c]!;
    }
  }
  if (present < index.formRequired[f]! || names !== index.formNames[f]!) return -1;
  const n = keyStart[f + 1]! - keyStart[f]!;
  const u = n - supplied(keyData, keyRank, keyStart[f]!, keyStart[f + 1]!, stamp, count, g);
  const bound = (n - u) / n;
  if (bound < threshold - 1e-12) return -1;
  const cw = contentWordStart[f + 1]! - contentWordStart[f]!;
  if (cw > 0 && supplied(contentWordData, contentWordRank, contentWordStart[f]!, contentWordStart[f + 1]!, stamp, count, g) / cw < threshold - 1e-12) return -1;
  return bound;
}

/**
 * Forms that may occur in a paragraph, in one of two lossless ways, whichever visits fewer postings:
 * - shingles: the paragraph's content words (single-word and named forms) and its pairs of content words close
 *   enough to lie in one match of a form holding both (other forms; skip-gram word shingles);
 * - unigrams: every form filed under one of the paragraph's words (prefix filtering).
 * Either way a form is kept when `required` of its content keys, names included, occur in the paragraph, and when the
 * paragraph's words, counted, could give it the threshold (`admits`). Lossless for match.ts's definition of a match
 * (tests/reference/index.test.ts compares both ways with a scan of every form).
 * @param index built index
 * @param paragraph the paragraph's key ids (`encodeKeys`)
 * @returns form indices, ascending
 */
export function candidateForms(index: PhrasingIndex, paragraph: Int32Array, options: CandidateOptions = {}): number[] {
  const s = index.scratch;
  s.generation = (s.generation + 1) >>> 0;
  if (s.generation === 0) {
    s.formStamp.fill(0);
    s.keyStamp.fill(0);
    s.generation = 1;
  }
  const g = s.generation;
  const raw = options.threshold ?? DEFAULT_THRESHOLD;
  const threshold = Number.isFinite(raw) ? Math.min(1, Math.max(0.05, raw)) : DEFAULT_THRESHOLD;
  const accept = options.accept;
  const { postingStart, postingForms, singleStart, keyStop } = index;
  const formStamp = s.formStamp;
  const formBound = s.formBound;
  const out: number[] = [];

  const distinct: number[] = [];
  let unigramVisits = 0;
  let singleVisits = 0;
  for (const k of paragraph) {
    if (k < 0) continue;
    if (s.keyStamp[k] !== g) {
      s.keyStamp[k] = g;
      s.keyCount[k] = 0;
      distinct.push(k);
      unigramVisits += postingStart[k + 1]! - postingStart[k]!;
      singleVisits += singleStart[k + 1]! - singleStart[k]!;
    }
    s.keyCount[k]!++;
  }
  // Content words of the paragraph by position, and how many pairs of them lie within reach of each other.
  const reach = Math.floor(index.maxFormLength / threshold + 1e-9) - 1;
  const at: number[] = [];
  for (let i = 0; i < paragraph.length; i++) {
    const k = paragraph[i]!;
    if (k >= 0 && !keyStop[k]) at.push(i);
  }
  let pairs = 0;
  for (let i = 0, j = 0; i < at.length; i++) {
    while (j < at.length && at[j]! - at[i]! <= reach) j++;
    pairs += j - i - 1;
  }

  const lookup = options.lookup ?? 'auto';
  const visit = (f: number): void => {
    if (formStamp[f] === g) return;
    formStamp[f] = g;
    if (accept !== undefined && !accept(index.formPhrasing[f]!)) return;
    const bound = admits(index, f, g, threshold);
    if (bound < 0) return;
    formBound[f] = bound;
    out.push(f);
  };
  if (lookup === 'unigram' || (lookup === 'auto' && unigramVisits <= singleVisits + pairs)) {
    for (const k of distinct) for (let p = postingStart[k]!, end = postingStart[k + 1]!; p < end; p++) visit(postingForms[p]!);
  } else {
    const { singleForms, pairSlot, pairStart, pairForms, pairLength } = index;
    for (const k of distinct) for (let p = singleStart[k]!, end = singleStart[k + 1]!; p < end; p++) visit(singleForms[p]!);
    // Words d apart fit in a match of a form of n words only when d ≤ ⌊n / threshold⌋ − 1, i.e. n ≥ minLength[d].
    const minLength: number[] = [];
    for (let d = 0, n = 1; d <= reach; d++) {
      while (Math.floor(n / threshold + 1e-9) - 1 < d) n++;
      minLength.push(n);
    }
    for (let i = 0; i < at.length; i++) {
      const a = paragraph[at[i]!]!;
      for (let j = i + 1; j < at.length && at[j]! - at[i]! <= reach; j++) {
        const b = paragraph[at[j]!]!;
        if (a === b) continue;
        const slot = pairSlot.get(a, b);
        if (slot < 0) continue;
        const need = minLength[at[j]! - at[i]!]!;
        for (let p = pairStart[slot]!, end = pairStart[slot + 1]!; p < end && pairLength[p]! >= need; p++) visit(pairForms[p]!);
      }
    }
  }
  return out.sort((a, b) => a - b);
}

/**
 * The highest similarity a match of form `f` can reach in the paragraph of the last `candidateForms` call on this index
 * ((n − u) / n, see `admits`); only meaningful for forms that call returned.
 */
export function candidateBound(index: PhrasingIndex, f: number): number {
  return index.scratch.formBound[f]!;
}

/** Indexes by list of paths; a desk's files are re-read when they change (src/util/stamp.ts). */
const cache = new StampedCache<PhrasingIndex>();

/**
 * Loads and indexes phrasings, cached per list of paths (the CLI checks many files against one set).
 * @param paths files or folders of JSONL; default: the shipped corpora/phrasings
 */
export function loadPhrasingIndex(paths: string[] = [defaultPhrasingsPath()]): PhrasingIndex {
  const shipped = paths.length === 1 && paths[0] === defaultPhrasingsPath();
  return cache.get(
    JSON.stringify(paths.map((p) => resolve(p))),
    () => (shipped ? '' : stampOf(paths, 1)),
    () => {
      const phrasings = loadPhrasings(paths);
      return (shipped ? readPrebuiltIndex(phrasings) : undefined) ?? buildPhrasingIndex(phrasings);
    },
  );
}
