// Evaluation: skips cleanly without the research data (CI has none), and writes every table on a synthetic set.
import { describe, expect, it } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_CONFIG, fitModel, serializeModel } from '../../src/eval/fit.js';
import { runEval } from '../../src/eval/run.js';
import { syntheticRows } from '../support/eval-data.js';
import { fakeIo } from '../support/io.js';
import { run } from '../../src/cli/main.js';

const ROOT = join(import.meta.dirname ?? process.cwd(), '..', '..');
const MISSING = '/nonexistent/wireproof/paragraphs.jsonl';

describe('runEval without data', () => {
  it('returns skipped with a clear message', async () => {
    const result = await runEval({ data: MISSING });
    expect(result.skipped).toBe(true);
    if (result.skipped) expect(result.message).toMatch(/no evaluation data at \/nonexistent\/wireproof\/paragraphs\.jsonl/);
  });
});

const built = existsSync(join(ROOT, 'dist', 'eval', 'index.js'));

describe('runEval on data that exists but cannot be used: an input error naming the file', () => {
  const dir = mkdtempSync(join(tmpdir(), 'wireproof-eval-bad-'));
  const empty = join(dir, 'empty.jsonl');
  writeFileSync(empty, '\n\n');
  const broken = join(dir, 'broken.jsonl');
  writeFileSync(broken, '{"id": 1}\n{oops\n');
  it.each([
    ['an empty file', empty, /empty\.jsonl: no evaluation rows/],
    ['a folder', dir, /wireproof-eval-bad-\w+: cannot read \(is a directory\)/],
    ['a line that is not a row', broken, /broken\.jsonl:1: /],
  ])('%s', async (_name, data, message) => {
    await expect(runEval({ data, out: join(dir, 'out.json') })).rejects.toThrow(message);
    expect(existsSync(join(dir, 'out.json'))).toBe(false);
  });

  (built ? it : it.skip)('scripts/eval.mjs and `wireproof eval` exit 2 with one line', () => {
    for (const argv of [[join(ROOT, 'scripts', 'eval.mjs'), '--data', empty], [join(ROOT, 'dist', 'cli', 'bin.cjs'), 'eval', '--data', empty]]) {
      const run = spawnSync(process.execPath, argv, { encoding: 'utf8', cwd: dir });
      expect(run.status).toBe(2);
      expect(run.stderr.trimEnd().split('\n')).toEqual([expect.stringMatching(/empty\.jsonl: no evaluation rows/)]);
    }
  });
});

describe.each([
  ['scripts/eval.mjs', /no evaluation data/],
  ['scripts/fit.mjs', /no training data .* model left unchanged/],
])('%s without data', (script, message) => {
  (built ? it : it.skip)('exits 0 with a message', () => {
    const run = spawnSync(process.execPath, [join(ROOT, script), '--data', MISSING], { encoding: 'utf8' });
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(message);
  });
});

describe('runEval on a small synthetic data set', () => {
  it('writes every table: paragraphs, WMT22 apart, documents, how often each rule fires', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'wireproof-eval-'));
    const rows = syntheticRows(11);
    // System A leaves a broken elision in every paragraph, a machine-pipeline artefact; nobody else does.
    for (const row of rows) row.variants[1]!.text = row.variants[1]!.text.replace(/^(\S+ \S+)/u, "$1 d 'utiliser");
    const data = join(dir, 'paragraphs.jsonl');
    writeFileSync(data, rows.map((r) => JSON.stringify(r)).join('\n') + '\n');
    const model = join(dir, 'fr.json');
    writeFileSync(model, serializeModel(fitModel(data, { ...DEFAULT_CONFIG, wordBuckets: 256, charBuckets: 512, maxIterations: 100 }).file));
    const out = join(dir, 'eval.json');

    const result = await runEval({ data, model, out, skipLoso: true, seeds: [] });
    if (result.skipped) throw new Error(result.message);
    const shares = result.json['ruleShares'] as Record<string, Record<string, number>>;
    expect(shares['broken-apostrophe']!['wmt21-newstest2021 / machine_translation']).toBeCloseTo(0.5, 5);
    expect(shares['broken-apostrophe']!['wmt22-generaltest2022 / human_translation']).toBe(0);
    expect(shares['intrinsic-style']).toBeUndefined();
    const documents = result.json['documents'] as { calibrationSplit: Record<string, { positives: number; negatives: number }>; wmt22: Record<string, unknown> };
    expect(Object.keys(documents.calibrationSplit).every((k) => !k.startsWith('wmt22'))).toBe(true);
    expect(documents.calibrationSplit['wmt14-newstest2014 / human_translation']).toBeDefined();
    expect(Object.keys(documents.wmt22)).toEqual(['human_translation']);
    expect(result.markdown).toMatch(/## HELD OUT: WMT22 documents/);
    expect(result.markdown).toMatch(/## How often each rule fires[^\n]*\n\n\| rule \| WMT14 en→fr: human translation \|/);
    expect(result.markdown).toMatch(/\| broken-apostrophe \| 0\.0 % \| 50\.0 % \|/);
    expect(JSON.parse(readFileSync(out, 'utf8'))).toEqual(result.json);
    expect(readFileSync(join(dir, 'eval.md'), 'utf8')).toBe(result.markdown);

    // `wireproof eval` without --out writes reports/ in the working folder (an installed package's folder is not
    // the user's), and prints the same tables.
    const work = mkdtempSync(join(tmpdir(), 'wireproof-eval-cwd-'));
    const io = fakeIo({}, work);
    expect(await run(['eval', '--data', data, '--model', model, '--skip-loso'], io)).toBe(0);
    expect(JSON.parse(readFileSync(join(work, 'reports', 'eval.json'), 'utf8'))['data']).toEqual(result.json['data']);
    expect(io.out.join('')).toContain('## HELD OUT: WMT22 documents');
  }, 60_000);
});
