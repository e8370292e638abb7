// Probability bands → paragraph labels, and the log-odds arithmetic the scorer uses.
import type { Label } from '../types.js';

/**
 * Label bands (docs/scoring.md), symmetric around 0.5: "no evidence" (0.5) is `uncertain`, `machine` needs
 * p ≥ 0.9 and `human` p ≤ 0.1 (odds of 9:1 either way, ≈ 2.2 nats of evidence), `likely-machine` p ≥ 0.7 and
 * `likely-human` p ≤ 0.3. The boundaries belong to the outer bands on both sides: with `--prior 0.3` a paragraph
 * without evidence is at 0.3, which is 7:3 for human work, `likely-human`. Reported probabilities are rounded to 3
 * decimals first, so 0.3 is exactly 0.3.
 */
export function labelOf(probability: number): Label {
  if (probability >= 0.9) return 'machine';
  if (probability >= 0.7) return 'likely-machine';
  if (probability > 0.3) return 'uncertain';
  if (probability > 0.1) return 'likely-human';
  return 'human';
}

/** Logistic function. */
export function sigmoid(x: number): number {
  return 1 / (1 + Math.exp(-x));
}

/** Log-odds of a probability, clamped away from 0 and 1. */
export function logit(p: number): number {
  const q = Math.min(1 - 1e-9, Math.max(1e-9, p));
  return Math.log(q / (1 - q));
}

/**
 * Rounds a probability for reports (3 decimals: more would be false precision), and keeps it inside [0.001, 0.999]:
 * no amount of evidence makes wireproof certain, and 1 or 0 would read as certainty.
 */
export function roundProbability(p: number): number {
  return Math.min(0.999, Math.max(0.001, Math.round(p * 1000) / 1000));
}
