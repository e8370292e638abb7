// Writing a batch's outputs: long legal names are written; a report that cannot be written is that input's error, the run goes on.
import { describe, expect, test } from '@jest/globals';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runBatch } from '../../src/batch/run.js';
import type { BatchSummary } from '../../src/batch/types.js';
import { shortHash } from '../../src/batch/paths.js';
import { VERSION } from '../../src/cli/version.js';
import { freshDistWorker, HUMAN_WIRE, listFiles, MACHINE_WIRE, makeTree, runBinUnprivileged, runCli, permissionTests } from './helpers.js';

/** 255 bytes, the most a name may have: its report name (`.json` for `.txt`) has 256. */
const LONGEST = `${'a'.repeat(251)}.txt`;

function summaryOf(root: string, out = 'out'): BatchSummary {
  return JSON.parse(readFileSync(join(root, out, 'summary.json'), 'utf8')) as BatchSummary;
}

describe('batch: long names', () => {
  test.each([
    ['240 bytes', `${'a'.repeat(236)}.txt`, `${'a'.repeat(236)}.json`],
    ['249 bytes (a 250-byte report name)', `${'a'.repeat(245)}.txt`, `${'a'.repeat(227)}-${shortHash('a'.repeat(245))}.json`],
    ['251 bytes (a 252-byte report name)', `${'é'.repeat(123)}.md`, `${'é'.repeat(113)}-${shortHash('é'.repeat(123))}.json`],
    ['255 bytes (a 256-byte report name, not writable as such)', LONGEST, `${'a'.repeat(227)}-${shortHash('a'.repeat(251))}.json`],
  ])('an input name of %s gets its report (a report name over 240 bytes is cut, with a hash); the other inputs too; no temporary file is left', async (_what, name, report) => {
    const root = makeTree({ [`in/${name}`]: HUMAN_WIRE, 'in/short.txt': MACHINE_WIRE });
    const { code, io } = await runCli(['batch', 'in', '--out', 'out', '--concurrency', '1'], root);
    expect(io.err.join('')).toBe('2 reports written to out (0 reused from cache, 0 unreadable)\n');
    expect(code).toBe(0);
    // Entries are in code-unit order of their paths: `é` sorts after `s`.
    const listed = [
      [`in/${name}`, report, null],
      ['in/short.txt', 'short.json', null],
    ].sort(([a], [b]) => (String(a) < String(b) ? -1 : 1));
    expect(summaryOf(root).entries.map((e) => [e.path, e.report, e.error])).toEqual(listed);
    expect(listFiles(join(root, 'out'))).toEqual(['.wireproof-cache.json', report, 'index.html', 'short.json', 'summary.csv', 'summary.json'].sort());
  });
});

describe('batch: a report that cannot be written is that input\'s error; the run goes on', () => {
  test.each([
    ['its folder is a file in DIR', ['sub'], ['json'], 'in/sub/x.txt', 'a parent is not a folder'],
    ['its HTML name is a folder in DIR (the JSON written just before is removed)', ['z.html/'], ['json', 'html'], 'in/z.txt', 'is a directory'],
  ])('%s', async (_what, inOut, formats, failing, reason) => {
    const root = makeTree({ 'in/ok-a.txt': HUMAN_WIRE, 'in/ok-b.md': MACHINE_WIRE, [failing]: HUMAN_WIRE });
    for (const name of inOut) {
      if (name.endsWith('/')) mkdirSync(join(root, 'out', name), { recursive: true });
      else writeTree(join(root, 'out'), name);
    }
    const { code, io } = await runCli(['batch', 'in', '--out', 'out', '--concurrency', '1', '--format', formats.join(',')], root);
    expect(code).toBe(2);
    const message = `${failing}: cannot write its report (${reason})`;
    const entries = summaryOf(root).entries;
    expect(entries.filter((e) => e.error)).toEqual([expect.objectContaining({ path: failing, report: null, html: null, error: { code: 'internal', message } })]);
    expect(entries.filter((e) => !e.error)).toHaveLength(2);
    const err = io.err.join('');
    expect(err).toContain(`wireproof: ${message}\n`);
    expect(err.trimEnd().split('\n').at(-1)).toBe('2 reports written to out (0 reused from cache, 1 unreadable)');
    // Every report the summary lists exists; nothing else was left (no report of the failed input, no temporary file).
    const listed = entries.flatMap((e) => [e.report, e.html]).filter((f): f is string => f !== null);
    for (const f of listed) expect(existsSync(join(root, 'out', f))).toBe(true);
    const extra = inOut.map((n) => n.replace(/\/$/, ''));
    expect(listFiles(join(root, 'out')).filter((f) => !listed.includes(f) && !extra.includes(f))).toEqual(['.wireproof-cache.json', 'index.html', 'summary.csv', 'summary.json']);
  });

  const worker = freshDistWorker();
  (worker ? test : test.skip)('in a worker thread too (compiled dist/batch/worker.js): the pool is not stopped', async () => {
    const root = makeTree({ 'in/sub/x.txt': HUMAN_WIRE, 'in/short.txt': MACHINE_WIRE });
    writeTree(join(root, 'out'), 'sub');
    const { summary } = await runBatch({ inputs: ['in'], cwd: root, outDir: 'out', concurrency: 2, workerFile: worker, poolThreshold: 0, version: VERSION });
    expect(summary.run.threads).toBe(2);
    expect(summary.entries.map((e) => [e.path, e.error])).toEqual([
      ['in/short.txt', null],
      ['in/sub/x.txt', { code: 'internal', message: 'in/sub/x.txt: cannot write its report (a parent is not a folder)' }],
    ]);
  });
});

/** Writes an empty file at `rel` under `root`. */
function writeTree(root: string, rel: string): void {
  mkdirSync(root, { recursive: true });
  writeFileSync(join(root, rel), '');
}

/** Permission errors need the built CLI, run as a user the permissions apply to (see runBinUnprivileged). */
const { withBin, lock } = permissionTests('batch outputs');

describe('batch: an output folder it cannot use is one line naming it and why, exit 2', () => {
  test.each([
    ['a parent of --out is a file', ['--out', 'in/short.txt/rep'], [], 'wireproof: --out in/short.txt/rep: cannot reach the folder (a parent is not a folder)'],
    ['summary.json is a folder', ['--out', 'out'], ['out/summary.json'], 'wireproof: --out out: cannot write summary.json (is a directory)'],
  ])('%s', async (_what, args, folders, line) => {
    const root = makeTree({ 'in/short.txt': MACHINE_WIRE });
    for (const f of folders) mkdirSync(join(root, f), { recursive: true });
    const { code, io } = await runCli(['batch', 'in', ...args, '--concurrency', '1'], root);
    expect(code).toBe(2);
    expect(io.err.join('')).toBe(`${line}\n`);
  });

  withBin.each([
    ['--out cannot be created (its parent is read-only)', 'ro/rep', 'wireproof: --out ro/rep: cannot create the folder (permission denied)'],
    ['--out exists and is read-only', 'ro', 'wireproof: --out ro: cannot write in the folder (permission denied)'],
  ])('%s', (_what, out, line) => {
    const root = makeTree({ 'in/short.txt': MACHINE_WIRE });
    mkdirSync(join(root, 'ro'));
    lock(join(root, 'ro'), 0o555);
    const r = runBinUnprivileged(['batch', 'in', '--out', out, '--concurrency', '1'], root)!;
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(`${line}\n`);
    expect(listFiles(join(root, 'ro'))).toEqual([]);
  });
});
