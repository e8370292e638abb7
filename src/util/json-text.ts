// JSON and JSONL read from the user's files: what an editor may add that JSON.parse refuses.

/**
 * The text without a leading byte order mark (U+FEFF), which Windows Notepad writes at the start of UTF-8 files and
 * JSON.parse refuses as an unexpected token. Only for text read from a file: a string given in code is the caller's.
 */
export function withoutBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
