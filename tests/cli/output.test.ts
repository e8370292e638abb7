// --output-file: through symbolic links, in place into FIFOs and devices, never over an input, one-line failures.
import { describe, expect, test } from '@jest/globals';
import { spawn, spawnSync, execFileSync } from 'node:child_process';
import { existsSync, lstatSync, mkdtempSync, mkdirSync, readFileSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { run } from '../../src/cli/main.js';
import type { Report } from '../../src/types.js';
import { fakeIo } from '../support/io.js';

const SEED_000 = 'seeds/000_22f5c933d92a2ddd.txt';
const SEED_003 = 'seeds/003_86d609dcec19a228.txt';

function tmp(): string {
  return mkdtempSync(join(tmpdir(), 'wireproof-output-'));
}

describe('--output-file', () => {
  test('a symbolic link is written through: the link stays, its target gets the report', async () => {
    const dir = tmp();
    writeFileSync(join(dir, 'target.json'), 'old');
    symlinkSync('target.json', join(dir, 'link.json'));
    expect(await run(['check', SEED_000, '-f', 'json', '-o', join(dir, 'link.json')], fakeIo())).toBe(0);
    expect(lstatSync(join(dir, 'link.json')).isSymbolicLink()).toBe(true);
    expect((JSON.parse(readFileSync(join(dir, 'target.json'), 'utf8')) as Report[])[0]!.verdict).toBe('declared-machine');
    expect(readdirSync(dir).sort()).toEqual(['link.json', 'target.json']);
  });

  test('a dangling symbolic link creates its target', async () => {
    const dir = tmp();
    symlinkSync('made.json', join(dir, 'link.json'));
    expect(await run(['check', SEED_000, '-f', 'json', '-o', join(dir, 'link.json')], fakeIo())).toBe(0);
    expect(lstatSync(join(dir, 'link.json')).isSymbolicLink()).toBe(true);
    expect(JSON.parse(readFileSync(join(dir, 'made.json'), 'utf8'))).toHaveLength(1);
  });

  test('an output that is one of the inputs, directly or through a link: exit 2, one line, input untouched, no work done', async () => {
    const dir = tmp();
    const wire = join(dir, 'wire.txt');
    writeFileSync(wire, readFileSync(SEED_000));
    symlinkSync('wire.txt', join(dir, 'alias.txt'));
    for (const out of [wire, join(dir, 'alias.txt'), 'wire.txt']) {
      const io = fakeIo({}, dir);
      expect(await run(['check', wire, '-f', 'json', '-o', out], io)).toBe(2);
      expect(io.out).toEqual([]);
      expect(io.err.join('')).toMatch(/^wireproof: --output-file [^\n]*: is one of the inputs \([^\n]*\); inputs are never overwritten\n$/);
      expect(readFileSync(wire)).toEqual(readFileSync(SEED_000));
    }
  });

  test('a FIFO is written in place, not replaced by a regular file', async () => {
    const dir = tmp();
    const fifo = join(dir, 'pipe');
    execFileSync('mkfifo', [fifo]);
    const reader = spawn('cat', [fifo], { stdio: ['ignore', 'pipe', 'inherit'] });
    const chunks: Buffer[] = [];
    reader.stdout.on('data', (c: Buffer) => chunks.push(c));
    const closed = new Promise<number | null>((done) => reader.on('close', done));
    // If the FIFO were renamed over, cat would wait for a writer for ever: end it so the test fails, not hangs.
    const guard = setTimeout(() => reader.kill(), 20_000);
    try {
      expect(await run(['check', SEED_000, '-f', 'json', '-o', fifo], fakeIo())).toBe(0);
      expect(lstatSync(fifo).isFIFO()).toBe(true);
      expect(await closed).toBe(0);
    } finally {
      clearTimeout(guard);
      reader.kill();
    }
    expect((JSON.parse(Buffer.concat(chunks).toString('utf8')) as Report[])[0]!.verdict).toBe('declared-machine');
  });

  test('a folder, or a path under a regular file: exit 2 with one line naming the output and why, no temporary file left', async () => {
    const dir = tmp();
    mkdirSync(join(dir, 'reports'));
    writeFileSync(join(dir, 'plain.txt'), 'x');
    for (const [out, why] of [
      ['reports', 'is a directory'],
      ['plain.txt/report.json', 'a parent is not a folder'],
    ] as const) {
      const io = fakeIo({}, dir);
      expect(await run(['check', join(process.cwd(), SEED_000), '-f', 'json', '-o', out], io)).toBe(2);
      expect(io.err.join('')).toBe(`wireproof: ${out}: cannot write the report (${why})\n`);
    }
    expect(readdirSync(dir).sort()).toEqual(['plain.txt', 'reports']);
    expect(readdirSync(join(dir, 'reports'))).toEqual([]);
  });

  test('/dev/stdout and /dev/stderr go to the command\'s own streams (not reopened: a pipe has no file to open)', async () => {
    for (const [name, stream] of [['/dev/stdout', 'out'], ['/dev/fd/1', 'out'], ['/dev/stderr', 'err']] as const) {
      const io = fakeIo();
      expect(await run(['check', SEED_000, '-f', 'json', '-o', name], io)).toBe(0);
      expect((JSON.parse(io[stream].join('')) as Report[])[0]!.verdict).toBe('declared-machine');
    }
  });

  (existsSync('dist/cli/bin.cjs') ? test : test.skip)('the bin with -o /dev/stdout into a pipe, and appended to a file with >>', () => {
    const dir = tmp();
    const piped = spawnSync('sh', ['-c', `node dist/cli/bin.cjs check ${SEED_000} -f json -o /dev/stdout | cat`], { encoding: 'utf8' });
    expect(piped.status).toBe(0);
    expect((JSON.parse(piped.stdout) as Report[])[0]!.verdict).toBe('declared-machine');
    const log = join(dir, 'log.txt');
    writeFileSync(log, 'first\n');
    const appended = spawnSync('sh', ['-c', `node dist/cli/bin.cjs check ${SEED_000} -f unix -o /dev/stdout >> '${log}'`], { encoding: 'utf8' });
    expect(appended.status).toBe(0);
    expect(readFileSync(log, 'utf8')).toMatch(/^first\n[^\n]*000_22f5c933d92a2ddd\.txt:/);
  });

  test('the source, a reference file, the configuration and standard input are inputs too', async () => {
    const dir = tmp();
    const wire = join(dir, 'wire.txt');
    writeFileSync(wire, readFileSync(SEED_000));
    const source = join(dir, 'orig.en.txt');
    writeFileSync(source, 'The Pentagon said on Tuesday.\n');
    const config = join(dir, 'wireproof.json');
    writeFileSync(config, '{}\n');
    const baseline = join(dir, 'baseline.json');
    expect(await run(['check', wire, '--baseline', baseline, '--update-baseline', '-f', 'json'], fakeIo({}, dir))).toBe(0);
    for (const argv of [
      ['check', wire, '--source', source, '-o', source],
      ['check', wire, '--config', config, '-o', config],
      ['check', wire, '--baseline', baseline, '-o', baseline],
      ['check', wire, '--baseline', 'baseline.json', '--update-baseline', '-o', 'baseline.json'],
    ]) {
      const target = join(dir, basename(argv.at(-1)!));
      const before = readFileSync(target);
      const io = fakeIo({}, dir);
      expect(await run(argv, io)).toBe(2);
      expect(io.err.join('')).toMatch(/is one of the inputs/);
      expect(readFileSync(target)).toEqual(before);
    }
    // --update-baseline never writes over a wire (review, 2026-12-07: a wire named as the baseline was rewritten).
    const overWire = fakeIo({}, dir);
    expect(await run(['check', wire, '--baseline', wire, '--update-baseline', '-f', 'json'], overWire)).toBe(2);
    expect(overWire.err.join('')).toMatch(/^wireproof: --baseline .*wire\.txt: is one of the inputs/);
    expect(readFileSync(wire)).toEqual(readFileSync(SEED_000));
    // …and writes nothing when the report cannot be written (it was written before the report).
    const before = readFileSync(baseline, 'utf8');
    writeFileSync(join(dir, 'throws.mjs'), 'export default () => { throw new Error("boom"); };\n');
    writeFileSync(join(dir, 'other.txt'), readFileSync(SEED_003));
    expect(await run(['check', wire, 'other.txt', '--baseline', baseline, '--update-baseline', '-f', './throws.mjs'], fakeIo({}, dir))).toBe(2);
    expect(readFileSync(baseline, 'utf8')).toBe(before);
    // A baseline that --update-baseline is about to create is refused too.
    const fresh = fakeIo({}, dir);
    expect(await run(['check', wire, '--baseline', 'new-baseline.json', '--update-baseline', '-o', 'new-baseline.json'], fresh)).toBe(2);
    expect(fresh.err.join('')).toBe('wireproof: --output-file new-baseline.json: is the baseline that --update-baseline writes; give another file\n');
    expect(existsSync(join(dir, 'new-baseline.json'))).toBe(false);
    // …also when the two paths reach the same folder through a symbolic link.
    mkdirSync(join(dir, 'sub'));
    symlinkSync('sub', join(dir, 'lnk'));
    const linked = fakeIo({}, dir);
    expect(await run(['check', wire, '--baseline', 'sub/nb.json', '--update-baseline', '-o', 'lnk/nb.json'], linked)).toBe(2);
    expect(linked.err.join('')).toMatch(/is the baseline that --update-baseline writes/);
    expect(existsSync(join(dir, 'sub', 'nb.json'))).toBe(false);
    const viaStdin = spawnSync('sh', ['-c', `node '${join(process.cwd(), 'dist/cli/bin.cjs')}' check - -f json -o wire.txt < wire.txt`], { encoding: 'utf8', cwd: dir });
    if (existsSync('dist/cli/bin.cjs')) {
      expect(viaStdin.status).toBe(2);
      expect(viaStdin.stderr).toMatch(/--output-file wire\.txt: is one of the inputs \(standard input\)/);
      expect(readFileSync(wire)).toEqual(readFileSync(SEED_000));
    }
  });
});

