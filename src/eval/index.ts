// Evaluation and fitting of the intrinsic-style model (research data read from a path; nothing here ships data).
export { runEval, type EvalOptions, type EvalResult } from './run.js';
export { fitModel, serializeModel, crossValidate, crossCorpus, documentFigures, namedFeatureAucs, DEFAULT_CONFIG, TRAINING_CORPORA, type FitConfig, type FitOutcome } from './fit.js';
export { defaultDataPath, documentsOf, hasData, itemsOf, readRows, HELD_OUT_CORPUS, type DataRow, type DocumentUnit, type Item } from './data.js';
export { rocAuc, brier, ece, reliability, bandFigures, summarize, balance, type Scored } from './metrics.js';
export { fitLogistic, toRows, lbfgs, type SparseRows } from './lr.js';
export { sourceFeatures, SOURCE_FEATURES } from './source.js';
