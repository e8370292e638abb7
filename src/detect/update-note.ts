// Rule update-note: Reuters update (writethru) notes whose wording shows machine translation, or untranslated English.
import type { Detector, DetectorContext, Paragraph, RuleMeta, Signal } from '../types.js';
import { detectWireMarks, inLanguage, type WireMarkMessages } from './util.js';

/** Rule metadata (id, severity, kinds). */
const meta: RuleMeta = {
  id: 'update-note',
  description:
    'A Reuters update note translated word for word ("(Mises à jour des actions)", "(Refonte, ajout de détails …)", "(Ajoute … dans les paragraphes 2-3)"), or left in English.',
  defaultSeverity: 'warning',
  docs: 'docs/rules/update-note.md',
  evidence: 'artefact',
  // A note glued to the byline at the top of a story, `(Mises à jour des actions) par Kanishka Ajmera et Rashika
  // Singh` (provenance-evidence.md §1.1 finding 4, boursorama 2026-02-03, no notice), is segmented as a headline or
  // byline: it must still count there, where it is seen in the wild (opening the paragraph, as in body paragraphs).
  kinds: ['update-note', 'body', 'headline', 'byline'],
};

/** Messages by the entry's provenance, in the language of the entry's wording (credit-line.ts says why). */
const MESSAGES: WireMarkMessages = {
  machine: () => 'Update note translated word for word from the English wire ("Updates …", "Adds …", "Corrects …"), as machine translation renders it',
  human: (language) => `Update note in a human desk's wording${inLanguage(language)}`,
  source: (language) => `Update note left untranslated${inLanguage(language)}`,
};

/**
 * update-note: matches the update-note entries of corpora/wire-marks/ (provenance-evidence.md §3.2). Machine
 * renderings weigh +2.5 when seen (`(Mises à jour des actions)`, `(Refonte, …)`, seed 000's `(Ajoute … dans les
 * paragraphes 2-3 …)`) and +1.5 to +2 when inferred from the same verb family; English notes (`(Updates shares)`,
 * `(Fixes link to graphic)`) 0. Document scope. In body, headline and byline paragraphs only a note that opens the paragraph counts.
 * See docs/rules/update-note.md.
 */
export const detector: Detector = {
  meta,
  detect(p: Paragraph, context: DetectorContext): Signal[] {
    return detectWireMarks(meta, 'update-note', MESSAGES, p, context.corpora.wireMarks, context.language);
  },
};

export default detector;
