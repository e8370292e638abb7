// Offset ↔ line/column conversion over a source text (1-based lines and columns in UTF-16 code units, like ESLint).
import type { Point } from '../types.js';

/** An HTML character reference with its semicolon (named ones are at most 32 characters long). */
const CHARACTER_REFERENCE = /^&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});/;

/** Precomputed line starts for fast offset → point lookups (binary search). */
export class LineIndex {
  private readonly starts: number[];

  /**
   * @param text the source text positions refer to
   * @param html whether it is an HTML page: a character of the extracted text may then stand for a character
   *   reference (`&#37;`, `&nbsp;`), which `lastUnit` spans whole
   */
  constructor(
    readonly text: string,
    private readonly html = false,
  ) {
    const starts = [0];
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 10) starts.push(i + 1);
      else if (c === 13) {
        if (text.charCodeAt(i + 1) === 10) i++;
        starts.push(i + 1);
      }
    }
    this.starts = starts;
  }

  /** Number of lines. */
  get lineCount(): number {
    return this.starts.length;
  }

  /** Point for a 0-based offset (clamped to the text). */
  point(offset: number): Point {
    const o = Math.max(0, Math.min(offset, this.text.length));
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid]! <= o) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: o - this.starts[lo]! + 1, offset: o };
  }

  /**
   * The offset of the last code unit of the character that starts at `offset`: the low surrogate of a pair, the `;` of
   * an HTML character reference, else `offset` itself. An end position ("column of the last character", and the
   * exclusive end offset one past it) must not cut `&#37;` after its `&`, as it did for every signal ending on one.
   */
  lastUnit(offset: number): number {
    const c = this.text.charCodeAt(offset);
    if (c >= 0xd800 && c <= 0xdbff) {
      const d = this.text.charCodeAt(offset + 1);
      return d >= 0xdc00 && d <= 0xdfff ? offset + 1 : offset;
    }
    if (c === 38 && this.html) {
      const m = CHARACTER_REFERENCE.exec(this.text.slice(offset, offset + 40));
      if (m) return offset + m[0].length - 1;
    }
    return offset;
  }

  /** 0-based offset where a 1-based line starts. */
  lineStart(line: number): number {
    return this.starts[Math.max(0, Math.min(line - 1, this.starts.length - 1))]!;
  }
}
