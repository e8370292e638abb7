// Wording drift: a bounded jsdiff word diff of a matched span against its canonical wording, and the report's Drift record.
import { diffWords } from 'diff';
import type { Change, Drift } from '../types.js';
import type { PhrasingMatch } from './match.js';

/** Bounds of the word diff (node-ecosystem-and-style.md §2.1: always bound a jsdiff call). */
export interface DriftOptions {
  /** Milliseconds before jsdiff gives up. None by default: a time limit makes the result depend on the machine's load. */
  timeout?: number;
  /** Largest edit script jsdiff explores. Default: the two sides' token counts summed (at least 16). */
  maxEditLength?: number;
}

/** Words and punctuation marks, counted as jsdiff's `diffWords` tokenises (white space is not a token since 6.0). */
const DIFF_TOKEN = /[\p{L}\p{M}\p{N}]+|[^\s\p{L}\p{M}\p{N}]/gu;

function tokenCount(s: string): number {
  let n = 0;
  for (const _ of s.matchAll(DIFF_TOKEN)) n++;
  return n;
}

/**
 * Word diff from the canonical wording to the text, case-insensitive, bounded by `maxEditLength` (and `timeout` if given).
 * Direction: `delete` = words of the canonical wording missing from the text, `insert` = words of the text that the
 * canonical wording does not have, `equal` = shared (with the text's spelling). Consecutive changes of one kind are
 * merged.
 * @param canonical the expected wording
 * @param text the wording found
 * @returns the changes, or null when jsdiff aborted: the two are too different to align
 */
export function driftChanges(canonical: string, text: string, options: DriftOptions = {}): Change[] | null {
  const maxEditLength = options.maxEditLength ?? Math.max(16, tokenCount(canonical) + tokenCount(text));
  // Bounded by edit length only: a formula-sized diff takes well under 0.1 ms, and a timeout would make it depend on load.
  const result = diffWords(canonical, text, options.timeout === undefined ? { ignoreCase: true, maxEditLength } : { ignoreCase: true, maxEditLength, timeout: options.timeout });
  if (result === undefined) return null;
  const changes: Change[] = [];
  for (const c of result) {
    if (c.value === '') continue;
    const op: Change['op'] = c.added ? 'insert' : c.removed ? 'delete' : 'equal';
    const last = changes[changes.length - 1];
    if (last && last.op === op) last.text += c.value;
    else changes.push({ op, text: c.value });
  }
  return changes;
}

/**
 * The report's drift record of one match. The caller resolves the position: `line` and `column` (1-based) of
 * `match.start` in the source, which only the pipeline knows (paragraph offsets, HTML offset maps).
 * `similarity` is `match.canonicalSimilarity`, the score of the text against `expected`, which is what `changes`
 * shows; `kind` says whether the span matched a canonical wording or a machine variant.
 * @param match a match from `findPhrasings`
 * @param line 1-based line of the match's first character in the source
 * @param column 1-based column (UTF-16 units) of that character
 */
export function toDrift(match: PhrasingMatch, line: number, column: number, options: DriftOptions = {}): Drift {
  return {
    referenceId: match.referenceId,
    kind: match.kind,
    similarity: match.canonicalSimilarity,
    line,
    column,
    text: match.text,
    expected: match.expected,
    changes: driftChanges(match.expected, match.text, options),
  };
}
