// Batch and symbolic links around the output folder: inputs are never read from it nor written over through a link.
import { describe, expect, test } from '@jest/globals';
import { mkdirSync, readFileSync, realpathSync, symlinkSync } from 'node:fs';
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
