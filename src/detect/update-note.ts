// Rule update-note: Reuters update (writethru) notes whose wording shows machine translation, or untranslated English.
import type { Detector, DetectorContext, Paragraph, RuleMeta, Signal } from '../types.js';
import { excerpt, findWireMarks, makeSignal } from './util.js';

/** Rule metadata (id, severity, kinds). */
const meta: RuleMeta = {
  id: 'update-note',
  description:
    'A Reuters update note translated word for word ("(Mises à jour des actions)", "(Refonte, ajout de détails …)", "(Ajoute … dans les paragraphes 2-3)"), or left in English.',
  defaultSeverity: 'warning',
  docs: 'docs/rules/update-note.md',
  evidence: 'artefact',
  kinds: ['update-note', 'body'],
};

const MESSAGES = {
  machine: 'Update note translated word for word from the English wire ("Updates …", "Adds …", "Rewrites …"): machine translation',
  human: 'Update note in a human French desk\'s wording',
  source: 'English update note left untranslated',
} as const;

/**
 * update-note: matches the update-note entries of corpora/wire-marks/ (provenance-evidence.md §3.2). Machine
 * renderings weigh +2.5 when seen (`(Mises à jour des actions)`, `(Refonte, …)`, seed 000's `(Ajoute … dans les
 * paragraphes 2-3 …)`) and +1.5 to +2 when inferred from the same verb family; English notes (`(Updates shares)`,
 * `(Fixes link to graphic)`) 0. Document scope. In body paragraphs only a note that opens the paragraph counts.
 * See docs/rules/update-note.md.
 */
export const detector: Detector = {
  meta,
  detect(p: Paragraph, context: DetectorContext): Signal[] {
    const hits = findWireMarks(p, context.corpora.wireMarks, 'update-note');
    const out: Signal[] = [];
    for (const { start, end, entry } of hits) {
      // English notes are normal in English copy.
      if (entry.provenance === 'source' && context.language === 'en') continue;
      out.push(
        makeSignal(meta, p, {
          start,
          end,
          weight: entry.weight,
          scope: 'document',
          message: `${MESSAGES[entry.provenance]}: ${excerpt(p.text.slice(start, end))}`,
          data: { id: entry.id, provenance: entry.provenance, status: entry.status },
        }),
      );
    }
    return out;
  },
};

export default detector;
