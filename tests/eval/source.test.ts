// Source-aware features (evaluation only): what they count, and that double quotes are not among the mirrored marks.
import { describe, expect, it } from '@jest/globals';
import { SOURCE_FEATURES, sourceFeatures } from '../../src/eval/source.js';

const feature = (source: string, target: string, name: (typeof SOURCE_FEATURES)[number]): number =>
  sourceFeatures(source, target)[SOURCE_FEATURES.indexOf(name)]!;

describe('sourceFeatures', () => {
  it('returns one value per named feature', () => {
    expect(sourceFeatures('He said it was fine.', 'Il a dit que tout allait bien.')).toHaveLength(SOURCE_FEATURES.length);
  });

  it('counts mirrored punctuation: a comma dropped is an error, a comma kept is not', () => {
    expect(feature('Yes, he came; then he left.', 'Oui, il est venu; puis il est parti.', 'punct.mirrorError')).toBe(0);
    expect(feature('Yes, he came; then he left.', 'Oui il est venu; puis il est parti.', 'punct.mirrorError')).toBeCloseTo(0.5, 12);
  });

  it('does not count double quotes (stripped from the WMT14 machine outputs before translation)', () => {
    expect(feature('He said "no" to it.', 'Il a dit non.', 'punct.mirrorError')).toBe(0);
    expect(feature('He said no to it.', 'Il a dit "non".', 'punct.mirrorError')).toBe(0);
  });

  it('compares sentence counts and keeps numbers', () => {
    expect(feature('One. Two. Three.', 'Un. Deux et trois.', 'sentences.absDiff')).toBe(1);
    expect(feature('It rose 5 % to 120.', 'Il a augmenté de 5 % à 120.', 'numbers.kept')).toBe(1);
    expect(feature('It rose 5 % to 120.', 'Il a augmenté de 5 %.', 'numbers.kept')).toBe(0.5);
  });
});
