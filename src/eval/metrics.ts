// Evaluation metrics for probabilities against binary labels, all weighted: ROC-AUC (ties count half), Brier score,
// expected calibration error, reliability table, and precision/recall at the report's label bands.

/** One scored item: label 1 = machine translation, 0 = human; weight ≥ 0. */
export interface Scored {
  p: number;
  y: 0 | 1;
  w?: number;
}

/** Weighted ROC-AUC: P(score of a positive > score of a negative), ties counting ½. NaN without both classes. */
export function rocAuc(items: readonly Scored[]): number {
  const sorted = [...items].sort((a, b) => a.p - b.p);
  let positives = 0;
  let negatives = 0;
  let area = 0;
  let i = 0;
  while (i < sorted.length) {
    let j = i;
    let wp = 0;
    let wn = 0;
    while (j < sorted.length && sorted[j]!.p === sorted[i]!.p) {
      const w = sorted[j]!.w ?? 1;
      if (sorted[j]!.y === 1) wp += w;
      else wn += w;
      j++;
    }
    area += wp * (negatives + 0.5 * wn);
    positives += wp;
    negatives += wn;
    i = j;
  }
  return positives > 0 && negatives > 0 ? area / (positives * negatives) : NaN;
}

/** Weighted Brier score: mean squared difference between probability and label. */
export function brier(items: readonly Scored[]): number {
  let s = 0;
  let w = 0;
  for (const it of items) {
    const wi = it.w ?? 1;
    s += wi * (it.p - it.y) ** 2;
    w += wi;
  }
  return w > 0 ? s / w : NaN;
}

export interface ReliabilityBin {
  /** Lower edge of the bin (the last bin includes 1). */
  from: number;
  to: number;
  /** Total weight in the bin. */
  weight: number;
  /** Number of items. */
  count: number;
  /** Weighted mean predicted probability. */
  predicted: number | null;
  /** Weighted share of machine translations. */
  observed: number | null;
}

/** Reliability table over `bins` equal-width bins of predicted probability. */
export function reliability(items: readonly Scored[], bins = 10): ReliabilityBin[] {
  const out: ReliabilityBin[] = [];
  for (let b = 0; b < bins; b++) out.push({ from: b / bins, to: (b + 1) / bins, weight: 0, count: 0, predicted: 0, observed: 0 });
  for (const it of items) {
    const b = Math.min(bins - 1, Math.max(0, Math.floor(it.p * bins)));
    const bin = out[b]!;
    const w = it.w ?? 1;
    bin.weight += w;
    bin.count++;
    bin.predicted! += w * it.p;
    bin.observed! += w * it.y;
  }
  for (const bin of out) {
    if (bin.weight > 0) {
      bin.predicted = bin.predicted! / bin.weight;
      bin.observed = bin.observed! / bin.weight;
    } else {
      bin.predicted = null;
      bin.observed = null;
    }
  }
  return out;
}

/** Expected calibration error: Σ_bins (weight share) × |observed − predicted|, over 10 equal-width bins by default. */
export function ece(items: readonly Scored[], bins = 10): number {
  const table = reliability(items, bins);
  const total = table.reduce((s, b) => s + b.weight, 0);
  if (total === 0) return NaN;
  let e = 0;
  for (const b of table) if (b.weight > 0) e += (b.weight / total) * Math.abs(b.observed! - b.predicted!);
  return e;
}

export interface BandFigure {
  band: string;
  /** Which class the band claims. */
  claims: 'machine' | 'human' | 'none';
  /** Weighted share of all items in the band. */
  share: number;
  /** Weighted share of the claimed class among items in the band (null when empty or claims none). */
  precision: number | null;
  /** Weighted share of the claimed class that falls in the band. */
  recall: number | null;
}

/** Precision and recall of the report's label bands (cumulative: "≥ 0.7" includes "≥ 0.9"). */
export function bandFigures(items: readonly Scored[]): BandFigure[] {
  const bands: { band: string; claims: BandFigure['claims']; test: (p: number) => boolean }[] = [
    { band: 'machine (≥ 0.9)', claims: 'machine', test: (p) => p >= 0.9 },
    { band: 'likely-machine or more (≥ 0.7)', claims: 'machine', test: (p) => p >= 0.7 },
    { band: 'uncertain (0.3–0.7)', claims: 'none', test: (p) => p > 0.3 && p < 0.7 },
    { band: 'likely-human or less (≤ 0.3)', claims: 'human', test: (p) => p <= 0.3 },
    { band: 'human (≤ 0.1)', claims: 'human', test: (p) => p <= 0.1 },
  ];
  let total = 0;
  let pos = 0;
  for (const it of items) {
    const w = it.w ?? 1;
    total += w;
    pos += w * it.y;
  }
  const neg = total - pos;
  return bands.map(({ band, claims, test }) => {
    let inBand = 0;
    let hit = 0;
    for (const it of items) {
      if (!test(it.p)) continue;
      const w = it.w ?? 1;
      inBand += w;
      if ((claims === 'machine' && it.y === 1) || (claims === 'human' && it.y === 0)) hit += w;
    }
    const classTotal = claims === 'machine' ? pos : claims === 'human' ? neg : 0;
    return {
      band,
      claims,
      share: total > 0 ? inBand / total : 0,
      precision: claims === 'none' || inBand === 0 ? null : hit / inBand,
      recall: claims === 'none' || classTotal === 0 ? null : hit / classTotal,
    };
  });
}

export interface Summary {
  n: number;
  positives: number;
  negatives: number;
  auc: number;
  brier: number;
  ece: number;
}

/** Item count, class counts and the three headline metrics. */
export function summarize(items: readonly Scored[]): Summary {
  return {
    n: items.length,
    positives: items.filter((i) => i.y === 1).length,
    negatives: items.filter((i) => i.y === 0).length,
    auc: rocAuc(items),
    brier: brier(items),
    ece: ece(items),
  };
}

/** Rescales weights so that both classes weigh the same in total (equal prior odds); returns new items. */
export function balance<T extends Scored>(items: readonly T[]): T[] {
  let pos = 0;
  let neg = 0;
  for (const it of items) {
    if (it.y === 1) pos += it.w ?? 1;
    else neg += it.w ?? 1;
  }
  if (pos === 0 || neg === 0) return [...items];
  const half = (pos + neg) / 2;
  return items.map((it) => ({ ...it, w: (it.w ?? 1) * (it.y === 1 ? half / pos : half / neg) }));
}
