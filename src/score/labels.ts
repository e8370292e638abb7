// Probability bands → paragraph labels, and the log-odds arithmetic the scorer uses.
import type { Label } from '../types.js';

/**
 * Label bands (docs/scoring.md). Symmetric around 0.5 so that "no evidence" (0.5) is `uncertain`, and a label at the
 * extremes needs odds of 9:1 (≈ 2.2 nats of evidence).
 */
export const BANDS: ReadonlyArray<{ label: Label; min: number }> = [
  { label: 'machine', min: 0.9 },
  { label: 'likely-machine', min: 0.7 },
  { label: 'uncertain', min: 0.3 },
  { label: 'likely-human', min: 0.1 },
  { label: 'human', min: 0 },
];

/** Label of a probability. */
export function labelOf(probability: number): Label {
  for (const band of BANDS) if (probability >= band.min) return band.label;
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
