// Fitting the intrinsic-style model: logistic regression on hashed n-grams (+ optional named features) over the
// WMT14 and WMT21 training split, quantisation, then a calibration map on the separate calibration split.
// WMT22 rows are never read here except to be dropped. Deterministic: same data and config, byte-identical file.
import { applyCalibration, calibratedLogOdds, fitIsotonic, fitPlatt, type CalibrationMap } from '../score/calibrate.js';
import { DENSE_FEATURES, denseFeatures, dot, extractFeatures, featureCount, hashedCount, wordCount, type FeatureSpec } from '../score/intrinsic.js';
import type { ModelFile } from '../score/model.js';
import { detector as intrinsicStyle } from '../detect/intrinsic-style.js';
import { boundHints, DOCUMENT_SATURATION, saturatedSum } from '../score/combine.js';
import type { Signal } from '../types.js';
import { documentsOf, fitWeights, HELD_OUT_CORPUS, itemOfDocument, itemsOf, readRows, SPLIT_SEED, TRAIN_SHARE, unitHash, type Item } from './data.js';
import { fitLogistic, toRows } from './lr.js';
import { balance, summarize, type Scored } from './metrics.js';

export interface FitConfig {
  wordBuckets: number;
  charBuckets: number;
  /** Buckets of the shape n-gram block (function words and punctuation, other words by form); 0 = no such block. */
  shapeBuckets: number;
  /** Named features to include (names from DENSE_FEATURES). */
  dense: readonly string[];
  /** L2 penalty on the hashed coefficients. */
  l2: number;
  /** L2 penalty on the (standardised) named-feature coefficients. */
  l2Dense: number;
  /** Share of the negative weight given to native French where a corpus has both negative types. */
  originalShare: number;
  calibration: 'platt' | 'isotonic';
  /**
   * Which scores the calibration map is fitted on: `same-model` scores every calibration text with the final model;
   * `out-of-system` scores each machine translation with a model refitted without its system (the deployment case:
   * the wire's engine was never seen), which makes the map more cautious.
   */
  calibrationScores: 'same-model' | 'out-of-system';
  seed: number;
  minWords: number;
  minWeight: number;
  maxWeight: number;
  maxIterations: number;
}

/**
 * The configuration `npm run fit` uses. Chosen by 5-fold cross-validation by document inside the WMT14/WMT21 training
 * split (src/eval/fit.ts crossValidate, `npm run fit -- --ablation`), never on WMT22; see docs/accuracy.md.
 */
export const DEFAULT_CONFIG: FitConfig = {
  wordBuckets: 1 << 15,
  charBuckets: 1 << 15,
  shapeBuckets: 0,
  dense: [],
  l2: 0.1,
  l2Dense: 10,
  originalShare: 0.5,
  calibration: 'platt',
  calibrationScores: 'out-of-system',
  seed: SPLIT_SEED,
  minWords: 8,
  minWeight: 0.05,
  maxWeight: 3,
  maxIterations: 300,
};

/** Corpora the model is fitted on. */
export const TRAINING_CORPORA = ['wmt14-newstest2014', 'wmt21-newstest2021'];

export interface Trained {
  spec: FeatureSpec;
  /** Dequantised coefficients over the whole feature vector. */
  weights: Float64Array;
  intercept: number;
  /** Quantised hashed coefficients and their scale. */
  quantised: Int16Array;
  scale: number;
  iterations: number;
}

/** Fits the logistic regression on `items` with fitting weights `weights`. */
export function train(items: readonly Item[], weights: readonly number[], config: FitConfig): Trained {
  for (const name of config.dense) if (!DENSE_FEATURES.includes(name)) throw new Error(`unknown named feature ${name}`);
  const dense = config.dense.length > 0 ? items.map((it) => denseFeatures(it.text)) : [];
  const denseMean = config.dense.map((name) => dense.reduce((s, d) => s + (d[name] ?? 0), 0) / Math.max(1, dense.length));
  const denseSd = config.dense.map((name, j) => {
    const m = denseMean[j]!;
    const v = dense.reduce((s, d) => s + ((d[name] ?? 0) - m) ** 2, 0) / Math.max(1, dense.length);
    return round(Math.sqrt(v));
  });
  const spec: FeatureSpec = {
    version: 1,
    wordBuckets: config.wordBuckets,
    charBuckets: config.charBuckets,
    ...(config.shapeBuckets > 0 ? { shapeBuckets: config.shapeBuckets } : {}),
    dense: [...config.dense],
    denseMean: denseMean.map(round),
    denseSd,
  };
  const columns = featureCount(spec);
  const rows = toRows(
    items.map((it) => extractFeatures(it.text, spec)),
    columns,
  );
  const hashed = hashedCount(spec);
  const l2 = new Float64Array(columns);
  for (let j = 0; j < columns; j++) l2[j] = j < hashed ? config.l2 : config.l2Dense;
  const fit = fitLogistic(
    rows,
    items.map((it) => it.y),
    weights,
    { l2, maxIterations: config.maxIterations },
  );
  let max = 0;
  for (let j = 0; j < hashed; j++) max = Math.max(max, Math.abs(fit.coefficients[j]!));
  const scale = round(max > 0 ? max / 32767 : 1);
  const quantised = new Int16Array(hashed);
  const out = new Float64Array(columns);
  for (let j = 0; j < hashed; j++) {
    quantised[j] = Math.max(-32767, Math.min(32767, Math.round(fit.coefficients[j]! / scale)));
    out[j] = quantised[j]! * scale;
  }
  for (let j = hashed; j < columns; j++) out[j] = round(fit.coefficients[j]!);
  return { spec, weights: out, intercept: round(fit.intercept), quantised, scale, iterations: fit.iterations };
}

/** Raw score of a text under a trained model. */
export function scoreWith(trained: Pick<Trained, 'spec' | 'weights' | 'intercept'>, text: string): number {
  return dot(extractFeatures(text, trained.spec), trained.weights) + trained.intercept;
}

/** Fits the calibration map on raw scores. */
export function calibrate(scores: readonly number[], items: readonly Item[], weights: readonly number[], method: FitConfig['calibration']): CalibrationMap {
  const labels = items.map((it) => it.y);
  if (method === 'platt') {
    const m = fitPlatt(scores, labels, weights);
    return { method: 'platt', a: round(m.a), b: round(m.b) };
  }
  const m = fitIsotonic(scores, labels, weights);
  return { method: 'isotonic', x: m.x.map(round), y: m.y.map(round) };
}

/**
 * The intrinsic-style signal's weight for a raw score, as the detector gives it: 0 (no signal) below minWords or when
 * the model is unsure (|log-odds| < minWeight), else the calibrated log-odds clamped to ±maxWeight.
 */
export function styleLogOdds(map: CalibrationMap, raw: number, text: string, config: Pick<FitConfig, 'minWords' | 'minWeight' | 'maxWeight'>): number {
  if (wordCount(text) < config.minWords) return 0;
  const lo = Math.max(-config.maxWeight, Math.min(config.maxWeight, calibratedLogOdds(map, raw)));
  return Math.abs(lo) < config.minWeight ? 0 : lo;
}

/** Calibrated probability of a text as the detector gives it (0.5 below minWords; clamped; small weights dropped). */
export function probabilityOf(
  trained: Pick<Trained, 'spec' | 'weights' | 'intercept'>,
  map: CalibrationMap,
  text: string,
  config: Pick<FitConfig, 'minWords' | 'minWeight' | 'maxWeight'>,
): number {
  return 1 / (1 + Math.exp(-styleLogOdds(map, scoreWith(trained, text), text, config)));
}

/**
 * Style evidence over whole articles, rebuilt from `items` (every paragraph of one document by one producer) with the
 * paragraphs' raw scores `raw`, style alone: as the document probability adds it up (`saturatedSum` at the document's
 * saturation, then `boundHints`: the shipped scoring), summed without the bound (shipped until 0.4.3), and averaged over the paragraphs with a signal (measured, not shipped: it treats
 * one article's paragraphs as one observation of its producer's style; docs/accuracy.md has why it was left out).
 */
export function documentFigures(
  items: readonly Item[],
  raw: readonly number[],
  map: CalibrationMap,
  config: Pick<FitConfig, 'minWords' | 'minWeight' | 'maxWeight'>,
): Record<string, { n: number; auc: number; brier: number; ece: number }> {
  const weightOf = new Map<Item, number>();
  items.forEach((it, k) => weightOf.set(it, styleLogOdds(map, raw[k]!, it.text, config)));
  const signalsOf = (list: readonly Item[]): Signal[] =>
    list
      .filter((it) => weightOf.get(it) !== 0)
      .map((it) => ({
        ruleId: intrinsicStyle.meta.id,
        weight: weightOf.get(it)!,
        message: '',
        paragraph: it.paraIndex,
        start: 0,
        end: it.text.length,
        scope: 'paragraph',
        evidence: intrinsicStyle.meta.evidence,
      }));
  const mean = (signals: readonly Signal[]): number => (signals.length === 0 ? 0 : signals.reduce((s, x) => s + x.weight, 0) / signals.length);
  const aggregations: [string, (signals: readonly Signal[]) => number][] = [
    [`summed, saturating at ${DOCUMENT_SATURATION}×, bounded to the uncertain band (shipped)`, (signals) => boundHints(saturatedSum(signals, DOCUMENT_SATURATION))],
    [`summed, saturating at ${DOCUMENT_SATURATION}× (shipped until 0.4.3)`, (signals) => saturatedSum(signals, DOCUMENT_SATURATION)],
    ['averaged over paragraphs (not shipped)', mean],
  ];
  const docs = documentsOf(items);
  const out: Record<string, { n: number; auc: number; brier: number; ece: number }> = {};
  for (const [label, aggregate] of aggregations) {
    const scored = docs.map((d) => ({ item: itemOfDocument(d), p: 1 / (1 + Math.exp(-aggregate(signalsOf(d.items)))) }));
    for (const [name, group] of groups(scored)) {
      const s = summarize(group);
      out[`style evidence ${label}: ${name}`] = { n: s.n, auc: round(s.auc), brier: round(s.brier), ece: round(s.ece) };
    }
  }
  return out;
}

/**
 * Raw scores of the calibration texts: from the final model, or (out-of-system) each machine translation from a model
 * refitted on the training split without its system.
 */
export function calibrationScores(
  trainItems: readonly Item[],
  calItems: readonly Item[],
  trained: Trained,
  config: FitConfig,
  log: (s: string) => void = () => {},
): number[] {
  const scores = calItems.map((it) => scoreWith(trained, it.text));
  if (config.calibrationScores !== 'out-of-system') return scores;
  const systems = [...new Set(calItems.filter((it) => it.y === 1).map((it) => it.producer))].sort();
  for (const system of systems) {
    const fitSet = trainItems.filter((it) => it.y === 0 || it.producer !== system);
    const without = train(fitSet, fitWeights(fitSet, config.originalShare), config);
    calItems.forEach((it, k) => {
      if (it.y === 1 && it.producer === system) scores[k] = scoreWith(without, it.text);
    });
    log(`  calibration scores for ${system} from a model fitted without it`);
  }
  return scores;
}

/** The evaluation groups: per corpus, machine translations against each negative type, classes balanced. */
export function groups<T extends { item: Item }>(scored: readonly T[]): Map<string, (T & Scored)[]> {
  const out = new Map<string, (T & Scored)[]>();
  const corpora = [...new Set(scored.map((s) => s.item.corpus))].sort();
  for (const corpus of corpora) {
    const inCorpus = scored.filter((s) => s.item.corpus === corpus);
    for (const negative of ['human_translation', 'original'] as const) {
      const negatives = inCorpus.filter((s) => s.item.label === negative);
      if (negatives.length === 0) continue;
      const rowsWith = new Set(negatives.map((s) => s.item.row));
      let positives = inCorpus.filter((s) => s.item.y === 1 && rowsWith.has(s.item.row));
      if (positives.length === 0) positives = inCorpus.filter((s) => s.item.y === 1);
      if (positives.length === 0) continue;
      out.set(`${corpus} / ${negative}`, balance([...positives, ...negatives].map((s) => ({ ...s, y: s.item.y, w: s.item.w }) as T & Scored)));
    }
  }
  return out;
}

export interface FitOutcome {
  file: ModelFile;
  trained: Trained;
  calibration: CalibrationMap;
  items: Item[];
}

/** Rounds to 6 significant digits (model files stay small and byte-stable). */
export function round(x: number): number {
  return x === 0 ? 0 : Number(x.toPrecision(6));
}

/**
 * Fits the model on the data file: weights on the training split, calibration on the calibration split, figures on
 * the calibration split. WMT22 rows are dropped before anything else.
 */
export function fitModel(dataPath: string, config: FitConfig = DEFAULT_CONFIG, log: (s: string) => void = () => {}): FitOutcome {
  const { rows, fingerprint } = readRows(dataPath);
  const used = (corpus: string): boolean => corpus !== HELD_OUT_CORPUS && TRAINING_CORPORA.includes(corpus);
  const items = itemsOf(rows.filter((r) => used(r.corpus)), config.seed);
  const trainItems = items.filter((it) => it.split === 'train');
  const calItems = items.filter((it) => it.split === 'calibration');
  log(`training on ${trainItems.length} texts, calibrating on ${calItems.length} (WMT22 held out, not read)`);
  const trained = train(trainItems, fitWeights(trainItems, config.originalShare), config);
  log(`logistic regression: ${trained.iterations} iterations`);
  const calScores = calibrationScores(trainItems, calItems, trained, config, log);
  const calibration = calibrate(calScores, calItems, fitWeights(calItems, config.originalShare), config.calibration);
  const figures: Record<string, unknown> = {};
  const sameModel = config.calibrationScores === 'out-of-system' ? calItems.map((it) => scoreWith(trained, it.text)) : calScores;
  const variants: [string, number[]][] = [['calibration split', sameModel]];
  if (config.calibrationScores === 'out-of-system') variants.push(['calibration split, each MT system unseen', calScores]);
  for (const [label, raw] of variants) {
    const scored = calItems.map((item, k) => ({
      item,
      p: wordCount(item.text) < config.minWords ? 0.5 : applyCalibration(calibration, raw[k]!),
    }));
    for (const [name, group] of groups(scored)) {
      const s = summarize(group);
      figures[`${label}: ${name}`] = { n: s.n, auc: round(s.auc), brier: round(s.brier), ece: round(s.ece) };
    }
    for (const [name, f] of Object.entries(documentFigures(calItems, raw, calibration, config))) figures[`${label}, documents, ${name}`] = f;
  }
  const texts: Record<string, number> = {};
  for (const it of items) {
    const key = `${it.split} ${it.label}`;
    texts[key] = (texts[key] ?? 0) + 1;
  }
  const sortedTexts = Object.fromEntries(Object.entries(texts).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  const file: ModelFile = {
    $comment: 'Generated by `npm run fit` (scripts/fit.mjs, src/eval/fit.ts). Holds no text: hashed-feature coefficients only. Do not edit.',
    kind: 'wireproof-intrinsic-style',
    version: 1,
    language: 'fr',
    features: trained.spec,
    coefficients: {
      encoding: 'int16le-base64',
      scale: trained.scale,
      length: trained.quantised.length,
      data: Buffer.from(trained.quantised.buffer, trained.quantised.byteOffset, trained.quantised.byteLength).toString('base64'),
    },
    denseCoefficients: Array.from(trained.weights.slice(hashedCount(trained.spec))),
    intercept: trained.intercept,
    calibration,
    minWords: config.minWords,
    minWeight: config.minWeight,
    maxWeight: config.maxWeight,
    training: {
      corpora: [...TRAINING_CORPORA],
      heldOut: [HELD_OUT_CORPUS],
      fingerprint: fingerprint((r) => used(r.corpus)),
      texts: sortedTexts,
      split: `by document, sha256("${config.seed}:" + corpus|doc_id) < ${TRAIN_SHARE} → training, else calibration`,
      l2: config.l2,
      seed: config.seed,
    },
    figures,
  };
  return { file, trained, calibration, items };
}

/** Serialises a model file (stable key order as built, two-space indent, trailing newline). */
export function serializeModel(file: ModelFile): string {
  return `${JSON.stringify(file, null, 2)}\n`;
}

/**
 * K-fold cross-validation by document inside the training split (never WMT22): out-of-fold raw scores, then AUC per
 * evaluation group. Used to choose features and the penalty.
 */
export function crossValidate(items: readonly Item[], config: FitConfig, folds = 5): Record<string, number> {
  const trainItems = items.filter((it) => it.split === 'train');
  const foldOf = (it: Item): number => Math.floor(unitHash(`${config.seed}:fold:${it.doc}`) * folds);
  const scores = new Array<number>(trainItems.length).fill(0);
  for (let f = 0; f < folds; f++) {
    const fitSet = trainItems.filter((it) => foldOf(it) !== f);
    const trained = train(fitSet, fitWeights(fitSet, config.originalShare), config);
    trainItems.forEach((it, k) => {
      if (foldOf(it) === f) scores[k] = scoreWith(trained, it.text);
    });
  }
  const out: Record<string, number> = {};
  for (const [name, group] of groups(trainItems.map((item, k) => ({ item, p: scores[k]! })))) out[name] = round(summarize(group).auc);
  return out;
}

/**
 * Transfer across corpora: fitted on one training corpus's training split, scored on every text of another training
 * corpus (a different source language, other engines, other human translators: what an unseen wire is). AUC per
 * evaluation group of the scored corpus. Never reads WMT22.
 */
export function crossCorpus(items: readonly Item[], config: FitConfig): Record<string, number> {
  const out: Record<string, number> = {};
  for (const from of TRAINING_CORPORA) {
    const fitSet = items.filter((it) => it.corpus === from && it.split === 'train');
    if (fitSet.length === 0) continue;
    const trained = train(fitSet, fitWeights(fitSet, config.originalShare), config);
    for (const to of TRAINING_CORPORA) {
      if (to === from) continue;
      const scored = items.filter((it) => it.corpus === to).map((item) => ({ item, p: scoreWith(trained, item.text) }));
      for (const [name, group] of groups(scored)) out[`${from} → ${name}`] = round(summarize(group).auc);
    }
  }
  return out;
}

/**
 * Each named profile feature alone as a score: its AUC per evaluation group of the training split (machine
 * translation high = AUC above 0.5). Shows which single features carry a signal, and whether its direction holds in
 * both corpora. Never reads WMT22.
 */
export function namedFeatureAucs(items: readonly Item[]): Record<string, Record<string, number>> {
  const trainItems = items.filter((it) => it.split === 'train');
  const values = trainItems.map((it) => denseFeatures(it.text));
  const out: Record<string, Record<string, number>> = {};
  for (const name of DENSE_FEATURES) {
    out[name] = {};
    for (const [group, scored] of groups(trainItems.map((item, k) => ({ item, p: values[k]![name] ?? 0 })))) out[name][group] = round(summarize(scored).auc);
  }
  return out;
}
