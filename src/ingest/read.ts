// Reads one input (file or stdin), decodes it, tells HTML from text, and hands HTML to the extractor.
import { closeSync, fstatSync, open, openSync, read, readSync, statSync } from 'node:fs';
import { WireproofError, type IngestedText } from '../types.js';
import { decodeBytes } from './decode.js';
import { messageAsGiven, oneLine, printable } from '../util/oneline.js';
import { fsReason } from '../util/fs.js';

/** Inputs larger than this are refused (`too-large`): a wire is kilobytes; 64 MiB is a mistake, not an article. */
export const MAX_INPUT_BYTES = 64 * 1024 * 1024;

/** How the input is read: `auto` sniffs HTML by file extension and by how the content starts. */
export type InputFormat = 'text' | 'html' | 'auto';

/** Options of {@link ingestBytes}. */
export interface IngestOptions {
  /** Default `auto`. */
  format?: InputFormat;
}

/** Options of {@link readInput}. */
export interface ReadOptions extends IngestOptions {
  /** Where `-` reads from; default `process.stdin`. */
  stdin?: AsyncIterable<Uint8Array | string>;
  /** Name to report standard input under, and to sniff its format from (ESLint's `--stdin-filename`). Default `<stdin>`. */
  stdinFilename?: string;
  /** Size limit in bytes; default {@link MAX_INPUT_BYTES}. */
  maxBytes?: number;
}

/**
 * Decodes bytes and, for HTML, extracts the article blocks.
 * Async because the HTML extractor (linkedom + Readability, about 180 ms to import, measured) is loaded only when
 * an input is HTML, so checking text never pays for it.
 *
 * @param bytes the raw input
 * @param file display name (path as given, `<stdin>`, or an id)
 * @param options `format`: force `text` or `html`, or `auto` (default)
 * @returns the ingested text; `blocks` is set for HTML only
 * @throws WireproofError `binary` when the bytes are not text
 */
export async function ingestBytes(bytes: Uint8Array, file: string, options: IngestOptions = {}): Promise<IngestedText> {
  const { text, encoding } = decodeBytes(bytes, file);
  const format = options.format ?? 'auto';
  const html = format === 'html' || (format === 'auto' && looksLikeHtml(text, file));
  if (!html) return { file, source: text, encoding, format: 'text' };
  const { extractHtml } = await import('./html.js');
  const extracted = extractHtml(text);
  const result: IngestedText = { file, source: text, encoding, format: 'html', blocks: extracted.blocks };
  if (extracted.title) result.title = extracted.title;
  if (extracted.language) result.declaredLanguage = extracted.language;
  if (extracted.dropped) result.dropped = extracted.dropped;
  return result;
}

/** The page and head tags: what a text-named file (`.txt`, `.md` …) must open with to be read as a page. */
const PAGE_TAGS = '!doctype\\s+html|html|head|body|meta|title|link|base|script|style';
/** Block elements, the ones a fragment's text lies in. */
const BLOCK_TAGS = 'p|div|h[1-6]|li|ul|ol|blockquote|pre|figure|figcaption|table|article|section|main|header|footer|nav';
const tagRegex = (names: string, prefix: string, flags = 'iu'): RegExp => new RegExp(`${prefix}<(?:${names})(?:[\\s/>])`, flags);

/**
 * Tags a text may open with and still clearly be HTML (a wire never starts a line with `<p>` or `<div class=…>`).
 * Not every block tag: a wire opening on `<pre>PARIS …</pre>` or `<li>` then plain text lost its notice as HTML.
 */
const HTML_START = tagRegex(`${PAGE_TAGS}|main|article|section|header|nav|div|p|h[1-6]|ul|ol|table|figure|blockquote`, '^');
/** An inline tag at the start: HTML only when block markup follows (a fragment), a text wire with markup otherwise. */
const INLINE_START = tagRegex('span|a|b|i|em|strong|br', '^');
const BLOCK_TAG = tagRegex('p|div|h[1-6]|li|blockquote|article|section|main|table|figure|figcaption|pre', '');
const PAGE_START = tagRegex(PAGE_TAGS, '^');
/** A block element's opening tag, its name captured. */
const BLOCK_OPEN = new RegExp(`<(${BLOCK_TAGS})\\b[^>]*>`, 'giu');
/** Block elements with their content, innermost first when applied repeatedly. */
const BLOCK_ELEMENT = new RegExp(`<(${BLOCK_TAGS})\\b[^>]*>[^<]*(?:<(?!\\/?\\1\\b)[^<]*)*<\\/\\1\\s*>`, 'giu');

/**
 * Whether (almost) all the text of a sample lies inside block elements: a fragment saved as `.txt`, every line a
 * `<p>…</p>`, is HTML, where a wire that merely opens on `<div>PARIS …</div>` has its text, notice included, outside
 * (review, 2026-12-07). Allowed outside: 2 % of the letters (a stray word between blocks).
 */
function insideBlocks(sample: string, cut: boolean): boolean {
  const letters = (t: string): number => (t.match(/\p{L}/gu) ?? []).length;
  // When the 4 KiB cut fell inside the text, it may have left the last element open: judge the text before it. Only
  // an element the sample opens last and never closes is set aside; text after the last closed block (a wire's plain
  // paragraphs) still counts. Uncut, an unclosed `<p>PARIS …` is a wire's text outside any block.
  const opens = cut ? [...sample.matchAll(BLOCK_OPEN)] : [];
  const lastOpen = opens[opens.length - 1];
  const unclosed = lastOpen !== undefined && !new RegExp(`</${lastOpen[1]!}\\s*>`, 'iu').test(sample.slice(lastOpen.index));
  const judged = unclosed ? sample.slice(0, lastOpen.index) : sample;
  const total = letters(judged.replace(/<[^>]*>/gu, ' '));
  if (total === 0) return unclosed;
  let rest = judged;
  // One level of nesting per pass, until nothing changes (each pass removes an element, so it ends).
  for (;;) {
    const next = rest.replace(BLOCK_ELEMENT, ' ');
    if (next === rest) break;
    rest = next;
  }
  return letters(rest.replace(/<[^>]*>/gu, ' ')) <= total * 0.02;
}

/**
 * Whether an input is HTML: an `.html`, `.htm` or `.xhtml` name, or content that starts (after white space, a BOM,
 * an XML declaration and comments) with `<!doctype html`, `<html` or a common block or document tag such as `<p>` or
 * `<body>`, or with an inline tag (`<span>`, `<b>` …) when block markup follows within the first 4 KiB. A text wire
 * that merely opens on `<b>PARIS</b>, 15 février (Reuters) -` has none: read as HTML, all its text sat outside any
 * block element and was dropped, notice included, with exit 0 (review, 2026-12-07); a page fragment that opens on a
 * `<span class="kicker">` before its `<p>` blocks stays HTML. Under a text name (`.txt`, `.text`, `.md`, `.markdown`)
 * only a page or a page's head counts (`<!doctype html`, `<html`, `<meta>`, `<title>` …, a page a scraper saved as
 * text), or a fragment whose text all lies inside block elements: a wire saved as text that opens on
 * `<div>PARIS …</div>` lost everything outside that block, its notice included, when read as HTML, and Markdown holds
 * HTML blocks as a matter of course (review, 2026-12-07).
 *
 * @param text decoded input
 * @param file display name (its extension counts)
 */
export function looksLikeHtml(text: string, file = ''): boolean {
  if (/\.(?:html?|xhtml)$/i.test(file)) return true;
  let rest = text.slice(0, 4096);
  for (;;) {
    const before = rest;
    rest = rest.replace(/^[\s\ufeff]+/, '');
    if (rest.startsWith('<!--')) {
      const end = rest.indexOf('-->', 4);
      if (end < 0) return false;
      rest = rest.slice(end + 3);
    } else if (rest.startsWith('<?xml')) {
      const end = rest.indexOf('?>');
      if (end < 0) return false;
      rest = rest.slice(end + 2);
    }
    if (rest === before) break;
  }
  if (/\.(?:txt|text|md|markdown)$/i.test(file)) return PAGE_START.test(rest) || (HTML_START.test(rest) && insideBlocks(rest, text.length > 4096));
  return HTML_START.test(rest) || (INLINE_START.test(rest) && BLOCK_TAG.test(rest));
}

/**
 * Reads a file (or standard input for `-`) and ingests it. Files are opened read-only and never changed.
 *
 * @param path a file path, or `-` for standard input
 * @param options format, stdin source and name, size limit
 * @returns the ingested text, named by the path as given (or `<stdin>`)
 * @throws WireproofError `not-found`, `is-directory`, `unreadable`, `too-large` or `binary`, with a one-line message
 *   that starts with the path
 */
export async function readInput(path: string, options: ReadOptions = {}): Promise<IngestedText> {
  const max = options.maxBytes ?? MAX_INPUT_BYTES;
  if (path === '-') {
    const file = options.stdinFilename ?? '<stdin>';
    // `check - < folder`: Node's stream ends quietly on EISDIR, and an empty report came out with exit 0 (a review,
    // 2026-12-07); `cat` says "Is a directory".
    if (!options.stdin && stdinIsDirectory()) throw new WireproofError(`${file}: is a directory`, 'is-directory', file);
    const bytes = await readStream(options.stdin ?? process.stdin, file, max);
    return ingestBytes(bytes, file, options);
  }
  const bytes = await readFileBytes(path, max);
  return ingestBytes(bytes, path, options);
}

/** Whether this process's standard input is a folder (redirected from one). */
function stdinIsDirectory(): boolean {
  try {
    return fstatSync(0).isDirectory();
  } catch {
    return false;
  }
}

/**
 * Reads a file's bytes with the size limit enforced while reading, so FIFOs and devices (`/dev/zero`) are bounded too.
 * A regular file is opened and read synchronously: each asynchronous call went through libuv's thread pool, which
 * nothing else in a check starts (reading the input took 6.1 → 5.0 ms of a one-article check, timed inside the
 * bundle, medians of 15 processes, 2026-11-24), and a wire is a few kilobytes. Anything else (a FIFO, a device) is opened and read asynchronously, chunk by chunk as it arrives:
 * opening a FIFO waits for its writer, which must not stop the event loop.
 * @param path file path
 * @param max size limit in bytes
 */
export async function readFileBytes(path: string, max = MAX_INPUT_BYTES): Promise<Uint8Array> {
  let regular: boolean;
  try {
    regular = statSync(path).isFile();
  } catch (error) {
    throw fsError(error, path);
  }
  let fd: number;
  try {
    fd = regular ? openSync(path, 'r') : await fsCall<number>((done) => open(path, 'r', done));
  } catch (error) {
    throw fsError(error, path);
  }
  try {
    const stat = fstatSync(fd);
    if (stat.isDirectory()) throw inputError(path, 'is-directory', 'is a directory');
    if (stat.isFile() && stat.size > max) throw tooLarge(path, stat.size, max);
    const size = stat.isFile() ? Math.min(Math.max(stat.size + 1, 64 * 1024), 16 * 1024 * 1024) : 64 * 1024;
    const next = stat.isFile()
      ? (buffer: Uint8Array): number => readSync(fd, buffer, 0, size, null)
      : (buffer: Uint8Array): Promise<number> => fsCall<number>((done) => read(fd, buffer, 0, size, null, done));
    const chunks: Uint8Array[] = [];
    let total = 0;
    for (;;) {
      const buffer = new Uint8Array(size);
      const bytesRead = await next(buffer);
      if (bytesRead === 0) break;
      total += bytesRead;
      if (total > max) throw tooLarge(path, total, max);
      chunks.push(bytesRead === size ? buffer : buffer.subarray(0, bytesRead));
    }
    return concat(chunks, total);
  } catch (error) {
    throw error instanceof WireproofError ? error : fsError(error, path);
  } finally {
    try {
      closeSync(fd);
    } catch {
      // Nothing left to release.
    }
  }
}

/**
 * A callback-style fs call as a promise. node:fs/promises would do the same work on the same thread pool, but
 * loading it also loads readline and its helpers: 2–3 ms of every start-up for one article (measured, Node 20).
 */
function fsCall<T>(start: (done: (error: NodeJS.ErrnoException | null, value: T) => void) => void): Promise<T> {
  return new Promise<T>((resolve, reject) => start((error, value) => (error ? reject(error) : resolve(value))));
}

async function readStream(stream: AsyncIterable<Uint8Array | string>, file: string, max: number): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    for await (const chunk of stream) {
      const bytes = typeof chunk === 'string' ? new TextEncoder().encode(chunk) : chunk;
      total += bytes.length;
      if (total > max) throw tooLarge(file, total, max, 'input');
      chunks.push(bytes);
    }
  } catch (error) {
    throw error instanceof WireproofError ? error : fsError(error, file);
  }
  return concat(chunks, total);
}

function concat(chunks: readonly Uint8Array[], total: number): Uint8Array {
  if (chunks.length === 1) return chunks[0]!;
  const out = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}

function inputError(path: string, code: 'not-found' | 'is-directory' | 'unreadable' | 'too-large', what: string): WireproofError {
  return new WireproofError(`${oneLine(path)}: ${what}`, code, path);
}

/**
 * The `too-large` error. `size` is exact for a file (stat) or a text in memory; standard input (`input`) stops
 * reading at the limit, so only "more than" is known.
 */
export function tooLarge(path: string, size: number, max: number, noun: 'file' | 'text' | 'input' = 'file'): WireproofError {
  const show = (n: number): string =>
    n < 1024 * 1024 ? `${n} bytes` : `${(n / 1024 / 1024).toFixed(n % (1024 * 1024) === 0 ? 0 : 1)} MiB`;
  // 64 MiB and one byte rounds to "64.0 MiB", which reads as the limit itself (a limit of whole MiB only).
  const atLimit = max % (1024 * 1024) === 0 && show(size) === `${(max / 1024 / 1024).toFixed(1)} MiB`;
  const amount = noun === 'input' || atLimit ? `more than ${show(max)}` : show(size);
  return inputError(path, 'too-large', `${noun} too large (${amount}; the limit is ${show(max)})`);
}

/** Maps a Node fs error to a WireproofError with a one-line message naming the path. */
function fsError(error: unknown, path: string): WireproofError {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'ENOENT':
    case 'ENOTDIR':
      return inputError(path, 'not-found', 'no such file');
    case 'EISDIR':
      return inputError(path, 'is-directory', 'is a directory');
    case 'EACCES':
    case 'EPERM':
      return inputError(path, 'unreadable', 'permission denied');
    default: {
      return inputError(path, 'unreadable', `cannot read (${fsReason(error)})`);
    }
  }
}

/**
 * Reads the file a `source` option names (check() and compare() alike): its errors are the caller's, name the option
 * and name the file as the caller gave it (not the path read, resolved against cwd). A text given where a path is
 * expected (compare() took one until 0.4.6) is said to be one, not printed whole in a "no such file" message.
 * @param given the option's value
 * @param path where to read it (given, resolved against the caller's folder)
 */
export async function readSourceOption(given: string, path: string, format: 'auto' | 'text' | 'html'): Promise<IngestedText> {
  if (given.includes('\n') || given.length > 4096) {
    throw new WireproofError(`source: expected a path or an ingested text ({ file, source, encoding, format }); got a text of ${given.length} characters (${printable(given, 40)})`, 'usage');
  }
  try {
    return { ...(await readInput(path, { format })), file: given };
  } catch (error) {
    if (error instanceof WireproofError) throw new WireproofError(`source: ${messageAsGiven(error, given)}`, 'usage', given);
    throw error;
  }
}
