// Metadata of the source–target consistency rules, apart from their code so rule lists load without it.
import type { RuleMeta } from '../types.js';

const KINDS: RuleMeta['kinds'] = ['headline', 'body'];

/**
 * Metadata of the source–target rules (pages in docs/rules/). Most weigh 0 (a wrong number is a translation error,
 * not evidence of who made it) but every finding is a message: that is what `--source` is for.
 */
export const SOURCE_RULES: RuleMeta[] = [
  {
    id: 'source-number',
    description: 'A number of the source is missing from the translation, or the translation has a number the source does not',
    defaultSeverity: 'warning',
    docs: 'docs/rules/source-number.md',
    evidence: 'source',
    kinds: KINDS,
    messages: 'finding',
  },
  {
    id: 'source-name',
    description: 'A proper name of the source is missing from the translation, or the translation has a name the source does not',
    defaultSeverity: 'warning',
    docs: 'docs/rules/source-name.md',
    evidence: 'source',
    kinds: KINDS,
    messages: 'finding',
  },
  {
    id: 'source-quote',
    description: 'A quotation of the source has no quoted counterpart in the translation',
    defaultSeverity: 'warning',
    docs: 'docs/rules/source-quote.md',
    evidence: 'source',
    kinds: KINDS,
    messages: 'finding',
  },
  {
    id: 'source-paragraphs',
    description: 'A paragraph of the translation has no counterpart in the source, or a source paragraph is missing',
    defaultSeverity: 'warning',
    docs: 'docs/rules/source-paragraphs.md',
    evidence: 'source',
    kinds: KINDS,
    messages: 'finding',
  },
  {
    id: 'source-untranslated',
    description: 'A run of source-language words copied untranslated into the translation',
    defaultSeverity: 'warning',
    docs: 'docs/rules/source-untranslated.md',
    evidence: 'source',
    kinds: KINDS,
    messages: 'finding',
  },
  {
    id: 'source-language',
    description: 'The source rules were not run: they compare an English original with its French translation, and the source or the translation is in another language',
    defaultSeverity: 'warning',
    docs: 'docs/rules/source-language.md',
    evidence: 'source',
    kinds: KINDS,
    messages: 'finding',
  },
];

