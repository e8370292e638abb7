// writeFileAtomic: whole files under their final name, folders created, and created again if removed meanwhile; any legal name; leftovers swept.
import { describe, expect, test } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { sweepTemporaryFiles, tempNameFor, writeFileAtomic } from '../../src/util/fs.js';

describe('writeFileAtomic', () => {
  test('creates missing folders and replaces an existing file, leaving no temporary file', () => {
    const root = mkdtempSync(join(tmpdir(), 'wireproof-fs-'));
    try {
      const path = join(root, 'a', 'b', 'report.json');
      writeFileAtomic(path, 'first');
      writeFileAtomic(path, 'second');
      expect(readFileSync(path, 'utf8')).toBe('second');
      expect(readdirSync(join(root, 'a', 'b'))).toEqual(['report.json']);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  test('writes again into a folder removed after a first write (the folder cache is not trusted blindly)', () => {
    const root = mkdtempSync(join(tmpdir(), 'wireproof-fs-'));
    try {
      const path = join(root, 'out', 'r.json');
      writeFileAtomic(path, 'one');
      rmSync(join(root, 'out'), { recursive: true });
      writeFileAtomic(path, 'two');
      expect(readFileSync(path, 'utf8')).toBe('two');
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  test('fails on a path whose folder is a file, and leaves nothing behind', () => {
    const root = mkdtempSync(join(tmpdir(), 'wireproof-fs-'));
    try {
      writeFileSync(join(root, 'file'), 'x');
      expect(() => writeFileAtomic(join(root, 'file', 'r.json'), 'y')).toThrow();
      expect(readdirSync(root)).toEqual(['file']);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});

describe('writeFileAtomic: names up to NAME_MAX (255 bytes)', () => {
  test.each([
    ['250 bytes (a 249-byte input name\'s report)', `${'a'.repeat(245)}.json`],
    ['255 bytes', `${'b'.repeat(250)}.json`],
    ['255 bytes of two-byte characters', `${'é'.repeat(125)}.json`],
    ['one byte', 'c'],
  ])('a final name of %s is written, and no temporary file is left', (_what, name) => {
    const root = mkdtempSync(join(tmpdir(), 'wireproof-fs-'));
    try {
      writeFileAtomic(join(root, name), 'report');
      expect(readFileSync(join(root, name), 'utf8')).toBe('report');
      expect(readdirSync(root)).toEqual([name]);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  test.each([
    ['a one-byte name', 'c'],
    ['a 255-byte name', `${'a'.repeat(250)}.json`],
    ['a name in a sub-folder', `sub/${'é'.repeat(120)}.html`],
  ])('the temporary name for %s: same folder, hidden, at most 24 bytes, unique', (_what, name) => {
    const path = join('/out', name);
    const names = new Set<string>();
    for (let i = 0; i < 1000; i++) {
      const tmp = tempNameFor(path);
      expect(dirname(tmp)).toBe(dirname(path));
      expect(basename(tmp)).toMatch(/^\.[0-9a-z]+-[0-9a-f]{12}\.tmp$/);
      expect(Buffer.byteLength(basename(tmp))).toBeLessThanOrEqual(24);
      names.add(tmp);
    }
    expect(names.size).toBe(1000);
  });
});

test('keepMode: a file that exists keeps its permissions; a new one gets the default', () => {
  const root = mkdtempSync(join(tmpdir(), 'wireproof-mode-'));
  try {
    const path = join(root, 'report.json');
    writeFileSync(path, 'old');
    chmodSync(path, 0o600);
    writeFileAtomic(path, 'new', { keepMode: true });
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(readFileSync(path, 'utf8')).toBe('new');
    const fresh = join(root, 'fresh.json');
    writeFileAtomic(fresh, 'x', { keepMode: true });
    expect(statSync(fresh).mode & 0o777).toBe(0o666 & ~process.umask());
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

describe('sweepTemporaryFiles', () => {
  /** A pid no process has now: a child's, once it has exited. */
  function deadPid(): number {
    const r = spawnSync(process.execPath, ['-e', '0']);
    return r.pid!;
  }

  test('removes the temporary files of processes that no longer run (or of one pid), only names of that shape', () => {
    const root = mkdtempSync(join(tmpdir(), 'wireproof-sweep-'));
    try {
      mkdirSync(join(root, 'sub'));
      const dead = `.${deadPid().toString(36)}-0123456789ab.tmp`;
      const mine = basename(tempNameFor(join(root, 'x.json')));
      const keep = ['report.json', '.notes.tmp', `.${process.pid.toString(36)}-0123456789ab.tmp.bak`, mine];
      for (const name of [dead, ...keep]) writeFileSync(join(root, name), 'x');
      writeFileSync(join(root, 'sub', dead), 'x');
      expect(sweepTemporaryFiles(root)).toBe(1);
      expect(readdirSync(root).sort()).toEqual([...keep, 'sub'].sort());
      expect(sweepTemporaryFiles(root, { recursive: true })).toBe(1);
      expect(readdirSync(join(root, 'sub'))).toEqual([]);
      // This process's own, on its way out (an interrupted batch).
      expect(sweepTemporaryFiles(root, { pid: process.pid })).toBe(1);
      expect(readdirSync(root)).not.toContain(mine);
      expect(sweepTemporaryFiles(join(root, 'no-such-folder'), { recursive: true })).toBe(0);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
