// Rule mt-notice: one document-scoped signal for a paragraph that carries a notice, nothing otherwise.
import { describe, expect, it } from '@jest/globals';
import { findNotices } from '../../src/corpora/notices.js';
import { mtNotice } from '../../src/detect/mt-notice.js';
import type { NoticeMatch, Paragraph } from '../../src/types.js';
import { makeContext, makeParagraph, show } from '../support/paragraph.js';

const context = makeContext();
const N =
  "((Traduction automatisée par Reuters à l'aide de l'apprentissage automatique et de l'IA générative, veuillez vous référer à l'avertissement suivant: https://bit.ly/rtrsauto))";

/** A notice paragraph cut out of `source` at `offset`, with the notice found in the whole source. */
function noticeParagraph(source: string, text: string, offset = source.indexOf(text)): Paragraph {
  const notice = findNotices(source, context.corpora)[0];
  const p = makeParagraph(text, 'notice');
  return {
    ...p,
    start: { line: 1, column: offset + 1, offset },
    offsets: [[0, offset]],
    ...(notice ? { notice } : {}),
  };
}

describe('mt-notice meta', () => {
  it('declares what the registry and the docs need', () => {
    expect(mtNotice.meta).toEqual({
      id: 'mt-notice',
      description: expect.any(String),
      defaultSeverity: 'info',
      docs: 'docs/rules/mt-notice.md',
      evidence: 'notice',
      kinds: ['notice'],
    });
  });
});

describe('mt-notice valid (flagged)', () => {
  const source = `Titre de la dépêche\ninformation fournie par Reuters 15/02/2026 à 04:04\n\n${N}\n\nLe lede.`;
  const glued = `${N} par Kanishka Ajmera et Rashika Singh`;
  const table: [string, Paragraph, string][] = [
    ['the notice alone', noticeParagraph(N, N), N],
    ['the notice inside a document (paragraph offset)', noticeParagraph(source, N), N],
    ['the notice glued to a byline', noticeParagraph(glued, glued), N],
  ];
  it.each(table)('%s', (_name, p, expected) => {
    const signals = mtNotice.detect(p, context);
    expect(signals).toHaveLength(1);
    const s = signals[0]!;
    expect(show(s, p.text)).toBe(`0-${expected.length} mt-notice ${JSON.stringify(expected)}`);
    expect(s).toMatchObject({
      ruleId: 'mt-notice',
      weight: 6,
      scope: 'document',
      evidence: 'notice',
      paragraph: p.index,
      data: { id: 'RTR-FR-AUTO-1', agency: 'Reuters', generic: false, declares: 'machine-translation' },
    });
    expect(s.message.startsWith("Machine-translation notice (Reuters, fr): ((Traduction automatisée par Reuters à l'aide")).toBe(true);
    expect(s.message.endsWith('…')).toBe(true);
  });

  it('places the notice through a non-contiguous offset map (HTML)', () => {
    // Text characters 0–49 come from source 100–149, the rest from 300 on (an inline tag sat in between).
    const p: Paragraph = { ...makeParagraph(`x ${N}`, 'notice'), offsets: [[0, 98], [52, 300]] };
    const notice: NoticeMatch = {
      id: 'RTR-FR-AUTO-1', agency: 'Reuters', language: 'fr', declares: 'machine-translation', weight: 6,
      start: 100, end: 300 + N.length - 50, text: N, status: 'seen', generic: false,
    };
    const [s] = mtNotice.detect({ ...p, notice }, context);
    expect([s!.start, s!.end]).toEqual([2, 2 + N.length]);
  });

  it('reports an AI-assistance notice with its own weight and wording', () => {
    const text =
      'Dieser Artikel wurde mithilfe maschineller Unterstützung bearbeitet und vor der Veröffentlichung von Redakteur Max Muster sorgfältig geprüft.';
    const [s] = mtNotice.detect(noticeParagraph(text, text), context);
    expect(s!.message.startsWith('AI-assistance notice (German regional outlet, de): Dieser Artikel')).toBe(true);
    expect(s!.weight).toBe(1.5);
    expect(s!.data).toEqual({ id: 'DE-AI-ASSIST', agency: 'German regional outlet', generic: false, declares: 'ai-assistance' });
  });

  it('does not attribute a stock sentence to the outlet where it was seen', () => {
    // KRONE-EN is marked generic in corpora/notices: any site may print "This article has been automatically translated".
    const text = 'This article has been automatically translated.';
    const [s] = mtNotice.detect(noticeParagraph(text, text), context);
    expect(s!.message.startsWith('Machine-translation notice (unattributed stock wording, seen at Kronen Zeitung, en): This article')).toBe(true);
    expect(s!.data).toMatchObject({ id: 'KRONE-EN', generic: true });
  });

  it('falls back to the whole paragraph when the notice lies outside it', () => {
    const p = noticeParagraph(N, N);
    const [s] = mtNotice.detect({ ...p, notice: { ...p.notice!, start: 5000, end: 5100 } }, context);
    expect([s!.start, s!.end]).toEqual([0, N.length]);
  });
});

describe('mt-notice invalid (not flagged)', () => {
  const table: [string, Paragraph][] = [
    ['a body sentence about machine translation', makeParagraph('La traduction automatisée par Reuters a suscité une grève.')],
    ['a notice-kind paragraph without a notice', makeParagraph('((Note de la rédaction))', 'notice')],
    ['the notice text in a body paragraph the segmenter did not mark', makeParagraph(N)],
    ['an empty paragraph', makeParagraph('', 'notice')],
  ];
  it.each(table)('%s', (_name, p) => {
    expect(mtNotice.detect(p, context)).toEqual([]);
  });
});
