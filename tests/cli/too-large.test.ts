// A report over V8's string limit: one clear line (check) or the input's own error (batch), never "Invalid string length" alone.
import { describe, expect, jest, test } from '@jest/globals';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// A 16 MB file of noisy copy makes a JSON report over 2^29 characters (review, 2026-12-07); building one here would
// take half a minute, so the JSON formatter throws what JSON.stringify throws then.
jest.unstable_mockModule('../../src/report/json.js', () => ({
  format: () => {
    throw new RangeError('Invalid string length');
  },
}));
const { run } = await import('../../src/cli/main.js');
const { processTask } = await import('../../src/batch/task.js');
const { fakeIo } = await import('../support/io.js');

const SEED_000 = 'seeds/000_22f5c933d92a2ddd.txt';

describe('a report too large to write', () => {
  test('check: exit 2, one line naming the largest input and what to do', async () => {
    const io = fakeIo();
    expect(await run(['check', SEED_000, '-f', 'json'], io)).toBe(2);
    expect(io.err.join('')).toBe(
      `wireproof: the json report is too large to write (over 512 MiB of text; largest input ${SEED_000} (13 paragraphs)): use --format unix, --quiet, or check fewer or smaller files\n`,
    );
    expect(io.out).toEqual([]);
  });

  test('batch: the input is listed with why, nothing is written for it, and the run goes on', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'wireproof-large-')), 'r.json');
    const outcome = await processTask({
      file: 'big.txt',
      input: 'Le Pentagone envisage de rompre avec Anthropic, selon un responsable.\n',
      options: {},
      outputs: { json: out },
      cwd: process.cwd(),
      version: '0',
    });
    expect(outcome.error).toEqual({ code: 'internal', message: 'big.txt: report too large to write (1 paragraph, over 512 MiB of text): split the file' });
    expect(existsSync(out)).toBe(false);
  });
});
