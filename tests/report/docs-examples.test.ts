// The format pages' examples are what the formatters print for the wire they show (they had gone stale: a CI review, 2026-12-08).
import { describe, expect, test } from '@jest/globals';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run } from '../../src/cli/main.js';
import { fakeIo } from '../support/io.js';

/** The fenced blocks of a Markdown page, in order. */
function blocks(page: string): string[] {
  return [...page.matchAll(/^```[a-z]*\n([\s\S]*?)^```$/gm)].map((m) => m[1]!);
}

const unix = readFileSync('docs/formats/unix.md', 'utf8');
const wire = blocks(unix.slice(unix.indexOf('## Example')))[0]!;

async function output(format: string): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'wireproof-docs-'));
  mkdirSync(join(dir, 'wires'));
  writeFileSync(join(dir, 'wires', 'small.txt'), wire);
  const io = fakeIo({}, dir);
  expect(await run(['check', 'wires/small.txt', 'wires/missing.txt', '-f', format], io)).toBe(2);
  return io.out.join('');
}

describe('docs/formats examples', () => {
  test('unix.md: the output shown is the output', async () => {
    const shown = blocks(unix.slice(unix.indexOf('## Example')))[1]!;
    expect(`$ wireproof check wires/small.txt wires/missing.txt --format unix\n${await output('unix')}`).toBe(shown);
  });

  test('markdown.md: the output shown is the output', async () => {
    const page = readFileSync('docs/formats/markdown.md', 'utf8');
    expect(await output('markdown')).toBe(blocks(page.slice(page.indexOf('## Example')))[0]);
  });

  test('sarif.md: the result shown is the calque result, and the rules listed are the run’s', async () => {
    const page = readFileSync('docs/formats/sarif.md', 'utf8');
    const shown = JSON.parse(blocks(page.slice(page.indexOf('## Example')))[0]!) as { runs: Array<{ results: unknown[] }> };
    const sarif = JSON.parse(await output('sarif')) as { runs: Array<{ results: Array<{ ruleId: string }>; tool: { driver: { rules: Array<{ id: string }> } } }> };
    const calque = sarif.runs[0]!.results.find((r) => r.ruleId === 'calque');
    expect({ ...calque, ruleIndex: 0 }).toEqual(shown.runs[0]!.results[0]);
    const listed = /\(the run also lists ([^)]*)\)/.exec(page)![1]!.match(/`([a-z-]+)`/g)!.map((m) => m.slice(1, -1));
    expect(sarif.runs[0]!.tool.driver.rules.map((r) => r.id).filter((id) => id !== 'calque')).toEqual(listed);
  });
});
