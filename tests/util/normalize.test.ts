// Tolerant normalisation and its offset map.
import { describe, expect, test } from '@jest/globals';
import fc from 'fast-check';
import { mapRange, normalizeWithMap } from '../../src/util/normalize.js';
import { LineIndex } from '../../src/util/positions.js';

describe('normalizeWithMap', () => {
  test.each([
    ['TRADUCTION AUTOMATISÉE', 'traduction automatisee'],
    ['l’aide\u00a0de  l&#39;IA', "l'aide de l'ia"],
    ['Traduction&nbsp;automatis&eacute;e', 'traduction automatisee'],
    ['«\u202fBonjour\u202f»', '" bonjour "'],
    ['  cœur\n\n ', 'coeur'],
    ['a\u200bb', 'ab'],
  ])('%j → %j', (input, expected) => {
    expect(normalizeWithMap(input).text).toBe(expected);
  });

  test('ranges map back to the exact source, entities and trailing space included correctly', () => {
    const input = 'Voir l&#39;avertissement: https://bit.ly/rtrsauto))  \n';
    const n = normalizeWithMap(input);
    const i = n.text.indexOf("l'avertissement");
    const r = mapRange(n, i, i + "l'avertissement".length);
    expect(input.slice(r.start, r.end)).toBe('l&#39;avertissement');
    const j = n.text.indexOf('rtrsauto))');
    const r2 = mapRange(n, j, n.text.length);
    expect(input.slice(r2.start, r2.end)).toBe('rtrsauto))');
  });

  test('property: every mapped range lies inside the input', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), fc.nat(), fc.nat(), (s, a, b) => {
        const n = normalizeWithMap(s);
        const start = Math.min(a, b) % (n.text.length + 1);
        const end = Math.max(a, b) % (n.text.length + 1);
        const r = mapRange(n, Math.min(start, end), Math.max(start, end));
        expect(r.start).toBeGreaterThanOrEqual(0);
        expect(r.end).toBeLessThanOrEqual(s.length);
        expect(r.start).toBeLessThanOrEqual(r.end);
      }),
      { numRuns: 300 },
    );
  });
});

describe('LineIndex', () => {
  test('1-based lines and columns, CRLF and CR line ends', () => {
    const idx = new LineIndex('ab\ncd\r\nef\rg');
    expect(idx.point(0)).toEqual({ line: 1, column: 1, offset: 0 });
    expect(idx.point(4)).toEqual({ line: 2, column: 2, offset: 4 });
    expect(idx.point(7)).toEqual({ line: 3, column: 1, offset: 7 });
    expect(idx.point(10)).toEqual({ line: 4, column: 1, offset: 10 });
    expect(idx.lineCount).toBe(4);
  });
});
