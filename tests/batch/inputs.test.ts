// Batch inputs that cannot be read: each is listed under its own path with why, and every other input still gets a report.
import { afterEach, describe, expect, test } from '@jest/globals';
import { chmodSync, existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BatchSummary } from '../../src/batch/types.js';
import { freshDist } from '../support/dist.js';
import { HUMAN_WIRE, makeTree, runBinUnprivileged } from './helpers.js';

const built = freshDist('dist/cli/bin.cjs') !== null;
if (!built) console.warn('skipping permission tests of batch inputs: dist/ is missing or older than src/ (run npm run build)');
/** Permission errors need the built CLI, run as a user the permissions apply to (see runBinUnprivileged). */
const withBin = built ? test : test.skip;

function summaryOf(root: string, out = 'out'): BatchSummary {
  return JSON.parse(readFileSync(join(root, out, 'summary.json'), 'utf8')) as BatchSummary;
}

/** Folders locked by a test, opened again afterwards so the temporary tree stays removable. */
const locked: string[] = [];
function lock(path: string): void {
  chmodSync(path, 0o000);
  locked.push(path);
}
afterEach(() => {
  for (const path of locked.splice(0)) chmodSync(path, 0o755);
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
      [shown, { code: 'unreadable', message: `${shown}: cannot list folder (EACCES)` }],
      ['a/one.txt', null],
    ]);
    expect(r.stderr).toContain(`wireproof: ${shown}: cannot list folder (EACCES)\n`);
    expect(existsSync(join(root, 'out', 'one.json'))).toBe(true);
  });
});
