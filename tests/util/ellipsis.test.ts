// ellipsis(): shortened text never splits a character; property: a prefix of the input plus "…", within the bound.
import { describe, expect, test } from '@jest/globals';
import fc from 'fast-check';
import { ellipsis } from '../../src/util/ellipsis.js';

describe('ellipsis', () => {
  test.each([
    ['short', 10, 'short'],
    ['exactly ten', 11, 'exactly ten'],
    ['abcdefghij', 5, 'abcd…'],
    ['AAA😀 suite', 5, 'AAA…'], // the cut would fall inside the emoji's surrogate pair
    ['AAAA😀 suite', 6, 'AAAA…'], // …or right after its high surrogate
    ['AAAe\u0301t\u00e9', 5, 'AAA…'], // a decomposed é keeps its accent: both go
    ['AA👍🏽 ok', 5, 'AA…'], // a skin-tone modifier stays with its emoji
    ['A👩‍💻 code', 5, 'A…'], // a ZWJ sequence is not cut after the joiner
    ['x', 0, ''],
    ['🇫🇷🇩🇪xyz', 3, '…'], // not half a flag
    ['🇫🇷🇩🇪xyz', 5, '🇫🇷…'],
    ['🇫🇷🇩🇪xyz', 7, '🇫🇷…'],
  ])('%j cut at %d → %j', (text, max, expected) => {
    expect(ellipsis(text, max)).toBe(expected);
  });

  test('property: never longer than the bound, a prefix of the input, no lone surrogate', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 60 }), fc.integer({ min: 1, max: 40 }), (text, max) => {
        const out = ellipsis(text, max);
        expect(out.length).toBeLessThanOrEqual(max);
        if (out === text) return;
        expect(out.endsWith('…')).toBe(true);
        expect(text.startsWith(out.slice(0, -1))).toBe(true);
        expect(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(out)).toBe(false);
      }),
    );
  });
});
