// Rule broken-apostrophe: a French elision split by a space around its apostrophe (`l' élimination`, `d 'utiliser`).
import type { Detector, Paragraph, RuleMeta, Signal } from '../types.js';
import { makeSignal, overlaps, skipZones } from './util.js';

/**
 * An elided French word (l', d', j', m', n', s', t', c', qu', jusqu', lorsqu', puisqu', quoiqu', presqu', and
 * aujourd' of aujourd'hui) with white space before or after its apostrophe, then the next word. Not preceded by a
 * letter, digit or apostrophe, so `rock 'n' roll` and English possessives (`companies' shares`) are not elisions.
 * Quantifiers are bounded: linear time.
 */
const BROKEN =
  /(?<![\p{L}\p{N}'’‘`])(jusqu|lorsqu|puisqu|quoiqu|presqu|aujourd|qu|[ldjmnstc])(?:[ \t\u00a0\u202f\n]{1,3}['’][ \t\u00a0\u202f]{0,3}|['’][ \t\u00a0\u202f\n]{1,3})(\p{L}[\p{L}\p{M}-]{0,40})/giu;
/** An opening single quote: at the start or after a space or opening punctuation, followed by a letter. */
const OPENER = /(?<=^|[\s([{«"“:])['‘](?=\p{L})/gu;
/** A closing single quote: after a letter, digit or sentence punctuation, before a space, punctuation or the end. */
const CLOSER = /(?<=[\p{L}\p{N}.!?…,])['’](?=[\s.,;:!?)\]}»"”]|$)/gu;
/** A lone elided word and white space just before a position. */
const ELIDED_BEFORE = /(?<![\p{L}\p{N}])(?:jusqu|lorsqu|puisqu|quoiqu|presqu|aujourd|qu|[ldjmnstc])\s{1,3}$/iu;
/** A lone elided word just before a position. */
const ELIDED_END = /(?<![\p{L}\p{N}])(?:jusqu|lorsqu|puisqu|quoiqu|presqu|aujourd|qu|[ldjmnstc])$/iu;
/** Where a capitalised elision may start a sentence: text start, after sentence punctuation, or an opening bracket/quote. */
const SENTENCE_START = /(?:^|[.!?…:]\s+|[(«"“]\s*|\n\s*)$/u;

/**
 * Weight 1.5 nats (LR ≈ 4.5). Seen in machine-translated Reuters French (`sur l' élimination potentielle`,
 * `d 'utiliser sa technologie`, boursorama 2026-01-29), exactly where an English copy of the same story carries a
 * stray hidden character (`allow the government to ā use`): markup in the wire that the MT pipeline turned into
 * spacing damage (provenance-evidence.md §3.4, which calls it "a strong artefact signal"). Human typists rarely put a
 * space inside an elision, and French spell checkers flag it; not higher because scraping can cause it too.
 */
const WEIGHT = 1.5;

/** Rule metadata (id, severity, kinds). */
const meta: RuleMeta = {
  id: 'broken-apostrophe',
  description: "A French elision split by a space around its apostrophe (\"l' élimination\", \"d 'utiliser\").",
  defaultSeverity: 'warning',
  docs: 'docs/rules/broken-apostrophe.md',
  evidence: 'artefact',
  languages: ['fr'],
  kinds: ['body', 'headline'],
};

function positions(text: string, re: RegExp): number[] {
  return [...text.matchAll(re)].map((m) => m.index);
}

/**
 * broken-apostrophe: flags `l' élimination`, `d 'utiliser`, `qu' il` (straight or curly apostrophe). Does not flag
 * intact elisions (`aujourd'hui`), English possessives, nor single quotes used as quotation marks around words
 * (`'La balle est dans leur camp'`, Cercle Finance style). See docs/rules/broken-apostrophe.md.
 */
export const detector: Detector = {
  meta,
  detect(p: Paragraph): Signal[] {
    const text = p.text;
    if (!/['’]/u.test(text)) return [];
    const skip = skipZones(text);
    // Quotation marks are looked for only when a candidate needs them: most paragraphs hold no broken elision, and the
    // three expressions took about 1.3 ms to compile in a fresh process (2026-11-24). Same results.
    let quotes: { openers: number[]; closers: number[] } | undefined;
    const quoteMarks = (): { openers: number[]; closers: number[] } =>
      (quotes ??= {
        // An apostrophe right after a lone elided word and a space (`d 'utiliser`) is the damage itself, not an opener.
        openers: positions(text, OPENER).filter((o) => !ELIDED_BEFORE.test(text.slice(Math.max(0, o - 12), o))),
        closers: positions(text, CLOSER),
      });
    const out: Signal[] = [];
    for (const m of text.matchAll(BROKEN)) {
      const word = m[1]!;
      const start = m.index;
      const end = m.index + m[0].length;
      if (overlaps(skip, start, end)) continue;
      // A capitalised elision ("L' élimination") only at a sentence start: "vitamine C' selon" is a closing quote.
      if (word[0] !== word[0]!.toLowerCase() && !SENTENCE_START.test(text.slice(Math.max(0, start - 3), start))) continue;
      const apostrophe = start + m[0].search(/['’]/u);
      const spaceBefore = /\s/u.test(text[apostrophe - 1] ?? '');
      if (!spaceBefore) {
        // `'vitamine d' a été`: the apostrophe closes a quote opened earlier and not yet closed.
        const { openers, closers } = quoteMarks();
        const opened = openers.filter((o) => o < apostrophe);
        const last = opened[opened.length - 1];
        if (last !== undefined && !closers.some((c) => c > last && c < apostrophe)) continue;
      } else {
        // `le plan c 'ambitieux' tient`: the apostrophe opens a quote closed later in the same sentence.
        const rest = text.slice(apostrophe + 1, apostrophe + 160);
        const stop = rest.search(/[.!?]\s/u);
        const scope = stop === -1 ? rest : rest.slice(0, stop);
        const closing = /(?<=[\p{L}\p{N}])['’](?=[\s.,;:!?)\]}»"”]|$)/u.exec(scope);
        if (closing && !ELIDED_END.test(scope.slice(0, closing.index))) {
          continue;
        }
      }
      const fixed = `${word}${text[apostrophe]}${m[2]!}`;
      out.push(
        makeSignal(meta, p, {
          start,
          end,
          weight: WEIGHT,
          message: `Broken elision "${m[0].replace(/\s+/gu, ' ')}": a space around the apostrophe, typical of markup lost in machine translation`,
          expected: [fixed],
        }),
      );
    }
    return out;
  },
};

export default detector;
