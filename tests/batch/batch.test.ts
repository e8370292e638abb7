// `wireproof batch`: mirrored reports, unreadable inputs, feeds, hostile names, summaries, dashboard, exit codes.
import { describe, expect, test } from '@jest/globals';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BatchSummary } from '../../src/batch/types.js';
import type { Report } from '../../src/types.js';
import { binaryBytes, HOSTILE_WIRE, HUMAN_WIRE, listFiles, MACHINE_WIRE, makeTree, parseCsv, runCli } from './helpers.js';

const SEED_003 = readFileSync('seeds/003_86d609dcec19a228.txt', 'utf8');

const PAGE = `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>Budget</title></head><body>
<article><h1>Le budget adopté en première lecture</h1>
<p>L'Assemblée nationale a adopté mardi en première lecture le projet de budget pour l'an prochain, par 289 voix contre 250.</p>
<p>Le texte doit maintenant être examiné par le Sénat, où la majorité sénatoriale a promis de nombreux amendements.</p>
</article></body></html>`;

function readJson<T>(path: string): T {
  return JSON.parse(readFileSync(path, 'utf8')) as T;
}

function digest(root: string, files: string[]): Record<string, string> {
  return Object.fromEntries(files.map((f) => [f, createHash('sha256').update(readFileSync(join(root, f))).digest('hex')]));
}

describe('wireproof batch: an archive folder', () => {
  test('one report per input, mirrored; binary listed with its reason; exit 2; dashboard and reports escape article markup', async () => {
    const root = makeTree({
      'archive/2026-01/wire-0001.txt': MACHINE_WIRE,
      'archive/2026-01/wire-0002.txt': HUMAN_WIRE,
      'archive/2026-02/page.html': PAGE,
      'archive/2026-02/notes.md': HOSTILE_WIRE,
      'archive/2026-02/scan.txt': binaryBytes(),
      'archive/2026-02/.draft.txt': HUMAN_WIRE,
      'archive/.git/objects.txt': HUMAN_WIRE,
      'archive/readme.pdf': 'not a wire',
    });
    const inputs = listFiles(join(root, 'archive'));
    const before = digest(join(root, 'archive'), inputs);

    const { code, io } = await runCli(['batch', 'archive', '--out', 'out', '--format', 'json,html', '--concurrency', '1'], root);
    expect(code).toBe(2);

    const out = join(root, 'out');
    expect(listFiles(out)).toEqual([
      '.wireproof-cache.json',
      '2026-01/wire-0001.html',
      '2026-01/wire-0001.json',
      '2026-01/wire-0002.html',
      '2026-01/wire-0002.json',
      '2026-02/notes.html',
      '2026-02/notes.json',
      '2026-02/page.html',
      '2026-02/page.json',
      'index.html',
      'summary.csv',
      'summary.json',
    ]);
    // Inputs are read, never written.
    expect(digest(join(root, 'archive'), inputs)).toEqual(before);

    const summary = readJson<BatchSummary>(join(out, 'summary.json'));
    expect(summary.entries.map((e) => e.path)).toEqual([
      'archive/2026-01/wire-0001.txt',
      'archive/2026-01/wire-0002.txt',
      'archive/2026-02/notes.md',
      'archive/2026-02/page.html',
      'archive/2026-02/scan.txt',
    ]);
    const scan = summary.entries[4]!;
    expect(scan).toMatchObject({ report: null, html: null, verdict: null, error: { code: 'binary' } });
    expect(scan.error!.message).toMatch(/^archive\/2026-02\/scan\.txt: /);
    expect(summary.totals).toMatchObject({ inputs: 5, reports: 4, unreadable: 1 });
    expect(summary.run).toMatchObject({ reused: 0, checked: 5, cache: true });

    // Each JSON report is what `check --format json` prints: an array of one report, named by the input path.
    const first = readJson<Report[]>(join(out, '2026-01/wire-0001.json'));
    expect(first).toHaveLength(1);
    expect(first[0]!.file).toBe('archive/2026-01/wire-0001.txt');
    expect(first[0]!.verdict).toBe(summary.entries[0]!.verdict);
    expect(summary.entries[0]).toMatchObject({ report: '2026-01/wire-0001.json', html: '2026-01/wire-0001.html' });
    expect(readJson<Report[]>(join(out, '2026-02/page.json'))[0]!.format).toBe('html');

    const dashboard = readFileSync(join(out, 'index.html'), 'utf8');
    expect(dashboard.match(/<script/g)).toHaveLength(1);
    expect(dashboard).toContain('href="2026-01/wire-0001.html"');
    expect(dashboard).toContain('<code>binary</code>');
    const notes = readFileSync(join(out, '2026-02/notes.html'), 'utf8');
    expect(notes).not.toContain('<script>alert("x")</script>');
    expect(notes).not.toContain('<img src=x');
    expect(notes).toContain('Le texte contient &lt;script&gt;alert(');
    expect(notes).toContain('&lt;/script&gt;');

    const err = io.err.join('');
    expect(err).toMatch(/^wireproof: archive\/2026-02\/scan\.txt: .*\n/m);
    expect(err.trimEnd().split('\n').at(-1)).toBe('4 reports written to out (0 reused from cache, 1 unreadable)');
    expect(io.out.join('')).toBe('');
    expect(listFiles(root).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  test('findings exit 0 by default; --fail-on error makes an undeclared machine translation exit 1', async () => {
    const root = makeTree({ 'a/seed.txt': SEED_003, 'a/human.txt': HUMAN_WIRE });
    const plain = await runCli(['batch', 'a', '--out', 'out', '--concurrency', '1'], root);
    expect(plain.code).toBe(0);
    const summary = readJson<BatchSummary>(join(root, 'out', 'summary.json'));
    expect(summary.entries.find((e) => e.path === 'a/seed.txt')!.verdict).toBe('undeclared-machine');
    expect(summary.totals.errors).toBeGreaterThan(0);
    expect((await runCli(['batch', 'a', '--out', 'out', '--concurrency', '1', '--fail-on', 'error'], root)).code).toBe(1);
    writeFileSync(join(root, '.wireproofrc.json'), JSON.stringify({ failOn: 'error' }));
    expect((await runCli(['batch', 'a', '--out', 'out', '--concurrency', '1'], root)).code).toBe(1);
    expect((await runCli(['batch', 'a', '--out', 'out', '--concurrency', '1', '--fail-on', 'never'], root)).code).toBe(0);
  });

  test('each input\'s language is listed in summary.json, summary.csv and the dashboard, also when its report is reused', async () => {
    const spanish =
      'El Gobierno español aprobó este martes el proyecto de presupuestos para el próximo año, que prevé un aumento del gasto social y una reducción del déficit público.\n\n' +
      'La ministra de Hacienda defendió ante la prensa que las cuentas son realistas y que permitirán cumplir con los compromisos adquiridos con Bruselas.\n';
    const root = makeTree({ 'a/fr.txt': HUMAN_WIRE, 'a/es.txt': spanish, 'a/scan.txt': binaryBytes() });
    for (const reused of [0, 2]) {
      const { io } = await runCli(['batch', 'a', '--out', 'out', '--concurrency', '1'], root);
      expect(io.err.join('')).toContain(`(${reused} reused from cache, 1 unreadable)`);
      const summary = readJson<BatchSummary>(join(root, 'out', 'summary.json'));
      expect(summary.entries.map((e) => [e.path, e.language])).toEqual([
        ['a/es.txt', 'es'],
        ['a/fr.txt', 'fr'],
        ['a/scan.txt', null],
      ]);
      const csv = parseCsv(readFileSync(join(root, 'out', 'summary.csv'), 'utf8'));
      const col = csv[0]!.indexOf('language');
      expect(csv.slice(1).map((r) => r[col])).toEqual(['es', 'fr', '']);
      const dashboard = readFileSync(join(root, 'out', 'index.html'), 'utf8');
      expect(dashboard).toContain('<button type="button" data-col="6" data-type="text">Language</button>');
      expect(dashboard).toContain('<td data-value="es">es</td>');
    }
  });

  test('globs: matches mirrored from the glob base, a folder matched is listed as unreadable, no match is listed', async () => {
    const root = makeTree({ 'arch/x/one.txt': HUMAN_WIRE, 'arch/y/two.txt': MACHINE_WIRE, 'arch/odd.txt/inner.md': HUMAN_WIRE });
    const { code, io } = await runCli(['batch', 'arch/**/*.txt', 'nothing/*.txt', '--out', 'out', '--concurrency', '1'], root);
    expect(code).toBe(2);
    const summary = readJson<BatchSummary>(join(root, 'out', 'summary.json'));
    expect(summary.entries.map((e) => [e.path, e.report, e.error?.code ?? null])).toEqual([
      ['arch/odd.txt', null, 'is-directory'],
      ['arch/x/one.txt', 'x/one.json', null],
      ['arch/y/two.txt', 'y/two.json', null],
      ['nothing/*.txt', null, 'not-found'],
    ]);
    expect(io.err.join('')).toContain('2 reports written to out (0 reused from cache, 2 unreadable)');
  });
});

describe('wireproof batch: feeds and hostile names', () => {
  test('feed items become DIR/<feed>/<id>.json; hostile ids stay inside DIR; bad lines are listed with line and reason', async () => {
    const ids = ['../../etc/passwd', '/abs', 'a/../../b', 'CON', 'x'.repeat(1000), '<script>alert(1)</script>', 'ok-1', 'nul.json', '..', '.'];
    const lines = ids.map((id, i) => JSON.stringify({ id, text: i % 2 ? HUMAN_WIRE : MACHINE_WIRE }));
    lines.push('{"id": "broken", "text": ');
    lines.push(JSON.stringify({ id: '', text: 'vide' }));
    lines.push(JSON.stringify({ id: 'no-text' }));
    lines.push('');
    lines.push(JSON.stringify({ id: 'ok-1', text: 'doublon' }));
    lines.push(JSON.stringify([1, 2]));
    lines.push(JSON.stringify({ id: 42, text: HUMAN_WIRE }));
    const root = makeTree({ 'feeds/today.jsonl': `${lines.join('\n')}\n` });
    const { code } = await runCli(['batch', 'feeds/today.jsonl', '--out', 'out', '--format', 'json,html', '--concurrency', '1'], root);
    expect(code).toBe(2);

    const summary = readJson<BatchSummary>(join(root, 'out', 'summary.json'));
    const bad = summary.entries.filter((e) => e.error);
    expect(bad.map((e) => [e.path, e.feed?.line, e.error!.code])).toEqual([
      ['feeds/today.jsonl:11', 11, 'feed-line'],
      ['feeds/today.jsonl:12', 12, 'feed-line'],
      ['feeds/today.jsonl:13', 13, 'feed-line'],
      ['feeds/today.jsonl:15', 15, 'feed-line'],
      ['feeds/today.jsonl:16', 16, 'feed-line'],
    ]);
    expect(bad[0]!.error!.message).toMatch(/^feeds\/today\.jsonl:11: invalid JSON/);
    expect(bad[1]!.error!.message).toContain('"id" must be a non-empty string or a number');
    expect(bad[2]!.error!.message).toContain('"text" must be a string');
    expect(bad[3]!.error!.message).toContain('duplicate id "ok-1" (first on line 7)');

    const good = summary.entries.filter((e) => !e.error);
    expect(good).toHaveLength(ids.length + 1);
    expect(good.find((e) => e.feed?.id === 'ok-1')!.report).toBe('today/ok-1.json');
    expect(good.find((e) => e.feed?.id === '42')!.report).toBe('today/42.json');
    // Everything written is under out/, in the feed's folder, one segment per id.
    const written = listFiles(root).filter((f) => f !== 'feeds/today.jsonl');
    for (const f of written) expect(f.startsWith('out/')).toBe(true);
    const reports = written.filter((f) => f.startsWith('out/today/'));
    expect(reports).toHaveLength(2 * good.length);
    for (const f of reports) {
      const name = f.slice('out/today/'.length);
      expect(name).not.toContain('/');
      expect(name).not.toMatch(/^\.|\.\./);
      expect(name).not.toMatch(/^(?:con|nul)(?:\.|$)/i);
      expect(Buffer.byteLength(name)).toBeLessThanOrEqual(255);
    }
    expect(existsSync('/abs.json')).toBe(false);
    expect(existsSync(join(root, 'etc'))).toBe(false);
    const passwd = good.find((e) => e.feed?.id === '../../etc/passwd')!;
    expect(readJson<Report[]>(join(root, 'out', passwd.report!))[0]!.file).toBe('feeds/today.jsonl#../../etc/passwd');
    const dashboard = readFileSync(join(root, 'out', 'index.html'), 'utf8');
    expect(dashboard).not.toContain('<script>alert(1)</script>');
    expect(dashboard).toContain('feeds/today.jsonl#&lt;script&gt;alert(1)&lt;/script&gt;');
  });

  test('summary.csv: RFC 4180 quoting of odd names and a quote before cells that start a formula', async () => {
    const name = '=HYPERLINK("x"),y.txt';
    const root = makeTree({ [name]: HUMAN_WIRE, '+33 wire.txt': MACHINE_WIRE, '@a.txt': HUMAN_WIRE, '-b.txt': HUMAN_WIRE });
    const { code } = await runCli(['batch', name, '+33 wire.txt', '@a.txt', './-b.txt', '--out', 'out', '--concurrency', '1'], root);
    expect(code).toBe(0);
    const rows = parseCsv(readFileSync(join(root, 'out', 'summary.csv'), 'utf8'));
    expect(rows[0]!.slice(0, 4)).toEqual(['path', 'report', 'html', 'verdict']);
    expect(rows.slice(1).map((r) => r.slice(0, 2))).toEqual([
      ["'+33 wire.txt", "'+33 wire.json"],
      ["'-b.txt", "'-b.json"],
      ["'=HYPERLINK(\"x\"),y.txt", "'=HYPERLINK(\"x\"),y.json"],
      ["'@a.txt", "'@a.json"],
    ]);
    expect(readFileSync(join(root, 'out', 'summary.csv'), 'utf8')).toContain('"\'=HYPERLINK(""x""),y.txt"');
  });

  test('inputs whose reports would meet keep their full names; a root summary.txt does not overwrite summary.json', async () => {
    const root = makeTree({ 'a/wire.txt': HUMAN_WIRE, 'a/wire.html': PAGE, 'a/summary.txt': MACHINE_WIRE, 'a/index.md': HUMAN_WIRE });
    expect((await runCli(['batch', 'a', '--out', 'out', '-f', 'json', '-f', 'html', '--concurrency', '1'], root)).code).toBe(0);
    const summary = readJson<BatchSummary>(join(root, 'out', 'summary.json'));
    expect(summary.entries.map((e) => e.report)).toEqual(['index.md.json', 'summary.txt.json', 'wire.html.json', 'wire.txt.json']);
    expect(summary.entries.map((e) => e.html)).toEqual(['index.md.html', 'summary.txt.html', 'wire.html.html', 'wire.txt.html']);
  });
});

describe('wireproof batch: usage errors exit 2 with one line', () => {
  test.each([
    [['batch', 'a'], /--out|Missing required argument: out/],
    [['batch', 'a', '--out', 'out', '--format', 'xml'], /--format "xml"/],
    [['batch', 'a', '--out', 'out', '--concurrency', '0'], /--concurrency 0/],
    [['batch', 'out/x.txt', '--out', 'out'], /is inside the output folder/],
    [['batch', 'a', '--out', 'a/one.txt'], /exists and is not a folder/],
    [['batch', 'a', '--out', 'out', '--rule', 'nope=error'], /unknown rule "nope"/],
    [['batch', 'a', '--out', 'out', '--prior', '2'], /prior/],
    [['batch', 'a', '--out', 'out', '--prior', 'x'], /^wireproof: --prior \(not a number\): expected a number strictly between 0 and 1/],
    [['batch', '-', '--out', 'out'], /standard input|at least one input/],
    [['batch', 'a', '--out', 'out', '--fail-on', 'sometimes'], /fail-on/],
    [['batch', 'a', '--out', 'out', '--input-format', 'pdf'], /input-format/],
  ])('%j', async (argv, message) => {
    const root = makeTree({ 'a/one.txt': HUMAN_WIRE, 'out/x.txt': HUMAN_WIRE });
    const { code, io } = await runCli(argv, root);
    expect(code).toBe(2);
    const err = io.err.join('');
    expect(err).toMatch(message);
    expect(err.trimEnd().split('\n')).toHaveLength(1);
    // Nothing was written before the usage error was noticed.
    expect(existsSync(join(root, 'out', 'summary.json'))).toBe(false);
  });

  test('the output folder inside the input folder is skipped, not read', async () => {
    const root = makeTree({ 'a/one.txt': HUMAN_WIRE });
    mkdirSync(join(root, 'a', 'reports'));
    writeFileSync(join(root, 'a', 'reports', 'old.txt'), HUMAN_WIRE);
    expect((await runCli(['batch', 'a', '--out', 'a/reports', '--concurrency', '1'], root)).code).toBe(0);
    expect((await runCli(['batch', 'a', '--out', 'a/reports', '--concurrency', '1'], root)).code).toBe(0);
    const summary = readJson<BatchSummary>(join(root, 'a', 'reports', 'summary.json'));
    expect(summary.entries.map((e) => e.path)).toEqual(['a/one.txt']);
  });
});

describe('wireproof batch through main.ts', () => {
  test('`wireproof batch` runs the batch command', async () => {
    const { run } = await import('../../src/cli/main.js');
    const { fakeIo } = await import('../support/io.js');
    const root = makeTree({ 'a/one.txt': HUMAN_WIRE, 'a/scan.txt': binaryBytes() });
    const io = fakeIo({}, root);
    expect(await run(['batch', 'a', '--out', 'out', '--concurrency', '1'], io)).toBe(2);
    expect(io.err.join('').trimEnd().split('\n').at(-1)).toBe('1 report written to out (0 reused from cache, 1 unreadable)');
    expect(existsSync(join(root, 'out', 'one.json'))).toBe(true);
    const stdin = fakeIo({}, root);
    expect(await run(['batch', '-', '--out', 'out'], stdin)).toBe(2);
    expect(stdin.err.join('')).toMatch(/standard input/);
    const empty = fakeIo({}, root);
    expect(await run(['batch', 'a', '--out', 'out2', '--concurrency', ''], empty)).toBe(2);
    expect(empty.err.join('')).toBe('wireproof: --concurrency needs a number, not an empty value (see wireproof --help)\n');
    expect(existsSync(join(root, 'out2'))).toBe(false);
  });
});
