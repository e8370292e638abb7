// Batch reads the configuration file as `check` does: each JSON report is what `check FILE --format json` prints, and settings that change reports are in the cache key.
import { describe, expect, test } from '@jest/globals';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { run } from '../../src/cli/main.js';
import { fakeIo } from '../support/io.js';
import { makeTree, runCli } from './helpers.js';

const SEED_003 = readFileSync('seeds/003_86d609dcec19a228.txt', 'utf8');

/** What `wireproof check a.txt --format json` prints in `root`. */
async function checkJson(root: string): Promise<string> {
  const io = fakeIo({}, root);
  await run(['check', 'a.txt', '--format', 'json'], io);
  return io.out.join('');
}

function lastLine(err: string[]): string {
  return err.join('').trimEnd().split('\n').at(-1)!;
}

/** A house formula for a phrase of seed 003 ("une alliance militaire de 32 membres"), found only when loaded. */
const REFERENCE = JSON.stringify({
  id: 'TEST-ALLIANCE',
  language: 'fr',
  canonical: ['une alliance de défense de trente-deux pays'],
  variants: ['une alliance militaire de 32 membres'],
  source: 'a 32-member military alliance',
  tags: ['inferred'],
  evidence: 'test',
});

describe('batch and the configuration file', () => {
  test.each([
    ['thresholds.driftSimilarity', { thresholds: { driftSimilarity: 0.1 } }, {}],
    ['thresholds.phrasingMatch', { thresholds: { phrasingMatch: 0.5 } }, {}],
    ['references', { references: ['refs/house.jsonl'] }, { 'refs/house.jsonl': `${REFERENCE}\n` }],
  ])('%s: the batch report is exactly what check --format json prints', async (_what, config, files: Record<string, string>) => {
    const root = makeTree({ 'a.txt': SEED_003, ...files });
    const plain = await checkJson(root);
    writeFileSync(join(root, '.wireproofrc.json'), JSON.stringify(config));
    const configured = await checkJson(root);
    // The setting changes check's report on this seed; otherwise the comparison below would prove nothing.
    expect(configured).not.toBe(plain);
    expect((await runCli(['batch', 'a.txt', '--out', 'out', '--concurrency', '1'], root)).code).toBe(0);
    expect(readFileSync(join(root, 'out', 'a.json'), 'utf8')).toBe(configured);
  });

  test('changing thresholds invalidates the cached reports; the same thresholds reuse them', async () => {
    const root = makeTree({ 'a.txt': SEED_003 });
    const args = ['batch', 'a.txt', '--out', 'out', '--concurrency', '1'];
    expect(lastLine((await runCli(args, root)).io.err)).toContain('(0 reused from cache');
    expect(lastLine((await runCli(args, root)).io.err)).toContain('(1 reused from cache');
    writeFileSync(join(root, '.wireproofrc.json'), JSON.stringify({ thresholds: { driftSimilarity: 0.1 } }));
    expect(lastLine((await runCli(args, root)).io.err)).toContain('(0 reused from cache');
    expect(readFileSync(join(root, 'out', 'a.json'), 'utf8')).toBe(await checkJson(root));
    expect(lastLine((await runCli(args, root)).io.err)).toContain('(1 reused from cache');
    writeFileSync(join(root, '.wireproofrc.json'), JSON.stringify({ thresholds: { driftSimilarity: 0.1, phrasingMatch: 0.5 } }));
    expect(lastLine((await runCli(args, root)).io.err)).toContain('(0 reused from cache');
    expect(readFileSync(join(root, 'out', 'a.json'), 'utf8')).toBe(await checkJson(root));
  });
});

describe('batch and bad reference phrasings', () => {
  test('a broken references file is a configuration error: one line naming it, exit 2, as check says', async () => {
    const root = makeTree({ 'a.txt': SEED_003, 'refs.jsonl': '{"id": "X", \n', '.wireproofrc.json': JSON.stringify({ references: ['refs.jsonl'] }) });
    const io = fakeIo({}, root);
    expect(await run(['check', 'a.txt', '--format', 'json'], io)).toBe(2);
    const { code, io: batchIo } = await runCli(['batch', 'a.txt', '--out', 'out', '--concurrency', '1'], root);
    expect(code).toBe(2);
    expect(batchIo.err.join('')).toBe(io.err.join(''));
    expect(batchIo.err.join('')).toMatch(/^wireproof: \S*refs\.jsonl:1: [^\n]+\n$/);
  });
});

describe('batch: language codes are checked as check checks them', () => {
  test.each([
    [['--language', 'french'], {}, 'wireproof: --language: unknown language code "french"'],
    [[], { languages: ['xx'] }, '.wireproofrc.json: unknown language code "xx"'],
  ])('%j %j: exit 2, one line naming the origin, nothing written', async (flags, config, expected) => {
    const root = makeTree({ 'a.txt': SEED_003, '.wireproofrc.json': JSON.stringify(config) });
    const { code, io } = await runCli(['batch', 'a.txt', '--out', 'out', ...flags], root);
    expect(code).toBe(2);
    expect(io.err.join('')).toContain(expected);
    expect(io.err.join('').trimEnd().split('\n')).toHaveLength(1);
  });
});
