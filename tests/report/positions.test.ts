// End positions in HTML pages: a signal, message or paragraph ending on a character reference spans it whole.
import { describe, expect, it } from '@jest/globals';
import { check } from '../../src/api.js';
import { LineIndex } from '../../src/util/positions.js';

const HTML =
  '<html><body><article><p>Les actions ont bondi de 6,9&#37; mardi, a indiqué le groupe, selon un communiqué publié dans la matinée.</p>' +
  '<p>Le ministre a dit «&nbsp;non&nbsp;» aux syndicats réunis mardi à Paris pour la négociation salariale &amp;</p></article></body></html>';

describe('end offsets and columns in HTML', () => {
  it('a signal ending on a reference (&#37;, &nbsp;) ends after its ";", in offsets, columns and messages', async () => {
    const report = await check(HTML, { format: 'html' });
    const typography = report.paragraphs.flatMap((p) => p.signals).filter((s) => s.ruleId === 'typography');
    expect(typography.map((s) => [s.actual, HTML.slice(s.offset, s.endOffset)])).toEqual([
      ['%', '&#37;'],
      ['«\u00a0', '«&nbsp;'],
    ]);
    for (const s of typography) expect(s.endColumn).toBe(s.endOffset); // one line: the column of the last unit (";")
    const message = report.messages.find((m) => m.ruleId === 'typography')!;
    expect([message.column, message.endColumn]).toEqual([typography[0]!.column, typography[0]!.endColumn]);
  });

  it('a paragraph ending on a reference ends after it', async () => {
    const report = await check(HTML, { format: 'html' });
    expect(report.paragraphs.map((p) => HTML.slice(p.offset, p.endOffset).slice(-12))).toEqual(['s la matinée.', 'ariale &amp;'].map((t) => t.slice(-12)));
  });
});

describe('LineIndex.lastUnit', () => {
  it.each([
    ['a&#37;b', 1, 5, true],
    ['a&#x25;b', 1, 6, true],
    ['a&nbsp;b', 1, 6, true],
    ['a&amp b', 1, 1, true], // no semicolon: not a reference
    ['a&#37;b', 1, 1, false], // plain text: "&#37;" is what the wire says
    ['x😀y', 1, 2, false], // a surrogate pair
    ['x😀y', 2, 2, false],
    ['ab', 5, 5, false], // past the end
  ])('%j at %d → %d (html: %s)', (text, at, expected, html) => {
    expect(new LineIndex(text, html).lastUnit(at)).toBe(expected);
  });
});
