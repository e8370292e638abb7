// Calibration maps: Platt scaling and isotonic regression on hand-made numbers.
import { describe, expect, it } from '@jest/globals';
import { applyCalibration, calibratedLogOdds, fitIsotonic, fitPlatt } from '../../src/score/calibrate.js';

describe('fitPlatt', () => {
  it('recovers a known logistic relation from exact frequencies', () => {
    // At score x the positive share is σ(2x − 1): weights encode the frequencies exactly.
    const scores: number[] = [];
    const labels: number[] = [];
    const weights: number[] = [];
    for (let x = -2; x <= 2; x += 0.5) {
      const p = 1 / (1 + Math.exp(-(2 * x - 1)));
      scores.push(x, x);
      labels.push(1, 0);
      weights.push(p, 1 - p);
    }
    const map = fitPlatt(scores, labels, weights);
    expect(map.a).toBeCloseTo(2, 4);
    expect(map.b).toBeCloseTo(-1, 4);
    expect(calibratedLogOdds(map, 0.5)).toBeCloseTo(0, 4);
    expect(applyCalibration(map, 0.5)).toBeCloseTo(0.5, 4);
  });

  it('shrinks an overconfident score (slope below 1) and stays finite on separable data', () => {
    const shrunk = fitPlatt([-4, -4, 4, 4, -4, 4], [0, 0, 1, 1, 1, 0]);
    expect(shrunk.a).toBeGreaterThan(0);
    expect(shrunk.a).toBeLessThan(1);
    const separable = fitPlatt([-1, -0.5, 0.5, 1], [0, 0, 1, 1]);
    expect(Number.isFinite(separable.a)).toBe(true);
    expect(separable.a).toBeGreaterThan(1);
  });
});

describe('fitIsotonic', () => {
  it('pools adjacent violators', () => {
    // labels by score: 0, 1, 0, 1 → blocks {0}, {1,0} pooled to 0.5, {1}
    const map = fitIsotonic([1, 2, 3, 4], [0, 1, 0, 1], undefined, 0);
    expect(map.x).toEqual([1, 2.5, 4]);
    expect(map.y).toEqual([0, 0.5, 1]);
  });

  it('pools tied scores first and respects weights', () => {
    const map = fitIsotonic([1, 1, 2], [1, 0, 1], [3, 1, 1], 0);
    expect(map.x).toEqual([1, 2]);
    expect(map.y).toEqual([0.75, 1]);
  });

  it('interpolates between block centres and clamps outside', () => {
    const map = { method: 'isotonic' as const, x: [0, 1], y: [0.2, 0.6] };
    expect(applyCalibration(map, -5)).toBe(0.2);
    expect(applyCalibration(map, 0.5)).toBeCloseTo(0.4, 12);
    expect(applyCalibration(map, 9)).toBe(0.6);
    expect(calibratedLogOdds(map, 0.5)).toBeCloseTo(Math.log(0.4 / 0.6), 12);
  });

  it('keeps probabilities away from 0 and 1 by eps', () => {
    const map = fitIsotonic([1, 2], [0, 1]);
    expect(map.y[0]).toBeCloseTo(1e-3, 12);
    expect(map.y[1]).toBeCloseTo(1 - 1e-3, 12);
    expect(Number.isFinite(calibratedLogOdds(map, 2))).toBe(true);
  });
});
