// The shipped model file loads and validates; broken files are refused with the path and the problem.
import { describe, expect, it } from '@jest/globals';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { decodeWeights, defaultModelPath, loadModel, parseModel, rawScore, scoreParagraph } from '../../src/score/model.js';
import { featureCount, featureDot } from '../../src/score/intrinsic.js';
import { mulberry32 } from '../../src/util/prng.js';
import { WireproofError } from '../../src/types.js';

const PATH = defaultModelPath();

describe('corpora/models/fr.json', () => {
  it('decodes its quantised coefficients as little-endian int16 × scale, entry for entry', () => {
    const file = JSON.parse(readFileSync(PATH, 'utf8'));
    const weights = decodeWeights(file);
    const bytes = Buffer.from(file.coefficients.data, 'base64');
    const hashed = file.features.wordBuckets + file.features.charBuckets;
    let mismatches = 0;
    for (let i = 0; i < hashed; i++) if (weights[i] !== bytes.readInt16LE(i * 2) * file.coefficients.scale) mismatches++;
    expect(mismatches).toBe(0);
    expect(weights.some((w) => w !== 0)).toBe(true);
  });

  it('exists, validates and decodes', () => {
    expect(existsSync(PATH)).toBe(true);
    const model = loadModel(PATH);
    expect(model.kind).toBe('wireproof-intrinsic-style');
    expect(model.language).toBe('fr');
    expect(model.weights).toHaveLength(featureCount(model.features));
    expect(model.training.corpora).not.toContain('wmt22-generaltest2022');
    expect(model.training.heldOut).toContain('wmt22-generaltest2022');
    expect(model.training.fingerprint).toMatch(/^sha256:[0-9a-f]{64}$/);
  });

  it('is small and holds no text', () => {
    const raw = readFileSync(PATH, 'utf8');
    expect(Buffer.byteLength(raw)).toBeLessThan(300 * 1024);
    const json = JSON.parse(raw) as Record<string, unknown>;
    // Only the fixed keys; the one long string is the base64 coefficient block.
    const strings: string[] = [];
    const walk = (v: unknown): void => {
      if (typeof v === 'string') strings.push(v);
      else if (Array.isArray(v)) v.forEach(walk);
      else if (v && typeof v === 'object') Object.values(v).forEach(walk);
    };
    walk({ ...json, coefficients: {} });
    for (const s of strings) expect(s.length).toBeLessThan(400);
  });

  it('scores from the quantised coefficients exactly as from the decoded vector', () => {
    const model = loadModel(PATH);
    const rand = mulberry32(7);
    const words = ['le', 'gouvernement', 'a', 'déclaré', 'mardi', 'que', 'la', 'hausse', 'des', 'prix', "l'inflation", 'Reuters', '«', '»', ',', '.', '2026', 'selon', 'rapport'];
    const texts = Array.from({ length: 200 }, () => Array.from({ length: 5 + Math.floor(rand() * 40) }, () => words[Math.floor(rand() * words.length)]).join(' '));
    for (const text of texts) {
      expect(rawScore(model, text)).toBe(featureDot(text, model.features, model.weights) + model.intercept);
    }
    // Without the stored int16 block (a model built by hand), the decoded vector is used.
    const { hashed: _omit, ...plain } = model;
    expect(rawScore({ ...plain, weights: model.weights }, texts[0]!)).toBe(rawScore(model, texts[0]!));
  });

  it('scores French paragraphs with bounded, finite log-odds', () => {
    const model = loadModel(PATH);
    const text = "Le gouvernement a annoncé mardi une hausse des crédits consacrés à la recherche, une mesure attendue depuis longtemps par les universités.";
    const v = scoreParagraph(model, text);
    expect(v.words).toBeGreaterThanOrEqual(8);
    expect(Number.isFinite(v.score!)).toBe(true);
    expect(Math.abs(v.logOdds)).toBeLessThanOrEqual(model.maxWeight);
    expect(rawScore(model, text)).toBe(v.score);
    expect(scoreParagraph(model, 'Trop court.')).toEqual({ words: 2, score: null, logOdds: 0 });
  });
});

describe('parseModel', () => {
  const good = JSON.parse(readFileSync(PATH, 'utf8')) as Record<string, unknown>;

  it('refuses a wrong kind, a truncated coefficient block and unknown named features', () => {
    expect(() => parseModel({ ...good, kind: 'other' }, 'x.json')).toThrow(WireproofError);
    expect(() => parseModel({ ...good, kind: 'other' }, 'x.json')).toThrow(/x\.json: invalid model file at kind/);
    const coefficients = { ...(good['coefficients'] as object), data: 'AAAA' };
    expect(() => parseModel({ ...good, coefficients }, 'y.json')).toThrow(/y\.json: coefficients\.data decodes to 3 bytes/);
    const features = { ...(good['features'] as object), dense: ['no.such.feature'], denseMean: [0], denseSd: [1] };
    expect(() => parseModel({ ...good, features }, 'z.json')).toThrow(/unknown named feature/);
  });

  it('counts a shape block in the coefficients it expects, and refuses shapeBuckets that are not a power of two', () => {
    const features = { ...(good['features'] as object), shapeBuckets: 1024 };
    expect(() => parseModel({ ...good, features }, 's.json')).toThrow(/coefficients\.length is 65536, expected 66560 \(wordBuckets \+ charBuckets \+ shapeBuckets\)/);
    expect(() => parseModel({ ...good, features: { ...features, shapeBuckets: 1000 } }, 's.json')).toThrow(/features\.shapeBuckets: must be a power of two/);
  });

  it('loadModel names an unreadable file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'wireproof-model-'));
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, '{ not json');
    expect(() => loadModel(bad)).toThrow(/bad\.json: cannot read model file/);
    expect(() => loadModel(join(dir, 'missing.json'))).toThrow(WireproofError);
  });
});
