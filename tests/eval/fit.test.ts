// Fitting is deterministic and never reads WMT22: checked on a tiny synthetic data set generated here.
import { describe, expect, it } from '@jest/globals';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { crossCorpus, DEFAULT_CONFIG, documentFigures, fitModel, namedFeatureAucs, serializeModel, type FitConfig } from '../../src/eval/fit.js';
import { DENSE_FEATURES } from '../../src/score/intrinsic.js';
import { documentsOf, fitWeights, itemsOf, splitOf } from '../../src/eval/data.js';
import { fitLogistic, toRows } from '../../src/eval/lr.js';
import { parseModel, scoreParagraph } from '../../src/score/model.js';
import { synthetic, syntheticRows } from '../support/eval-data.js';

const CONFIG: FitConfig = { ...DEFAULT_CONFIG, wordBuckets: 256, charBuckets: 512, maxIterations: 100 };

function write(content: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'wireproof-fit-'));
  const path = join(dir, 'paragraphs.jsonl');
  writeFileSync(path, content);
  return path;
}

describe('fitModel', () => {
  const data = synthetic(7);
  const a = serializeModel(fitModel(write(data), CONFIG).file);

  it('is byte-identical when run twice on the same data', () => {
    const b = serializeModel(fitModel(write(data), CONFIG).file);
    expect(b).toBe(a);
  });

  it('does not depend on WMT22 rows (held out)', () => {
    const changed = serializeModel(fitModel(write(synthetic(7, 'tout autre texte')), CONFIG).file);
    expect(changed).toBe(a);
  });

  it('writes a valid model that separates the synthetic classes', () => {
    const model = parseModel(JSON.parse(a), 'synthetic');
    expect(model.training.corpora).toEqual(['wmt14-newstest2014', 'wmt21-newstest2021']);
    const machine = scoreParagraph(model, 'le conseil a déclaré également mardi que le budget de la ville a cependant été voté ainsi.');
    const human = scoreParagraph(model, 'le conseil a indiqué mardi que le budget de la ville a été voté, on estime et précisé et souligné.');
    expect(machine.logOdds).toBeGreaterThan(human.logOdds);
  });
});

describe('splits and weights', () => {
  it('keeps every variant of a document in one split and WMT22 held out', () => {
    const rows = syntheticRows(3);
    const items = itemsOf(rows);
    const byDoc = new Map<string, Set<string>>();
    for (const it of items) byDoc.set(it.doc, (byDoc.get(it.doc) ?? new Set()).add(it.split));
    for (const splits of byDoc.values()) expect(splits.size).toBe(1);
    expect(items.filter((it) => it.corpus === 'wmt22-generaltest2022').every((it) => it.split === 'held-out')).toBe(true);
    expect(splitOf('wmt21-newstest2021', 'wmt21-newstest2021|doc1')).toBe(splitOf('wmt21-newstest2021', 'wmt21-newstest2021|doc1'));
  });

  it('gives each row one unit of machine weight and balances the classes per corpus', () => {
    const rows = syntheticRows(3);
    const items = itemsOf(rows).filter((it) => it.corpus === 'wmt14-newstest2014');
    const w = fitWeights(items);
    const pos = items.reduce((s, it, k) => s + (it.y === 1 ? w[k]! : 0), 0);
    const neg = items.reduce((s, it, k) => s + (it.y === 0 ? w[k]! : 0), 0);
    expect(pos).toBeCloseTo(36, 12);
    expect(neg).toBeCloseTo(pos, 12);
  });
});

describe('documents', () => {
  const rows = syntheticRows(5);
  const items = itemsOf(rows);

  it('rebuilds each article once per producer, paragraphs in order, one unit of machine weight per article', () => {
    const shuffled = [...items].reverse();
    const docs = documentsOf(shuffled);
    expect(docs).toHaveLength(3 * 12 * 3);
    for (const d of docs) {
      expect(d.items.map((it) => it.paraIndex)).toEqual([0, 1, 2]);
      expect(new Set(d.items.map((it) => `${it.doc}|${it.producer}`)).size).toBe(1);
      expect(d.w).toBe(d.y === 1 ? 0.5 : 1);
    }
    expect(docs.map((d) => d.doc)).toEqual([...docs.map((d) => d.doc)].sort());
  });

  it('measures both document aggregations of style evidence on the calibration split', () => {
    const cal = items.filter((it) => it.split === 'calibration');
    // Raw scores that separate the classes perfectly: every paragraph of a machine article leans machine.
    const raw = cal.map((it) => (it.y === 1 ? 4 : -4));
    const figures = documentFigures(cal, raw, { method: 'platt', a: 1, b: 0 }, { minWords: 1, minWeight: 0.05, maxWeight: 3 });
    const keys = Object.keys(figures);
    expect(keys.some((k) => k.startsWith('style evidence summed, saturating at 3×, bounded to the uncertain band (shipped)'))).toBe(true);
    expect(keys.some((k) => k.startsWith('style evidence summed, saturating at 3× (shipped until 0.4.3)'))).toBe(true);
    expect(keys.some((k) => k.startsWith('style evidence averaged over paragraphs'))).toBe(true);
    for (const f of Object.values(figures)) expect(f.auc).toBe(1);
    // Averaged, each article stays at σ(3); summed, it saturates at σ(9): the sum is the more confident. Bounded, it
    // stays at the edge of the uncertain band, σ(b·tanh(9/b)) ≈ 0.7.
    const figure = (kind: string): { brier: number } => Object.entries(figures).find(([k]) => k.includes(kind) && k.includes('wmt14'))![1];
    const averaged = figure('averaged');
    const summed = figure('until 0.4.3');
    const bounded = figure('bounded');
    expect(averaged.brier).toBeCloseTo((1 - 1 / (1 + Math.exp(-3))) ** 2, 4);
    expect(summed.brier).toBeLessThan(averaged.brier);
    expect(bounded.brier).toBeCloseTo(0.3 ** 2, 3);
  });

  it('measures transfer across the training corpora, never WMT22', () => {
    const auc = crossCorpus(items, CONFIG);
    expect(Object.keys(auc).sort()).toEqual([
      'wmt14-newstest2014 → wmt21-newstest2021 / human_translation',
      'wmt21-newstest2021 → wmt14-newstest2014 / human_translation',
    ]);
    // The synthetic classes use the same marker words in both corpora, so the model carries over.
    for (const v of Object.values(auc)) expect(v).toBeGreaterThan(0.8);
  });
});

describe('namedFeatureAucs', () => {
  it('scores every named feature alone on the training split of the training corpora', () => {
    const items = itemsOf(
      syntheticRows(9),
    );
    const aucs = namedFeatureAucs(items);
    expect(Object.keys(aucs)).toEqual([...DENSE_FEATURES]);
    for (const groups of Object.values(aucs)) {
      expect(Object.keys(groups).every((g) => !g.startsWith('wmt22'))).toBe(true);
      for (const v of Object.values(groups)) {
        expect(v).toBeGreaterThanOrEqual(0);
        expect(v).toBeLessThanOrEqual(1);
      }
    }
    // The synthetic machine texts carry "déclaré" and "également", the human ones never do.
    expect(aucs['report.declare']!['wmt14-newstest2014 / human_translation']).toBeGreaterThan(0.5);
  });
});

describe('fitLogistic', () => {
  it('reaches a zero gradient on a small problem', () => {
    // One feature: x = 1 for 3 positives and 1 negative, x = 0 for 1 positive and 3 negatives.
    const vectors = [1, 1, 1, 1, 0, 0, 0, 0].map((x) => ({ indices: Int32Array.from(x ? [0] : []), values: Float64Array.from(x ? [1] : []) }));
    const labels = [1, 1, 1, 0, 1, 0, 0, 0];
    const fit = fitLogistic(toRows(vectors, 1), labels, new Array(8).fill(1), { l2: 1e-9, tolerance: 1e-9 });
    // Unpenalised optimum: intercept = logit(1/4), slope = logit(3/4) − logit(1/4) = 2·ln 3.
    expect(fit.intercept).toBeCloseTo(-Math.log(3), 5);
    expect(fit.coefficients[0]).toBeCloseTo(2 * Math.log(3), 5);
  });

  it('shrinks coefficients with a larger penalty', () => {
    const vectors = [1, 1, 0, 0].map((x) => ({ indices: Int32Array.from([0]), values: Float64Array.from([x ? 1 : -1]) }));
    const small = fitLogistic(toRows(vectors, 1), [1, 1, 0, 0], [1, 1, 1, 1], { l2: 0.1 });
    const large = fitLogistic(toRows(vectors, 1), [1, 1, 0, 0], [1, 1, 1, 1], { l2: 10 });
    expect(Math.abs(large.coefficients[0]!)).toBeLessThan(Math.abs(small.coefficients[0]!));
  });
});
