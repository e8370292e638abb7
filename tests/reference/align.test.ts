// Alignment primitives: tokens, token distance and similarity, in-order alignment with moves, grouped alignment, word diff.
import { describe, expect, test } from '@jest/globals';
import fc from 'fast-check';
import {
  alignGroups,
  alignInOrder,
  bag,
  boundedEditDistance,
  boundedPairs,
  commonSubsequence,
  editDistance,
  similarityBound,
  tokenize,
  tokenSimilarity,
  wordDiff,
  words,
} from '../../src/reference/align.js';

const flat = (s: string): string => s.replace(/\s+/g, ' ').trim();

describe('tokenize', () => {
  test('words keep accents and digits; punctuation and elision apostrophes are tokens of their own', () => {
    // Guillemets and curly apostrophes compare as the straight marks (a house-style pass is not an edit).
    expect(tokenize("L’armée a « 32 » membres, dit-il.").map((t) => t.text)).toEqual([
      'L', "'", 'armée', 'a', '"', '32', '"', 'membres', ',', 'dit', '-', 'il', '.',
    ]);
    expect(words('xAI, G7 et 2,9 millions')).toEqual(['xAI', 'G7', 'et', '2', '9', 'millions']);
  });

  test('offsets point at the token', () => {
    const text = '  Le Pentagone.';
    for (const t of tokenize(text)) expect(text.slice(t.start, t.end)).toBe(t.text);
  });
});

describe('token distance and similarity', () => {
  test('Levenshtein over tokens, LCS, OmegaT similarity', () => {
    expect(editDistance(['a', 'b', 'c'], ['a', 'x', 'c', 'd'])).toBe(2);
    expect(commonSubsequence(['a', 'b', 'c'], ['a', 'x', 'c', 'd'])).toBe(2);
    expect(tokenSimilarity(['a', 'b', 'c', 'd'], ['a', 'b', 'c', 'd'])).toBe(1);
    expect(tokenSimilarity(['a', 'b', 'c', 'd'], ['a', 'b', 'x', 'd'])).toBe(0.75);
    expect(tokenSimilarity([], [])).toBe(1);
    expect(tokenSimilarity(['a'], [])).toBe(0);
  });

  test('similarity is symmetric, within [0, 1], and bounded above by similarityBound', () => {
    const tok = fc.array(fc.constantFrom('le', 'la', 'de', 'Pentagone', 'IA', ',', '.', 'quatre'), { maxLength: 25 });
    fc.assert(
      fc.property(tok, tok, (a, b) => {
        const s = tokenSimilarity(a, b);
        expect(s).toBeGreaterThanOrEqual(0);
        expect(s).toBeLessThanOrEqual(1);
        expect(tokenSimilarity(b, a)).toBeCloseTo(s, 12);
        expect(similarityBound(bag(a), bag(b), a.length, b.length)).toBeGreaterThanOrEqual(s - 1e-12);
      }),
    );
  });
});

describe('boundedEditDistance', () => {
  test('is the edit distance when it is at most the bound, else the bound plus one', () => {
    const seq = fc.array(fc.integer({ min: 0, max: 4 }), { maxLength: 30 });
    fc.assert(
      fc.property(seq, seq, fc.integer({ min: 0, max: 35 }), (a, b, max) => {
        const d = editDistance(a, b);
        expect(boundedEditDistance(Int32Array.from(a), Int32Array.from(b), max)).toBe(d <= max ? d : max + 1);
      }),
      { numRuns: 500 },
    );
  });
});

describe('boundedPairs', () => {
  test('marks exactly the pairs whose similarityBound reaches the threshold', () => {
    const tok = fc.array(fc.constantFrom('le', 'la', 'de', 'Pentagone', 'IA', ',', '.', 'quatre', 'xAI'), { maxLength: 12 });
    fc.assert(
      fc.property(fc.array(tok, { maxLength: 6 }), fc.array(tok, { maxLength: 6 }), fc.constantFrom(0, 0.2, 0.4, 0.5, 1), (a, b, min) => {
        const marks = boundedPairs(a.map(bag), a.map((x) => x.length), b.map(bag), b.map((x) => x.length), min);
        expect(marks.length).toBe(a.length * b.length);
        a.forEach((x, i) =>
          b.forEach((y, j) => {
            expect([i, j, marks[i * b.length + j]]).toEqual([i, j, similarityBound(bag(x), bag(y), x.length, y.length) >= min ? 1 : 0]);
          }),
        );
      }),
    );
  });
});

describe('alignInOrder', () => {
  const eq = (a: string[], b: string[]) => (i: number, j: number) => (a[i] === b[j] ? 1 : 0);

  test('pairs in order, gaps for insertions and deletions, removals before additions', () => {
    const a = ['A', 'B', 'C', 'D'];
    const b = ['A', 'X', 'C', 'D'];
    const steps = alignInOrder(a.length, b.length, eq(a, b), { minScore: 0.3 });
    expect(steps.map((s) => [s.a, s.b])).toEqual([
      [0, 0],
      [1, null],
      [null, 1],
      [2, 2],
      [3, 3],
    ]);
  });

  test('an item matched out of order is a move, placed at its position in the second sequence', () => {
    const a = ['A', 'B', 'C', 'D', 'E'];
    const b = ['A', 'C', 'D', 'E', 'B'];
    const steps = alignInOrder(a.length, b.length, eq(a, b), { minScore: 0.3, moveScore: 0.5 });
    expect(steps.map((s) => [s.a, s.b, Boolean(s.moved)])).toEqual([
      [0, 0, false],
      [2, 1, false],
      [3, 2, false],
      [4, 3, false],
      [1, 4, true],
    ]);
  });

  test('without a move threshold, left-overs stay unpaired; empty sequences give no steps', () => {
    const a = ['A', 'B'];
    const b = ['B', 'A'];
    const steps = alignInOrder(2, 2, eq(a, b), { minScore: 0.3 });
    expect(steps.filter((s) => s.a !== null && s.b !== null)).toHaveLength(1);
    expect(alignInOrder(0, 0, () => 1, { minScore: 0.3 })).toEqual([]);
  });

  test('every item of both sequences appears exactly once', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 5 }), { maxLength: 12 }), fc.array(fc.integer({ min: 0, max: 5 }), { maxLength: 12 }), (a, b) => {
        const steps = alignInOrder(a.length, b.length, (i, j) => (a[i] === b[j] ? 1 : 0), { minScore: 0.3, moveScore: 0.5 });
        expect(steps.filter((s) => s.a !== null).map((s) => s.a).sort((x, y) => x! - y!)).toEqual(a.map((_, i) => i));
        expect(steps.filter((s) => s.b !== null).map((s) => s.b)).toEqual(b.map((_, j) => j));
      }),
    );
  });
});

describe('alignGroups', () => {
  test('merges several items of one side against one of the other when that scores better', () => {
    // Lengths: the second side's item 1 is the first side's items 1+2 joined.
    const a = [10, 5, 5, 10];
    const b = [10, 10, 10];
    const score = (a0: number, a1: number, b0: number, b1: number): number => {
      const la = a.slice(a0, a1).reduce((x, y) => x + y, 0);
      const lb = b.slice(b0, b1).reduce((x, y) => x + y, 0);
      return Math.min(la, lb) / Math.max(la, lb);
    };
    const groups = alignGroups(a.length, b.length, score, { maxMerge: 4, minScore: 0.3 });
    expect(groups.map((g) => [g.a, g.b])).toEqual([
      [[0], [0]],
      [[1, 2], [1]],
      [[3], [2]],
    ]);
  });

  test('items that pair with nothing stay alone', () => {
    const groups = alignGroups(1, 2, (_a0, _a1, b0, b1) => (b0 === 0 && b1 === 1 ? 1 : 0), { maxMerge: 2, minScore: 0.3 });
    expect(groups.map((g) => [g.a, g.b])).toEqual([
      [[0], [0]],
      [[], [1]],
    ]);
  });
});

describe('wordDiff', () => {
  test('word changes between two phrasings', () => {
    expect(wordDiff('Les autres entreprises étaient OpenAI.', 'Les trois autres sociétés sont OpenAI.')).toEqual([
      { op: 'equal', text: 'Les ' },
      { op: 'insert', text: 'trois ' },
      { op: 'equal', text: 'autres ' },
      { op: 'delete', text: 'entreprises étaient' },
      { op: 'insert', text: 'sociétés sont' },
      { op: 'equal', text: ' OpenAI.' },
    ]);
  });

  test('null when jsdiff gives up (maxEditLength reached): too different to align', () => {
    expect(wordDiff('un deux trois quatre cinq', 'six sept huit neuf dix', { maxEditLength: 2 })).toBeNull();
    expect(wordDiff('un deux trois quatre cinq', 'six sept huit neuf dix')).not.toBeNull();
  });

  test('no time limit by default: two 2,000-word paragraphs, a third of the words changed, are diffed on every call (API review)', () => {
    // With a 200 ms default the first calls of a process, or any call on a loaded machine, came back null.
    const vocabulary = 'le la les un une des ministre gouvernement société groupe prévision croissance marché Paris mardi'.split(' ');
    let seed = 42;
    const next = (): number => (seed = (seed * 1103515245 + 12345) >>> 0) / 2 ** 32;
    const a = Array.from({ length: 2000 }, () => vocabulary[Math.floor(next() * vocabulary.length)]!);
    const b = a.map((w) => (next() < 0.3 ? vocabulary[Math.floor(next() * vocabulary.length)]! : w));
    const first = wordDiff(a.join(' '), b.join(' '));
    expect(first).not.toBeNull();
    expect(wordDiff(a.join(' '), b.join(' '))).toEqual(first);
  });

  test('the candidate is rebuilt exactly from equal and inserted parts, the reference up to white space', () => {
    const text = fc.array(fc.constantFrom('le', 'Pentagone', 'a', 'dit', ',', '.', ' ', '  ', 'IA', "l'armée"), { maxLength: 30 }).map((x) => x.join(' '));
    fc.assert(
      fc.property(text, text, (a, b) => {
        const changes = wordDiff(a, b, { maxEditLength: 10_000, timeout: 10_000 });
        expect(changes).not.toBeNull();
        expect(changes!.filter((c) => c.op !== 'delete').map((c) => c.text).join('')).toBe(b);
        expect(flat(changes!.filter((c) => c.op !== 'insert').map((c) => c.text).join(''))).toBe(flat(a));
      }),
      { numRuns: 200 },
    );
  });
});
