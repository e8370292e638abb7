// writeFileAtomic: whole files under their final name, folders created, and created again if removed meanwhile.
import { describe, expect, test } from '@jest/globals';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeFileAtomic } from '../../src/util/fs.js';

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
