// One batch at a time per output folder: a live run's lock is refused, a dead run's taken over, none left behind.
import { describe, expect, test } from '@jest/globals';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { LOCK_FILE } from '../../src/batch/lock.js';
import { runBatch } from '../../src/batch/run.js';
import { VERSION } from '../../src/cli/version.js';
import { pathToFileURL } from 'node:url';
import { freshDist } from '../support/dist.js';
import { HUMAN_WIRE, MACHINE_WIRE, makeTree, runCli } from './helpers.js';

/** The compiled lock module, for processes of their own (null when dist/ is stale). */
const LOCK_JS = freshDist('dist/batch/lock.js');

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

describe('batch output folder lock: hard cases (a second review, 2026-12-07)', () => {
  test('a lock that cannot be read is held, not taken for stale', async () => {
    const root = archive();
    mkdirSync(join(root, 'out', LOCK_FILE), { recursive: true });
    const r = await runCli(['batch', 'arch', '--out', 'out', '--concurrency', '1'], root);
    expect(r.code).toBe(2);
    expect(r.io.err.join('')).toBe(`wireproof: --out out: cannot read its lock file ${LOCK_FILE} (is a directory): if no other batch is writing there, remove it\n`);
  });

  test('garbage is not a pid: "12abc" is taken over, not read as process 12', async () => {
    const root = archive();
    mkdirSync(join(root, 'out'));
    writeFileSync(join(root, 'out', LOCK_FILE), '1abc\n');
    expect((await runCli(['batch', 'arch', '--out', 'out', '--concurrency', '1'], root)).code).toBe(0);
  });

  (LOCK_JS ? test : test.skip)('two processes taking over a stale lock at the same moment: never both', async () => {
    const root = makeTree({ 'x.txt': 'x' });
    const out = join(root, 'out');
    mkdirSync(out);
    const script = `import { lockFolder } from ${JSON.stringify(pathToFileURL(LOCK_JS!).href)};
const start = Number(process.argv[1]);
while (Date.now() < start);
try { await lockFolder(${JSON.stringify(out)}, 'out'); console.log('won'); setTimeout(() => {}, 200); } catch { console.log('lost'); }`;
    const dead = spawnSync(process.execPath, ['-e', '0']).pid!;
    const wins: number[] = [];
    for (let round = 0; round < 6; round++) {
      writeFileSync(join(out, LOCK_FILE), `${dead}\n`);
      const start = String(Date.now() + 400);
      const results = await Promise.all(
        [0, 1].map(
          () =>
            new Promise<string>((resolve) => {
              const c = spawn(process.execPath, ['--input-type=module', '-e', script, start]);
              let text = '';
              c.stdout.on('data', (d: Buffer) => (text += d.toString()));
              c.on('close', () => resolve(text.trim()));
            }),
        ),
      );
      wins.push(results.filter((r) => r === 'won').length);
    }
    // Exactly one winner each round (a bare check-remove-create let both win 57 times in 60).
    expect(wins).toEqual([1, 1, 1, 1, 1, 1]);
  }, 30000);
});
