// Source–target consistency: aligns a translation with its original; reports numbers, names, quotes that do not carry over.
import { loadCorpora, type Corpora } from '../corpora/index.js';
import { detectLanguage, knownLanguageCodes, toIso3 } from '../segment/language.js';
import { segment, TEXT_KINDS } from '../segment/paragraphs.js';
import type { IngestedText, Paragraph, RuleLevel, Signal, SourceCheck } from '../types.js';
import { WireproofError } from '../types.js';
import { oneLine } from '../util/oneline.js';
import { languageName } from '../util/language-name.js';
import { foldString } from '../util/normalize.js';
import { alignGroups } from './align.js';
import {
  capitalisedWords,
  findNames,
  haystack,
  hasName,
  missingParts,
  loadAliases,
  nameSimilarity,
  type Aliases,
  type Haystack,
  type NameContext,
  type NameMention,
} from './names.js';
import { findNumbers, sameNumber, showValue, unmatchedNumbers, type NumberMention } from './numbers.js';
import { compareCodeUnits } from '../util/compare.js';
import { DATELINE } from '../util/dateline.js';
import { ellipsis } from '../util/ellipsis.js';
import { findQuotes, type Quote } from '../util/quotes.js';

export { SOURCE_RULES } from './source-rules.js';

/**
 * Weights in nats. Missing or extra numbers, names, quotes and paragraphs are translation-QA findings: they say the
 * copy is wrong, not who wrote it, so they weigh nothing. A sentence left in the source language is what machine
 * translation does with text it fails to segment or mistakes for a quotation, and what a hurried human rarely
 * ships; +0.8 (≈ 2.2 : 1) is a modest push, as the issue specifies.
 */
export const SOURCE_WEIGHTS: Record<string, number> = {
  'source-number': 0,
  'source-name': 0,
  'source-quote': 0,
  'source-paragraphs': 0,
  'source-untranslated': 0.8,
  'source-language': 0,
};

/** A source group and the target paragraphs aligned with it (1-based paragraph indices). */
export interface SourceAlignment {
  source: number[];
  target: number[];
  score: number;
}

export interface SourceOptions {
  /**
   * Language of the source document (default, and for `und`: `en`). The rules know English → French only (number
   * words, name aliases, capitalisation): any other pair gives one `source-language` finding and nothing else.
   */
  sourceLanguage?: string;
  /** Language of the target document (default, and for `und`: `fr`). */
  targetLanguage?: string;
  /** Rule levels: rules set to `off` are not run. */
  rules?: Readonly<Record<string, RuleLevel>>;
  /** The alias table; default: loaded from the corpora (`corpora/aliases/`). */
  aliases?: Aliases;
  corpora?: Corpora;
}

/** Credit lines of the source or target ("(Reporting by …; Editing by …)") are wire marks, not story text. */
const CREDIT =
  /^\(\s*(?:(?:additional )?reporting|writing|editing|compiled|edited|reportage|rédigé|rédaction|édité|version française|avec la contribution|traduit)\b/iu;

/** A source quotation this long (in words) must reappear as a quotation; shorter ones are scare quotes. */
const MIN_QUOTE_WORDS = 3;

/**
 * English words that French does not share, so that a run of them is English left in place. "a", "on", "as",
 * "an", "son", "or", "but" … are French words too and do not count.
 */
const ENGLISH_ONLY = new Set(
  (
    'the of and to is was were that with for from this these those which who whom whose has have had been be by at it ' +
    'its their they them he she his her we our you your will would should could can may might must not no about ' +
    'after before into over under between said says after while when where what there here than then also only'
  ).split(/\s+/),
);

/** A run of this many words identical to the source, with enough English-only words, is an untranslated copy. */
const MIN_COPY_WORDS = 5;
const MIN_COPY_ENGLISH = 2;

interface Features {
  p: Paragraph;
  /** Characters before this offset are the dateline. */
  from: number;
  numbers: NumberMention[];
  names: NameMention[];
  quotes: Quote[];
  hay: Haystack;
  /** Alignment anchors: alias ids, name prefixes, numbers. */
  anchors: Map<string, number>;
  /** Cognate keys: five-letter prefixes of long words (technology/technologie, classified/classifiés). */
  cognates: Map<string, number>;
  length: number;
  words: { text: string; start: number; end: number }[];
}

function count(keys: Iterable<string>): Map<string, number> {
  const m = new Map<string, number>();
  for (const k of keys) m.set(k, (m.get(k) ?? 0) + 1);
  return m;
}

function isTitleCase(text: string): boolean {
  const long = text.split(/\s+/).filter((w) => /^\p{L}{4,}/u.test(w));
  return long.length >= 3 && long.filter((w) => /^\p{Lu}/u.test(w)).length / long.length > 0.6;
}

function features(p: Paragraph, language: string, aliases: Aliases, context: NameContext): Features {
  const from = DATELINE.exec(p.text)?.[0].length ?? 0;
  const titleCase = p.kind === 'headline' && isTitleCase(p.text);
  const numbers = findNumbers(p.text, language).filter((n) => n.start >= from);
  const names = findNames(p.text, language, aliases, context, { titleCase }).filter((n) => n.start >= from);
  const quotes = findQuotes(p.text).filter((q) => q.start >= from);
  const anchors = count([
    ...names.map((n) => (n.alias ? `a:${n.alias.id}` : `n:${n.key.replace(/\./g, '').slice(0, 5)}`)),
    ...numbers.map((n) => `#:${n.kind}:${n.value}`),
  ]);
  const words = [...p.text.slice(from).matchAll(/[\p{L}\p{M}\p{N}]+/gu)].map((m) => ({ text: m[0], start: m.index + from, end: m.index + from + m[0].length }));
  const cognates = count(words.filter((w) => w.text.length >= 7).map((w) => foldString(w.text).slice(0, 5)));
  return { p, from, numbers, names, quotes, hay: haystack(p.text.slice(from)), anchors, cognates, length: p.text.length - from, words };
}

function dice(a: readonly Map<string, number>[], b: readonly Map<string, number>[]): number | undefined {
  const x = new Map<string, number>();
  const y = new Map<string, number>();
  for (const m of a) for (const [k, v] of m) x.set(k, (x.get(k) ?? 0) + v);
  for (const m of b) for (const [k, v] of m) y.set(k, (y.get(k) ?? 0) + v);
  let nx = 0;
  let ny = 0;
  let shared = 0;
  for (const v of x.values()) nx += v;
  for (const v of y.values()) ny += v;
  if (nx + ny === 0) return undefined;
  for (const [k, v] of x) shared += Math.min(v, y.get(k) ?? 0);
  return (2 * shared) / (nx + ny);
}

/**
 * French runs longer than its English source: 1.15 is the centre, and σ = 0.35 on the log ratio tolerates the
 * 1.39 of seed 003's merged paragraph (measured). Gale & Church (1993) align on length alone; anchors do most of the
 * work here because wire paragraphs are few and name-dense.
 */
const LENGTH_RATIO = 1.15;
const LENGTH_SIGMA = 0.35;

function groupScore(src: readonly Features[], tgt: readonly Features[]): number {
  // Headlines pair only with headlines, one to one; bodies only with bodies. Except a subheading: the French wire's
  // all-caps "SURVEILLANCE DE MASSE" is a headline, the English "Mass surveillance" in sentence case a short body
  // paragraph; one to one, they are the same line (it was reported as a source paragraph with no counterpart).
  const srcHead = src.some((f) => f.p.kind === 'headline');
  const tgtHead = tgt.some((f) => f.p.kind === 'headline');
  if (srcHead !== tgtHead) {
    if (src.length > 1 || tgt.length > 1 || !isSubheading((srcHead ? tgt : src)[0]!.p.text)) return 0;
  } else if (srcHead && (src.length > 1 || tgt.length > 1)) return 0;
  const ls = src.reduce((n, f) => n + f.length, 0);
  const lt = tgt.reduce((n, f) => n + f.length, 0);
  if (ls === 0 || lt === 0) return 0;
  const z = (Math.log(lt / ls) - Math.log(LENGTH_RATIO)) / LENGTH_SIGMA;
  const length = Math.exp(-(z * z) / 2);
  const anchors = dice(
    src.map((f) => f.anchors),
    tgt.map((f) => f.anchors),
  );
  const cognates = dice(
    src.map((f) => f.cognates),
    tgt.map((f) => f.cognates),
  );
  return 0.45 * (anchors ?? 0.5) + 0.25 * (cognates ?? 0.5) + 0.3 * length;
}

/** A body paragraph shaped like a subheading: short, and no sentence ends in it. */
function isSubheading(text: string): boolean {
  return text.length <= 80 && !/[.!?:;…]["»”’)]*\s*$/u.test(text) && !/[.!?]\s/u.test(text);
}

/** Lowest group score worth pairing: below it, the paragraphs are better left unaligned. */
const MIN_GROUP_SCORE = 0.3;
/** Translations merge up to four source paragraphs into one (seed 003: a subheading and three paragraphs). */
const MAX_MERGE = 4;

function snippet(text: string, max = 80): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return ellipsis(flat, max);
}

/**
 * Story text only. A paragraph wholly in parentheses is a wire mark — an update note ("(Ajoute des détails … dans
 * les paragraphes 2-3 …)", seed 000) or a credit line — even when the corpora do not classify it as one.
 */
function isStory(p: Paragraph): boolean {
  return TEXT_KINDS.has(p.kind) && !CREDIT.test(p.text) && !/^\((?:[^()]|\([^()]*\))*\)$/su.test(p.text.trim());
}

/** Longest run of identical words (case-insensitive) between a target span and the source words. */
function longestCopy(
  target: readonly { text: string; start: number; end: number }[],
  source: readonly string[],
): { from: number; to: number } | undefined {
  const t = target.map((w) => w.text.toLowerCase());
  let best: { from: number; to: number } | undefined;
  let bestLen = 0;
  let prev = new Int32Array(source.length + 1);
  let cur = new Int32Array(source.length + 1);
  for (let i = 1; i <= t.length; i++) {
    for (let j = 1; j <= source.length; j++) {
      cur[j] = t[i - 1] === source[j - 1] ? prev[j - 1]! + 1 : 0;
      if (cur[j]! > bestLen) {
        bestLen = cur[j]!;
        best = { from: i - bestLen, to: i };
      }
    }
    [prev, cur] = [cur, prev];
    cur.fill(0);
  }
  return best;
}

/**
 * Compares a translation with its source paragraph by paragraph. Source and target paragraphs (body and headline
 * only: chrome, bylines, notices and credit lines have no counterpart) are aligned in order over names, numbers,
 * cognates and length, with merges up to 4:1 either way; then each aligned group is checked.
 * @param target the translation's paragraphs (segmented as usual)
 * @param source the original's paragraphs, segmented the same way
 * @returns signals on target paragraphs (offsets in the paragraph text) and the alignment
 */
export function sourceSignals(
  target: readonly Paragraph[],
  source: readonly Paragraph[],
  options: SourceOptions = {},
): { signals: Signal[]; alignment: SourceAlignment[] } {
  const on = (id: string): boolean => options.rules?.[id] !== 'off';
  const sl = !options.sourceLanguage || options.sourceLanguage === 'und' ? 'en' : options.sourceLanguage;
  const tl = !options.targetLanguage || options.targetLanguage === 'und' ? 'fr' : options.targetLanguage;
  const tgt = target.filter(isStory);
  const src = source.filter(isStory);
  if (sl !== 'en' || tl !== 'fr') {
    // Number words, aliases and names are English and French: on a German translation every capitalised noun was a
    // missing name (1,733 warnings over 17 WMT24 stories; a review, 2026-12-07). Say so once instead.
    const first = tgt[0];
    const signals: Signal[] = [];
    if (first && on('source-language')) {
      const which = tl !== 'fr' ? `this translation reads as ${languageLabel(tl)}` : `the source reads as ${languageLabel(sl)}`;
      signals.push({
        ruleId: 'source-language',
        weight: 0,
        message: `Not checked against the source: the source rules compare an English original with its French translation, and ${which}`,
        paragraph: first.index,
        start: 0,
        end: 0,
        scope: 'paragraph',
        evidence: 'source',
        data: { sourceLanguage: sl, targetLanguage: tl },
      });
    }
    return { signals, alignment: [] };
  }
  const aliases = options.aliases ?? loadAliases(options.corpora ?? loadCorpora());
  const context: NameContext = { capitalised: capitalisedWords([...tgt, ...src].filter((p) => p.kind === 'body').map((p) => p.text)) };
  const sf = src.map((p) => features(p, sl, aliases, context));
  const tf = tgt.map((p) => features(p, tl, aliases, context));

  const steps = alignGroups(sf.length, tf.length, (a0, a1, b0, b1) => groupScore(sf.slice(a0, a1), tf.slice(b0, b1)), {
    maxMerge: MAX_MERGE,
    minScore: MIN_GROUP_SCORE,
  });

  const signals: Signal[] = [];
  const emit = (ruleId: string, p: Paragraph, start: number, end: number, message: string, extra: Partial<Signal> = {}): void => {
    if (!on(ruleId)) return;
    signals.push({ ruleId, weight: SOURCE_WEIGHTS[ruleId] ?? 0, message, paragraph: p.index, start, end, scope: 'paragraph', evidence: 'source', ...extra });
  };

  const paired = steps.map((s, k) => ({ k, s: s.a.map((i) => sf[i]!), t: s.b.map((j) => tf[j]!), score: s.score }));
  // Moves first: a clear match elsewhere wins over a neighbour in the same gap (a review, 2026-12-07, found the gap
  // taking a moved paragraph and reporting the wrong source paragraph missing).
  pairMoves(paired);
  pairGaps(paired);
  const alignment: SourceAlignment[] = paired
    .filter((g) => g.s.length > 0 || g.t.length > 0)
    .map((g) => ({ source: g.s.map((f) => f.p.index), target: g.t.map((f) => f.p.index), score: Math.round(g.score * 1000) / 1000 }));

  const neighbours = (k: number, side: 's' | 't'): Features[] => {
    const out: Features[] = [];
    for (const d of [-1, 1]) {
      // The nearest paired group on each side: alignment may put a sentence one group off.
      for (let q = k + d; q >= 0 && q < paired.length; q += d) {
        const g = paired[q]!;
        if (g.s.length > 0 && g.t.length > 0) {
          out.push(...g[side]);
          break;
        }
      }
    }
    return out;
  };
  const lastPaired = paired.reduce((m, g) => (g.s.length > 0 && g.t.length > 0 ? g.k : m), -1);
  const sourceHasHeadline = sf.some((f) => f.p.kind === 'headline');
  const allSource = sf;

  const claimed = claimOwnQuotes(paired.filter((g) => g.s.length > 0 && g.t.length > 0));
  for (const g of paired) {
    if (g.s.length === 0 && g.t.length === 0) continue; // a source paragraph paired as a move (pairMoves)
    if (g.s.length > 0 && g.t.length > 0) {
      checkGroup(g.s, g.t, neighbours(g.k, 's'), neighbours(g.k, 't'), aliases, emit, on, { claimed });
      continue;
    }
    if (g.t.length > 0) {
      const f = g.t[0]!;
      if (f.p.kind === 'headline') {
        // A headline the source lacks is still about the story: its names and numbers must be somewhere in it.
        checkGroup(allSource, g.t, [], [], aliases, emit, on, { oneWay: true });
        if (sourceHasHeadline) emit('source-paragraphs', f.p, 0, 0, 'This headline has no counterpart in the source', { data: { sourceParagraphs: [] } });
        continue;
      }
      const truncated = g.k > lastPaired && lastPaired >= 0;
      emit(
        'source-paragraphs',
        f.p,
        0,
        0,
        truncated
          ? 'This paragraph has no counterpart in the source, which ends before it: is the source complete?'
          : 'This paragraph has no counterpart in the source',
        { data: { sourceParagraphs: [] } },
      );
      untranslated(g.t, allSource, emit, on);
      continue;
    }
    // A source paragraph nobody translated: point at the target paragraph where it would have gone.
    const f = g.s[0]!;
    if (f.p.kind === 'headline') continue;
    const next = paired.slice(g.k + 1).find((x) => x.t.length > 0)?.t[0] ?? [...paired.slice(0, g.k)].reverse().find((x) => x.t.length > 0)?.t.at(-1);
    if (!next) continue;
    emit('source-paragraphs', next.p, 0, 0, `Source paragraph ${f.p.index} has no counterpart in the translation: “${snippet(f.p.text)}”`, {
      actual: '',
      expected: [f.p.text],
      data: { sourceParagraphs: [f.p.index] },
    });
  }
  signals.sort((a, b) => a.paragraph - b.paragraph || a.start - b.start || compareCodeUnits(a.ruleId, b.ruleId));
  return { signals, alignment };
}

/**
 * Pairs the one source paragraph and the one translated paragraph left alone between the same two aligned groups (or
 * before the first, or after the last) when they name someone or something in common: they stand in each other's
 * place. A short paragraph whose only figure was mistranslated ("1.5 billion" as "15 milliards") scored below the
 * pairing floor and was reported as a missing source paragraph and an extra French one instead of a wrong number (an
 * editor's review of compare --source, 2026-12-07). Without a shared name, a paragraph the editor wrote in place of a
 * cut one is no translation of it (a review of the first version, which paired them at 0.12 and hid the cut).
 * Headlines are left to the in-order alignment.
 */
function pairGaps(paired: { s: Features[]; t: Features[]; score: number }[]): void {
  let run: { s: Features[]; t: Features[]; score: number }[] = [];
  const flush = (): void => {
    const s = run.filter((g) => g.t.length === 0);
    const t = run.filter((g) => g.s.length === 0);
    if (
      s.length === 1 &&
      t.length === 1 &&
      s[0]!.s.length === 1 &&
      t[0]!.t.length === 1 &&
      s[0]!.s[0]!.p.kind !== 'headline' &&
      t[0]!.t[0]!.p.kind !== 'headline' &&
      sharesName(s[0]!.s[0]!, t[0]!.t[0]!)
    ) {
      t[0]!.s = s[0]!.s;
      t[0]!.score = groupScore(t[0]!.s, t[0]!.t);
      s[0]!.s = [];
    }
    run = [];
  };
  for (const g of paired) {
    if (g.s.length > 0 && g.t.length > 0) flush();
    else run.push(g);
  }
  flush();
}

/**
 * Whether two paragraphs name someone or something in common: a name or an alias as the anchors count them, or a
 * capitalised word of three letters or more written alike on both sides (a name opening a sentence, "Acme a déclaré",
 * is not counted as a name, being ambiguous there).
 */
function sharesName(a: Features, b: Features): boolean {
  for (const k of a.anchors.keys()) if (!k.startsWith('#:') && b.anchors.has(k)) return true;
  const capitalised = (f: Features): Set<string> => new Set(f.words.filter((w) => w.text.length >= 3 && /^\p{Lu}/u.test(w.text)).map((w) => w.text));
  const theirs = capitalised(b);
  for (const w of capitalised(a)) if (theirs.has(w)) return true;
  return false;
}

/**
 * Lowest score at which a source paragraph and a translated paragraph left over by the in-order alignment are paired as
 * a move. Above the in-order floor (0.3): out of order, only a clear match counts. The seeds' faithful pairs score
 * 0.73–0.92 against their English originals (measured, 2026-12-07).
 */
const MOVE_SCORE = 0.6;

/**
 * Pairs single source and target paragraphs the in-order alignment left alone, best match first, when they clearly
 * translate each other: a paragraph an editor moved gave "Source paragraph 5 has no counterpart" and "This paragraph
 * has no counterpart in the source" (an editor's review of compare --source, 2026-12-07). The source side of a move is
 * emptied in place, the target side gets it; headlines are left to the in-order alignment.
 */
function pairMoves(paired: { s: Features[]; t: Features[]; score: number }[]): void {
  const loneS = paired.filter((g) => g.t.length === 0 && g.s.length === 1 && g.s[0]!.p.kind !== 'headline');
  const loneT = paired.filter((g) => g.s.length === 0 && g.t.length === 1 && g.t[0]!.p.kind !== 'headline');
  if (loneS.length === 0 || loneT.length === 0) return;
  const candidates: { s: (typeof loneS)[number]; t: (typeof loneT)[number]; score: number }[] = [];
  for (const s of loneS) {
    for (const t of loneT) {
      const score = groupScore(s.s, t.t);
      if (score >= MOVE_SCORE) candidates.push({ s, t, score });
    }
  }
  candidates.sort((x, y) => y.score - x.score);
  for (const c of candidates) {
    if (c.s.s.length === 0 || c.t.s.length > 0) continue; // taken by a better match
    c.t.s = c.s.s;
    c.t.score = c.score;
    c.s.s = [];
  }
}

/**
 * Refuses a source with no text (an empty file): checked against it, every paragraph was "no counterpart in the
 * source" (an editor's review of compare --source, 2026-12-07). Shared by `check --source` and `compare --source`.
 * @throws WireproofError (`usage`) naming the source
 */
export function assertSourceText(src: IngestedText): void {
  const text = src.blocks ? src.blocks.map((b) => b.text).join('') : src.source;
  if (!/[\p{L}\p{N}]/u.test(text)) throw new WireproofError(`source: ${oneLine(src.file)}: no text to check against`, 'usage', src.file);
}

type Emit = (ruleId: string, p: Paragraph, start: number, end: number, message: string, extra?: Partial<Signal>) => void;

function checkGroup(
  src: readonly Features[],
  tgt: readonly Features[],
  srcNear: readonly Features[],
  tgtNear: readonly Features[],
  aliases: Aliases,
  emit: Emit,
  on: (id: string) => boolean,
  options: { oneWay?: boolean; claimed?: ReadonlySet<Quote> } = {},
): void {
  const first = tgt[0]!.p;
  const sourceIndices = src.map((f) => f.p.index);
  if (on('source-number')) checkNumbers(src, tgt, srcNear, tgtNear, first, sourceIndices, emit, options.oneWay ?? false);
  if (on('source-name')) checkNames(src, tgt, srcNear, tgtNear, first, sourceIndices, aliases, emit, options.oneWay ?? false);
  if (!options.oneWay && on('source-quote')) checkQuotes(src, tgt, tgtNear, options.claimed ?? new Set(), first, emit);
  if (on('source-untranslated')) untranslated(tgt, src, emit, on);
}

function checkNumbers(
  src: readonly Features[],
  tgt: readonly Features[],
  srcNear: readonly Features[],
  tgtNear: readonly Features[],
  first: Paragraph,
  sourceIndices: number[],
  emit: Emit,
  oneWay: boolean,
): void {
  const sn = src.flatMap((f) => f.numbers.map((n) => ({ n, f })));
  const tn = tgt.flatMap((f) => f.numbers.map((n) => ({ n, f })));
  const left = unmatchedNumbers(
    sn.map((x) => x.n),
    tn.map((x) => x.n),
  );
  const nearSrc = srcNear.flatMap((f) => f.numbers);
  const nearTgt = tgtNear.flatMap((f) => f.numbers);
  const missing = oneWay ? [] : left.a.filter((n) => !nearTgt.some((m) => sameNumber(n, m)));
  const extra = left.b.filter((n) => !nearSrc.some((m) => sameNumber(n, m)));
  const where = (n: NumberMention, list: { n: NumberMention; f: Features }[]): Features => list.find((x) => x.n === n)!.f;
  const used = new Set<NumberMention>();
  for (const n of extra) {
    const f = where(n, tn);
    const partner = missing.find((m) => !used.has(m) && m.kind === n.kind);
    if (partner) {
      used.add(partner);
      const sfeat = where(partner, sn);
      emit('source-number', f.p, n.start, n.end, `“${n.text}” (${showValue(n)}) where the source has “${partner.text}” (${showValue(partner)})`, {
        actual: n.text,
        expected: [partner.text],
        data: { value: n.value, sourceValue: partner.value, sourceParagraph: sfeat.p.index },
      });
    } else {
      emit('source-number', f.p, n.start, n.end, `“${n.text}” (${showValue(n)}) is not in the source paragraph${sourceIndices.length > 1 ? 's' : ''} ${sourceIndices.join(', ')}`, {
        actual: n.text,
        data: { value: n.value, sourceParagraphs: sourceIndices },
      });
    }
  }
  for (const m of missing) {
    if (used.has(m)) continue;
    const sfeat = where(m, sn);
    emit('source-number', first, 0, 0, `The source has “${m.text}” (${showValue(m)}), not found in the translation: “${snippet(sentenceAt(sfeat.p, m.start))}”`, {
      expected: [m.text],
      data: { sourceValue: m.value, sourceParagraph: sfeat.p.index },
    });
  }
}

/** The sentence of a paragraph around an offset (segmentation knows "U.S." does not end one), for messages. */
function sentenceAt(p: Paragraph, offset: number): string {
  const s = p.sentences.find((x) => x.start <= offset && offset < x.end);
  return s ? p.text.slice(s.start, s.end) : p.text;
}

/** A name of one side that the other lacks, with the words at fault. */
interface NameFinding {
  n: NameMention;
  f: Features;
  /** The missing words, first to last: the range a target finding covers. */
  start: number;
  end: number;
  text: string;
}

function finding(n: NameMention, f: Features, missing: readonly NameMention[]): NameFinding {
  const start = missing[0]!.start;
  const end = missing.at(-1)!.end;
  return { n, f, start, end, text: f.p.text.slice(start, end) };
}

function checkNames(
  src: readonly Features[],
  tgt: readonly Features[],
  srcNear: readonly Features[],
  tgtNear: readonly Features[],
  first: Paragraph,
  sourceIndices: number[],
  aliases: Aliases,
  emit: Emit,
  oneWay: boolean,
): void {
  const tgtHay = haystack(tgt.map((f) => f.hay.text).join('\n'));
  const srcHay = haystack(src.map((f) => f.hay.text).join('\n'));
  const tgtNearHay = haystack(tgtNear.map((f) => f.hay.text).join('\n'));
  const srcNearHay = haystack(srcNear.map((f) => f.hay.text).join('\n'));
  /** Words of `n` found neither in the group nor, failing that, in the neighbouring groups. */
  const lacking = (n: NameMention, hay: Haystack, near: Haystack): NameMention[] =>
    missingParts(n, hay, aliases).filter((part) => !hasName(part, near, aliases));
  const missing: NameFinding[] = [];
  if (!oneWay) {
    const seen = new Set<string>();
    for (const f of src) {
      for (const n of f.names) {
        const id = n.alias ? `a:${n.alias.id}` : n.key;
        if (seen.has(id)) continue;
        seen.add(id);
        const parts = lacking(n, tgtHay, tgtNearHay);
        if (parts.length > 0) missing.push(finding(n, f, parts));
      }
    }
  }
  const extra: NameFinding[] = [];
  const seen = new Set<string>();
  for (const f of tgt) {
    for (const n of f.names) {
      const id = n.alias ? `a:${n.alias.id}` : n.key;
      if (seen.has(id)) continue;
      const parts = lacking(n, srcHay, srcNearHay);
      if (parts.length > 0) {
        extra.push(finding(n, f, parts));
        seen.add(id);
      }
    }
  }
  const used = new Set<NameFinding>();
  const whole = (x: NameFinding): string => (x.text === x.n.text ? `“${x.text}”` : `“${x.text}” (in “${x.n.text}”)`);
  for (const x of extra) {
    // A near spelling of a missing source name is a misspelling, reported once at the misspelt word.
    const partner = missing
      .filter((m) => !used.has(m))
      .map((m) => ({ m, s: nameSimilarity(m.text, x.text) }))
      .filter((c) => c.s >= 0.7)
      .sort((a, b) => b.s - a.s)[0]?.m;
    if (partner) {
      used.add(partner);
      emit('source-name', x.f.p, x.start, x.end, `${whole(x)} where the source has “${partner.text}”: misspelt?`, {
        actual: x.text,
        expected: [partner.text],
        data: { sourceParagraph: partner.f.p.index },
      });
    } else {
      emit('source-name', x.f.p, x.start, x.end, `${whole(x)} is not in the source paragraph${sourceIndices.length > 1 ? 's' : ''} ${sourceIndices.join(', ')}`, {
        actual: x.text,
        data: { sourceParagraphs: sourceIndices },
      });
    }
  }
  for (const m of missing) {
    if (used.has(m)) continue;
    emit('source-name', first, 0, 0, `The source names ${whole(m)}, not found in the translation: “${snippet(sentenceAt(m.f.p, m.start))}”`, {
      expected: [m.text],
      data: { sourceParagraph: m.f.p.index, ...(m.n.alias ? { alias: m.n.alias.id } : {}) },
    });
  }
}

/** Any quotation of comparable length counts: the words are translated, the quotation marks stay. */
function quoteFits(q: Quote, t: Quote): boolean {
  return t.words * 3 >= q.words && t.words <= q.words * 3;
}

/**
 * The French quotations each group's own source quotations take, before any group looks at its neighbours': a
 * neighbour's quotation is there for the neighbour's source. Without this first pass a quotation kept in paragraph 1
 * also "matched" the quotation dropped from paragraph 2, and the drop went unreported (source-quote.md: each source
 * quotation takes the next unused French one).
 */
function claimOwnQuotes(groups: ReadonlyArray<{ s: readonly Features[]; t: readonly Features[] }>): Set<Quote> {
  const claimed = new Set<Quote>();
  for (const g of groups) {
    const own = g.t.flatMap((f) => f.quotes);
    for (const q of g.s.flatMap((f) => f.quotes)) {
      const match = own.find((t) => !claimed.has(t) && quoteFits(q, t));
      if (match) claimed.add(match);
    }
  }
  return claimed;
}

function checkQuotes(src: readonly Features[], tgt: readonly Features[], tgtNear: readonly Features[], claimed: ReadonlySet<Quote>, first: Paragraph, emit: Emit): void {
  // The group's own quotations first, then those of its neighbours that their own sources did not take.
  const targets = [...tgt.flatMap((f) => f.quotes), ...tgtNear.flatMap((f) => f.quotes).filter((t) => !claimed.has(t))];
  const used = new Set<Quote>();
  for (const f of src) {
    for (const q of f.quotes) {
      const match = targets.find((t) => !used.has(t) && quoteFits(q, t));
      if (match) {
        used.add(match);
        continue;
      }
      if (q.words < MIN_QUOTE_WORDS) continue;
      emit('source-quote', first, 0, 0, `The source quotes “${snippet(q.text)}”, with no quotation in the translation`, {
        expected: [q.text],
        data: { sourceParagraph: f.p.index },
      });
    }
  }
}

function untranslated(tgt: readonly Features[], src: readonly Features[], emit: Emit, on: (id: string) => boolean): void {
  if (!on('source-untranslated')) return;
  const sourceWords = src.flatMap((f) => f.words.map((w) => w.text.toLowerCase()));
  for (const f of tgt) {
    const sentences = f.p.sentences.length > 0 ? f.p.sentences : [{ start: 0, end: f.p.text.length, text: f.p.text }];
    for (const s of sentences) {
      const words = f.words.filter((w) => w.start >= s.start && w.end <= s.end);
      const run = longestCopy(words, sourceWords);
      if (!run || run.to - run.from < MIN_COPY_WORDS) continue;
      const copied = words.slice(run.from, run.to);
      const english = copied.filter((w) => ENGLISH_ONLY.has(w.text.toLowerCase())).length;
      if (english < MIN_COPY_ENGLISH) continue;
      const start = copied[0]!.start;
      const end = copied.at(-1)!.end;
      emit('source-untranslated', f.p, start, end, `${copied.length} words copied from the source untranslated: “${snippet(f.p.text.slice(start, end))}”`, {
        actual: f.p.text.slice(start, end),
        data: { words: copied.length },
      });
    }
  }
}

/**
 * Segments an original-language source the way the target is segmented.
 * @param input the ingested source
 * @param languages ISO 639-3 codes franc may choose from (default: English and French)
 */
export function segmentSource(input: IngestedText, corpora: Corpora, languages: readonly string[] = ['eng', 'fra']): Paragraph[] {
  return segment(input, corpora, { languages }).paragraphs;
}

/**
 * The language of a segmented source's story text, among every language wireproof can name (its paragraphs are
 * guessed between English and French only, so a German original read as one of them, and a Russian one as
 * neither); `und` for a source under 300 letters, `?` for a longer one franc cannot place. Not franc's margin: over
 * 2,000 characters it shrinks for every text (the English originals of the seeds: 0.025 to French, the seeds
 * themselves 0.026–0.032 to Spanish; 0.10–0.25 over 300 characters), while the guess itself was right for every one
 * of them and for the WMT24 German and Spanish stories (measured 2026-12-07). Under 300 letters a quotation weighs
 * too much: a 230-letter English original quoting a French minister read as French (a review, 2026-12-07).
 */
export function sourceLanguage(paragraphs: readonly Paragraph[]): string {
  const text = paragraphs
    .filter((p) => TEXT_KINDS.has(p.kind))
    .map((p) => p.text)
    .join('\n')
    .slice(0, 4000);
  // Without capitalised words: names say nothing of the language they stand in (an English source listing sixteen
  // Polish ministers read as Polish; a third review, 2026-12-07), and what is left must still be long enough.
  const plain = text.replace(/\p{Lu}[\p{L}\p{M}'’-]*/gu, ' ');
  if ((plain.match(/\p{L}/gu)?.length ?? 0) < MIN_SOURCE_LETTERS) return 'und';
  const guess = detectLanguage(plain, ALL_LANGUAGES, 2000).language;
  return guess === 'und' ? '?' : guess;
}

/** Below this many letters a source is taken to be English (sourceLanguage). */
const MIN_SOURCE_LETTERS = 300;

/** franc's codes of every language wireproof can name, for the source's guess (a Russian original is not English). */
const ALL_LANGUAGES = [...knownLanguageCodes()].map(toIso3);

/** "German (de)": a language for a message. */
function languageLabel(code: string): string {
  if (code === '?') return 'a language wireproof cannot identify';
  const name = languageName(code);
  return name ? `${name} (${code})` : code;
}

/**
 * Checks a translation's paragraphs against an ingested source: segmentation of the source, then `sourceSignals`.
 * @returns the findings as `Comparison.source` carries them
 */
export function checkSource(
  target: readonly Paragraph[],
  source: IngestedText,
  corpora: Corpora,
  options: Omit<SourceOptions, 'corpora'> = {},
): SourceCheck {
  const paragraphs = segmentSource(source, corpora);
  const { signals, alignment } = sourceSignals(target, paragraphs, {
    ...options,
    corpora,
    sourceLanguage: options.sourceLanguage ?? sourceLanguage(paragraphs),
  });
  return { file: source.file, signals, alignment };
}
