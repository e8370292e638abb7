// Rule fused-heading: an all-caps subheading flattened into the next sentence (`SURVEILLANCE DE MASSE Le retrait …`).
import type { Detector, Paragraph, RuleMeta, Signal } from '../types.js';
import { makeSignal } from './util.js';

/**
 * Two to nine upper-case words (letters with accents, digits, `'`, `-`, `&`) at the start of the paragraph, of a
 * line, or of a sentence, then one space and a capitalised ordinary word (`Le`, `L'armée`, `Anthropic`) or `À`/`A`
 * before a lower-case word. Words are separated by exactly one space and the word class excludes spaces, so the
 * regex cannot backtrack badly. Datelines (`NEW YORK (Reuters) -`, `PARIS, 3 mars`) are not followed by a
 * capitalised word, and acronym runs inside sentences (`l'OTAN et l'ONU`) are not at a sentence start.
 */
const FUSED =
  /(?<=^|[.!?…»"”]\s+|\n[ \t]*)((?:[\p{Lu}\p{N}][\p{Lu}\p{N}'’&-]* ){1,8}[\p{Lu}\p{N}][\p{Lu}\p{N}'’&-]*) (?=\p{Lu}(?:\p{Ll}|['’]\p{L})|[ÀA] \p{Ll})/gu;
/** A word of at least five letters: a real heading word, not an acronym run (`UE BCE`). */
const LONG_WORD = /\p{Lu}{5,}/u;

/**
 * Weight 1.0 nats (LR ≈ 2.7). Seen in machine-translated Reuters French (seeds/003: `SURVEILLANCE DE MASSE Le retrait
 * d'Anthropic fait suite…`, where the English original has "Mass surveillance" on a line of its own,
 * datasets.md §3b): the MT pipeline upper-cases the subheading and loses its line break. A republisher's scraper
 * could flatten a human story's subheadings too, hence a moderate weight.
 */
const WEIGHT = 1.0;

/** Rule metadata (id, severity, kinds). */
const meta: RuleMeta = {
  id: 'fused-heading',
  description: 'An all-caps subheading fused into the next sentence on the same line ("SURVEILLANCE DE MASSE Le retrait …").',
  defaultSeverity: 'warning',
  docs: 'docs/rules/fused-heading.md',
  evidence: 'artefact',
  kinds: ['body'],
};

/**
 * fused-heading: flags an all-caps run of two or more words, one of at least five letters, that starts a paragraph,
 * line or sentence and runs straight into a capitalised sentence. See docs/rules/fused-heading.md.
 */
export const detector: Detector = {
  meta,
  detect(p: Paragraph): Signal[] {
    const text = p.text;
    // Every heading reported holds five capitals in a row (LONG_WORD): without them nothing can be, and FUSED, the
    // costlier expression, need not be compiled or run.
    if (!LONG_WORD.test(text)) return [];
    const out: Signal[] = [];
    for (const m of text.matchAll(FUSED)) {
      const heading = m[1]!;
      if (!LONG_WORD.test(heading)) continue;
      out.push(
        makeSignal(meta, p, {
          start: m.index,
          end: m.index + heading.length,
          weight: WEIGHT,
          message: `All-caps subheading "${heading}" fused into the next sentence: its line break was lost`,
          expected: [`${heading}\n`],
        }),
      );
    }
    return out;
  },
};

export default detector;
