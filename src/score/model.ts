// The fitted intrinsic-style model (corpora/models/fr.json): its schema, loader and scorer. The file holds feature
// settings, quantised coefficients over hashed n-grams and named features, a calibration map and fit-time figures;
// it holds no text. Written by `npm run fit` (src/eval/fit.ts).
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type * as ZodModule from 'zod';
import { zod } from '../util/zod.js';
import { calibratedLogOdds, type CalibrationMap } from './calibrate.js';
import { DENSE_FEATURES, featureCount, featureDot, featureDotQuantised, hashedCount, wordCount, type FeatureSpec } from './intrinsic.js';
import { WireproofError } from '../types.js';
import { StampedCache, stampOf } from '../util/stamp.js';

/** The model file's schema (zod), built on first use: a shipped model validated at build time is not re-validated. */
function buildSchema(z: typeof ZodModule.z) {
  const PowerOfTwo = z
    .number()
    .int()
    .min(2)
    .max(1 << 22)
    .refine((n) => (n & (n - 1)) === 0, 'must be a power of two');

  const FeatureSpecSchema = z.strictObject({
    version: z.literal(1),
    wordBuckets: PowerOfTwo,
    charBuckets: PowerOfTwo,
    shapeBuckets: PowerOfTwo.optional(),
    dense: z.array(z.string().refine((n) => DENSE_FEATURES.includes(n), 'unknown named feature')),
    denseMean: z.array(z.number()),
    denseSd: z.array(z.number().min(0)),
  });

  const CalibrationSchema = z.discriminatedUnion('method', [
    z.strictObject({ method: z.literal('platt'), a: z.number(), b: z.number() }),
    z.strictObject({
      method: z.literal('isotonic'),
      x: z.array(z.number()).min(1),
      y: z.array(z.number().min(0).max(1)).min(1),
    }),
  ]);

  /** Coefficients of the hashed blocks, quantised: value = int16 × scale, little-endian, base64. */
  const QuantisedSchema = z.strictObject({
    encoding: z.literal('int16le-base64'),
    scale: z.number().positive(),
    length: z.number().int().positive(),
    data: z.string(),
  });

  const ModelSchema = z.strictObject({
    $comment: z.string().optional(),
    kind: z.literal('wireproof-intrinsic-style'),
    version: z.literal(1),
    language: z.string().regex(/^[a-z]{2}$/),
    features: FeatureSpecSchema,
    coefficients: QuantisedSchema,
    /** Coefficients of the named features, in FeatureSpec.dense order. */
    denseCoefficients: z.array(z.number()),
    intercept: z.number(),
    calibration: CalibrationSchema,
    /** Below this many words the model says nothing. */
    minWords: z.number().int().min(1),
    /** Calibrated log-odds smaller than this in absolute value give no signal (the model is unsure). */
    minWeight: z.number().min(0),
    /** Calibrated log-odds are clamped to ± this (a style model alone never reaches certainty). */
    maxWeight: z.number().positive(),
    training: z.strictObject({
      corpora: z.array(z.string()).min(1),
      heldOut: z.array(z.string()),
      fingerprint: z.string().regex(/^sha256:[0-9a-f]{64}$/),
      texts: z.record(z.string(), z.number().int().min(0)),
      split: z.string(),
      l2: z.number().positive(),
      seed: z.number().int(),
    }),
    figures: z.record(z.string(), z.unknown()),
  });
  return ModelSchema;
}

let schema: ReturnType<typeof buildSchema> | undefined;

/** The model file's zod schema. */
export function modelSchema(): ReturnType<typeof buildSchema> {
  schema ??= buildSchema(zod());
  return schema;
}

/** The model file as stored. */
export type ModelFile = ZodModule.infer<ReturnType<typeof buildSchema>>;

/** A loaded model: the file plus its coefficients, ready to score. */
export interface Model extends ModelFile {
  /** The hashed blocks' coefficients as stored (coefficient i = hashed[i] × coefficients.scale); scoring reads these. */
  hashed: Int16Array;
  /** Decoded coefficients over the whole feature vector (hashed blocks, then named features), decoded on first read. */
  readonly weights: Float64Array;
}

/** The French model shipped with wireproof (corpora/models/fr.json, two levels up from src/score or dist/score). */
export function defaultModelPath(language = 'fr'): string {
  const here = dirname(fileURLToPath(import.meta.url));
  return join(here, '..', '..', 'corpora', 'models', `${language}.json`);
}

/** Whether this machine stores integers little-endian, as the model file does. */
const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/** The quantised coefficients of the hashed blocks, as int16 (checked against the feature settings). */
export function decodeHashed(file: ModelFile): Int16Array {
  const spec = file.features;
  const { coefficients } = file;
  const hashed = hashedCount(spec);
  if (coefficients.length !== hashed) {
    throw new Error(`coefficients.length is ${coefficients.length}, expected ${hashed} (wordBuckets + charBuckets + shapeBuckets)`);
  }
  if (file.denseCoefficients.length !== spec.dense.length || spec.denseMean.length !== spec.dense.length || spec.denseSd.length !== spec.dense.length) {
    throw new Error('denseCoefficients, denseMean and denseSd must have one entry per named feature');
  }
  const bytes = Buffer.from(coefficients.data, 'base64');
  if (bytes.length !== hashed * 2) throw new Error(`coefficients.data decodes to ${bytes.length} bytes, expected ${hashed * 2}`);
  const q = new Int16Array(hashed);
  if (LITTLE_ENDIAN) new Uint8Array(q.buffer).set(bytes); // one copy into an aligned buffer, no per-entry reads
  else for (let i = 0; i < hashed; i++) q[i] = bytes.readInt16LE(i * 2);
  return q;
}

/** Decodes the quantised coefficients and appends the named-feature coefficients. */
export function decodeWeights(file: ModelFile): Float64Array {
  const q = decodeHashed(file);
  const weights = new Float64Array(featureCount(file.features));
  const scale = file.coefficients.scale;
  for (let i = 0; i < q.length; i++) weights[i] = q[i]! * scale;
  file.denseCoefficients.forEach((c, j) => (weights[q.length + j] = c));
  return weights;
}

/** A model ready to score. The full decoded vector is built only if something reads `weights` (tests, tools). */
function toModel(file: ModelFile): Model {
  const hashed = decodeHashed(file);
  let weights: Float64Array | undefined;
  const model = { ...file, hashed } as Model;
  Object.defineProperty(model, 'weights', { enumerable: true, get: () => (weights ??= decodeWeights(file)) });
  return model;
}

/** Validates a parsed model file and decodes it. Throws a WireproofError (code `corpus`) naming the problem. */
export function parseModel(json: unknown, where = '<model>'): Model {
  const parsed = modelSchema().safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const path = issue?.path.join('.') || '(root)';
    throw new WireproofError(`${where}: invalid model file at ${path}: ${issue?.message ?? 'invalid'}`, 'corpus', where);
  }
  try {
    return toModel(parsed.data);
  } catch (error) {
    throw new WireproofError(`${where}: ${(error as Error).message}`, 'corpus', where);
  }
}

/** Models by path; a desk's model is re-read when it changes (src/util/stamp.ts). */
const cache = new StampedCache<Model>(4);

function prevalidatedFile(): string {
  return join(dirname(fileURLToPath(import.meta.url)), '..', 'model.validated.json');
}

function contentHash(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

function isPrevalidated(text: string): boolean {
  try {
    return (JSON.parse(readFileSync(prevalidatedFile(), 'utf8')) as string[]).includes(contentHash(text));
  } catch {
    return false;
  }
}

/** Validates the shipped model and records its content hash (called by scripts/postbuild.mjs). */
export function writeModelPrevalidated(): string {
  const text = readFileSync(defaultModelPath(), 'utf8');
  parseModel(JSON.parse(text), defaultModelPath());
  writeFileSync(prevalidatedFile(), JSON.stringify([contentHash(text)]));
  return prevalidatedFile();
}

/**
 * Loads and validates a model file (cached per path).
 * @param path defaults to the shipped French model
 */
export function loadModel(path = defaultModelPath()): Model {
  return cache.get(resolve(path), () => (path === defaultModelPath() ? '' : stampOf([path], 0)), () => readModel(path));
}

function readModel(path: string): Model {
  let json: unknown;
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
    json = JSON.parse(text);
  } catch (error) {
    throw new WireproofError(`${path}: cannot read model file: ${(error as Error).message}`, 'corpus', path);
  }
  // The shipped model, validated when wireproof was built, is decoded without zod when its content is unchanged.
  return isPrevalidated(text) ? toModel(json as ModelFile) : parseModel(json, path);
}

/**
 * Raw (uncalibrated) model score of a paragraph: the logistic regression's linear predictor. A loaded model is scored
 * from its stored int16 coefficients (`hashed`; `weights` is their decoding); an object without them, from `weights`.
 */
export function rawScore(model: Pick<Model, 'features' | 'weights' | 'intercept'> & Partial<Pick<Model, 'hashed' | 'coefficients' | 'denseCoefficients'>>, text: string): number {
  const spec = model.features as FeatureSpec;
  if (model.hashed && model.coefficients && model.denseCoefficients) {
    return featureDotQuantised(text, spec, model.hashed, model.coefficients.scale, model.denseCoefficients) + model.intercept;
  }
  return featureDot(text, spec, model.weights) + model.intercept;
}

export interface ModelVerdict {
  /** Words counted by the model. */
  words: number;
  /** Raw score, or null below minWords. */
  score: number | null;
  /** Calibrated log-odds (nats), clamped to ±maxWeight; 0 below minWords. */
  logOdds: number;
}

/** Scores a paragraph: its calibrated log-odds of machine translation from style alone (0 when too short). */
export function scoreParagraph(model: Model, text: string): ModelVerdict {
  const words = wordCount(text);
  if (words < model.minWords) return { words, score: null, logOdds: 0 };
  const score = rawScore(model, text);
  const logOdds = calibratedLogOdds(model.calibration as CalibrationMap, score);
  return { words, score, logOdds: Math.max(-model.maxWeight, Math.min(model.maxWeight, logOdds)) };
}
