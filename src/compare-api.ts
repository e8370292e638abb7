// The public API of `wireproof/compare`: align two versions of a story (feed vs published, writethru vs writethru).
// A subpath of its own so that `import { check } from 'wireproof'` does not load jsdiff and the aligner.
export { compare, compareParagraphs, MIN_MOVE_SIMILARITY, MIN_PAIR_SIMILARITY } from './reference/compare.js';
export type { CompareOptions, CompareParagraphsOptions } from './reference/compare.js';
export { formatComparisonJson } from './report/compare-json.js';
export { formatComparisonText } from './report/compare-text.js';
export type { CompareTextOptions } from './report/compare-text.js';
export type { Change, Comparison, ComparisonPair, ComparisonSummary, PairStatus, Provenance } from './types.js';
