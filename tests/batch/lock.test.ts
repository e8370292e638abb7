// One batch at a time per output folder: a live run's lock is refused, a dead run's taken over, none left behind.
import { describe, expect, test } from '@jest/globals';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { LOCK_FILE } from '../../src/batch/lock.js';
import { runBatch } from '../../src/batch/run.js';
import { VERSION } from '../../src/cli/version.js';
import { HUMAN_WIRE, MACHINE_WIRE, makeTree, runCli } from './helpers.js';

function archive(): string {
  return makeTree({ 'arch/a.txt': MACHINE_WIRE, 'arch/b.txt': HUMAN_WIRE });
}

describe('batch output folder lock (a review, 2026-12-07: two runs into one DIR lost one run’s results)', () => {
  test('a folder locked by a running process: exit 2, one line naming it, the lock left alone', async () => {
    const root = archive();
    mkdirSync(join(root, 'out'));
    const other = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 20000)']);
    try {
      writeFileSync(join(root, 'out', LOCK_FILE), `${other.pid}\n`);
      const r = await runCli(['batch', 'arch', '--out', 'out', '--concurrency', '1'], root);
      expect(r.code).toBe(2);
      expect(r.io.err.join('')).toBe(`wireproof: --out out: another wireproof batch (process ${other.pid}) is writing there; wait for it to end or choose another folder\n`);
      expect(readFileSync(join(root, 'out', LOCK_FILE), 'utf8')).toBe(`${other.pid}\n`);
      expect(existsSync(join(root, 'out', 'summary.json'))).toBe(false);
    } finally {
      other.kill();
    }
  });

  test('a lock left by a process that no longer runs is taken over; none is left after a run', async () => {
    const root = archive();
    mkdirSync(join(root, 'out'));
    const dead = spawnSync(process.execPath, ['-e', '0']).pid!;
    writeFileSync(join(root, 'out', LOCK_FILE), `${dead}\n`);
    const r = await runCli(['batch', 'arch', '--out', 'out', '--concurrency', '1'], root);
    expect(r.code).toBe(0);
    expect(existsSync(join(root, 'out', LOCK_FILE))).toBe(false);
    expect(existsSync(join(root, 'out', 'summary.json'))).toBe(true);
  });

  test('two runs of one process into one folder: the second is refused, the first completes', async () => {
    const root = archive();
    const run = () => runBatch({ inputs: ['arch'], outDir: 'out', cwd: root, concurrency: 1, version: VERSION, workerFile: null });
    const [first, second] = await Promise.allSettled([run(), run()]);
    expect(first.status).toBe('fulfilled');
    expect(second).toMatchObject({ status: 'rejected', reason: { code: 'usage', message: '--out out: another batch of this process is writing there; wait for it to end or choose another folder' } });
    expect(existsSync(join(root, 'out', LOCK_FILE))).toBe(false);
    // And the next run is free to go.
    await expect(run()).resolves.toMatchObject({ summary: { totals: { reports: 2 } } });
  });
});
