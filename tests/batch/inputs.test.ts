// Batch inputs that cannot be read: each is listed under its own path with why, and every other input still gets a report.
import { describe, expect, test } from '@jest/globals';
import { existsSync, mkdirSync, readFileSync, symlinkSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { readInput } from '../../src/batch/read.js';
import type { BatchSummary } from '../../src/batch/types.js';
import { HUMAN_WIRE, makeTree, runBinUnprivileged, runCli, permissionTests } from './helpers.js';

/** Permission errors need the built CLI, run as a user the permissions apply to (see runBinUnprivileged). */
const { withBin, lock } = permissionTests('batch inputs');

function summaryOf(root: string, out = 'out'): BatchSummary {
  return JSON.parse(readFileSync(join(root, out, 'summary.json'), 'utf8')) as BatchSummary;
}


describe('batch: a glob, as the folder walk', () => {
  test('matches links to files and nothing through a link to a folder (the walk skips those; docs audit, 2026-12-07)', async () => {
    const { expandInputs, FOLDER_EXTENSIONS } = await import('../../src/batch/inputs.js');
    const root = makeTree({ 'a/one.txt': HUMAN_WIRE, 'b/keep.txt': HUMAN_WIRE });
    symlinkSync('../a/one.txt', join(root, 'b', 'link.txt'));
    symlinkSync('../a', join(root, 'b', 'folder'));
    symlinkSync('..', join(root, 'b', 'up'));
    const found = await expandInputs(['b/**/*.txt'], root, join(root, 'out'), FOLDER_EXTENSIONS);
    expect(found.items.map((i) => i.path)).toEqual(['b/keep.txt', 'b/link.txt']);
  });
});

describe('batch: a folder it cannot list', () => {
  withBin.each([
    ['a folder inside the input folder', ['a'], 'a/locked'],
    ['the input folder itself', ['a/locked', 'a/one.txt'], 'a/locked'],
  ])('%s is named in the summary and on stderr (relative to the working folder), the other inputs are reported', (_what, inputs, shown) => {
    const root = makeTree({ 'a/one.txt': HUMAN_WIRE, 'a/locked/two.txt': HUMAN_WIRE });
    lock(join(root, 'a', 'locked'));
    const r = runBinUnprivileged(['batch', ...inputs, '--out', 'out', '--concurrency', '1'], root)!;
    expect(r.status).toBe(2);
    const summary = summaryOf(root);
    expect(summary.entries.map((e) => [e.path, e.error])).toEqual([
      [shown, { code: 'unreadable', message: `${shown}: cannot list folder (permission denied)` }],
      ['a/one.txt', null],
    ]);
    expect(r.stderr).toContain(`wireproof: ${shown}: cannot list folder (permission denied)\n`);
    expect(existsSync(join(root, 'out', 'one.json'))).toBe(true);
  });
});

describe('batch: a glob into a folder that can be listed but not entered', () => {
  withBin('each match is listed as unreadable, the other inputs are reported (glob matches are checked against the output folder without failing the run)', () => {
    const root = makeTree({ 'ro/a.txt': HUMAN_WIRE, 'ro/b.txt': HUMAN_WIRE, 'good.txt': HUMAN_WIRE });
    lock(join(root, 'ro'), 0o444);
    const r = runBinUnprivileged(['batch', 'ro/*.txt', 'good.txt', '--out', 'out', '--concurrency', '1'], root)!;
    expect(r.status).toBe(2);
    expect(r.stderr).not.toMatch(/lstat/);
    const summary = summaryOf(root);
    expect(summary.entries.map((e) => [e.path, e.error?.code ?? null])).toEqual([
      ['good.txt', null],
      ['ro/a.txt', 'unreadable'],
      ['ro/b.txt', 'unreadable'],
    ]);
    expect(existsSync(join(root, 'out', 'good.json'))).toBe(true);
  });
});

/** A name of 300 bytes: over NAME_MAX (255), so stat fails with ENAMETOOLONG, not ENOENT. */
const TOO_LONG = `${'x'.repeat(296)}.txt`;

describe('batch: an input or folder entry that stat cannot follow is listed, the rest is reported', () => {
  test.each([
    ['a link to itself in a folder (ELOOP)', ['.'], { 'self.txt': 'self.txt' }, [['self.txt', 'unreadable', 'self.txt: cannot read (too many symbolic links)']]],
    ['a link to a missing file in a folder', ['.'], { 'gone.txt': 'nowhere.txt' }, [['gone.txt', 'not-found', 'gone.txt: no such file (broken symbolic link)']]],
    ['a link in a sub-folder, named relative to the working folder', ['.'], { 'sub/self.md': 'self.md' }, [['sub/self.md', 'unreadable', 'sub/self.md: cannot read (too many symbolic links)']]],
    ['a path through a file (ENOTDIR)', ['ok.txt/foo', 'ok.txt'], {}, [['ok.txt/foo', 'not-found', 'ok.txt/foo: no such file or folder']]],
    ['a named link to itself', ['self.txt', 'ok.txt'], { 'self.txt': 'self.txt' }, [['self.txt', 'unreadable', 'self.txt: cannot read (too many symbolic links)']]],
    ['a name over 255 bytes (ENAMETOOLONG)', [TOO_LONG, 'ok.txt'], {}, [[TOO_LONG, 'unreadable', `${TOO_LONG}: cannot read (name too long)`]]],
  ])('%s', async (_what, inputs, links, bad) => {
    const root = makeTree({ 'ok.txt': HUMAN_WIRE });
    for (const [link, target] of Object.entries(links)) {
      const abs = join(root, ...link.split('/'));
      mkdirSync(dirname(abs), { recursive: true });
      symlinkSync(target, abs);
    }
    const { code, io } = await runCli(['batch', ...inputs, '--out', 'out', '--concurrency', '1'], root);
    expect(code).toBe(2);
    const summary = summaryOf(root);
    // The summary lists entries sorted by path.
    const listed = [...bad.map(([path, c, message]) => [path, { code: c, message }]), ['ok.txt', null]];
    expect(summary.entries.map((e) => [e.path, e.error])).toEqual(listed.sort(([a], [b]) => (String(a) < String(b) ? -1 : 1)));
    expect(existsSync(join(root, 'out', 'ok.json'))).toBe(true);
    const err = io.err.join('');
    for (const [, , message] of bad) expect(err).toContain(`wireproof: ${message}\n`);
    expect(err.trimEnd().split('\n').at(-1)).toBe(`1 report written to out (0 reused from cache, ${bad.length} unreadable)`);
  });

  withBin('a link into a folder it may not enter (EACCES on stat) is listed as unreadable', () => {
    const root = makeTree({ 'a/ok.txt': HUMAN_WIRE, 'locked/x.txt': HUMAN_WIRE });
    symlinkSync('../locked/x.txt', join(root, 'a', 'x.txt'));
    lock(join(root, 'locked'));
    const r = runBinUnprivileged(['batch', 'a', '--out', 'out', '--concurrency', '1'], root)!;
    expect(r.status).toBe(2);
    expect(summaryOf(root).entries.map((e) => [e.path, e.error])).toEqual([
      ['a/ok.txt', null],
      ['a/x.txt', { code: 'unreadable', message: 'a/x.txt: permission denied' }],
    ]);
    expect(r.stderr).toContain('wireproof: a/x.txt: permission denied\n');
    expect(existsSync(join(root, 'out', 'ok.json'))).toBe(true);
  });
});

describe('batch readInput: a path stat cannot follow is an input error, not a raw Node error', () => {
  test.each([
    ['a path through a file (ENOTDIR)', 'ok.txt/foo', 'not-found', /ok\.txt\/foo: no such file$/],
    ['a link to itself (ELOOP)', 'self.txt', 'unreadable', /self\.txt: cannot read \(too many symbolic links\)$/],
  ])('%s', async (_what, rel, code, message) => {
    const root = makeTree({ 'ok.txt': HUMAN_WIRE });
    symlinkSync('self.txt', join(root, 'self.txt'));
    await expect(readInput(join(root, ...rel.split('/')))).rejects.toMatchObject({ name: 'WireproofError', code, message: expect.stringMatching(message) });
  });
});

describe('batch: a word that names nothing, with glob characters in it', () => {
  test.each([
    ['parentheses (a browser\'s second download), another file near that name', 'Wire (1).txt', ['Wire 1.txt'], 'no such file or folder'],
    ['parentheses, nothing near', 'Wire (2).txt', [], 'no such file or folder'],
    ['brackets, nothing matching', 'Wire [1].txt', [], 'no such file or folder'],
    ['a quoted glob with *, nothing matching', 'wires/*.txt', [], 'no files match'],
    ['a brace list, nothing matching', 'wire-{a,b}.txt', [], 'no files match'],
  ])('%s', async (_what, word, present, reason) => {
    // A near file sits where the word, read as a glob, would find it.
    const root = makeTree({ 'ok.txt': HUMAN_WIRE, ...Object.fromEntries(present.map((f) => [f, HUMAN_WIRE])) });
    const { code, io } = await runCli(['batch', word, 'ok.txt', '--out', 'out', '--concurrency', '1'], root);
    expect(code).toBe(2);
    const message = `${word}: ${reason}`;
    expect(summaryOf(root).entries.map((e) => [e.path, e.error])).toEqual(
      [[word, { code: 'not-found', message }], ['ok.txt', null]].sort(([a], [b]) => (String(a) < String(b) ? -1 : 1)),
    );
    expect(io.err.join('')).toContain(`wireproof: ${message}\n`);
  });
});
