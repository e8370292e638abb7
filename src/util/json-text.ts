// JSON and JSONL read from the user's files: what an editor may add that JSON.parse refuses, and its errors on one printable line.
import { printable } from './oneline.js';

/**
 * The text without a leading byte order mark (U+FEFF), which Windows Notepad writes at the start of UTF-8 files and
 * JSON.parse refuses as an unexpected token. Only for text read from a file: a string given in code is the caller's.
 */
export function withoutBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/**
 * JSON.parse's error message for a one-line diagnostic: it quotes the text around the error, which for a binary file
 * (a wrong path, an image given as --config) is raw bytes; those are shown as `?` and the message kept short.
 */
export function jsonErrorMessage(error: unknown): string {
  return printable(error instanceof Error ? error.message : String(error), 120);
}

/**
 * Where JSON.parse stopped, as `line:column` (1-based) in `text`, when its message gives a position ("… in JSON at
 * position 42"; V8 gives one for most mistakes, a trailing comma among them); undefined otherwise. A configuration
 * error read "at position 42", which no editor shows (review, 2026-12-07).
 */
export function jsonErrorWhere(error: unknown, text: string): string | undefined {
  const m = /\bat position (\d+)/.exec(error instanceof Error ? error.message : String(error));
  if (!m) return undefined;
  const offset = Math.min(Number(m[1]), text.length);
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  const column = offset - (before.lastIndexOf('\n') + 1) + 1;
  return `${line}:${column}`;
}
