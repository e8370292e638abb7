// Rule mt-notice: reports the machine-translation (or AI) notice the segmenter found, as document-wide evidence.
import type { Detector, NoticeMatch, OffsetMap, Paragraph, Signal } from '../types.js';
import { ellipsis } from '../util/ellipsis.js';
import { attribution } from '../util/attribution.js';

/** Longest excerpt of the notice quoted in the message; the full text is in `actual`. */
const EXCERPT_CHARS = 60;

/**
 * First index of `text` whose source offset is ≥ `offset`, or `text.length` when none is.
 * The map's runs are sorted; inside a run, characters are contiguous in the source.
 */
function textIndexAt(map: OffsetMap, textLength: number, offset: number): number {
  for (let r = 0; r < map.length; r++) {
    const [t, s] = map[r]!;
    const next = r + 1 < map.length ? map[r + 1]![0] : textLength;
    const length = Math.max(0, next - t);
    if (offset < s) return Math.min(t, textLength);
    if (offset < s + length) return Math.min(t + (offset - s), textLength);
  }
  return textLength;
}

/** Where the notice lies inside the paragraph text (end exclusive); the whole paragraph if it cannot be placed. */
function placeNotice(p: Paragraph, notice: NoticeMatch): { start: number; end: number } {
  const map: OffsetMap = p.offsets.length > 0 ? p.offsets : [[0, p.start.offset]];
  const start = textIndexAt(map, p.text.length, notice.start);
  const end = textIndexAt(map, p.text.length, notice.end);
  if (end <= start) return { start: 0, end: p.text.length };
  return { start, end };
}

function excerpt(text: string): string {
  const flat = text.replace(/\s+/gu, ' ').trim();
  return ellipsis(flat, EXCERPT_CHARS);
}

/**
 * mt-notice: a paragraph that carries a machine-translation notice (Reuters' "((Traduction automatisée par Reuters
 * … https://bit.ly/rtrsauto))", seen on boursorama.com, or another outlet's; corpora/notices/) yields one
 * document-scoped signal whose weight is the notice entry's log-likelihood ratio. Pure: it only reads
 * `paragraph.notice`, which the segmenter sets from `findNotices`. See docs/rules/mt-notice.md.
 */
export const mtNotice: Detector = {
  meta: {
    id: 'mt-notice',
    description: 'The text carries a machine-translation or AI notice from its publisher (e.g. Reuters "Traduction automatisée par Reuters").',
    defaultSeverity: 'info',
    docs: 'docs/rules/mt-notice.md',
    evidence: 'notice',
    kinds: ['notice'],
  },
  detect(p: Paragraph): Signal[] {
    const notice = p.notice;
    if (!notice) return [];
    const { start, end } = placeNotice(p, notice);
    const what = notice.declares === 'ai-assistance' ? 'AI-assistance notice' : 'Machine-translation notice';
    return [
      {
        ruleId: 'mt-notice',
        weight: notice.weight,
        message: `${what} (${attribution(notice)}${notice.language === 'any' ? '' : `, ${notice.language}`}): ${excerpt(p.text.slice(start, end) || notice.text)}`,
        paragraph: p.index,
        start,
        end,
        scope: 'document',
        evidence: 'notice',
        actual: p.text.slice(start, end),
        data: { id: notice.id, agency: notice.agency, generic: notice.generic, declares: notice.declares },
      },
    ];
  },
};

export default mtNotice;
