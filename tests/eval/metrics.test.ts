// Metric functions on hand-made numbers: AUC with ties and weights, Brier, ECE, reliability, label bands.
import { describe, expect, it } from '@jest/globals';
import { balance, bandFigures, brier, ece, reliability, rocAuc, summarize, type Scored } from '../../src/eval/metrics.js';

const s = (p: number, y: 0 | 1, w?: number): Scored => (w === undefined ? { p, y } : { p, y, w });

describe('rocAuc', () => {
  it('is 1 for a perfect ranking and 0 for a reversed one', () => {
    expect(rocAuc([s(0.1, 0), s(0.2, 0), s(0.8, 1), s(0.9, 1)])).toBe(1);
    expect(rocAuc([s(0.9, 0), s(0.8, 0), s(0.2, 1), s(0.1, 1)])).toBe(0);
  });

  it('counts ties as one half', () => {
    // pairs: (0.5+,0.5-) tie = 0.5; (0.5+,0.2-) = 1; (0.9+,0.5-) = 1; (0.9+,0.2-) = 1 → 3.5 / 4
    expect(rocAuc([s(0.5, 1), s(0.9, 1), s(0.5, 0), s(0.2, 0)])).toBeCloseTo(0.875, 12);
    expect(rocAuc([s(0.5, 1), s(0.5, 0)])).toBe(0.5);
  });

  it('weights pairs by the product of weights', () => {
    // positive 0.6 (w 3) beats negative 0.4 (w 1), loses to negative 0.8 (w 1): 3·1 / (3·2) = 0.5
    expect(rocAuc([s(0.6, 1, 3), s(0.4, 0), s(0.8, 0)])).toBeCloseTo(0.5, 12);
    // equal to duplicating items
    const dup = [s(0.6, 1), s(0.6, 1), s(0.3, 1), s(0.4, 0), s(0.8, 0)];
    const weighted = [s(0.6, 1, 2), s(0.3, 1), s(0.4, 0), s(0.8, 0)];
    expect(rocAuc(weighted)).toBeCloseTo(rocAuc(dup), 12);
  });

  it('is NaN without both classes', () => {
    expect(rocAuc([s(0.5, 1)])).toBeNaN();
    expect(rocAuc([])).toBeNaN();
  });
});

describe('brier', () => {
  it('is the mean squared error', () => {
    expect(brier([s(1, 1), s(0, 0)])).toBe(0);
    expect(brier([s(0.5, 1), s(0.5, 0)])).toBe(0.25);
    expect(brier([s(0.8, 1), s(0.4, 0)])).toBeCloseTo((0.04 + 0.16) / 2, 12);
    expect(brier([s(0.8, 1, 3), s(0.4, 0, 1)])).toBeCloseTo((3 * 0.04 + 0.16) / 4, 12);
  });
});

describe('ece and reliability', () => {
  it('is 0 when every bin is calibrated', () => {
    const items = [s(0.25, 1), s(0.25, 0), s(0.25, 0), s(0.25, 0), s(0.75, 1), s(0.75, 1), s(0.75, 1), s(0.75, 0)];
    expect(ece(items)).toBeCloseTo(0, 12);
  });

  it('weights each bin gap by its share', () => {
    // bin 0.1–0.2: predicted 0.15, observed 1 (gap 0.85, share 1/4); bin 0.9–1.0: predicted 0.95, observed 1/3 (gap 0.6167, share 3/4)
    const items = [s(0.15, 1), s(0.95, 1), s(0.95, 0), s(0.95, 0)];
    expect(ece(items)).toBeCloseTo(0.25 * 0.85 + 0.75 * (0.95 - 1 / 3), 12);
  });

  it('puts 1.0 in the last bin and reports empty bins as null', () => {
    const table = reliability([s(1, 1), s(0, 0)], 10);
    expect(table).toHaveLength(10);
    expect(table[9]!.count).toBe(1);
    expect(table[0]!.count).toBe(1);
    expect(table[5]!.predicted).toBeNull();
  });
});

describe('bandFigures', () => {
  it('gives precision and recall at the label bands', () => {
    const items = [s(0.95, 1), s(0.75, 1), s(0.75, 0), s(0.5, 1), s(0.2, 0), s(0.05, 0), s(0.05, 1)];
    const bands = Object.fromEntries(bandFigures(items).map((b) => [b.band, b]));
    expect(bands['machine (≥ 0.9)']).toMatchObject({ precision: 1, recall: 0.25 });
    expect(bands['likely-machine or more (≥ 0.7)']!.precision).toBeCloseTo(2 / 3, 12);
    expect(bands['likely-machine or more (≥ 0.7)']!.recall).toBeCloseTo(0.5, 12);
    expect(bands['uncertain (0.3–0.7)']).toMatchObject({ precision: null, recall: null });
    expect(bands['uncertain (0.3–0.7)']!.share).toBeCloseTo(1 / 7, 12);
    expect(bands['likely-human or less (≤ 0.3)']!.precision).toBeCloseTo(2 / 3, 12);
    expect(bands['likely-human or less (≤ 0.3)']!.recall).toBeCloseTo(2 / 3, 12);
    expect(bands['human (≤ 0.1)']!.precision).toBeCloseTo(0.5, 12);
  });
});

describe('balance and summarize', () => {
  it('makes both classes weigh the same', () => {
    const out = balance([s(0.1, 1), s(0.2, 1), s(0.3, 1), s(0.4, 0)]);
    const pos = out.filter((i) => i.y === 1).reduce((a, i) => a + i.w!, 0);
    const neg = out.filter((i) => i.y === 0).reduce((a, i) => a + i.w!, 0);
    expect(pos).toBeCloseTo(neg, 12);
    expect(pos + neg).toBeCloseTo(4, 12);
  });

  it('summarizes', () => {
    expect(summarize([s(0.9, 1), s(0.1, 0)])).toEqual({ n: 2, positives: 1, negatives: 1, auc: 1, brier: expect.closeTo(0.01, 12), ece: expect.closeTo(0.1, 12) });
  });
});
