// `check` inputs that name nothing readable (folders it cannot list, links that lead nowhere, missing names that look like globs): one error each, naming the path and why.
import { describe, expect, test } from '@jest/globals';
import { symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { run } from '../../src/cli/main.js';
import type { Report } from '../../src/types.js';
import { HUMAN_WIRE, makeTree, runBinUnprivileged, permissionTests } from '../batch/helpers.js';
import { fakeIo } from '../support/io.js';

/** Permission errors need the built CLI, run as a user the permissions apply to (see runBinUnprivileged). */
const { withBin, lock } = permissionTests('check inputs');

describe('check: a folder it cannot list', () => {
  withBin('is named once, relative to the working folder; the readable files are still checked', () => {
    const root = makeTree({ 'a/one.txt': HUMAN_WIRE, 'a/locked/two.txt': HUMAN_WIRE });
    lock(join(root, 'a', 'locked'));
    const r = runBinUnprivileged(['check', 'a', '-f', 'json'], root)!;
    expect(r.status).toBe(2);
    expect(r.stderr).toBe('wireproof: a/locked: cannot list folder (permission denied)\n');
    expect((JSON.parse(r.stdout) as Report[]).map((x) => [x.file, x.error ?? null])).toEqual([
      ['a/locked', { code: 'unreadable', message: 'a/locked: cannot list folder (permission denied)' }],
      ['a/one.txt', null],
    ]);
  });
});

describe('check DIR: a link in the folder that stat cannot follow', () => {
  test.each([
    ['a link to itself (ELOOP)', 'self.txt', 'self.txt', 'unreadable', 'cannot read (too many symbolic links)'],
    ['a link to a missing file', 'gone.txt', 'nowhere.txt', 'not-found', 'no such file (broken symbolic link)'],
  ])('%s is an input error naming it; the other files are still checked', async (_what, link, target, code, reason) => {
    const root = makeTree({ 'wires/ok.txt': HUMAN_WIRE });
    symlinkSync(target, join(root, 'wires', link));
    const io = fakeIo({}, root);
    expect(await run(['check', 'wires', '-f', 'json'], io)).toBe(2);
    expect(io.err.join('')).toBe(`wireproof: wires/${link}: ${reason}\n`);
    // In walk order (file-name order), not errors first (a review, 2026-12-07).
    const expected: [string, unknown][] = [
      [`wires/${link}`, { code, message: `wires/${link}: ${reason}` }],
      ['wires/ok.txt', null],
    ];
    expect((JSON.parse(io.out.join('')) as Report[]).map((r) => [r.file, r.error ?? null])).toEqual(expected.sort((a, b) => (a[0] < b[0] ? -1 : 1)));
  });

  test('a folder named by its absolute path: broken links are named from it too, in walk order (review)', async () => {
    const root = makeTree({ 'wires/a.txt': HUMAN_WIRE, 'wires/c.txt': HUMAN_WIRE, 'cwd/.keep': '' });
    symlinkSync('nowhere.txt', join(root, 'wires', 'b.txt'));
    const io = fakeIo({}, join(root, 'cwd'));
    expect(await run(['check', join(root, 'wires'), '-f', 'json'], io)).toBe(2);
    const files = (JSON.parse(io.out.join('')) as Report[]).map((r) => r.file);
    expect(files).toEqual([join(root, 'wires', 'a.txt'), join(root, 'wires', 'b.txt'), join(root, 'wires', 'c.txt')]);
    expect(io.err.join('')).toBe(`wireproof: ${join(root, 'wires', 'b.txt')}: no such file (broken symbolic link)\n`);
  });

  withBin('a link into a folder it may not enter (EACCES on stat) is unreadable', () => {
    const root = makeTree({ 'wires/ok.txt': HUMAN_WIRE, 'locked/x.txt': HUMAN_WIRE });
    symlinkSync('../locked/x.txt', join(root, 'wires', 'x.txt'));
    lock(join(root, 'locked'));
    const r = runBinUnprivileged(['check', 'wires', '-f', 'json'], root)!;
    expect(r.status).toBe(2);
    expect(r.stderr).toBe('wireproof: wires/x.txt: permission denied\n');
    expect((JSON.parse(r.stdout) as Report[]).map((x) => [x.file, x.error?.code ?? null])).toEqual([
      ['wires/ok.txt', null],
      ['wires/x.txt', 'unreadable'],
    ]);
  });
});

describe('check: a word that names nothing, with glob characters in it', () => {
  test.each([
    ['parentheses (a browser\'s second download), another file near that name', 'Wire (1).txt', ['Wire 1.txt'], 'Wire (1).txt: no such file', []],
    ['parentheses, nothing near', 'Wire (2).txt', [], 'Wire (2).txt: no such file', []],
    ['an extglob group only', 'Wire @(1).txt', ['Wire 1.txt'], 'Wire @(1).txt: no such file', []],
    ['brackets, nothing matching', 'Wire [1].txt', [], 'Wire [1].txt: no such file', []],
    ['a quoted glob with *, nothing matching', 'wires/*.txt', [], 'wires/*.txt: no files match', []],
    ['a brace list, nothing matching', 'wire-{a,b}.txt', [], 'wire-{a,b}.txt: no files match', []],
    ['a ? wildcard, nothing matching', 'wire-?.txt', [], 'wire-?.txt: no files match', []],
  ])('%s', async (_what, word, present, message, checked) => {
    const root = makeTree(Object.fromEntries(present.map((f) => [f, HUMAN_WIRE])));
    const io = fakeIo({}, root);
    expect(await run(['check', word, '-f', 'json'], io)).toBe(2);
    expect(io.err.join('')).toBe(`wireproof: ${message}\n`);
    expect((JSON.parse(io.out.join('')) as Report[]).map((r) => [r.file, r.error ?? null])).toEqual([[word, { code: 'not-found', message }], ...checked]);
  });

  test.each([
    ['a bracket class', 'Wire [12].txt', ['Wire 1.txt', 'Wire 2.txt']],
    ['a * wildcard', 'Wire *.txt', ['Wire 1.txt', 'Wire 2.txt']],
  ])('%s that matches files is still a glob', async (_what, word, files) => {
    const root = makeTree(Object.fromEntries(files.map((f) => [f, HUMAN_WIRE])));
    const io = fakeIo({}, root);
    await run(['check', word, '-f', 'json'], io);
    expect((JSON.parse(io.out.join('')) as Report[]).map((r) => [r.file, r.error ?? null])).toEqual(files.map((f) => [f, null]));
  });
});
