// Writing a batch's outputs: long legal names are written; a report that cannot be written is that input's error, the run goes on.
import { describe, expect, test } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BatchSummary } from '../../src/batch/types.js';
import { HUMAN_WIRE, listFiles, MACHINE_WIRE, makeTree, runCli } from './helpers.js';

function summaryOf(root: string, out = 'out'): BatchSummary {
  return JSON.parse(readFileSync(join(root, out, 'summary.json'), 'utf8')) as BatchSummary;
}

describe('batch: long names', () => {
  test.each([
    ['249 bytes (a 250-byte report name)', `${'a'.repeat(245)}.txt`, `${'a'.repeat(245)}.json`],
    ['251 bytes (a 252-byte report name)', `${'é'.repeat(123)}.md`, `${'é'.repeat(123)}.json`],
  ])('an input name of %s gets its report; the other inputs too; no temporary file is left', async (_what, name, report) => {
    const root = makeTree({ [`in/${name}`]: HUMAN_WIRE, 'in/short.txt': MACHINE_WIRE });
    const { code, io } = await runCli(['batch', 'in', '--out', 'out', '--concurrency', '1'], root);
    expect(io.err.join('')).toBe('2 reports written to out (0 reused from cache, 0 unreadable)\n');
    expect(code).toBe(0);
    // Entries are in code-unit order of their paths: `é` sorts after `s`.
    const listed = [
      [`in/${name}`, report, null],
      ['in/short.txt', 'short.json', null],
    ].sort(([a], [b]) => (String(a) < String(b) ? -1 : 1));
    expect(summaryOf(root).entries.map((e) => [e.path, e.report, e.error])).toEqual(listed);
    expect(listFiles(join(root, 'out'))).toEqual(['.wireproof-cache.json', report, 'index.html', 'short.json', 'summary.csv', 'summary.json'].sort());
  });
});
