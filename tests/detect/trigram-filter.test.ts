// The trigram prefilter of literal look-ups (src/detect/trigram-filter.ts): never says "cannot contain" wrongly.
import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { markTrigrams, mayContain, trigramHashes } from '../../src/detect/trigram-filter.js';

describe('trigram filter', () => {
  it('lets through every literal the text holds (substrings of random Unicode text)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), fc.nat(), fc.nat(), (text, a, b) => {
        const start = text.length === 0 ? 0 : a % text.length;
        const literal = text.slice(start, start + (b % 40));
        markTrigrams(text);
        expect(mayContain(trigramHashes(literal))).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('agrees with includes() whenever it says no', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('a', 'b', 'c', 'é', ' ', '’'), maxLength: 60 }), fc.string({ unit: fc.constantFrom('a', 'b', 'c', 'é', ' ', '’'), maxLength: 8 }), (text, literal) => {
        markTrigrams(text);
        if (!mayContain(trigramHashes(literal))) expect(text.includes(literal)).toBe(false);
      }),
      { numRuns: 5000 },
    );
  });

  it('rules out literals with a trigram the text lacks, and knows nothing of short literals', () => {
    markTrigrams('selon le rapport publié mardi');
    expect(mayContain(trigramHashes('avant le marche'))).toBe(false);
    expect(mayContain(trigramHashes('le rapport'))).toBe(true);
    expect(mayContain(trigramHashes('zz'))).toBe(true);
    markTrigrams('avant le marche');
    expect(mayContain(trigramHashes('avant le marche'))).toBe(true);
    expect(mayContain(trigramHashes('selon le rapport'))).toBe(false);
  });
});
