// Batch and symbolic links around the output folder: inputs are never read from it nor written over through a link,
// and reports are never written or removed outside it through a linked sub-folder.
import { describe, expect, test } from '@jest/globals';
import { existsSync, mkdirSync, readFileSync, realpathSync, renameSync, rmSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { realPathOf } from '../../src/batch/paths.js';
import type { BatchSummary } from '../../src/batch/types.js';
import { HUMAN_WIRE, listFiles, MACHINE_WIRE, makeTree, runCli } from './helpers.js';

const PAGE = '<!doctype html><html lang="fr"><head><title>Page</title></head><body><p>Une page.</p></body></html>';

function summaryOf(path: string): BatchSummary {
  return JSON.parse(readFileSync(join(path, 'summary.json'), 'utf8')) as BatchSummary;
}

describe('batch: an output folder reached through a symbolic link', () => {
  test('--out a link to the input folder is refused as --out the folder itself: exit 2, one line, nothing written', async () => {
    const root = makeTree({ 'a4/in/index.html': PAGE, 'a4/in/story.txt': HUMAN_WIRE });
    symlinkSync(join(root, 'a4', 'in'), join(root, 'outlink'));
    const { code, io } = await runCli(['batch', 'a4/in', '--out', 'outlink', '--concurrency', '1'], root);
    expect(code).toBe(2);
    expect(io.err.join('')).toBe('wireproof: a4/in: is inside the output folder; give another --out\n');
    expect(listFiles(join(root, 'a4'))).toEqual(['in/index.html', 'in/story.txt']);
    expect(readFileSync(join(root, 'a4', 'in', 'index.html'), 'utf8')).toBe(PAGE);
  });

  test('a relative link to a folder above the input is refused too', async () => {
    const root = makeTree({ 'arch/2026/one.txt': HUMAN_WIRE });
    symlinkSync('arch', join(root, 'up'));
    const { code, io } = await runCli(['batch', 'arch/2026', '--out', 'up', '--concurrency', '1'], root);
    expect(code).toBe(2);
    expect(io.err.join('')).toMatch(/arch\/2026: is inside the output folder/);
    expect(listFiles(join(root, 'arch'))).toEqual(['2026/one.txt']);
  });

  test.each([
    ['a new folder under a link to the input folder', 'outlink/reports', ['outlink']],
    ['a link to a folder inside the input folder', 'replink', ['replink', 'reports']],
  ])('--out %s: the reports are never read back as inputs', async (_what, out, [link, target]) => {
    const root = makeTree({ 'a/one.txt': HUMAN_WIRE, 'a/two.html': PAGE });
    if (target !== undefined) mkdirSync(join(root, 'a', target));
    symlinkSync(join(root, 'a', target ?? ''), join(root, link!));
    for (let run = 0; run < 2; run++) {
      const { code } = await runCli(['batch', 'a', '--out', out, '--format', 'json,html', '--concurrency', '1'], root);
      expect(code).toBe(0);
    }
    // index.html (the dashboard) and the HTML reports have a wire's extension: walked into, they became inputs.
    expect(summaryOf(join(root, 'a', 'reports')).entries.map((e) => e.path)).toEqual(['a/one.txt', 'a/two.html']);
  });
});

describe('realPathOf', () => {
  test('an existing path is its realpath; a missing one is its nearest existing folder\'s realpath and the rest', () => {
    const root = makeTree({ 'in/x.txt': HUMAN_WIRE });
    symlinkSync(join(root, 'in'), join(root, 'lnk'));
    const real = realpathSync(join(root, 'in'));
    expect(realPathOf(join(root, 'lnk'))).toBe(real);
    expect(realPathOf(join(root, 'lnk', 'x.txt'))).toBe(join(real, 'x.txt'));
    expect(realPathOf(join(root, 'lnk', 'new', 'deeper'))).toBe(join(real, 'new', 'deeper'));
    expect(realPathOf(join(root, 'none'))).toBe(join(realpathSync(root), 'none'));
  });
});

describe('batch: an input that is a link into the output folder', () => {
  test('named on the command line, it is refused as any input inside the output folder', async () => {
    const root = makeTree({ 'a/one.txt': HUMAN_WIRE });
    expect((await runCli(['batch', 'a', '--out', 'out', '--concurrency', '1'], root)).code).toBe(0);
    symlinkSync(join(root, 'out', 'one.json'), join(root, 'x.txt'));
    const { code, io } = await runCli(['batch', 'a', 'x.txt', '--out', 'out', '--concurrency', '1'], root);
    expect(code).toBe(2);
    expect(io.err.join('')).toBe('wireproof: x.txt: is inside the output folder; give another --out\n');
  });

  test.each([
    ['in a folder walked', ['a']],
    ['matched by a glob', ['a/*.txt']],
  ])('%s, it is skipped as the output folder is', async (_what, inputs) => {
    const root = makeTree({ 'a/one.txt': HUMAN_WIRE, 'a/two.txt': MACHINE_WIRE });
    expect((await runCli(['batch', ...inputs, '--out', 'out', '--concurrency', '1'], root)).code).toBe(0);
    symlinkSync(join(root, 'out', 'one.json'), join(root, 'a', 'back.txt'));
    expect((await runCli(['batch', ...inputs, '--out', 'out', '--concurrency', '1'], root)).code).toBe(0);
    expect(summaryOf(join(root, 'out')).entries.map((e) => e.path)).toEqual(['a/one.txt', 'a/two.txt']);
  });
});

describe('batch: a sub-folder of DIR replaced by a symbolic link to a folder outside it', () => {
  /** An archive with a report in out/sub/, then out/sub/ made a link to victim/ holding that report. */
  async function linkedSub(): Promise<string> {
    const root = makeTree({ 'ac/sub/m1.txt': HUMAN_WIRE, 'ac/top.txt': MACHINE_WIRE });
    expect((await runCli(['batch', 'ac', '--out', 'oac', '--concurrency', '1'], root)).code).toBe(0);
    mkdirSync(join(root, 'victim'));
    renameSync(join(root, 'oac', 'sub', 'm1.json'), join(root, 'victim', 'm1.json'));
    rmSync(join(root, 'oac', 'sub'), { recursive: true });
    symlinkSync(join(root, 'victim'), join(root, 'oac', 'sub'));
    return root;
  }

  test('a stale report there is not removed: one line on stderr names it, the run goes on', async () => {
    const root = await linkedSub();
    unlinkSync(join(root, 'ac', 'sub', 'm1.txt'));
    const { code, io } = await runCli(['batch', 'ac', '--out', 'oac', '--concurrency', '1'], root);
    expect(code).toBe(0);
    expect(existsSync(join(root, 'victim', 'm1.json'))).toBe(true);
    const err = io.err.join('');
    expect(err).toContain('wireproof: 1 stale report not removed (sub/m1.json): a folder on the way is a symbolic link out of oac\n');
    expect(err.trimEnd().split('\n')).toHaveLength(2);
    expect(summaryOf(join(root, 'oac')).entries.map((e) => e.path)).toEqual(['ac/top.txt']);
  });

  test('a report is not written there (nor reused from there): that input is listed with why, the others are reported', async () => {
    const root = await linkedSub();
    writeFileSync(join(root, 'ac', 'sub', 'm2.txt'), MACHINE_WIRE);
    const { code, io } = await runCli(['batch', 'ac', '--out', 'oac', '--concurrency', '1'], root);
    expect(code).toBe(2);
    expect(listFiles(join(root, 'victim'))).toEqual(['m1.json']);
    const why = (rel: string): string => `cannot write its report (${rel} leads out of the output folder through a symbolic link)`;
    expect(summaryOf(join(root, 'oac')).entries.map((e) => [e.path, e.error])).toEqual([
      ['ac/sub/m1.txt', { code: 'internal', message: `ac/sub/m1.txt: ${why('sub/m1.json')}` }],
      ['ac/sub/m2.txt', { code: 'internal', message: `ac/sub/m2.txt: ${why('sub/m2.json')}` }],
      ['ac/top.txt', null],
    ]);
    expect(io.err.join('')).toContain(`wireproof: ac/sub/m2.txt: ${why('sub/m2.json')}\n`);
  });

  test('a link to a folder inside DIR is followed as before', async () => {
    const root = makeTree({ 'ac/sub/m1.txt': HUMAN_WIRE });
    mkdirSync(join(root, 'oac', 'elsewhere'), { recursive: true });
    symlinkSync('elsewhere', join(root, 'oac', 'sub'));
    expect((await runCli(['batch', 'ac', '--out', 'oac', '--concurrency', '1'], root)).code).toBe(0);
    expect(existsSync(join(root, 'oac', 'elsewhere', 'm1.json'))).toBe(true);
  });
});
