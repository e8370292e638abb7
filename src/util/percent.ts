// Probabilities as percentages, the same in every report and message: no false certainty, no band crossed by rounding.

/** Edges of bands that include them from above (`likely-machine` ≥ 0.7, `undeclared-machine` ≥ 0.8, `machine` ≥ 0.9). */
const UPPER_EDGES = [0.7, 0.8, 0.9];
/** Edges of bands that include them from below (`human` ≤ 0.1, verdict `human` ≤ 0.2, `likely-human` ≤ 0.3). */
const LOWER_EDGES = [0.1, 0.2, 0.3];

/**
 * A probability as a percentage that never rounds a near-certainty up to a flat 100 % (or down to 0 %): wireproof does
 * not claim certainty it has not got. Nor does it round across a band's edge: 0.795 is `uncertain` and prints
 * 79 %, not the 80 % the legend gives `undeclared-machine`; 0.302 prints 31 %, not the 30 % of `likely-human`
 * (an editor's review, 2026-12-07).
 *
 * @param p the probability
 * @param bands false for a share that is no label's probability (the prior: `--prior 0.9` is 90 %)
 */
export function percent(p: number, bands = true): string {
  // 0.995 itself too: Math.round(99.5) is 100 (a notice alone reaches 0.995).
  if (p >= 0.995 && p < 1) return '>99%';
  if (p > 0 && p < 0.005) return '<1%';
  const rounded = Math.round(p * 100);
  if (!bands) return `${rounded}%`;
  if (UPPER_EDGES.some((e) => p < e && rounded >= Math.round(e * 100))) return `${Math.floor(p * 100)}%`;
  if (LOWER_EDGES.some((e) => p > e && rounded <= Math.round(e * 100))) return `${Math.ceil(p * 100)}%`;
  return `${rounded}%`;
}
