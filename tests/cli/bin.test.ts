// The installed binary (package.json's bin, dist/cli/bin.cjs, built by `npm ci` through `prepare`): stdin, stdout and
// stderr split, the bundled CLI loaded from its code cache, dynamic imports from cached code, and a fallback without it.
import { describe, expect, test } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { closeSync, copyFileSync, existsSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { freshDist } from '../support/dist.js';

const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { bin: { wireproof: string } };
const BIN = freshDist(pkg.bin.wireproof);
const BUNDLE = freshDist('dist/bundle/wireproof.cjs');
const TSC_MAIN = freshDist('dist/cli/main.js');
const built = BIN !== null && BUNDLE !== null && TSC_MAIN !== null;
if (!built) console.warn('skipping binary tests: dist/ is missing or older than src/ (run npm run build)');
const maybe = built ? test : test.skip;

function node(args: string[], options: { input?: string; cwd?: string } = {}): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, args, { input: options.input, cwd: options.cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

const wireproof = (args: string[], input?: string) => node([BIN!, ...args], { input });

describe('bin', () => {
  maybe('reads standard input with -', () => {
    const seed = readFileSync('seeds/000_22f5c933d92a2ddd.txt', 'utf8');
    const r = wireproof(['check', '-', '--format', 'json'], seed);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const [report] = JSON.parse(r.stdout) as { file: string; verdict: string }[];
    expect(report).toMatchObject({ file: '<stdin>', verdict: 'declared-machine' });
  });

  // A report lost on a full disk is an error (a review, 2026-12-07: exit 0, nothing said); a closed pipe is not.
  (built && existsSync('/dev/full') ? test : test.skip)('a report standard output cannot take: exit 2 and one line; a closed pipe: quiet', () => {
    for (const args of [['check', 'seeds/000_22f5c933d92a2ddd.txt', '-f', 'json'], ['compare', 'seeds/000_22f5c933d92a2ddd.txt', 'seeds/003_86d609dcec19a228.txt']]) {
      const full = openSync('/dev/full', 'w');
      try {
        const r = spawnSync(process.execPath, [BIN!, ...args], { stdio: ['ignore', full, 'pipe'], encoding: 'utf8' });
        expect(r.status).toBe(2);
        expect(r.stderr).toBe('wireproof: cannot write to standard output (no space left on device)\n');
      } finally {
        closeSync(full);
      }
    }
    // A regular file that cannot take it all (here a file-size limit; a filling disk alike): Node's stream took the
    // short write for success (a second review, 2026-12-07: 28,672 of 252,392 bytes, exit 0).
    const dir = mkdtempSync(join(tmpdir(), 'wireproof-full-'));
    try {
      const limited = spawnSync('sh', ['-c', `ulimit -f 8; "${process.execPath}" "${BIN!}" check seeds/000_22f5c933d92a2ddd.txt -f json > "${join(dir, 'r.json')}"`], { encoding: 'utf8' });
      expect(limited.status).toBe(2);
      expect(limited.stderr).toBe('wireproof: cannot write to standard output (file too large)\n');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    const piped = spawnSync('sh', ['-c', `"${process.execPath}" "${BIN!}" check seeds/000_22f5c933d92a2ddd.txt -f json | head -c 1 >/dev/null`], { encoding: 'utf8' });
    expect(piped.stderr).toBe('');
  });

  maybe('standard input redirected from a folder is an input error, not an empty wire (review)', () => {
    const folder = openSync('seeds', 'r');
    try {
      const r = spawnSync(process.execPath, [BIN!, 'check', '-', '-f', 'json'], { stdio: [folder, 'pipe', 'pipe'], encoding: 'utf8' });
      expect(r.status).toBe(2);
      expect(r.stderr).toBe('wireproof: <stdin>: is a directory\n');
      expect((JSON.parse(r.stdout) as { error?: { code: string } }[])[0]!.error?.code).toBe('is-directory');
    } finally {
      closeSync(folder);
    }
  });

  maybe('prints its version and help on stdout, nothing on stderr', () => {
    const v = wireproof(['--version']);
    expect(v.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
    const h = wireproof(['check', '--help']);
    expect(h.stdout).toMatch(/--format/);
    expect(h.status).toBe(0);
  });

  maybe('a missing file: exit 2, one line on stderr, no stack trace', () => {
    const r = wireproof(['check', 'no/such/file.txt']);
    expect(r.status).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/no\/such\/file\.txt/);
  });

  maybe('prints what the unbundled CLI prints, byte for byte', () => {
    for (const format of ['json', 'text', 'sarif']) {
      const args = ['check', 'seeds/000_22f5c933d92a2ddd.txt', 'seeds/003_86d609dcec19a228.txt', '--format', format];
      const bundled = wireproof(args);
      const plain = node([TSC_MAIN!, ...args]);
      expect(bundled.stdout).toBe(plain.stdout);
      expect(bundled.stderr).toBe(plain.stderr);
      expect(bundled.status).toBe(plain.status);
    }
  });

  maybe("identifies languages as the unbundled CLI does (franc's models read on demand from dist/franc-data)", () => {
    const dir = mkdtempSync(join(tmpdir(), 'wireproof-bin-lang-'));
    const file = join(dir, 'languages.txt');
    writeFileSync(
      file,
      [
        'The company said on Tuesday that it expected revenue to grow by five percent this year, helped by demand in Europe.',
        'Das Unternehmen teilte am Dienstag mit, dass es in diesem Jahr mit einem Umsatzwachstum von fünf Prozent rechne.',
        'La empresa dijo el martes que esperaba que sus ingresos crecieran un cinco por ciento este año gracias a Europa.',
        "L'azienda ha dichiarato martedì di aspettarsi una crescita dei ricavi del cinque per cento quest'anno in Europa.",
        'A empresa disse na terça-feira que espera que a receita cresça cinco por cento este ano, ajudada pela Europa.',
        'Het bedrijf zei dinsdag dat het dit jaar een omzetgroei van vijf procent verwacht, geholpen door de vraag in Europa.',
        "L'entreprise a déclaré mardi qu'elle s'attendait à une hausse de cinq pour cent de son chiffre d'affaires cette année.",
      ].join('\n\n'),
    );
    for (const languages of [[], ['--language', 'fr', 'en', 'de', 'es', 'it', 'pt', 'nl', 'pl', 'sv']]) {
      const args = ['check', file, '--format', 'json', ...languages];
      const bundled = wireproof(args);
      expect(bundled.stderr).toBe('');
      expect(bundled.stdout).toBe(node([TSC_MAIN!, ...args]).stdout);
    }
    const report = JSON.parse(wireproof(['check', file, '--format', 'json']).stdout) as { paragraphs: { language: string }[] }[];
    expect(report[0]!.paragraphs.map((p) => p.language)).toEqual(['en', 'de', 'es', 'it', 'pt', expect.any(String), 'fr']);
    rmSync(dir, { recursive: true, force: true });
  });

  maybe('loads the bundle from the code cache made at build time', () => {
    const r = node(['-e', `const { loadBundle } = require(${JSON.stringify(BIN)}); process.stdout.write(String(loadBundle().cacheUsed));`]);
    expect(r.stdout).toBe('true');
  });

  maybe('imports a formatter module from cached code (dynamic import through the bin)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'wireproof-bin-'));
    const formatter = join(dir, 'count.mjs');
    writeFileSync(formatter, 'export default (reports) => `${reports.length} ${reports[0].verdict}\\n`;\n');
    const r = wireproof(['check', 'seeds/000_22f5c933d92a2ddd.txt', '--format', formatter]);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('1 declared-machine\n');
  });

  maybe("lets a formatter's unfinished work complete before the process ends", () => {
    const dir = mkdtempSync(join(tmpdir(), 'wireproof-bin-late-'));
    const formatter = join(dir, 'late.mjs');
    writeFileSync(
      formatter,
      "import { writeFile } from 'node:fs/promises';\n" +
        `export default (reports) => { writeFile(${JSON.stringify(join(dir, 'side.txt'))}, 'x'); setTimeout(() => writeFile(${JSON.stringify(join(dir, 'late.txt'))}, 'y'), 30); return 'ok\\n'; };\n`,
    );
    const r = wireproof(['check', 'seeds/000_22f5c933d92a2ddd.txt', '--format', formatter]);
    expect(r.stdout).toBe('ok\n');
    expect(readFileSync(join(dir, 'side.txt'), 'utf8')).toBe('x');
    expect(readFileSync(join(dir, 'late.txt'), 'utf8')).toBe('y');
  });

  maybe('runs a batch on worker threads from cached code', () => {
    const dir = mkdtempSync(join(tmpdir(), 'wireproof-bin-batch-'));
    const seeds = ['seeds/000_22f5c933d92a2ddd.txt', 'seeds/003_86d609dcec19a228.txt'];
    for (let i = 0; i < 20; i++) copyFileSync(seeds[i % 2]!, join(dir, `wire-${i}.txt`));
    const r = node([BIN!, 'batch', dir, '--out', join(dir, 'out'), '--concurrency', '2'], { cwd: dir });
    expect(r.stderr).toMatch(/20 reports written/);
    expect(r.status).toBe(0); // report generation: findings alone exit 0 (docs/batch.md)
    const summary = JSON.parse(readFileSync(join(dir, 'out', 'summary.json'), 'utf8')) as { totals: { reports: number }; run: { threads: number } };
    expect(summary.totals.reports).toBe(20);
    expect(summary.run.threads).toBe(2);
  });

  maybe('compiles from source when the cache belongs to another build or is damaged', () => {
    // A copy beside the real bundle (paths to corpora and package.json are relative to it), removed afterwards.
    const bundle = join(BUNDLE!, '..', `wireproof-test-${process.pid}.cjs`);
    copyFileSync(BUNDLE!, bundle);
    const cache = readFileSync(`${BUNDLE!}.cache`);
    const seed = resolve('seeds/000_22f5c933d92a2ddd.txt');
    const load = (): { status: number | null; stdout: string; stderr: string } =>
      node([
        '-e',
        `const { loadBundle } = require(${JSON.stringify(BIN)}); const l = loadBundle(${JSON.stringify(bundle)});` +
          `l.exports.run(['check', ${JSON.stringify(seed)}, '--format', 'json'], { stdout: (t) => process.stdout.write(t), stderr: (t) => process.stderr.write(t), env: {}, stdoutIsTTY: false, stderrIsTTY: false, cwd: process.cwd() })` +
          `.then(() => process.stderr.write('cache ' + l.cacheUsed));`,
      ]);
    try {
      const expected = wireproof(['check', seed, '--format', 'json']).stdout;
      // Another build: the same V8 data behind a different build line.
      writeFileSync(`${bundle}.cache`, Buffer.concat([Buffer.from('// wireproof bundle 0000\n'), cache.subarray(cache.indexOf(10) + 1)]));
      let r = load();
      expect(r.stderr).toBe('cache false');
      expect(r.stdout).toBe(expected);
      // Damaged: the right build line, then bytes V8 rejects.
      writeFileSync(`${bundle}.cache`, Buffer.concat([cache.subarray(0, cache.indexOf(10) + 1), Buffer.alloc(4096, 7)]));
      r = load();
      expect(r.stderr).toBe('cache false');
      expect(r.stdout).toBe(expected);
      // The same cache and bundle under the copy's name: used.
      copyFileSync(`${BUNDLE!}.cache`, `${bundle}.cache`);
      r = load();
      expect(r.stderr).toBe('cache true');
      expect(r.stdout).toBe(expected);
      // The bundle edited after the build, same length and first line: the cache would run the old code, so it is not used.
      const source = readFileSync(BUNDLE!, 'latin1');
      const edited = source.replace('Sentence left in English', 'Sentence LEFT in English');
      expect(edited.length).toBe(source.length);
      expect(edited).not.toBe(source);
      writeFileSync(bundle, edited, 'latin1');
      r = load();
      expect(r.stderr).toBe('cache false');
    } finally {
      rmSync(bundle, { force: true });
      rmSync(`${bundle}.cache`, { force: true });
    }
  });
});
