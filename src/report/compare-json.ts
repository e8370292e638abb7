// JSON formatter for `wireproof compare`: the Comparison as is, two-space indented, one trailing newline.
import type { Comparison } from '../types.js';

/**
 * Formats a comparison as JSON (shape in docs/compare.md: `reference`, `candidate`, `pairs[]`, `summary`, and
 * `source` when a source was given). Pure: no colour, no I/O.
 */
export function formatComparisonJson(comparison: Comparison): string {
  return `${JSON.stringify(comparison, null, 2)}\n`;
}
