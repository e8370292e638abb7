// Helpers shared by the HTML report and the batch dashboard: escaping, verdict wording, percentages, colours.
import escapeHtml from 'escape-html';
import type { Verdict } from '../types.js';

/** Bins of the probability histograms. */
export const BINS = 10;

/** Human wording of each verdict. */
export const VERDICT_TEXT: Record<Verdict, string> = {
  'declared-machine': 'Declared machine translation',
  'undeclared-machine': 'Undeclared machine translation',
  human: 'Human translation',
  mixed: 'Mixed',
  uncertain: 'Uncertain',
  unknown: 'Unknown',
};

/** Escapes text for element content and for quoted attribute values alike (`&`, `<`, `>`, `"`, `'`). */
export function esc(value: string | number): string {
  return escapeHtml(String(value));
}

export { percent } from './explain.js';

/** Green (human) to red (machine); numeric only, so safe in a style attribute. */
export function hue(p: number): number {
  return Math.round(120 * (1 - Math.min(1, Math.max(0, p))));
}
