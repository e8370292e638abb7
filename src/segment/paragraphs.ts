// Segmentation: decoded text (or HTML blocks) → paragraphs with positions, kinds, sentences and language.
import type { Corpora } from '../corpora/index.js';
import { mayMatch } from '../corpora/literals.js';
import { findNotices } from '../corpora/notices.js';
import type { IngestedText, NoticeMatch, OffsetMap, Paragraph, ParagraphKind, Sentence } from '../types.js';
import { DATELINE } from '../util/dateline.js';
import { append } from '../util/append.js';
import { normalizeText } from '../util/normalize.js';
import { sliceMap, toSource } from '../util/offsets.js';
import { LineIndex } from '../util/positions.js';
import { DEFAULT_LANGUAGES, detectLanguage, PARAGRAPH_CHARS, PARAGRAPH_TRUST, ruleLanguage, shortForFranc, toIso3, type LanguageGuess } from './language.js';
import { splitSentences } from './sentences.js';

/** A candidate paragraph before classification: its text and where each character came from. */
interface Span {
  text: string;
  map: OffsetMap;
  tag?: string;
  /** What the page's markup says it is (HTML: the byline element). */
  role?: 'byline';
  /** The language the page's markup declares for it (HTML: its element's `lang`, or a quotation's around it). */
  language?: string;
  notice?: NoticeMatch;
}

export interface SegmentOptions {
  /** ISO 639-3 codes franc may choose from. */
  languages?: readonly string[];
}

export interface Segmented {
  paragraphs: Paragraph[];
  /** Document language (ISO 639-1) or `und`. */
  language: string;
  languageConfidence: number;
}

/** Sentence-final punctuation: a line ending with one of these is not hard-wrapped prose. */
const TERMINAL = /[.!?…:;»"”)\]]\s*$/u;
/**
 * A line that continues a sentence starts with a lower-case letter, a digit, or punctuation that cannot open one
 * ("a augmenté de\n20 % en un an"); a wire dateline starting with a digit ("20 novembre (Reuters) -") opens a new
 * paragraph instead (see `textSpans`).
 */
const CONTINUATION = /^[\p{Ll}\d,;:)»”’]/u;
/** Headlines are short and do not end like sentences. */
const MAX_HEADLINE_CHARS = 220;
/** Scraped pages separate glued elements with runs of spaces (seed 000: " date 2026-02-15  Aller au contenu principal"). */
const GLUE = / {2,}|\t+/g;
const HAS_GLUE = / {2,}|\t/;

function trimSpan(span: Span): Span | undefined {
  const lead = span.text.length - span.text.trimStart().length;
  const trimmed = span.text.trim();
  if (trimmed === '') return undefined;
  return { ...span, text: trimmed, map: sliceMap(span.map, lead, lead + trimmed.length) };
}

function sub(span: Span, start: number, end: number): Span | undefined {
  const piece: Span = { text: span.text.slice(start, end), map: sliceMap(span.map, start, end), tag: span.tag };
  if (span.role) piece.role = span.role;
  if (span.language) piece.language = span.language;
  return trimSpan(piece);
}

/** Furniture kinds already computed, per corpora: lines are asked about several times while spans are built. */
const furnitureCache = new WeakMap<Corpora, Map<string, ParagraphKind | null>>();

/**
 * The literal text an anchored pattern (`^par …`, `^information fournie par …`) must start with, so that most lines
 * are rejected by `startsWith` before the regex is ever compiled: compiling the large byline patterns on first use
 * was the biggest single cost of segmentation at start-up (--cpu-prof on a seed).
 */
export function literalPrefix(source: string): string {
  if (!source.startsWith('^')) return '';
  let prefix = '';
  for (let i = 1; i < source.length; i++) {
    const ch = source[i]!;
    if ('\\.^$|?*+()[]{}'.includes(ch)) {
      // A quantifier makes the previous character optional: it cannot be required.
      if ('?*{'.includes(ch)) prefix = prefix.slice(0, -1);
      break;
    }
    prefix += ch;
  }
  return prefix;
}

const prefixes = new WeakMap<RegExp, string>();

function prefixOf(regex: RegExp): string {
  let p = prefixes.get(regex);
  if (p === undefined) prefixes.set(regex, (p = literalPrefix(regex.source)));
  return p;
}

/** Which furniture kind a piece of text is, if any (patterns run on folded text of the whole piece). */
function furnitureKind(text: string, corpora: Corpora): ParagraphKind | undefined {
  if (text.length > 400) return undefined;
  let cache = furnitureCache.get(corpora);
  if (!cache) furnitureCache.set(corpora, (cache = new Map()));
  const hit = cache.get(text);
  if (hit !== undefined) return hit ?? undefined;
  const folded = normalizeText(text);
  let kind: ParagraphKind | null = null;
  for (const entry of corpora.furniture) {
    if (!folded.startsWith(prefixOf(entry.regex))) continue;
    entry.regex.lastIndex = 0;
    if (entry.regex.test(folded)) {
      kind = entry.kind;
      break;
    }
  }
  if (cache.size > 10000) cache.clear();
  cache.set(text, kind);
  return kind ?? undefined;
}

/** Which wire mark (credit line, update note) a parenthesised piece is, if any. */
function wireMarkKind(text: string, corpora: Corpora): ParagraphKind | undefined {
  if (text.length > 600 || !/^\(.*\)$/su.test(text)) return undefined;
  const folded = normalizeText(text);
  for (const entry of corpora.wireMarks) {
    if (!mayMatch(entry.literals, folded)) continue;
    entry.regex.lastIndex = 0;
    if (entry.regex.test(folded)) return entry.kind;
  }
  return undefined;
}

/** Plain text: blocks separated by blank lines; inside a block, one span per line unless a line is hard-wrapped. */
function textSpans(source: string, notices: NoticeMatch[], corpora: Corpora): Span[] {
  const spans: Span[] = [];
  const lines: { start: number; end: number }[] = [];
  let pos = 0;
  // U+2029 PARAGRAPH SEPARATOR ends a paragraph, as a blank line does (an empty line is put in its place): a wire
  // exported with it between paragraphs was one paragraph (review, 2026-12-07). It is not a line break for positions:
  // lines and columns count LF only, as grep, editors and code-scanning annotations do.
  const BREAK = /[\n\u2029]/g;
  while (pos <= source.length) {
    BREAK.lastIndex = pos;
    const found = BREAK.exec(source);
    const nl = found === null ? -1 : found.index;
    const end = nl === -1 ? source.length : nl;
    lines.push({ start: pos, end });
    if (nl === -1) break;
    if (source[nl] === '\u2029') lines.push({ start: nl, end: nl });
    pos = nl + 1;
  }
  const insideNotice = (offset: number): boolean => notices.some((n) => n.start < offset && offset < n.end);
  let current: { start: number; end: number } | undefined;
  // The last line added to `current`, trimmed: what ends the paragraph so far. Rebuilding the whole paragraph for each
  // line made a long block of unpunctuated lines quadratic (a pasted price table of 40,000 lines: 10 s; review,
  // 2026-12-07).
  let last = '';
  const flush = (): void => {
    if (current) {
      const s = trimSpan({ text: source.slice(current.start, current.end), map: [[0, current.start]] });
      if (s) spans.push(s);
    }
    current = undefined;
  };
  for (const line of lines) {
    const text = source.slice(line.start, line.end);
    if (text.trim() === '') {
      // A blank line ends a paragraph, unless a notice wraps across it.
      if (!insideNotice(line.start)) flush();
      continue;
    }
    const next = text.trim();
    if (current) {
      const wrapped =
        insideNotice(line.start) ||
        (!TERMINAL.test(last) &&
          CONTINUATION.test(next) &&
          // A dateline opens the story's first paragraph: the line before it (a headline) is not wrapped into it.
          !DATELINE.test(next) &&
          furnitureKind(next, corpora) === undefined &&
          furnitureKind(last, corpora) === undefined);
      if (wrapped) {
        current.end = line.end;
        last = next;
        continue;
      }
      flush();
    }
    current = { start: line.start, end: line.end };
    last = next;
  }
  flush();
  return spans;
}

/** Splits spans around notices so that each notice is a paragraph of its own (it may be glued to the next element). */
function splitAtNotices(spans: Span[], notices: NoticeMatch[]): Span[] {
  if (notices.length === 0) return spans;
  const out: Span[] = [];
  for (const span of spans) {
    const first = toSource(span.map, 0);
    const last = toSource(span.map, span.text.length - 1);
    const inside = notices.filter((n) => n.start <= last && n.end > first);
    if (inside.length === 0) {
      out.push(span);
      continue;
    }
    let cursor = 0;
    for (const notice of inside) {
      const a = indexOfSource(span, notice.start);
      const b = indexOfSource(span, notice.end - 1) + 1;
      if (a > cursor) {
        const before = sub(span, cursor, a);
        if (before) out.push(before);
      }
      const piece = sub(span, Math.max(a, cursor), b);
      if (piece) out.push({ ...piece, notice });
      cursor = Math.max(cursor, b);
    }
    if (cursor < span.text.length) {
      const after = sub(span, cursor, span.text.length);
      if (after) out.push(after);
    }
  }
  return out;
}

/** First index in the span whose source offset is ≥ `offset`. */
function indexOfSource(span: Span, offset: number): number {
  let lo = 0;
  let hi = span.text.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (toSource(span.map, mid) < offset) lo = mid + 1;
    else hi = mid;
  }
  return Math.min(lo, span.text.length - 1);
}

/** Splits one-line spans glued by runs of spaces when a piece is page furniture ("date …  Aller au contenu principal"). */
function splitGlued(spans: Span[], corpora: Corpora): Span[] {
  const out: Span[] = [];
  for (const span of spans) {
    if (span.notice || span.text.includes('\n') || !HAS_GLUE.test(span.text)) {
      out.push(span);
      continue;
    }
    const cuts: number[] = [0];
    for (const m of span.text.matchAll(GLUE)) cuts.push(m.index, m.index + m[0].length);
    cuts.push(span.text.length);
    const pieces: Span[] = [];
    for (let i = 0; i < cuts.length; i += 2) {
      const piece = sub(span, cuts[i]!, cuts[i + 1]!);
      if (piece) pieces.push(piece);
    }
    if (pieces.length > 1 && pieces.some((p) => furnitureKind(p.text, corpora) !== undefined)) append(out, pieces);
    else out.push(span);
  }
  return out;
}

function isHeadlineShaped(text: string): boolean {
  return (
    text.length <= MAX_HEADLINE_CHARS &&
    !text.includes('\n') &&
    !/[.!?…:]["»”]?\s*$/u.test(text) &&
    /\p{L}/u.test(text) &&
    text.split(/\s+/).length <= 30
  );
}

/**
 * An HTML tag or comment, as left in a text file: `<p>`, `</em>`, `<br/>`, `<a href="…">`, `<script …>`, `<!-- … -->`,
 * a custom element (`<x-embed>`, a hyphen in its name) or a namespaced one (`<o:p>`, from Word). Only HTML's element
 * names: `<LVMH>`, `<Jean Dupont>` or a code in angle brackets is text (a review, 2026-12-07, found them made chrome by
 * a first version that took any `<Word>`, and a second found `<script>`, `<iframe>` or `<svg>` lines left as body).
 */
const MARKUP_TAG =
  /<\/?(?:a|abbr|article|aside|audio|b|big|blockquote|body|br|button|caption|center|cite|code|dd|del|details|div|dl|dt|em|embed|figcaption|figure|font|footer|form|h[1-6]|head|header|hr|html|i|iframe|img|input|ins|label|li|link|main|mark|meta|nav|noscript|object|ol|p|picture|pre|q|s|script|section|small|source|span|strike|strong|style|sub|summary|sup|svg|table|tbody|td|tfoot|th|thead|time|tr|u|ul|video|wbr)(?:\s[^<>]*)?\/?>|<!--[\s\S]*?-->/giu;
/** Custom and namespaced elements, lower case as the HTML standard writes them: `<Jean-Pierre>` is a name. */
const CUSTOM_TAG = /<\/?(?:[a-z][a-z0-9.]*-[a-z0-9.-]*|[a-z][a-z0-9]*:[a-z0-9-]+)(?:\s[^<>]*)?\/?>/gu;

/**
 * Classifies spans: notices and page furniture first (data in corpora/), then wire marks, then an HTML page's byline
 * element, then lines with no letter or digit (layout: chrome), then headlines by shape
 * and position (before the first body paragraph, or an HTML heading), the rest is body text.
 */
function classify(spans: Span[], corpora: Corpora): ParagraphKind[] {
  const kinds: ParagraphKind[] = [];
  let seenBody = false;
  for (const span of spans) {
    let kind: ParagraphKind;
    if (span.notice) kind = 'notice';
    else {
      kind =
        furnitureKind(span.text, corpora) ??
        wireMarkKind(span.text, corpora) ??
        // The page's byline element (HTML), whatever its wording: a name alone, "Martin Untersinger (avec …)".
        (span.role === 'byline' ? 'byline' : undefined) ??
        // No letter and no digit: a bullet or a section break (`*`, `* * *`, `—`) is layout, not article text, and
        // must not end the run of headline-shaped lines at the top of a wire. Nor outside markup tags: in a text file,
        // `<p><em>` and `</em></p>` left around a notice cut out of their line were headlines at >99 % (editor review).
        (/[\p{L}\p{N}]/u.test(span.text.replace(MARKUP_TAG, '').replace(CUSTOM_TAG, '')) ? undefined : 'chrome') ??
        (span.tag && /^h[1-6]$/.test(span.tag) ? 'headline' : undefined) ??
        (!seenBody && isHeadlineShaped(span.text) ? 'headline' : undefined) ??
        // A subheading on its own line inside the story: short, upper case, no sentence punctuation.
        (seenBody && isHeadlineShaped(span.text) && span.text === span.text.toUpperCase() && span.text.length < 80
          ? 'headline'
          : 'body');
    }
    if (kind === 'body') seenBody = true;
    kinds.push(kind);
  }
  return kinds;
}

/** Text kinds are scored as article text; the others are reported by kind only. */
export const TEXT_KINDS: ReadonlySet<ParagraphKind> = new Set<ParagraphKind>(['body', 'headline']);

/**
 * A paragraph's language, from its first PARAGRAPH_CHARS characters. When that opening is confidently in another
 * language than the document's and the paragraph runs on, its end is asked too, and if the two disagree the paragraph
 * is mixed: its language is then franc's guess over the whole of it (whose low confidence leaves its rules to the
 * document's language). A French paragraph opening on a long English quotation read as English and lost its French
 * calques and typography (a review, 2026-12-07); only such paragraphs pay for a second and third guess.
 */
function paragraphLanguage(text: string, documentLanguage: string, only: readonly string[]): LanguageGuess {
  const head = detectLanguage(text, only);
  if (head.language === documentLanguage || head.confidence < PARAGRAPH_TRUST || text.length <= PARAGRAPH_CHARS) return head;
  const tail = detectLanguage(text.slice(text.length - PARAGRAPH_CHARS), only);
  if (tail.language === head.language) return head;
  return detectLanguage(text, only, 2000);
}

/**
 * Splits an ingested input into classified paragraphs.
 * @param input decoded text or extracted HTML blocks
 * @param corpora loaded knowledge (notices, furniture, wire marks)
 */
export function segment(input: IngestedText, corpora: Corpora, options: SegmentOptions = {}): Segmented {
  const only = options.languages ?? DEFAULT_LANGUAGES;
  const index = new LineIndex(input.source, input.format === 'html');
  let spans: Span[];
  if (input.blocks) {
    spans = [];
    const notices: NoticeMatch[] = [];
    for (const block of input.blocks) {
      const span = trimSpan({ text: block.text, map: block.offsets, tag: block.tag, ...(block.role && { role: block.role }), ...(block.language && { language: block.language }) });
      if (!span) continue;
      // The previous block is the line before this one (a notice's wording after "… cette mention :" is quoted).
      const before = spans.length > 0 ? spans[spans.length - 1]!.text : '';
      for (const n of findNotices(span.text, corpora, { before })) {
        notices.push({ ...n, start: toSource(span.map, n.start), end: index.lastUnit(toSource(span.map, n.end - 1)) + 1 });
      }
      spans.push(span);
    }
    spans = splitAtNotices(spans, notices);
    // A notice the article extraction dropped (in the article's <footer>, a note Readability judged unlikely) still
    // declares the page: it becomes a notice paragraph at its place; the rest of those blocks is not article text.
    const extra: Span[] = [];
    const seen = new Set(notices.map((n) => n.start));
    for (const block of input.dropped ?? []) {
      // The text first: a dropped block's positions are worked out only when it is read (ingest/html.ts).
      if (findNotices(block.text, corpora).length === 0) continue;
      const span = trimSpan({ text: block.text, map: block.offsets, tag: block.tag });
      if (!span) continue;
      // A notice already read in the article's blocks is not read again (one notice, one weight).
      const found = findNotices(span.text, corpora)
        .map((n) => ({ ...n, start: toSource(span.map, n.start), end: index.lastUnit(toSource(span.map, n.end - 1)) + 1 }))
        .filter((n) => !seen.has(n.start));
      if (found.length > 0) append(extra, splitAtNotices([span], found).filter((s) => s.notice));
    }
    if (extra.length > 0) {
      const at = (s: Span): number => toSource(s.map, 0);
      spans = [...spans, ...extra].sort((a, b) => at(a) - at(b));
    }
  } else {
    const notices = findNotices(input.source, corpora);
    spans = splitAtNotices(textSpans(input.source, notices, corpora), notices);
  }
  spans = splitGlued(spans, corpora);
  // In an HTML block a line break is a `<br>`: the detectors see it (a heading kept on its own line is not fused), but
  // a block's kind and its sentences are read as before, on one line (`<p>Par Jean Dupont<br>Le 3 mars</p>` is still
  // a byline, and a `<br>` inside a sentence does not end it; review, 2026-12-08). Same length: offsets hold.
  const kinds = classify(
    spans.map((s) => (s.tag !== undefined && s.text.includes('\n') ? { ...s, text: s.text.replace(/\n/g, ' ') } : s)),
    corpora,
  );

  // Document language from the article text, falling back to the page's declared language when franc is unsure.
  const articleText = spans
    .filter((_, i) => TEXT_KINDS.has(kinds[i]!))
    .map((s) => s.text)
    .join('\n')
    .slice(0, 4000);
  // The document's language from up to 2,000 characters of article text (paragraphs read only the first 240).
  const guess = detectLanguage(articleText, only, 2000);
  let language = guess.language;
  let languageConfidence = guess.confidence;
  // The page's declared `lang` where franc has no answer, too little text (under 120 letters: "Renault va supprimer
  // 2 000 postes." read as Portuguese), no say (a language outside its list: Catalan, or Portuguese under --language
  // fr en), or hesitates between its guess and that very language. Not on low confidence alone: franc's margin
  // shrinks as texts grow (0.03 for a whole French wire), and templates declare `lang="en"` over French articles,
  // which then lost every French rule and every source check (reviews, 2026-12-07).
  const declared = input.declaredLanguage;
  if (
    declared &&
    declared !== language &&
    (language === 'und' || shortForFranc(articleText) || !only.includes(toIso3(declared)) || (languageConfidence < 0.3 && guess.runnerUp === declared))
  ) {
    language = declared;
    languageConfidence = Math.max(languageConfidence, 0.5);
  }

  const paragraphs: Paragraph[] = spans.map((span, i) => {
    const p = paragraphLanguage(span.text, language, only);
    const startOffset = toSource(span.map, 0);
    const endOffset = toSource(span.map, span.text.length - 1);
    const sentenceLanguage = ruleLanguage({ language: p.language, languageConfidence: p.confidence }, language);
    let sentences: Sentence[] | undefined;
    const paragraph: Paragraph = {
      index: i + 1,
      kind: kinds[i]!,
      text: span.text,
      start: index.point(startOffset),
      end: index.point(index.lastUnit(endOffset)),
      offsets: span.map,
      // Split on first use. Only two rules read sentences (untranslated-english, for paragraphs holding English
      // function words, and --source alignment); splitting every paragraph cost 5 % of a batch worker, and the first
      // Intl.Segmenter alone 15 ms of a one-article check (ICU's set-up; measured, 2026-11-24).
      get sentences(): Sentence[] {
        sentences ??= splitSentences(span.tag !== undefined ? span.text.replace(/\n/g, ' ') : span.text, sentenceLanguage);
        return sentences;
      },
      language: p.language,
      languageConfidence: p.confidence,
    };
    if (span.notice) paragraph.notice = span.notice;
    if (span.tag) paragraph.tag = span.tag;
    if (span.language) paragraph.declaredLanguage = span.language;
    return paragraph;
  });
  return { paragraphs, language, languageConfidence };
}
