// Rule typography: French typographic conventions (« » and no-break spaces) kept or ignored: weak evidence both ways.
import type { Detector, Paragraph, RuleMeta, Signal } from '../types.js';
import { makeSignal, overlaps, skipZones, type Finding, type Range } from './util.js';

/** A straight double quote. */
const STRAIGHT = /"/gu;
/**
 * `: ; ! ? %` glued to the preceding word or number. French puts a no-break space before them (Alexa Translations'
 * norms `Voici°:`, `8,5°%`; provenance-evidence.md §4.3). Times and ratios (`14:30`, `3:1`) and `://` are excluded
 * below, URLs and code by skip zones.
 */
const GLUED = /(?<=[\p{L}\p{N}»")\]])[:;!?%]/gu;
/** French guillemets with a no-break or narrow no-break space inside. */
const NBSP_GUILLEMETS = /«[\u00a0\u202f]|[\u00a0\u202f]»/gu;
/** A no-break space before `: ; ! ? %`. */
const NBSP_PUNCT = /[\u00a0\u202f][:;!?%]/gu;
/** Brand names with a glued `!` (`Yahoo!`). */
const BRANDS = /(?:Yahoo|Jeopardy|Wham)$/u;

/**
 * Weights, in nats, deliberately tiny (±0.1–0.2; provenance-evidence.md §4.3 "weight typography low"):
 * - straight `"` +0.1: Reuters MT keeps them, but human AFP copy on Boursorama uses them too (`un "calme plat"`,
 *   boursorama 2025-11-28) and datasets.md §1 caveat 1 warns that Reuters has its own house style;
 * - `:;!?%` glued +0.1: the Reuters MT notice itself has `suivant:`, MT Palantir copy has `6,9%` next to `11,5 %`;
 *   common in human web French too;
 * - « » with no-break spaces −0.2: in WMT14, no-break spaces appear in 81 % of human reference paragraphs and 0–1 % of
 *   DeepL/Google output (datasets.md §1 caveat 1); older human Reuters French uses « » (chretiens.com, §4.3);
 * - a no-break space before `:;!?%` −0.1: the same WMT14 count, without the guillemets.
 */
const WEIGHTS = { 'straight-quotes': 0.1, 'missing-space': 0.1, 'guillemets-nbsp': -0.2, 'nbsp-punctuation': -0.1 } as const;
type SubKind = keyof typeof WEIGHTS;

/** Rule metadata (id, severity, kinds). */
const meta: RuleMeta = {
  id: 'typography',
  description: 'French typography ignored (straight quotes, no space before : ; ! ? %) or observed (« » with no-break spaces): weak evidence.',
  defaultSeverity: 'info',
  docs: 'docs/rules/typography.md',
  evidence: 'style',
  languages: ['fr'],
  kinds: ['body', 'headline'],
};

function firstOutside(text: string, re: RegExp, skip: readonly Range[], accept: (i: number) => boolean = () => true): number {
  for (const m of text.matchAll(re)) if (!overlaps(skip, m.index, m.index + m[0].length) && accept(m.index)) return m.index;
  return -1;
}

/**
 * typography: at most one signal per paragraph for each of four sub-kinds (straight quotes, missing space before
 * `: ; ! ? %`, « » with no-break spaces, no-break space before `: ; ! ? %`), so a long paragraph cannot flood the
 * report. Skips URLs, e-mail addresses, code, times (`14:30`), ratios (`3:1`) and inch marks (`15,6"`).
 * See docs/rules/typography.md.
 */
export const detector: Detector = {
  meta,
  detect(p: Paragraph): Signal[] {
    const text = p.text;
    const skip = skipZones(text);
    const findings: (Finding & { kind: SubKind })[] = [];
    // Straight quotes, unless the paragraph also uses « » (then `"` marks a quote inside a quote, as French does).
    if (!/[«»]/u.test(text)) {
      const q = firstOutside(text, STRAIGHT, skip, (i) => !(/\d/u.test(text[i - 1] ?? '') && /^(?:\s|$)/u.test(text.slice(i + 1, i + 2))));
      if (q !== -1) {
        const close = text.indexOf('"', q + 1);
        const end = close !== -1 && close - q <= 120 ? close + 1 : q + 1;
        findings.push({ kind: 'straight-quotes', start: q, end, weight: WEIGHTS['straight-quotes'], message: 'Straight quotes " " where French uses « » (weak evidence: human wire copy uses them too)', expected: ['« »'] });
      }
    }
    const glued = firstOutside(text, GLUED, skip, (i) => {
      const ch = text[i]!;
      const before = text[i - 1] ?? '';
      const after = text[i + 1] ?? '';
      if (ch === ':' && (/\d/u.test(before) && /\d/u.test(after))) return false; // 14:30, 3:1
      if (ch === ':' && after === '/') return false; // http://
      if (ch === ':' && /\[ID$/u.test(text.slice(Math.max(0, i - 3), i))) return false; // a wire story id `[ID:…]`
      if ((ch === '!' || ch === '?') && (/[\p{L}\p{N}]/u.test(after) || BRANDS.test(text.slice(Math.max(0, i - 8), i)))) return false;
      if (ch === ';' && /&[#\w]{1,8}$/u.test(text.slice(Math.max(0, i - 9), i))) return false; // an undecoded entity
      return true;
    });
    if (glued !== -1) {
      const ch = text[glued]!;
      findings.push({ kind: 'missing-space', start: glued, end: glued + 1, weight: WEIGHTS['missing-space'], message: `No space before "${ch}" (French puts a no-break space before : ; ! ? %)`, expected: [`\u00a0${ch}`] });
    }
    const g = firstOutside(text, NBSP_GUILLEMETS, skip);
    if (g !== -1) {
      findings.push({ kind: 'guillemets-nbsp', start: g, end: g + 2, weight: WEIGHTS['guillemets-nbsp'], message: 'French guillemets with no-break spaces (« … »): careful French typesetting, weak evidence of human work' });
    }
    const n = firstOutside(text, NBSP_PUNCT, skip);
    if (n !== -1) {
      findings.push({ kind: 'nbsp-punctuation', start: n, end: n + 2, weight: WEIGHTS['nbsp-punctuation'], message: 'No-break space before a colon, semicolon, question or exclamation mark or percent sign: weak evidence of human work' });
    }
    return findings
      .sort((a, b) => a.start - b.start)
      .map(({ kind, ...f }) => makeSignal(meta, p, { ...f, data: { kind } }));
  },
};

export default detector;
