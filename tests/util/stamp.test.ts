// StampedCache and stampOf: edited files are seen, the most recently used entries kept, path spellings shared.
import { describe, expect, test } from '@jest/globals';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { filesStayPut, StampedCache, stampOf } from '../../src/util/stamp.js';

describe('stampOf', () => {
  test('changes with a file added, rewritten or removed; the same for every spelling of a path; never throws', () => {
    const dir = mkdtempSync(join(tmpdir(), 'wireproof-stamp-'));
    mkdirSync(join(dir, 'calques'));
    writeFileSync(join(dir, 'calques', 'fr.jsonl'), 'a\n');
    const first = stampOf([dir]);
    expect(stampOf([`${dir}/`])).toBe(first);
    expect(stampOf([relative(process.cwd(), dir)])).toBe(first);
    writeFileSync(join(dir, 'calques', 'es.jsonl'), 'b\n');
    expect(stampOf([dir])).not.toBe(first);
    // A path through a file (ENOTDIR) stamps as such instead of throwing (a review found an internal error per input).
    expect(stampOf([join(dir, 'calques', 'fr.jsonl', 'x')])).toMatch(/:!ENOTDIR$/);
  });
});

describe('StampedCache', () => {
  test('rebuilds when the stamp changes; keeps the most recently used entries, not the first stored', () => {
    const cache = new StampedCache<number>(2);
    let builds = 0;
    const get = (key: string, stamp = 's'): number => cache.get(key, () => stamp, () => ++builds);
    expect([get('a'), get('a'), get('a', 't'), get('a', 't')]).toEqual([1, 1, 2, 2]);
    get('b');
    get('a'); // a used last: adding c drops b
    get('c');
    const before = builds;
    get('a');
    expect(builds).toBe(before);
    get('b');
    expect(builds).toBe(before + 1);
  });

  test('after filesStayPut, a cached entry is used without looking at its files again', () => {
    const cache = new StampedCache<number>();
    let stamps = 0;
    const get = (): number => cache.get('k', () => `${++stamps}`, () => stamps);
    get();
    filesStayPut();
    get();
    get();
    expect(stamps).toBe(1);
  });
});
