// Evaluation: skips cleanly without the research data (CI has none), and writes every table on a synthetic set.
import { describe, expect, it } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_CONFIG, fitModel, serializeModel } from '../../src/eval/fit.js';
import { runEval } from '../../src/eval/run.js';
import { syntheticRows } from '../support/eval-data.js';

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
  }, 60_000);
});
