// Runs the registered detectors over a document's paragraphs; a rule set to `off` does not run at all.
import type { Detector, DetectorContext, Paragraph, RuleLevel, Signal } from '../types.js';
import { ruleLanguage } from '../segment/language.js';
import { detectors } from './index.js';

/**
 * Runs every enabled detector on every paragraph of a kind it inspects.
 * @param levels configured rule levels; a rule at `off` is skipped
 * @returns signals in paragraph order, then registry order
 */
export function runDetectors(
  paragraphs: readonly Paragraph[],
  context: DetectorContext,
  levels: Readonly<Record<string, RuleLevel>> = {},
  registry: readonly Detector[] = detectors,
): Signal[] {
  const active = registry.filter((d) => levels[d.meta.id] !== 'off');
  const signals: Signal[] = [];
  for (const paragraph of paragraphs) {
    for (const detector of active) {
      const { kinds, languages } = detector.meta;
      if (!kinds.includes(paragraph.kind)) continue;
      // A paragraph's own language only when franc is sure of it (segment/language.ts, PARAGRAPH_TRUST).
      if (languages && !languages.includes(ruleLanguage(paragraph, context.language))) continue;
      for (const signal of detector.detect(paragraph, context)) {
        // Clamp defensively: a detector bug must not put a position outside its paragraph.
        const start = Math.max(0, Math.min(signal.start, paragraph.text.length));
        const end = Math.max(start, Math.min(signal.end, paragraph.text.length));
        signals.push({ ...signal, start, end, paragraph: paragraph.index });
      }
    }
  }
  return signals;
}
