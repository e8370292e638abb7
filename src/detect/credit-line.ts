// Rule credit-line: Reuters credit lines whose wording reveals how the French was made (machine or the human desk).
import type { Detector, DetectorContext, Paragraph, RuleMeta, Signal } from '../types.js';
import { detectWireMarks, inLanguage, type WireMarkMessages } from './util.js';

/** Rule metadata (id, severity, kinds). */
const meta: RuleMeta = {
  id: 'credit-line',
  description:
    'A Reuters credit line whose wording shows machine translation ("Rapport de …, édition de …"), the human French desk ("Rédigé par …, édité par …"), or the untranslated English.',
  defaultSeverity: 'warning',
  docs: 'docs/rules/credit-line.md',
  evidence: 'artefact',
  kinds: ['credit', 'body'],
};

/**
 * Messages by the entry's provenance, in the language of the entry's wording (a desk's Spanish entry is not "the
 * French desk's format"; a review, 2026-12-07).
 */
const MESSAGES: WireMarkMessages = {
  machine: () => 'Credit line translated word for word from the English "(Reporting by …; Editing by …)", as machine translation renders it',
  human: (language) => `Credit line in the format of a human Reuters desk${inLanguage(language)}`,
  source: (language) => `Credit line left untranslated${inLanguage(language)}`,
};

/**
 * credit-line: matches the credit-line entries of corpora/wire-marks/ (provenance-evidence.md §3.3). A machine
 * rendering (`(Rapport de Caroline Valetkevitch, édition de Rosalba O'Brien et Daniel Wallis)`) weighs +3, the human
 * desk's `(Rédigé par Augustin Turpin, édité par Kate Entringer)` −2.5, the English `(Reporting by …; Editing by …)`
 * 0 (reported, no evidence either way). The weights live in the entries, each justified in its `note`. Document
 * scope: a credit line says how the whole story was produced. See docs/rules/credit-line.md.
 */
export const detector: Detector = {
  meta,
  detect(p: Paragraph, context: DetectorContext): Signal[] {
    return detectWireMarks(meta, 'credit', MESSAGES, p, context.corpora.wireMarks, context.language);
  },
};

export default detector;
