// Style features of a French paragraph: typography normalisation, named features, hashed vector, speed.
import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import {
  denseFeatures,
  DENSE_FEATURES,
  dot,
  extractFeatures,
  featureCount,
  featureDot,
  featureText,
  hashedCount,
  normalizeTypography,
  shapeTokens,
  wordCount,
  type FeatureSpec,
} from '../../src/score/intrinsic.js';

const NB = '\u00a0';
const NNB = '\u202f';

const SPEC: FeatureSpec = { version: 1, wordBuckets: 1024, charBuckets: 2048, dense: [], denseMean: [], denseSd: [] };

const PARAGRAPH =
  "Le ministre a déclaré mardi que le projet serait présenté au printemps. « Nous n'avons pas le choix », a-t-il ajouté devant les députés. Selon l'opposition, le calendrier reste flou.";

describe('normalizeTypography', () => {
  it('folds spaces, apostrophes and quotes, and drops the space before : ; ! ?', () => {
    expect(normalizeTypography(`«${NB}Oui${NB}», dit-il${NNB}: c’est  fini${NB}!`)).toBe('" Oui ", dit-il: c\'est fini!');
    expect(normalizeTypography('“Bonjour” ; au revoir ?')).toBe('"Bonjour"; au revoir?');
  });

  it('makes a human-typeset and a plain version identical', () => {
    const human = `Il a dit${NB}: «${NB}l’accord est conclu${NB}».`;
    const plain = 'Il a dit: " l\'accord est conclu ".';
    expect(normalizeTypography(human)).toBe(normalizeTypography(plain));
    expect(featureText(human)).toBe(featureText('Il a dit : "l’accord est conclu".'));
  });
});

describe('featureText', () => {
  it('lower-cases, removes double quotes and folds dashes and ellipses', () => {
    expect(featureText('Le « Président » – encore…')).toBe('le président - encore...');
  });
});

describe('denseFeatures', () => {
  const f = denseFeatures(PARAGRAPH);

  it('computes every named feature', () => {
    expect(Object.keys(f).sort()).toEqual([...DENSE_FEATURES].sort());
    for (const v of Object.values(f)) expect(Number.isFinite(v)).toBe(true);
  });

  it('counts sentences, reporting verbs and function words', () => {
    expect(f['sentence.count']).toBeCloseTo(3 / 3, 12);
    const words = wordCount(PARAGRAPH);
    expect(f['report.declare']).toBeCloseTo((1 / words) * 10, 12);
    expect(f['report.selon']).toBeCloseTo((1 / words) * 10, 12);
    expect(f['report.inversion']).toBeGreaterThan(0);
    expect(f['fw.le']).toBeGreaterThan(0);
    expect(f['punct.comma']).toBeGreaterThan(0);
    expect(f['calque.hits']).toBe(0);
  });

  it('counts calques', () => {
    expect(denseFeatures("Elle est en charge de l'enquête et veut initier des discussions.")['calque.hits']).toBe(2);
  });

  it('measures lexical diversity', () => {
    expect(denseFeatures('le chat le chat le chat le chat')['lex.ttr40']).toBeCloseTo(2 / 8, 12);
    expect(denseFeatures('un deux trois quatre cinq six sept huit')['lex.ttr40']).toBe(1);
  });
});

describe('extractFeatures', () => {
  it('is deterministic, in range, with unique indices and unit-norm blocks', () => {
    const a = extractFeatures(PARAGRAPH, SPEC);
    const b = extractFeatures(PARAGRAPH, SPEC);
    expect(Array.from(a.indices)).toEqual(Array.from(b.indices));
    expect(Array.from(a.values)).toEqual(Array.from(b.values));
    expect(new Set(a.indices).size).toBe(a.indices.length);
    let words = 0;
    let chars = 0;
    a.indices.forEach((i, k) => {
      expect(i).toBeGreaterThanOrEqual(0);
      expect(i).toBeLessThan(featureCount(SPEC));
      if (i < SPEC.wordBuckets) words += a.values[k]! ** 2;
      else chars += a.values[k]! ** 2;
    });
    expect(words).toBeCloseTo(1, 12);
    expect(chars).toBeCloseTo(1, 12);
  });

  it('ignores typography (the same text typeset two ways has the same vector)', () => {
    const x = extractFeatures(`Il a dit${NB}: «${NB}non${NB}».`, SPEC);
    const y = extractFeatures('Il a dit: "non".', SPEC);
    expect(Array.from(x.indices)).toEqual(Array.from(y.indices));
  });

  it('appends standardised named features', () => {
    const spec: FeatureSpec = { ...SPEC, dense: ['words.log', 'report.declare'], denseMean: [1, 0], denseSd: [2, 0] };
    const v = extractFeatures(PARAGRAPH, spec);
    const base = SPEC.wordBuckets + SPEC.charBuckets;
    const at = (j: number): number => v.values[Array.from(v.indices).indexOf(base + j)]!;
    expect(at(0)).toBeCloseTo((Math.log(wordCount(PARAGRAPH)) - 1) / 2, 12);
    expect(at(1)).toBeCloseTo(denseFeatures(PARAGRAPH)['report.declare']!, 12); // sd 0 → not scaled
  });

  it('handles empty text', () => {
    expect(extractFeatures('', SPEC).indices.length).toBe(0);
    expect(wordCount('')).toBe(0);
  });

  it('scores with dot()', () => {
    const v = extractFeatures('un deux', SPEC);
    const coefficients = new Float64Array(featureCount(SPEC)).fill(1);
    expect(dot(v, coefficients)).toBeCloseTo(Array.from(v.values).reduce((a, b) => a + b, 0), 12);
  });
});

describe('featureDot', () => {
  const withDense: FeatureSpec = {
    ...SPEC,
    dense: ['words.log', 'punct.comma', 'report.declare', 'fw.le'],
    denseMean: [3, 0.5, 0.1, 0.2],
    denseSd: [1, 0.3, 0, 0.5],
  };
  const coefficients = (spec: FeatureSpec): Float64Array => {
    const w = new Float64Array(featureCount(spec));
    for (let i = 0; i < w.length; i++) w[i] = Math.sin(i * 12.9898) * 0.7; // deterministic, varied signs and sizes
    return w;
  };

  const withShapes: FeatureSpec = { ...withDense, shapeBuckets: 512 };

  it('equals dot(extractFeatures(…)) bit for bit, with and without named features and shapes, on any text', () => {
    for (const spec of [SPEC, withDense, withShapes]) {
      const w = coefficients(spec);
      for (const text of [PARAGRAPH, '', '   ', 'a', '« »', 'Il a déclaré, a-t-il dit, le 3 mars.']) {
        expect(featureDot(text, spec, w)).toBe(dot(extractFeatures(text, spec), w));
      }
      fc.assert(
        fc.property(fc.string({ unit: 'grapheme', maxLength: 200 }), (text) => {
          expect(featureDot(text, spec, w)).toBe(dot(extractFeatures(text, spec), w));
        }),
        { numRuns: 200 },
      );
    }
  });
});

describe('shapeTokens', () => {
  it.each([
    ['Le ministre a déclaré mardi.', ['le', '<w:re>', 'a', 'déclaré', '<w:di>', '.']],
    ["L'État a payé 12 millions, selon Reuters.", ['l', "'", '<C>', 'a', '<w:yé>', '<N>', '<w:ns>', ',', 'selon', '<C>', '.']],
    ['« Non », dit-il.', ['non', ',', 'dit', '-', 'il', '.']],
    ['Des Hausses importantes.', ['des', '<C>', '<w:es>', '.']],
    ['', []],
  ])('%j → %j', (text, tokens) => {
    expect(shapeTokens(text)).toEqual(tokens);
  });

  it('keeps function words and punctuation whatever the topic: two sentences built alike have the same shapes', () => {
    expect(shapeTokens('Le ministre a annoncé mardi que le projet serait présenté.')).toEqual(
      shapeTokens('Le registre a prononcé lundi que le sujet serait adopté.'),
    );
  });
});

describe('shape block', () => {
  const spec: FeatureSpec = { ...SPEC, shapeBuckets: 256 };

  it('comes after the word and character blocks, unit-norm, and is absent without shapeBuckets', () => {
    expect(hashedCount(spec)).toBe(SPEC.wordBuckets + SPEC.charBuckets + 256);
    expect(featureCount(spec)).toBe(hashedCount(spec));
    const v = extractFeatures(PARAGRAPH, spec);
    let shapes = 0;
    v.indices.forEach((i, k) => {
      expect(i).toBeLessThan(featureCount(spec));
      if (i >= SPEC.wordBuckets + SPEC.charBuckets) shapes += v.values[k]! ** 2;
    });
    expect(shapes).toBeCloseTo(1, 12);
    const without = extractFeatures(PARAGRAPH, SPEC);
    expect(Array.from(without.indices).every((i) => i < SPEC.wordBuckets + SPEC.charBuckets)).toBe(true);
    expect(Array.from(v.indices).slice(0, without.indices.length)).toEqual(Array.from(without.indices));
  });
});
