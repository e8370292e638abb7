// Calibration maps from a raw model score to a probability: Platt scaling (a logistic function of the score) and
// isotonic regression (pool-adjacent-violators). Fitted on a calibration split only; pure and deterministic.

/** Platt scaling: p = σ(a·score + b). */
export interface PlattMap {
  method: 'platt';
  a: number;
  b: number;
}

/** Isotonic regression: a non-decreasing step function, linearly interpolated between block centres. */
export interface IsotonicMap {
  method: 'isotonic';
  /** Block centres (scores), increasing. */
  x: number[];
  /** Calibrated probability at each centre, non-decreasing. */
  y: number[];
}

export type CalibrationMap = PlattMap | IsotonicMap;

function sigmoid(z: number): number {
  return z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
}

function plattLoss(scores: readonly number[], labels: readonly number[], weights: readonly number[] | undefined, a: number, b: number, ridge: number): number {
  let loss = 0.5 * ridge * a * a;
  for (let i = 0; i < scores.length; i++) {
    const z = a * scores[i]! + b;
    const w = weights ? weights[i]! : 1;
    loss += w * ((z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z))) - labels[i]! * z);
  }
  return loss;
}

/**
 * Fits Platt scaling by Newton's method on the weighted log-loss (with a tiny ridge for separable data).
 * @param scores raw scores
 * @param labels 1 = positive (machine), 0 = negative
 * @param weights per-item weights (default 1)
 */
export function fitPlatt(scores: readonly number[], labels: readonly number[], weights?: readonly number[]): PlattMap {
  let a = 1;
  let b = 0;
  const ridge = 1e-6;
  for (let iter = 0; iter < 100; iter++) {
    let ga = ridge * a;
    let gb = 0;
    let haa = ridge;
    let hab = 0;
    let hbb = 1e-12;
    for (let i = 0; i < scores.length; i++) {
      const w = weights ? weights[i]! : 1;
      const s = scores[i]!;
      const p = sigmoid(a * s + b);
      const r = w * (p - labels[i]!);
      const v = w * p * (1 - p);
      ga += r * s;
      gb += r;
      haa += v * s * s;
      hab += v * s;
      hbb += v;
    }
    const det = haa * hbb - hab * hab;
    if (!(det > 0)) break;
    const da = (hbb * ga - hab * gb) / det;
    const db = (haa * gb - hab * ga) / det;
    // Damped Newton: halve the step until the loss does not increase (robust when scores are far apart).
    const before = plattLoss(scores, labels, weights, a, b, ridge);
    let t = 1;
    while (t > 1e-6 && plattLoss(scores, labels, weights, a - t * da, b - t * db, ridge) > before) t /= 2;
    a -= t * da;
    b -= t * db;
    if (Math.abs(t * da) < 1e-12 && Math.abs(t * db) < 1e-12) break;
  }
  return { method: 'platt', a, b };
}

/**
 * Fits isotonic regression (pool-adjacent-violators) of labels on scores, weighted. Ties in score are pooled first.
 * Probabilities are kept within [eps, 1 − eps] so that their log-odds stay finite.
 */
export function fitIsotonic(
  scores: readonly number[],
  labels: readonly number[],
  weights?: readonly number[],
  eps = 1e-3,
): IsotonicMap {
  const order = scores.map((_, i) => i).sort((i, j) => scores[i]! - scores[j]! || i - j);
  // Blocks: weighted sum of x, of y, and weight.
  const bx: number[] = [];
  const by: number[] = [];
  const bw: number[] = [];
  for (const i of order) {
    const w = weights ? weights[i]! : 1;
    if (w <= 0) continue;
    const s = scores[i]!;
    const last = bw.length - 1;
    if (last >= 0 && bx[last]! / bw[last]! === s) {
      bx[last]! += w * s;
      by[last]! += w * labels[i]!;
      bw[last]! += w;
    } else {
      bx.push(w * s);
      by.push(w * labels[i]!);
      bw.push(w);
    }
    while (bw.length > 1) {
      const k = bw.length - 1;
      if (by[k - 1]! / bw[k - 1]! <= by[k]! / bw[k]!) break;
      bx[k - 1]! += bx[k]!;
      by[k - 1]! += by[k]!;
      bw[k - 1]! += bw[k]!;
      bx.pop();
      by.pop();
      bw.pop();
    }
  }
  return {
    method: 'isotonic',
    x: bx.map((v, k) => v / bw[k]!),
    y: by.map((v, k) => Math.min(1 - eps, Math.max(eps, v / bw[k]!))),
  };
}

/** The calibrated probability of a raw score. */
export function applyCalibration(map: CalibrationMap, score: number): number {
  if (map.method === 'platt') return sigmoid(map.a * score + map.b);
  const { x, y } = map;
  if (x.length === 0) return 0.5;
  if (score <= x[0]!) return y[0]!;
  if (score >= x[x.length - 1]!) return y[y.length - 1]!;
  let lo = 0;
  let hi = x.length - 1;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (x[mid]! <= score) lo = mid;
    else hi = mid;
  }
  const t = (score - x[lo]!) / (x[hi]! - x[lo]!);
  return y[lo]! + t * (y[hi]! - y[lo]!);
}

/** Calibrated log-odds (nats) of a raw score: exact for Platt, logit of the isotonic probability otherwise. */
export function calibratedLogOdds(map: CalibrationMap, score: number): number {
  if (map.method === 'platt') return map.a * score + map.b;
  const p = applyCalibration(map, score);
  return Math.log(p / (1 - p));
}
