// The pipeline's reference step for `check`: reference phrasings found per paragraph → signals and drift entries.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { jsonlFiles } from '../corpora/load.js';
import { ruleLanguage } from '../segment/language.js';
import { TEXT_KINDS } from '../segment/paragraphs.js';
import type { Drift, Paragraph, Signal } from '../types.js';
import { toSource } from '../util/offsets.js';
import { append } from '../util/append.js';
import type { LineIndex } from '../util/positions.js';
import { toDrift } from './drift.js';
import { findPhrasings } from './match.js';
import { partialMatch, phrasingSignals } from './phrasing-signals.js';
import { defaultPhrasingsPath } from './phrasings.js';
import { loadPhrasingIndex } from './shingle-index.js';
import { findQuotes, within } from '../util/quotes.js';
import { countWords } from '../util/words.js';
import { StampedCache, stampOf } from '../util/stamp.js';

export interface ReferenceStepOptions {
  /**
   * The corpora folder's phrasings (`<corpora>/phrasings`; default: the shipped one). A corpora folder given with
   * `--corpora` replaces the shipped one, phrasings included: without a `phrasings/` folder it has none.
   */
  phrasings?: string;
  /** Extra phrasing files or folders, added to the corpus. */
  references?: readonly string[];
  /** Minimum similarity for a phrasing to count as found (default: the matcher's). */
  phrasingMatch?: number;
  /** Below this similarity to the canonical wording, a match is wording drift (default: phrasing-signals'). */
  driftSimilarity?: number;
}

/** Per corpora phrasings folder: whether it holds any .jsonl file (asked once per folder, not per document). */
const usable = new StampedCache<boolean>();

/**
 * Whether a corpora folder's phrasings/ has files to load. Empty, it is no phrasings, not an error: only a folder
 * given with --references must hold some (a desk's `--corpora` with an empty phrasings/ was exit 2; review,
 * 2026-12-07). One holding `house.json` still fails in jsonlFiles.
 */
function hasPhrasings(base: string): boolean {
  return usable.get(
    resolve(base),
    () => (base === defaultPhrasingsPath() ? '' : stampOf([base], 1)),
    () => existsSync(base) && jsonlFiles(base, { strict: true }).length > 0,
  );
}

/**
 * Finds reference phrasings in every text paragraph (body and headline).
 * @returns their signals (machine-phrasing, house-phrasing, wording-drift) and drift entries per paragraph index
 */
export function referenceStep(
  paragraphs: readonly Paragraph[],
  language: string,
  lines: LineIndex,
  options: ReferenceStepOptions = {},
): { signals: Signal[]; drift: Map<number, Drift[]> } {
  const base = options.phrasings ?? defaultPhrasingsPath();
  const index = loadPhrasingIndex([...(hasPhrasings(base) ? [base] : []), ...(options.references ?? [])]);
  const signals: Signal[] = [];
  const drift = new Map<number, Drift[]>();
  for (const p of paragraphs) {
    if (!TEXT_KINDS.has(p.kind)) continue;
    const lang = ruleLanguage(p, language);
    const matches = findPhrasings(p.text, index, {
      language: lang,
      ...(options.phrasingMatch === undefined ? {} : { threshold: options.phrasingMatch }),
    });
    if (matches.length === 0) continue;
    // Direct quotations: a quote of at least two words more than the match. Quotes around the formula alone are scare
    // quotes (`à "toutes fins légales"`, seen in Reuters machine copy), which an editor may still reword.
    const quoted = findQuotes(p.text).filter((q) => matches.some((m) => within(m, q) && q.words >= countWords(m.text) + 2));
    const partials = matches.map((m) => partialMatch(m, lang));
    // Appended, not spread: one paragraph of a repeated sentence (4.4 MB) has 100,000 matches (review, 2026-12-08).
    append(
      signals,
      phrasingSignals(p.index, matches, {
        partials,
        ...(options.driftSimilarity === undefined ? {} : { driftThreshold: options.driftSimilarity }),
        ...(quoted.length > 0 ? { quoted } : {}),
        language: lang,
      }),
    );
    // The report's drift list leaves quoted matches out too: the HTML report showed their suggestion (review). So are
    // an approved wording with a day or a speaker inside it, another determiner, or only part of it (partialMatch).
    const shown = matches.filter((m, k) => {
      if (quoted.some((q) => within(m, q))) return false;
      const partial = partials[k] ?? null;
      return partial === null || (m.kind === 'machine-variant' && partial !== 'reframed');
    });
    if (shown.length === 0) continue;
    drift.set(
      p.index,
      shown.map((m) => {
        const at = lines.point(toSource(p.offsets, m.start));
        return toDrift(m, at.line, at.column);
      }),
    );
  }
  return { signals, drift };
}
