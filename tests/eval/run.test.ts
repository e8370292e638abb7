// Evaluation skips cleanly without the research data (CI has none).
import { describe, expect, it } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { runEval } from '../../src/eval/run.js';

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
