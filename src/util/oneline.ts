// File names and quoted text in one-line diagnostics (ingest errors, SARIF notifications, CLI stderr): safe, and as the user gave them.
import { ellipsis } from './ellipsis.js';

/**
 * A file name safe to put in a one-line message: control characters (a newline in a name) and bidirectional
 * embeddings, overrides and isolates (which reorder what a terminal shows; review, 2026-12-07) become `?`.
 */
export function oneLine(name: string): string {
  // eslint-disable-next-line no-control-regex
  return name.replace(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g, '?');
}

/**
 * Text quoted from a file into a one-line message (JSON.parse quotes the text around its error), printable and short:
 * each run of control characters, line or paragraph separators, bidirectional controls, lone surrogates or U+FFFD (what
 * undecodable bytes read as UTF-8 become) is one `?`, so a binary file cannot put raw bytes or escape sequences on the
 * terminal; the result is cut to `max` characters.
 */
export function printable(text: string, max = 160): string {
  // eslint-disable-next-line no-control-regex
  const unprintable = /(?:[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufffd]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff])+/g;
  return ellipsis(text.replace(unprintable, '?'), max);
}

/**
 * An input error's message with the file named as the user gave it. Ingest names the path it read (resolved against
 * the working folder) at the start of its messages; the prefix is matched whole, not up to the first colon, since a
 * path may contain one (`wire:2026.txt`). A message that does not start with it is returned as it is.
 * @param error the error, with `file` the path that was read
 * @param given the path as the user gave it
 */
export function messageAsGiven(error: { message: string; file?: string | undefined }, given: string): string {
  const read = error.file !== undefined ? `${oneLine(error.file)}:` : undefined;
  return read !== undefined && error.message.startsWith(read) ? `${oneLine(given)}:${error.message.slice(read.length)}` : error.message;
}

// eslint-disable-next-line no-control-regex -- control characters are what is being replaced
const CONTROLS_BUT_LINES = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

/**
 * A copy of `value` whose strings carry no control characters but tab and newline (each becomes `?`), for output to
 * a terminal: an input's ESC, OSC or BEL (`\x1b[31m`, `\x1b]0;title\x07`) reached the terminal through excerpts, diffs
 * and file names and could recolour it, retitle it or worse (review, 2026-12-07). Bidirectional embeddings, overrides
 * and isolates (U+202A–U+202E, U+2066–U+2069) go too: `Open\u202EAI` reordered what the terminal showed (the
 * "Trojan Source" trick; a second review, 2026-12-07). Plain data only (reports).
 */
export function terminalSafe<T>(value: T): T {
  if (typeof value === 'string') return value.replace(CONTROLS_BUT_LINES, '?') as T;
  if (Array.isArray(value)) return value.map((v: unknown) => terminalSafe(v)) as T;
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = terminalSafe(v);
    return out as T;
  }
  return value;
}

/**
 * The first line of what a user's module (formatter, configuration) threw, printable: an Error's message, or the thrown
 * value itself (`throw "x"`, `throw undefined`), for a one-line message that names the module.
 */
export function thrownFirstLine(error: unknown): string {
  let text: string;
  try {
    text = String(error instanceof Error ? error.message : error);
  } catch {
    // A thrown object whose conversion to text throws in turn (a null prototype, a throwing toString).
    text = '';
  }
  return printable(text.trim().split('\n')[0]!) || '(no message)';
}
