// `check` inputs that name nothing readable: folders it cannot list, each one error line naming the path and why.
import { afterEach, describe, expect, test } from '@jest/globals';
import { chmodSync } from 'node:fs';
import { join } from 'node:path';
import type { Report } from '../../src/types.js';
import { HUMAN_WIRE, makeTree, runBinUnprivileged } from '../batch/helpers.js';
import { freshDist } from '../support/dist.js';

const built = freshDist('dist/cli/bin.cjs') !== null;
if (!built) console.warn('skipping permission tests of check inputs: dist/ is missing or older than src/ (run npm run build)');
/** Permission errors need the built CLI, run as a user the permissions apply to (see runBinUnprivileged). */
const withBin = built ? test : test.skip;

/** Folders locked by a test, opened again afterwards so the temporary tree stays removable. */
const locked: string[] = [];
function lock(path: string): void {
  chmodSync(path, 0o000);
  locked.push(path);
}
afterEach(() => {
  for (const path of locked.splice(0)) chmodSync(path, 0o755);
});

describe('check: a folder it cannot list', () => {
  withBin('is named once, relative to the working folder; the readable files are still checked', () => {
    const root = makeTree({ 'a/one.txt': HUMAN_WIRE, 'a/locked/two.txt': HUMAN_WIRE });
    lock(join(root, 'a', 'locked'));
    const r = runBinUnprivileged(['check', 'a', '-f', 'json'], root)!;
    expect(r.status).toBe(2);
    expect(r.stderr).toBe('wireproof: a/locked: cannot list folder (EACCES)\n');
    expect((JSON.parse(r.stdout) as Report[]).map((x) => [x.file, x.error ?? null])).toEqual([
      ['a/locked', { code: 'unreadable', message: 'a/locked: cannot list folder (EACCES)' }],
      ['a/one.txt', null],
    ]);
  });
});
