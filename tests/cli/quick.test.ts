// The command lines read without yargs (src/cli/quick.ts): each answer equals what yargs hands the check command, on a table and on random command lines, and run() reports the same either way.
import { describe, expect, test } from '@jest/globals';
import fc from 'fast-check';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CheckArgs } from '../../src/cli/check.js';
import { run } from '../../src/cli/main.js';
import { quickCheckArgs } from '../../src/cli/quick.js';
import { WireproofError } from '../../src/types.js';
import { fakeIo } from '../support/io.js';

/** Every argument runCheck reads (the compiler keeps this list complete: see `complete` below). */
const KEYS = [
  'files',
  'format',
  'outputFile',
  'failOn',
  'quiet',
  'maxWarnings',
  'color',
  'rule',
  'language',
  'prior',
  'inputFormat',
  'corpora',
  'config',
  'baseline',
  'updateBaseline',
  'source',
  'references',
  'stdinFilename',
] as const satisfies readonly (keyof CheckArgs)[];
const complete: Exclude<keyof CheckArgs, (typeof KEYS)[number]> extends never ? true : false = true;

/** The check command's arguments as the check command receives them (undefined: it did not run), and the outcome. */
async function received(argv: string[], quick: boolean): Promise<{ args?: Partial<CheckArgs>; code: number; err: string; out: string }> {
  let args: Partial<CheckArgs> | undefined;
  const io = fakeIo();
  const code = await run(argv, io, {
    quick,
    check: async (a) => {
      args = Object.fromEntries(KEYS.map((k) => [k, a[k]]).filter(([, v]) => v !== undefined)) as Partial<CheckArgs>;
      return 0;
    },
  });
  return { args, code, err: io.err.join(''), out: io.out.join('') };
}

describe('quickCheckArgs', () => {
  test.each([
    [['check', 'a.txt'], { files: ['a.txt'], format: 'text', quiet: false, rule: [], inputFormat: 'auto' }],
    [['a.txt', 'b.html', '-'], { files: ['a.txt', 'b.html', '-'], format: 'text', quiet: false, rule: [], inputFormat: 'auto' }],
    [['check', 'seeds/000.txt', '--format', 'json'], { files: ['seeds/000.txt'], format: 'json', quiet: false, rule: [], inputFormat: 'auto' }],
    [['check', '-f', 'sarif', 'x.txt', '--output-file', 'out.sarif', '--quiet'], { files: ['x.txt'], format: 'sarif', outputFile: 'out.sarif', quiet: true, rule: [], inputFormat: 'auto' }],
    [['check', '--format=./my-formatter.mjs', '-o', 'r.txt', '2024-11-24-wire.txt'], { files: ['2024-11-24-wire.txt'], format: './my-formatter.mjs', outputFile: 'r.txt', quiet: false, rule: [], inputFormat: 'auto' }],
  ])('%j is read here', (argv, expected) => {
    expect(quickCheckArgs(argv)).toEqual(expected);
  });

  test.each([
    [[]],
    [['check']],
    [['--help']],
    [['check', 'a.txt', '--help']],
    [['--version']],
    [['compare', 'a.txt', 'b.txt']],
    [['batch', 'dir']],
    [['check', 'compare']],
    [['check', 'a.txt', '--rule', 'calque=off']],
    [['check', 'a.txt', '--format', 'json', '--format', 'text']],
    [['check', 'a.txt', '--format']],
    [['check', 'a.txt', '--format', '--quiet']],
    [['check', 'a.txt', '--format=']],
    [['check', 'a.txt', '--quiet', '--quiet']],
    [['check', 'a.txt', '--no-quiet']],
    [['check', 'a.txt', '--quiet=true']],
    [['check', '--', 'a.txt']],
    [['check', '2024']],
    [['check', 'true']],
    [['check', 'my wire.txt']],
    [['check', '']],
    [['check', 'a.txt', '-fo', 'x']],
    [['help']],
    [['check', 'a.txt', 'help']],
    [['a.txt', "--format='json'"]],
    [['a.txt', '--output-file="o.json"']],
    [['a.txt', '-f', '"json"']],
  ])('%j is left to yargs', (argv) => {
    expect(quickCheckArgs(argv)).toBeUndefined();
  });

  test('the list of arguments compared below is complete', () => {
    expect(complete).toBe(true);
  });

  test('table: the check command receives the same arguments either way', async () => {
    const lines = [
      ['check', 'a.txt'],
      ['a.txt', 'b.html', '-'],
      ['check', '-'],
      ['check', 'seeds/000.txt', '--format', 'json'],
      ['check', '-f', 'sarif', 'x.txt', '--output-file', 'out.sarif', '--quiet'],
      ['x.txt', '--quiet', '-o', 'out.json', '-f', 'json', 'y.txt'],
      ['check', '--format=./my-formatter.mjs', '-o', 'r.txt', '2024-11-24-wire.txt'],
      ['check', '--output-file=reports/r.html', 'a.txt', '--format=html'],
      ['check', 'é-dépêche.txt', 'Ünïcode/путь.txt', '--format', 'markdown'],
    ];
    for (const argv of lines) {
      expect(quickCheckArgs(argv)).toBeDefined();
      const viaYargs = await received(argv, false);
      expect(viaYargs.args).toBeDefined();
      expect(await received(argv, true)).toEqual(viaYargs);
    }
  });

  test('random command lines: whatever is read here, yargs reads the same', async () => {
    const word = fc.oneof(
      fc.constantFrom('check', 'compare', 'help', 'a.txt', 'b.html', '-', '--', 'json', 'text', 'x/y.txt', '2024-11-24.txt', '12', '0x1f', 'true', 'é.txt', 'a b', "'q.txt'", '"json"'),
      fc.constantFrom('--format', '-f', '--output-file', '-o', '--quiet', '--format=json', "--format='json'", '--format="text', '--output-file=o.txt', '--output-file="o.txt"', '--quiet=false', '--no-quiet', '--help', '-q', '--rule', 'calque=off'),
      fc.string({ maxLength: 6 }),
    );
    let read = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(word, { maxLength: 7 }), async (argv) => {
        const quick = quickCheckArgs(argv);
        if (quick === undefined) return;
        read++;
        const viaYargs = await received(argv, false);
        expect(viaYargs.code).toBe(0);
        expect(viaYargs.args).toEqual(quick);
      }),
      { numRuns: 400, seed: 20261124 },
    );
    // The property must have been exercised, not vacuously true.
    expect(read).toBeGreaterThan(40);
  });

  test('errors of the check command are reported the same either way', async () => {
    const argv = ['check', 'a.txt', '--format', 'json'];
    const failures: unknown[] = [
      new WireproofError('a.txt: cannot read the configuration', 'config'),
      new Error('something broke'),
      new Error('two\n  lines '),
      new WireproofError('two\n  lines ', 'unreadable'),
      'a thrown string',
      { message: 'an object with a message' },
      42,
    ];
    for (const failure of failures) {
      const outcome = async (quick: boolean) => {
        const io = fakeIo();
        const code = await run(argv, io, {
          quick,
          check: async () => {
            throw failure;
          },
        });
        return { code, err: io.err.join(''), out: io.out.join('') };
      };
      const viaYargs = await outcome(false);
      expect(viaYargs.code).toBe(2);
      expect(await outcome(true)).toEqual(viaYargs);
    }
  });

  test('a real check prints the same either way (files, stdin-less inputs, an output file, a missing file)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'wireproof-quick-'));
    const wire = join(dir, 'wire.txt');
    writeFileSync(wire, "Le groupe a relevé mardi ses prévisions annuelles.\n\n(Rapport de Jane Doe; édition de John Roe)\n");
    for (const argv of [
      ['check', 'seeds/003_86d609dcec19a228.txt', '--format', 'json'],
      ['seeds/000_22f5c933d92a2ddd.txt', wire, '-f', 'text', '--quiet'],
      ['check', wire, 'no/such/file.txt', '--format', 'json'],
      ['check', wire, '--format', 'no-such-formatter'],
    ]) {
      const outcome = async (quick: boolean) => {
        const io = fakeIo();
        const code = await run(argv, io, { quick });
        return { code, err: io.err.join(''), out: io.out.join('') };
      };
      expect(await outcome(true)).toEqual(await outcome(false));
    }
    const a = join(dir, 'a.json');
    const b = join(dir, 'b.json');
    expect(await run(['check', wire, '-f', 'json', '-o', a], fakeIo(), { quick: true })).toBe(await run(['check', wire, '-f', 'json', '-o', b], fakeIo(), { quick: false }));
    expect(readFileSync(a, 'utf8')).toBe(readFileSync(b, 'utf8'));
  });
});
