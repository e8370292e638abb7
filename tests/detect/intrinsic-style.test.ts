// Rule intrinsic-style: no model → no signal; with a model, one bounded paragraph signal, none for short text.
import { describe, expect, it } from '@jest/globals';
import { detector } from '../../src/detect/intrinsic-style.js';
import { defaultModelPath, loadModel, scoreParagraph, type Model } from '../../src/score/model.js';
import type { DetectorContext } from '../../src/types.js';
import { makeContext, makeParagraph } from '../support/paragraph.js';

const TEXT =
  "Le conseil municipal a voté jeudi soir le budget de l'année prochaine, qui prévoit une baisse des dépenses de fonctionnement et une hausse des investissements dans les écoles.";

function withModel(model: Model | undefined, language = 'fr'): DetectorContext {
  const context = makeContext([], language);
  return { ...context, corpora: { ...context.corpora, model } as DetectorContext['corpora'] };
}

describe('intrinsic-style', () => {
  it('has the agreed meta', () => {
    expect(detector.meta).toMatchObject({
      id: 'intrinsic-style',
      evidence: 'style',
      kinds: ['body', 'headline'],
      languages: ['fr'],
      defaultSeverity: 'off',
      docs: 'docs/rules/intrinsic-style.md',
    });
  });

  it('returns nothing without a model', () => {
    expect(detector.detect(makeParagraph(TEXT), withModel(undefined))).toEqual([]);
  });

  const model = loadModel(defaultModelPath());

  it('gives one paragraph signal whose weight is the calibrated log-odds, bounded', () => {
    const signals = detector.detect(makeParagraph(TEXT), withModel(model));
    const expected = scoreParagraph(model, TEXT).logOdds;
    if (Math.abs(expected) < model.minWeight) {
      expect(signals).toEqual([]);
      return;
    }
    expect(signals).toHaveLength(1);
    const [s] = signals;
    expect(s!.ruleId).toBe('intrinsic-style');
    expect(s!.scope).toBe('paragraph');
    expect(s!.evidence).toBe('style');
    expect(s!.weight).toBeCloseTo(expected, 3);
    expect(Math.abs(s!.weight)).toBeLessThanOrEqual(model.maxWeight);
    expect(s!.start).toBe(0);
    expect(s!.end).toBe(TEXT.length);
    expect(s!.message).toMatch(/Style model leans towards/);
  });

  it('stays silent on short paragraphs (fewer than 8 words) and on paragraphs in another language', () => {
    expect(detector.detect(makeParagraph('La séance est levée à midi.'), withModel(model))).toEqual([]);
    const english = { ...makeParagraph(TEXT), language: 'en' };
    expect(detector.detect(english, withModel(model, 'en'))).toEqual([]);
  });

  it('never exceeds maxWeight, whatever the text', () => {
    const texts = [
      TEXT,
      'a déclaré a déclaré a déclaré a déclaré a déclaré a déclaré a déclaré a déclaré a déclaré',
      "on on on on , en , en , en , en , en , en , en , en , en , en , en , en",
      'x '.repeat(500),
    ];
    for (const t of texts) {
      for (const s of detector.detect(makeParagraph(t), withModel(model))) expect(Math.abs(s.weight)).toBeLessThanOrEqual(model.maxWeight);
    }
  });

  it('drops signals under minWeight (unsure model) so the paragraph stays uncertain', () => {
    const unsure: Model = { ...model, calibration: { method: 'platt', a: 0, b: 0.01 } };
    expect(detector.detect(makeParagraph(TEXT), withModel(unsure))).toEqual([]);
  });
});
