// Batch cache and determinism: reuse, invalidation by content, config and corpora; identical bytes whatever the concurrency.
import { describe, expect, test } from '@jest/globals';
import { appendFileSync, cpSync, existsSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { runBatch, saveInterruptedBatches } from '../../src/batch/run.js';
import type { BatchSummary } from '../../src/batch/types.js';
import { VERSION } from '../../src/cli/version.js';
import { binaryBytes, freshDistWorker, HOSTILE_WIRE, HUMAN_WIRE, listFiles, MACHINE_WIRE, makeTree, runCli } from './helpers.js';

function summaryOf(root: string, out = 'out'): BatchSummary {
  return JSON.parse(readFileSync(join(root, out, 'summary.json'), 'utf8')) as BatchSummary;
}

function lastLine(err: string[]): string {
  return err.join('').trimEnd().split('\n').at(-1)!;
}

/** Five articles, varied. */
function archive(): string {
  return makeTree({
    'arch/2026-01/a.txt': MACHINE_WIRE,
    'arch/2026-01/b.txt': HUMAN_WIRE,
    'arch/2026-02/c.md': HOSTILE_WIRE,
    'arch/2026-02/d.txt': `${HUMAN_WIRE}\n\nUn dernier paragraphe ajouté pour que le texte diffère des autres.`,
    'arch/e.txt': `${MACHINE_WIRE}\n\nLe groupe publiera ses résultats complets le mois prochain.`,
  });
}

/** Every output file's bytes, summary.json without its `run` object. */
function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const f of listFiles(dir)) {
    let text = readFileSync(join(dir, f), 'utf8');
    if (f === 'summary.json') {
      const s = JSON.parse(text) as Partial<BatchSummary>;
      delete s.run;
      text = JSON.stringify(s);
    }
    // The cache records when each report was written (its files' modification times): everything else must agree.
    if (f === '.wireproof-cache.json') text = text.replace(/"stamps":\[[^"]*?\]\]/g, '"stamps":[]');
    out[f] = text;
  }
  return out;
}

describe('batch cache', () => {
  test('a second run reuses everything; a changed input is re-checked; a deleted one drops out with its report', async () => {
    const root = archive();
    const args = ['batch', 'arch', '--out', 'out', '--concurrency', '1'];
    const first = await runCli(args, root);
    expect(first.code).toBe(0);
    expect(lastLine(first.io.err)).toBe('5 reports written to out (0 reused from cache, 0 unreadable)');
    const reportB = join(root, 'out/2026-01/b.json');
    const mtimeB = statSync(reportB).mtimeMs;
    const before = snapshot(join(root, 'out'));

    const second = await runCli(args, root);
    expect(lastLine(second.io.err)).toBe('5 reports written to out (5 reused from cache, 0 unreadable)');
    expect(summaryOf(root).run).toMatchObject({ reused: 5, checked: 0 });
    expect(snapshot(join(root, 'out'))).toEqual(before);
    expect(statSync(reportB).mtimeMs).toBe(mtimeB);

    writeFileSync(join(root, 'arch/2026-01/a.txt'), HUMAN_WIRE.replace('jeudi', 'vendredi'));
    rmSync(join(root, 'arch/2026-02/c.md'));
    const third = await runCli(args, root);
    expect(lastLine(third.io.err)).toBe('4 reports written to out (3 reused from cache, 0 unreadable)');
    const s = summaryOf(root);
    expect(s.run).toMatchObject({ reused: 3, checked: 1 });
    expect(s.entries.map((e) => e.path)).toEqual(['arch/2026-01/a.txt', 'arch/2026-01/b.txt', 'arch/2026-02/d.txt', 'arch/e.txt']);
    expect(readFileSync(join(root, 'out/2026-01/a.json'), 'utf8')).toContain('vendredi');
    expect(existsSync(join(root, 'out/2026-02/c.json'))).toBe(false);
    expect(statSync(reportB).mtimeMs).toBe(mtimeB);
  });

  test('a report rewritten since the cache was written (an interrupted run with other settings) is re-checked, not reused', async () => {
    const root = archive();
    const args = ['batch', 'arch', '--out', 'out', '--concurrency', '1'];
    await runCli(args, root);
    const b = join(root, 'out/2026-01/b.json');
    const good = readFileSync(b, 'utf8');
    // What an interrupted `--prior 0.01` run left: its report, the old cache (a review, 2026-12-07: 813 reports of 3,000
    // then disagreed with summary.json).
    writeFileSync(b, good.replace(/"machineProbability": [0-9.]+/, '"machineProbability": 0.022'));
    const again = await runCli(args, root);
    expect(lastLine(again.io.err)).toBe('5 reports written to out (4 reused from cache, 0 unreadable)');
    expect(readFileSync(b, 'utf8')).toBe(good);
  });

  test('an interrupted run keeps the reports it finished for the next run (cache checkpoints)', async () => {
    const root = archive();
    const outDir = join(root, 'out');
    const run = (onProgress?: (done: number) => void) =>
      runBatch({ inputs: ['arch'], outDir, cwd: root, concurrency: 1, version: VERSION, workerFile: null, checkpointMs: 0, ...(onProgress ? { onProgress } : {}) });
    await expect(
      run((done) => {
        if (done === 3) throw new Error('interrupted');
      }),
    ).rejects.toThrow('interrupted');
    expect(existsSync(join(outDir, 'summary.json'))).toBe(false);
    const next = await run();
    expect(next.summary.run).toMatchObject({ reused: 3, checked: 2 });
  });

  test('an interrupted run saves what it finished since its last checkpoint (saveInterruptedBatches)', async () => {
    const root = archive();
    const outDir = join(root, 'out');
    const base = { inputs: ['arch'], outDir, cwd: root, concurrency: 1, version: VERSION, workerFile: null, formats: ['json', 'html'] as const };
    await expect(
      runBatch({
        ...base,
        checkpointMs: 1e9,
        onProgress: (done) => {
          if (done === 2) {
            saveInterruptedBatches(); // what the CLI does on Ctrl-C
            throw new Error('interrupted');
          }
        },
      }),
    ).rejects.toThrow('interrupted');
    // The next run asks JSON only: the HTML pages the interrupted run wrote are known, reused as JSON, and removed.
    const next = await runBatch({ ...base, formats: ['json'] });
    expect(next.summary.run).toMatchObject({ reused: 2, checked: 3 });
    expect(listFiles(outDir).filter((f) => f.endsWith('.html'))).toEqual(['index.html']);
  });

  test('changing rules, prior (config file), languages or the corpora invalidates every report', async () => {
    const root = archive();
    const corpora = join(root, 'corpora-copy');
    cpSync(resolve('corpora'), corpora, { recursive: true });
    const args = ['batch', 'arch', '--out', 'out', '--concurrency', '1', '--corpora', corpora];
    await runCli(args, root);
    expect(lastLine((await runCli(args, root)).io.err)).toContain('(5 reused from cache');
    expect(lastLine((await runCli([...args, '--rule', 'mt-notice=off'], root)).io.err)).toContain('(0 reused from cache');
    expect(lastLine((await runCli([...args, '--rule', 'mt-notice=off'], root)).io.err)).toContain('(5 reused from cache');
    writeFileSync(join(root, '.wireproofrc.json'), JSON.stringify({ prior: 0.2 }));
    expect(lastLine((await runCli(args, root)).io.err)).toContain('(0 reused from cache');
    expect(lastLine((await runCli([...args, '--language', 'fr', 'en'], root)).io.err)).toContain('(0 reused from cache');
    expect(lastLine((await runCli([...args, '--language', 'fr', 'en'], root)).io.err)).toContain('(5 reused from cache');
    const notices = listFiles(corpora).find((f) => f.startsWith('notices/') && f.endsWith('.jsonl'))!;
    appendFileSync(join(corpora, notices), '\n# a comment changes the corpora fingerprint, not their meaning\n');
    expect(lastLine((await runCli([...args, '--language', 'fr', 'en'], root)).io.err)).toContain('(0 reused from cache');
  });

  test('a binary input stays listed as unreadable on a cached run (exit 2) without being checked again', async () => {
    const root = archive();
    writeFileSync(join(root, 'arch/scan.txt'), binaryBytes());
    const args = ['batch', 'arch', '--out', 'out', '--concurrency', '1'];
    expect((await runCli(args, root)).code).toBe(2);
    const again = await runCli(args, root);
    expect(again.code).toBe(2);
    expect(lastLine(again.io.err)).toBe('5 reports written to out (5 reused from cache, 1 unreadable)');
    const s = summaryOf(root);
    expect(s.run).toMatchObject({ reused: 5, checked: 0 });
    expect(s.entries.find((e) => e.path === 'arch/scan.txt')!.error!.code).toBe('binary');
    writeFileSync(join(root, 'arch/scan.txt'), HUMAN_WIRE);
    const fixed = await runCli(args, root);
    expect(fixed.code).toBe(0);
    expect(lastLine(fixed.io.err)).toBe('6 reports written to out (5 reused from cache, 0 unreadable)');
  });

  test('--no-cache re-checks everything and removes the cache file; a corrupt cache is ignored', async () => {
    const root = archive();
    await runCli(['batch', 'arch', '--out', 'out', '--concurrency', '1'], root);
    const cache = join(root, 'out', '.wireproof-cache.json');
    expect(existsSync(cache)).toBe(true);
    const off = await runCli(['batch', 'arch', '--out', 'out', '--concurrency', '1', '--no-cache'], root);
    expect(lastLine(off.io.err)).toContain('(0 reused from cache');
    expect(existsSync(cache)).toBe(false);
    expect(summaryOf(root).run.cache).toBe(false);
    writeFileSync(cache, '{"cacheVersion": 1, "entries": {"x": 3}');
    const again = await runCli(['batch', 'arch', '--out', 'out', '--concurrency', '1'], root);
    expect(again.code).toBe(0);
    expect(lastLine(again.io.err)).toContain('(0 reused from cache');
  });

  test('asking for HTML re-checks inputs without it; dropping HTML removes the stale pages', async () => {
    const root = archive();
    await runCli(['batch', 'arch', '--out', 'out', '--concurrency', '1'], root);
    const both = await runCli(['batch', 'arch', '--out', 'out', '--concurrency', '1', '--format', 'json,html'], root);
    expect(lastLine(both.io.err)).toContain('(0 reused from cache');
    expect(existsSync(join(root, 'out/2026-01/a.html'))).toBe(true);
    const json = await runCli(['batch', 'arch', '--out', 'out', '--concurrency', '1'], root);
    expect(lastLine(json.io.err)).toContain('(5 reused from cache');
    expect(listFiles(join(root, 'out')).filter((f) => f.endsWith('.html'))).toEqual(['index.html']);
  });

  test('a hand-edited cache cannot make batch delete anything outside DIR', async () => {
    const root = archive();
    writeFileSync(join(root, 'precious.txt'), 'keep me');
    await runCli(['batch', 'arch', '--out', 'out', '--concurrency', '1'], root);
    const cachePath = join(root, 'out', '.wireproof-cache.json');
    const cache = JSON.parse(readFileSync(cachePath, 'utf8')) as { entries: Record<string, { key: string; files: string[]; outcome: unknown }> };
    const any = Object.values(cache.entries)[0]!;
    cache.entries['evil'] = { ...any, files: ['../precious.txt', '/etc/hostname', 'a/../../precious.txt'] };
    writeFileSync(cachePath, JSON.stringify(cache));
    await runCli(['batch', 'arch', '--out', 'out', '--concurrency', '1'], root);
    expect(readFileSync(join(root, 'precious.txt'), 'utf8')).toBe('keep me');
  });
});

describe('batch determinism', () => {
  test('--concurrency 1 and 2 write byte-identical outputs (timing lives only in summary.json run)', async () => {
    const root = archive();
    await runCli(['batch', 'arch', '--out', 'one', '--concurrency', '1', '--format', 'json,html'], root);
    await runCli(['batch', 'arch', '--out', 'two', '--concurrency', '2', '--format', 'json,html'], root);
    const one = snapshot(join(root, 'one'));
    expect(Object.keys(one)).toHaveLength(14);
    expect(snapshot(join(root, 'two'))).toEqual(one);
  });

  const worker = freshDistWorker();
  (worker ? test : test.skip)('the worker pool (compiled dist/batch/worker.js) writes the same bytes as in-process', async () => {
    const root = archive();
    const common = { inputs: ['arch'], cwd: root, formats: ['json', 'html'] as const, version: VERSION };
    const inline = await runBatch({ ...common, outDir: 'inline', concurrency: 1 });
    const pooled = await runBatch({ ...common, outDir: 'pooled', concurrency: 2, workerFile: worker, poolThreshold: 0 });
    expect(inline.summary.run.threads).toBe(0);
    expect(pooled.summary.run.threads).toBe(2);
    expect(snapshot(join(root, 'pooled'))).toEqual(snapshot(join(root, 'inline')));
  });
});
