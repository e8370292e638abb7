// Shared helpers for detectors: signal construction, folded-text matching mapped back to raw offsets, skip zones.
import type { CompiledWireMark, WireMarkEntry } from '../corpora/index.js';
import type { Paragraph, RuleMeta, Signal, SignalScope } from '../types.js';
import { mapRange, normalizeWithMap, type Normalized } from '../util/normalize.js';
import { mayMatch } from '../corpora/literals.js';
import { globalRegex } from '../util/regex.js';
import { ellipsis } from '../util/ellipsis.js';
import { languageName } from '../util/language-name.js';

/** A half-open [start, end) range of paragraph text. */
export interface Range {
  start: number;
  end: number;
}

/** What a detector says about one finding; `makeSignal` fills in the rest from the rule's meta and paragraph. */
export interface Finding extends Range {
  weight: number;
  message: string;
  scope?: SignalScope;
  expected?: string[];
  data?: Record<string, unknown>;
}

/**
 * Builds a Signal for `meta`'s rule on paragraph `p`; `actual` is the text between start and end.
 * Offsets are clamped into the paragraph so that a detector bug cannot produce an out-of-range position.
 */
export function makeSignal(meta: RuleMeta, p: Paragraph, f: Finding): Signal {
  const start = Math.max(0, Math.min(f.start, p.text.length));
  const end = Math.max(start, Math.min(f.end, p.text.length));
  const signal: Signal = {
    ruleId: meta.id,
    weight: f.weight,
    message: f.message,
    paragraph: p.index,
    start,
    end,
    scope: f.scope ?? 'paragraph',
    evidence: meta.evidence,
    actual: p.text.slice(start, end),
  };
  if (f.expected && f.expected.length > 0) signal.expected = [...f.expected];
  if (f.data) signal.data = f.data;
  return signal;
}

/** A match found in folded text, with its range mapped back to the raw text. */
export interface FoldedMatch extends Range {
  /** The folded text matched. */
  folded: string;
  /** Start in the folded text. */
  foldedStart: number;
}

/**
 * Runs `regex` over an already folded text and maps every match back to the raw text.
 * Accepts sticky-less regexes with or without the `g` flag; never loops on empty matches.
 */
export function matchFolded(n: Normalized, regex: RegExp, limit = 200): FoldedMatch[] {
  const out: FoldedMatch[] = [];
  const re = globalRegex(regex);
  re.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(n.text)) !== null && out.length < limit) {
    if (m[0].length === 0) {
      re.lastIndex++;
      continue;
    }
    const { start, end } = mapRange(n, m.index, m.index + m[0].length);
    if (end > start) out.push({ start, end, folded: m[0], foldedStart: m.index });
  }
  re.lastIndex = 0;
  return out;
}

/** Folds a paragraph's text (case, accents, quotes, white space runs; src/util/normalize.ts) with its offset map. */
export function fold(text: string): Normalized {
  // Entities are left alone: paragraph text is already decoded by ingest, and `&amp;` in prose is literal.
  return normalizeWithMap(text, { entities: false });
}

// URLs, bare domain names, e-mail addresses and inline code: no rule should read these as prose. Domain and e-mail
// patterns only start at the beginning of a token (lookbehind), so a long run of letters costs linear time, not quadratic.
const URL = /\b(?:https?:\/\/|www\.)[^\s<>"«»]+/giu;
// Top-level domains in lower case only: `SIEGn.DE` and `VOD.L` are Reuters codes, `reuters.com` is a domain.
const DOMAIN = /(?<![\p{L}\p{N}._-])[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.(?:com|fr|org|net|io|ly|co|uk|de|info|gov|edu|eu|ai|be|ch|ca|us|tv|me|app|news)\b(?:\/[^\s<>"«»]*)?/gu;
const EMAIL = /(?<![\p{L}\p{N}._%+-])[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+/gu;
const CODE = /`[^`\n]{0,200}`/gu;

// Six rules ask for the zones of the same paragraph in a row (runDetectors runs every rule on one paragraph before the
// next): keep the last few. Batch profiling put skipZones at 9–12 % of a worker's time before this cache.
const zoneCache = new Map<string, Range[]>();

/** Ranges of `text` that are URLs, domain names, e-mail addresses or inline code, sorted by start (read-only). */
export function skipZones(text: string): Range[] {
  let zones = zoneCache.get(text);
  if (zones) return zones;
  if (zoneCache.size >= 16) zoneCache.clear();
  zones = findZones(text);
  zoneCache.set(text, zones);
  return zones;
}

function findZones(text: string): Range[] {
  const out: Range[] = [];
  // Cheap guards: most paragraphs hold no '@', no backtick, no 'http'/'www.' and no dot before a letter.
  const wanted = [
    text.includes('http') || text.includes('www.') || text.includes('WWW.') ? URL : null,
    /\.[\p{L}\p{N}]/u.test(text) ? DOMAIN : null,
    text.includes('@') ? EMAIL : null,
    text.includes('`') ? CODE : null,
  ];
  for (const re of wanted) {
    if (!re) continue;
    re.lastIndex = 0;
    for (const m of text.matchAll(re)) out.push({ start: m.index, end: m.index + m[0].length });
  }
  return out.sort((a, b) => a.start - b.start);
}

/** True when [start, end) overlaps any of `ranges`. */
export function overlaps(ranges: readonly Range[], start: number, end: number): boolean {
  for (const r of ranges) if (r.start < end && start < r.end) return true;
  return false;
}

/** Shortens `s` for a message: white space collapsed, at most `max` characters with an ellipsis. */
export function excerpt(s: string, max = 60): string {
  const flat = s.replace(/\s+/gu, ' ').trim();
  return ellipsis(flat, max);
}

/** A wire mark (credit line, update note) found in a paragraph. */
export interface WireMarkHit extends Range {
  entry: CompiledWireMark;
}

/** Characters of a body paragraph's head or tail searched for wire marks (patterns match at most ~650). */
const WINDOW = 1000;

/** Rank of a status when two entries match the same text: seen evidence first. */
const STATUS_RANK: Record<string, number> = { seen: 0, 'seen-second-hand': 1, partial: 2, normative: 3, inferred: 4 };

/**
 * Finds the corpus wire marks of one kind in a paragraph (corpora/wire-marks/, patterns on folded text).
 * In a paragraph the segmenter classified as that kind, anywhere; in a body paragraph only where wire marks stand:
 * an update note opening it (`(Refonte, …) WASHINGTON …`), a credit line closing it (`… a-t-il dit. (Rédigé par …)`). Overlapping matches
 * keep the longer, then the better status, then file order.
 */
export function findWireMarks(p: Paragraph, entries: readonly CompiledWireMark[], kind: WireMarkEntry['kind']): WireMarkHit[] {
  if (!/[(a-z]/iu.test(p.text)) return [];
  // In a body paragraph only its head (update notes) or its tail (credit lines) can hold a wire mark: fold just that
  // window, so long paragraphs cost nothing. Wire-mark patterns are bounded well below WINDOW characters.
  const whole = p.kind === kind || p.text.length <= WINDOW;
  const offset = whole || kind === 'update-note' ? 0 : p.text.length - WINDOW;
  const n = fold(whole ? p.text : kind === 'update-note' ? p.text.slice(0, WINDOW) : p.text.slice(offset));
  const candidates: (WireMarkHit & { length: number; rank: number; order: number })[] = [];
  entries.forEach((entry, order) => {
    if (entry.kind !== kind) return;
    // A window holding none of the pattern's required literals cannot match (src/corpora/literals.ts).
    if (!mayMatch(entry.literals, n.text)) return;
    for (const m of matchFolded(n, entry.regex, 20)) {
      if (p.kind !== kind) {
        // Update notes head a story, credit lines close it: elsewhere a parenthesis is prose.
        const opens = m.foldedStart === 0;
        const closes = /^[\s.;,]*$/u.test(n.text.slice(m.foldedStart + m.folded.length));
        if (kind === 'update-note' ? !opens : !closes) continue;
      }
      candidates.push({ start: offset + m.start, end: offset + m.end, entry, length: m.folded.length, rank: STATUS_RANK[entry.status] ?? 9, order });
    }
  });
  candidates.sort((a, b) => b.length - a.length || a.rank - b.rank || a.order - b.order);
  const kept: WireMarkHit[] = [];
  for (const c of candidates) {
    if (kept.some((k) => k.start < c.end && c.start < k.end)) continue;
    kept.push({ start: c.start, end: c.end, entry: c.entry });
  }
  return kept.sort((a, b) => a.start - b.start);
}

/**
 * The body shared by the wire-mark rules (credit-line, update-note): one document-scope signal per entry of `kind`
 * found in the paragraph, weighted by the entry, worded by its provenance. Source-language marks are skipped in
 * documents of that language, where they are normal.
 */
/** A wire-mark rule's message for each provenance, given the language of the entry's wording. */
export type WireMarkMessages = Readonly<Record<WireMarkEntry['provenance'], (language: string) => string>>;

/** ` (in French)` for a message, nothing for `any` or a code without a name. */
export function inLanguage(code: string): string {
  const name = languageName(code);
  return name ? ` (in ${name})` : '';
}

export function detectWireMarks(
  meta: RuleMeta,
  kind: WireMarkEntry['kind'],
  messages: WireMarkMessages,
  p: Paragraph,
  marks: readonly CompiledWireMark[],
  language: string,
): Signal[] {
  const out: Signal[] = [];
  for (const { start, end, entry } of findWireMarks(p, marks, kind)) {
    // A mark left in the source language is untranslated only in a document in another language.
    if (entry.provenance === 'source' && language === entry.language) continue;
    out.push(
      makeSignal(meta, p, {
        start,
        end,
        weight: entry.weight,
        scope: 'document',
        message: `${messages[entry.provenance](entry.language)}: ${excerpt(p.text.slice(start, end))}`,
        data: { id: entry.id, provenance: entry.provenance, status: entry.status },
      }),
    );
  }
  return out;
}
