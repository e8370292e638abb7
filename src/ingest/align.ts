// Aligns a block's extracted text with the HTML source, character by character, to build its OffsetMap.
import type { OffsetMap } from '../types.js';
import { decodeReference, namedReferenceLength } from './entities.js';
import type { Token } from './html-tokens.js';

/**
 * Elements whose content is not block text: the DOM text walk (html.ts) leaves them out, and the alignment skips
 * them in the source. Readability removes most of them from the article anyway (`_prepArticle`, `_clean`).
 */
export const SKIP_ELEMENTS = new Set([
  'script', 'style', 'noscript', 'template', 'title', 'textarea', 'select', 'button', 'iframe', 'object', 'embed',
  'svg', 'math', 'audio', 'video', 'canvas',
]);

/**
 * Elements whose boundaries separate words: the DOM text walk puts a line break around them (so "augmenté" in an
 * `<h2>` and "PARIS" in the next `<p>` never fuse, the flaw of Readability's `textContent`), and the alignment
 * accepts their tags where the text has a space.
 */
export const BREAK_ELEMENTS = new Set([
  'address', 'article', 'aside', 'blockquote', 'br', 'caption', 'center', 'dd', 'details', 'div', 'dl', 'dt',
  'fieldset', 'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hr', 'li',
  'main', 'nav', 'ol', 'p', 'pre', 'section', 'summary', 'table', 'tbody', 'td', 'tfoot', 'th', 'thead', 'tr', 'ul',
]);

/** HTML's white space (the characters collapsed in block text); no-break spaces are text and are kept. */
export function isHtmlSpace(c: number): boolean {
  return c === 32 || c === 10 || c === 9 || c === 12 || c === 13;
}

/** A position in the token stream: a token index and, inside a text token, a source offset. */
export interface Cursor {
  token: number;
  pos: number;
}

/** One step of the source as text: a character (maybe from a reference), or white space (a character or a tag). */
type Unit =
  | { kind: 'char'; at: number; length: number; text: string }
  | { kind: 'space'; at: number; length: number; next: Cursor };

/** Result of a successful alignment. */
export interface Alignment {
  offsets: Array<[number, number]>;
  /** Where the source walk stopped: just after the text's last character. */
  end: Cursor;
}

class Walker {
  token: number;
  pos: number;

  constructor(
    private readonly source: string,
    private readonly tokens: readonly Token[],
    from: Cursor,
  ) {
    this.token = from.token;
    this.pos = from.pos;
  }

  /** The next unit, after skipping tags, comments and skipped elements; undefined at the end of the tokens. */
  next(): Unit | undefined {
    for (;;) {
      const t = this.tokens[this.token];
      if (!t) return undefined;
      if (t.kind === 'text' || (t.kind === 'raw' && t.name === 'xmp')) {
        if (this.pos < t.start) this.pos = t.start;
        if (this.pos >= t.end) {
          this.token++;
          continue;
        }
        const at = this.pos;
        const c = this.source.charCodeAt(at);
        if (isHtmlSpace(c)) return { kind: 'space', at, length: 1, next: { token: this.token, pos: at + 1 } };
        if (c === 38 /* & */ && t.kind === 'text') {
          const ref = decodeReference(this.source, at);
          if (ref) {
            if (ref.text.length === 1 && isHtmlSpace(ref.text.charCodeAt(0))) {
              return { kind: 'space', at, length: ref.length, next: { token: this.token, pos: at + ref.length } };
            }
            return { kind: 'char', at, length: ref.length, text: ref.text };
          }
        }
        return { kind: 'char', at, length: 1, text: this.source[at]! };
      }
      if (t.kind === 'start' && t.name !== undefined) {
        if (SKIP_ELEMENTS.has(t.name) && !t.closed) {
          this.token = this.matchingEnd(this.token) + 1;
          continue;
        }
        if (BREAK_ELEMENTS.has(t.name)) return { kind: 'space', at: t.start, length: 0, next: { token: this.token + 1, pos: 0 } };
      } else if (t.kind === 'end' && t.name !== undefined && BREAK_ELEMENTS.has(t.name)) {
        return { kind: 'space', at: t.start, length: 0, next: { token: this.token + 1, pos: 0 } };
      }
      this.token++;
    }
  }

  /** Moves past a character unit. */
  consume(unit: Unit): void {
    if (unit.kind === 'space') {
      this.token = unit.next.token;
      this.pos = unit.next.pos;
    } else {
      this.pos = unit.at + unit.length;
    }
  }

  /** Index of the end tag closing the start tag at `index` (same name, nesting counted), or the last token. */
  private matchingEnd(index: number): number {
    const name = this.tokens[index]!.name;
    let depth = 1;
    for (let k = index + 1; k < this.tokens.length; k++) {
      const t = this.tokens[k]!;
      if (t.name !== name) continue;
      if (t.kind === 'start' && !t.closed) depth++;
      else if (t.kind === 'end' && --depth === 0) return k;
    }
    return this.tokens.length - 1;
  }
}

/**
 * Walks the source from `from` and matches `text` against it: tags and comments are skipped, references decoded,
 * each space of `text` matches a run of HTML white space (or a block-level tag, or `<br>`), and leading white space
 * (also no-break space, which `trim()` removed from the text) is skipped.
 * A named reference the entity table does not know (`&Aring;` is known, `&NotTildeTilde;` is not) matches one
 * character of the text, whatever it is.
 *
 * @param source the page source
 * @param tokens its tokens (tokenizeHtml)
 * @param text block text: white space runs collapsed to one space, trimmed; `\n` where a `<br>` was
 * @param from where to start (usually just after the element's start tag)
 * @returns the offset runs and the end position, or undefined when the text does not follow from `from`
 */
export function alignText(source: string, tokens: readonly Token[], text: string, from: Cursor): Alignment | undefined {
  const walker = new Walker(source, tokens, from);
  const offsets: Array<[number, number]> = [];
  const map = (i: number, at: number): void => {
    const last = offsets[offsets.length - 1];
    if (!last || last[1] + (i - last[0]) !== at) offsets.push([i, at]);
  };
  let i = 0;
  while (i < text.length) {
    const ch = text.charCodeAt(i);
    let unit = walker.next();
    // A line break stands for a `<br>` (html.ts blockText): like a space, it matches white space or a tag.
    if (ch === 32 || ch === 10) {
      if (!unit || unit.kind !== 'space') return undefined;
      map(i, unit.at);
      walker.consume(unit);
      i++;
      continue;
    }
    // The rest of a white-space run (or leading white space) is already represented by a space, or by nothing.
    const afterSpace = i === 0 || text.charCodeAt(i - 1) === 32 || text.charCodeAt(i - 1) === 10;
    while (unit && afterSpace && (unit.kind === 'space' || (i === 0 && /^\s$/u.test(unit.text)))) {
      walker.consume(unit);
      unit = walker.next();
    }
    if (!unit || unit.kind === 'space') return undefined;
    if (text.startsWith(unit.text, i)) {
      for (let k = 0; k < unit.text.length; k++) map(i + k, unit.at + (unit.length === unit.text.length ? k : 0));
      i += unit.text.length;
      walker.consume(unit);
      continue;
    }
    if (unit.text === '&' || source.charCodeAt(unit.at) === 38) {
      // Unknown named reference: one character (a whole surrogate pair) of the text.
      const len = namedReferenceLength(source, unit.at);
      if (len > 0) {
        const cp = text.codePointAt(i)!;
        const units = cp > 0xffff ? 2 : 1;
        for (let k = 0; k < units; k++) map(i + k, unit.at);
        i += units;
        walker.consume({ kind: 'char', at: unit.at, length: len, text: '' });
        continue;
      }
    }
    return undefined;
  }
  return { offsets, end: { token: walker.token, pos: walker.pos } };
}

/** Upper bound on alignment attempts when searching a text, so a pathological page cannot take quadratic time. */
const MAX_ATTEMPTS = 20000;

/**
 * Finds where `text` occurs in the source's text content at or after `from` (for blocks whose element cannot be
 * found by its start tag: paragraphs Readability built itself, or pages the tokenizer and linkedom disagree on).
 *
 * @returns the first alignment found, or undefined
 */
export function findText(source: string, tokens: readonly Token[], text: string, from: Cursor): Alignment | undefined {
  if (text.length === 0) return undefined;
  const first = text[0]!;
  let attempts = 0;
  for (let k = from.token; k < tokens.length; k++) {
    const t = tokens[k]!;
    if (t.kind !== 'text') continue;
    for (let p = Math.max(t.start, k === from.token ? from.pos : 0); p < t.end; p++) {
      const c = source[p];
      if (c !== first && c !== '&') continue;
      if (++attempts > MAX_ATTEMPTS) return undefined;
      const found = alignText(source, tokens, text, { token: k, pos: p });
      if (found && found.offsets[0]?.[1] === p) return found;
    }
  }
  return undefined;
}

/**
 * The single-run map used when alignment fails: every character is said to come from `at` onwards.
 * @param at a source offset (the element's content start, or the best guess)
 */
export function fallbackOffsets(at: number): OffsetMap {
  return [[0, at]];
}
