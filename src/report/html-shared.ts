// Helpers shared by the HTML report and the batch dashboard: escaping, verdict wording, percentages, colours.
import escapeHtml from 'escape-html';
import type { Verdict } from '../types.js';

/** Bins of the probability histograms. */
export const BINS = 10;

/** Human wording of each verdict. */
export const VERDICT_TEXT: Record<Verdict, string> = {
  'declared-machine': 'Declared machine translation',
  'undeclared-machine': 'Undeclared machine translation',
  // Human writing or human translation: the verdict cannot tell them apart (a Le Monde original read "Human translation").
  human: 'Human (written or translated)',
  mixed: 'Mixed',
  uncertain: 'Uncertain',
  unknown: 'Unknown',
};

/**
 * What the verdicts and labels mean (docs/scoring.md), shown folded in the report and the dashboard: the pages an
 * editor opens must say what "uncertain" and "unknown" mean without the README (review, 2026-12-07).
 */
export const LEGEND =
  '<details class="legend-box"><summary>How to read this report</summary><dl>' +
  '<dt>Declared machine translation</dt><dd>the text carries its publisher\'s machine-translation notice.</dd>' +
  '<dt>Undeclared machine translation</dt><dd>no notice, but the evidence puts the document at 80 % machine or more.</dd>' +
  '<dt>Mixed</dt><dd>some paragraphs look machine-translated and others human, on their own evidence.</dd>' +
  '<dt>Uncertain</dt><dd>read and scored, but no decisive evidence either way. Style alone rarely decides: on modern engines it barely beats chance (docs/accuracy.md).</dd>' +
  '<dt>Human (written or translated)</dt><dd>the evidence puts the document at 20 % machine or less.</dd>' +
  '<dt>Unknown</dt><dd>too little text to judge (fewer than 12 words in text paragraphs: an empty input, or a page where no article text was found).</dd>' +
  '<dt>Paragraph labels</dt><dd>machine ≥ 90 %, likely-machine ≥ 70 %, uncertain 30–70 %, likely-human ≤ 30 %, human ≤ 10 %. ' +
  'Probabilities assume half of an archive is machine-translated unless a prior is set (--prior).</dd>' +
  '<dt>Languages</dt><dd>the style model, the French typography, quotation and apostrophe rules and the shipped calques and phrasings are French only, and the source rules compare English with French only; notices and wire marks (credit lines, update notes, RIC codes …) apply to any language, your own calques and phrasings to the language of each entry.</dd>' +
  '</dl></details>';

/** Escapes text for element content and for quoted attribute values alike (`&`, `<`, `>`, `"`, `'`). */
export function esc(value: string | number): string {
  return escapeHtml(String(value));
}

export { percent } from '../util/percent.js';

/** Green (human) to red (machine); numeric only, so safe in a style attribute. */
export function hue(p: number): number {
  return Math.round(120 * (1 - Math.min(1, Math.max(0, p))));
}
