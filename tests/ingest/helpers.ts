// Shared helpers for the ingest tests: fixture loading and offset-map checks.
import { readFileSync } from 'node:fs';
import type { Block, OffsetMap } from '../../src/types.js';

/** Folder of the ingest fixtures. */
export const FIXTURES = new URL('../fixtures/ingest/', import.meta.url);

/** A fixture file as UTF-8 text. */
export function fixture(name: string): string {
  return readFileSync(new URL(name, FIXTURES), 'utf8');
}

/** The French test wire (UTF-8, LF): accents, œ/Œ, €, ’, « », no-break spaces. */
export const ARTICLE_FR = fixture('article-fr.txt');

/** Source offset of text index `i` under an OffsetMap (runs `[textIndex, sourceOffset]`). */
export function toSource(map: OffsetMap, i: number): number {
  let run = map[0]!;
  for (const r of map) {
    if (r[0] <= i) run = r;
    else break;
  }
  return run[1] + (i - run[0]);
}

/** 1-based line of a source offset. */
export function lineOf(source: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < source.length; i++) if (source.charCodeAt(i) === 10) line++;
  return line;
}

/** Indexes of the characters of a block whose mapped source character differs (spaces may map to any white space or tag). */
export function inexactCharacters(source: string, block: Block): number[] {
  const bad: number[] = [];
  let run = 0;
  for (let i = 0; i < block.text.length; i++) {
    while (run + 1 < block.offsets.length && block.offsets[run + 1]![0] <= i) run++;
    const [ti, so] = block.offsets[run]!;
    const s = source[so + (i - ti)];
    const t = block.text[i];
    if (s === t) continue;
    if ((t === ' ' || t === '\n') && s !== undefined && /[\s<]/.test(s)) continue;
    bad.push(i);
  }
  return bad;
}
