// Checks the public API's option validation shares (check() in api.ts, compare() in reference/compare.ts): one wording per mistake.
import type { IngestedText } from '../types.js';
import { WireproofError } from '../types.js';
import { typeName } from './type-name.js';

/** A non-null object that is not an array: what an options object, `rules`, `thresholds` and an ingested text must be. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A block as extractHtml gives it: segmentation reads its text, offsets and tag. */
function isBlock(value: unknown): boolean {
  return isRecord(value) && typeof value['text'] === 'string' && typeof value['offset'] === 'number' && Array.isArray(value['offsets']) && typeof value['tag'] === 'string';
}

/**
 * An ingested text as readInput gives it: a string `file`, `source` and `encoding`, format `text` or `html`, and
 * well-formed blocks if any. One without `file` reached the reports (schema-invalid) or crashed with a raw TypeError
 * (`Cannot read properties of undefined`), and `blocks: [{}]` too (API review, 2026-12-08).
 */
export function isIngested(value: unknown): value is IngestedText {
  return (
    isRecord(value) &&
    typeof value['file'] === 'string' &&
    typeof value['source'] === 'string' &&
    typeof value['encoding'] === 'string' &&
    (value['format'] === 'text' || value['format'] === 'html') &&
    (value['blocks'] === undefined || (Array.isArray(value['blocks']) && value['blocks'].every(isBlock))) &&
    (value['dropped'] === undefined || (Array.isArray(value['dropped']) && value['dropped'].every(isBlock)))
  );
}

/** What {@link isIngested} asks for, in the words of an error message. */
export const INGESTED_SHAPE = 'an ingested text (strings "file", "source" and "encoding", format "text" or "html", blocks as extracted)';

/**
 * Refuses an options value that is not an object, and any key of it, own or inherited, that is not `known`: a
 * misspelt option must not silently change nothing (`language` and `rule`, the CLI's flag names, were ignored;
 * `Object.create({ language: ['en'] })` too).
 */
export function checkOptionKeys(options: unknown, known: ReadonlySet<string>, hint = false, name = 'options'): asserts options is Record<string, unknown> {
  if (!isRecord(options)) throw new WireproofError(`${name}: expected an object (got ${typeName(options)})`, 'usage');
  for (const key in options) {
    if (known.has(key)) continue;
    // check()'s singular CLI names (`language`, `rule`) get a pointer to the option's name.
    const plural = hint && known.has(`${key}s`) ? `; did you mean "${key}s"?` : '';
    throw new WireproofError(`${name}.${key}: unknown option (known: ${[...known].sort().join(', ')})${plural}`, 'usage');
  }
}

const LEVELS: ReadonlySet<unknown> = new Set(['error', 'warning', 'info', 'off']);

/** Refuses a rule id not in `known` (listed, with `what` saying which rules those are) or an unknown level. */
export function checkRuleLevel(id: string, level: unknown, known: readonly string[], what = 'known'): void {
  if (!known.includes(id)) throw new WireproofError(`rules.${id}: unknown rule (${what}: ${known.join(', ')})`, 'usage');
  if (!LEVELS.has(level)) throw new WireproofError(`rules.${id}: level must be error, warning, info or off (got ${JSON.stringify(level)})`, 'usage');
}
