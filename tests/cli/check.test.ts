// CLI `check`: exit codes, stdout/stderr separation, formats, bad inputs, colour, output files.
import { describe, expect, jest, test } from '@jest/globals';
import { Ajv } from 'ajv';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync, existsSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { commandOf, listValues, run } from '../../src/cli/main.js';
import type { Report } from '../../src/types.js';
import { fakeIo } from '../support/io.js';

const SEED_000 = 'seeds/000_22f5c933d92a2ddd.txt';
const SEED_003 = 'seeds/003_86d609dcec19a228.txt';
const schema = JSON.parse(readFileSync('docs/report.schema.json', 'utf8')) as object;
const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);

function tmp(): string {
  return mkdtempSync(join(tmpdir(), 'wireproof-cli-'));
}

describe('wireproof check', () => {
  test('declared machine translation: exit 0, JSON report on stdout only, valid against the schema', async () => {
    const io = fakeIo();
    const code = await run(['check', SEED_000, '--format', 'json'], io);
    expect(code).toBe(0);
    expect(io.err.join('')).toBe('');
    const reports = JSON.parse(io.out.join('')) as Report[];
    expect(validate(reports)).toBe(true);
    expect(reports[0]!.verdict).toBe('declared-machine');
  });

  test('the schema holds every field report-format.md calls fixed: a report missing one is invalid', async () => {
    const io = fakeIo();
    await run(['check', SEED_000, '-f', 'json'], io);
    const fields: Array<[string, (r: Record<string, unknown> & Report) => Record<string, unknown>, string]> = [
      ['report', (r) => r, 'summary'],
      ['report', (r) => r, 'encoding'],
      ['summary', (r) => r.summary, 'byLabel'],
      ['paragraph', (r) => r.paragraphs[0]! as unknown as Record<string, unknown>, 'logOdds'],
      ['paragraph', (r) => r.paragraphs[0]! as unknown as Record<string, unknown>, 'offset'],
      ['signal', (r) => r.paragraphs.find((p) => p.signals.length > 0)!.signals[0]! as unknown as Record<string, unknown>, 'evidence'],
      ['signal', (r) => r.paragraphs.find((p) => p.signals.length > 0)!.signals[0]! as unknown as Record<string, unknown>, 'endOffset'],
      ['notice', (r) => r.notices[0]! as unknown as Record<string, unknown>, 'declares'],
      ['message', (r) => r.messages[0]! as unknown as Record<string, unknown>, 'fingerprint'],
    ];
    // logOddsParts is an added field: a report without it is valid; one with it must have its three numbers.
    const parts = JSON.parse(io.out.join('')) as Array<Record<string, unknown> & Report>;
    const headline = parts[0]!.paragraphs.find((p) => p.kind === 'headline')! as unknown as Record<string, unknown>;
    expect(headline['logOddsParts']).toBeDefined();
    (headline['logOddsParts'] as Record<string, unknown>)['document'] = '8.5';
    expect(validate(parts)).toBe(false);
    delete (headline['logOddsParts'] as Record<string, unknown>)['document'];
    expect(validate(parts)).toBe(false);
    delete headline['logOddsParts'];
    expect(validate(parts)).toBe(true);
    for (const [, pick, field] of fields) {
      const reports = JSON.parse(io.out.join('')) as Array<Record<string, unknown> & Report>;
      expect(validate(reports)).toBe(true);
      delete pick(reports[0]!)[field];
      expect([field, validate(reports)]).toEqual([field, false]);
    }
  });

  test('undeclared machine translation is an error: exit 1', async () => {
    const io = fakeIo();
    expect(await run(['check', SEED_003, '-f', 'json'], io)).toBe(1);
    const [report] = JSON.parse(io.out.join('')) as Report[];
    expect(report!.verdict).toBe('undeclared-machine');
    expect(report!.messages.some((m) => m.ruleId === 'undeclared-machine-translation' && m.severity === 'error')).toBe(true);
  });

  test('--fail-on never and --rule undeclared-machine-translation=warning turn findings into exit 0', async () => {
    expect(await run(['check', SEED_003, '-f', 'json', '--fail-on', 'never'], fakeIo())).toBe(0);
    expect(await run(['check', SEED_003, '-f', 'json', '--rule', 'undeclared-machine-translation=warning'], fakeIo())).toBe(0);
  });

  test('--max-warnings 0 fails on warnings and says why on stderr', async () => {
    const io = fakeIo();
    expect(await run(['check', SEED_000, '-f', 'json', '--max-warnings', '0'], io)).toBe(1);
    expect(io.err.join('')).toMatch(/too many warnings \(\d+; maximum: 0\)/);
    // With --quiet the report counts 0 warnings: stderr says they are hidden, not only that there were too many.
    const quiet = fakeIo();
    expect(await run(['check', SEED_000, '-f', 'json', '--max-warnings', '0', '--quiet'], quiet)).toBe(1);
    expect(quiet.err.join('')).toMatch(/too many warnings \(\d+, hidden by --quiet; maximum: 0\)/);
  });

  // A package script's `--fail-on never` followed by a CI job's `-- --fail-on error` passed every wire (the array
  // [never, error] reached no severity); other repeated options threw Node's "paths[1]" error (review, 2026-12-07).
  test('a single-value option given twice: the last one wins, as in ESLint', async () => {
    expect(await run(['check', SEED_003, '-f', 'json', '--fail-on', 'never', '--fail-on', 'error'], fakeIo())).toBe(1);
    expect(await run(['check', SEED_003, '-f', 'json', '--fail-on=error', '--fail-on=never'], fakeIo())).toBe(0);
    const dir = tmp();
    const io = fakeIo({}, dir);
    expect(await run(['check', join(process.cwd(), SEED_000), '-o', 'a.json', '-o', 'b.json', '-f', 'json', '-f', 'unix'], io)).toBe(0);
    expect(io.err.join('')).toBe('');
    expect(existsSync(join(dir, 'a.json'))).toBe(false);
    expect(readFileSync(join(dir, 'b.json'), 'utf8')).toMatch(/000_22f5c933d92a2ddd\.txt:\d+:\d+:/);
    // List options keep every value.
    const rules = fakeIo();
    expect(await run(['check', SEED_003, '-f', 'json', '--rule', 'undeclared-machine-translation=off', '--rule', 'broken-apostrophe=off'], rules)).toBe(0);
    const [report] = JSON.parse(rules.out.join('')) as Report[];
    expect(report!.messages.some((m) => m.ruleId === 'undeclared-machine-translation' || m.ruleId === 'broken-apostrophe')).toBe(false);
  });

  test('standard input named twice, or an empty --output-file, is a usage error', async () => {
    const twice = fakeIo();
    expect(await run(['check', '-', '-', '-f', 'json'], twice)).toBe(2);
    expect(twice.err.join('')).toBe('wireproof: standard input (-) is named more than once\n');
    const empty = fakeIo();
    expect(await run(['check', SEED_000, '-o', ''], empty)).toBe(2);
    expect(empty.err.join('')).toMatch(/^wireproof: --output-file "": empty file name/);
    expect(empty.out.join('')).toBe('');
  });

  test('a broken link inside a named folder, named again, is reported once', async () => {
    const dir = tmp();
    writeFileSync(join(dir, 'a.txt'), readFileSync(SEED_003));
    symlinkSync(join(dir, 'nowhere.txt'), join(dir, 'dead.txt'));
    const io = fakeIo({}, dir);
    expect(await run(['check', '.', 'dead.txt', '-f', 'json'], io)).toBe(2);
    expect(io.err.join('').trimEnd().split('\n')).toHaveLength(1);
  });

  test('--corpora is an input: -o inside it is refused; a baseline that cannot be written is one line naming it', async () => {
    const dir = tmp();
    writeFileSync(join(dir, 'a.txt'), readFileSync(SEED_003));
    mkdirSync(join(dir, 'mycorp', 'phrasings'), { recursive: true });
    const io = fakeIo({}, dir);
    expect(await run(['check', 'a.txt', '--corpora', 'mycorp', '-o', 'mycorp/phrasings/fr.jsonl'], io)).toBe(2);
    expect(io.err.join('')).toMatch(/--output-file mycorp\/phrasings\/fr\.jsonl: is one of the inputs/);
    expect(existsSync(join(dir, 'mycorp', 'phrasings', 'fr.jsonl'))).toBe(false);
    // /proc takes no new files: the baseline reads as missing (fine for --update-baseline), and its write fails.
    const bad = fakeIo({}, dir);
    expect(await run(['check', 'a.txt', '--baseline', '/proc/wireproof-test-baseline.json', '--update-baseline', '-f', 'json'], bad)).toBe(2);
    expect(bad.err.join('')).toMatch(/wireproof: --baseline \/proc\/wireproof-test-baseline\.json: cannot write: [^\n]+\n$/);
    expect(bad.err.join('')).not.toMatch(/\.tmp/);
  });

  test('a file named twice, or named and inside a named folder, is checked once', async () => {
    const dir = tmp();
    writeFileSync(join(dir, 'a.txt'), readFileSync(SEED_003));
    const io = fakeIo({}, dir);
    await run(['check', '.', 'a.txt', './a.txt', '-f', 'json'], io);
    expect((JSON.parse(io.out.join('')) as Report[]).map((r) => r.file)).toEqual(['a.txt']);
  });

  test('a binary file, a folder without wires and a missing path: one line each on stderr, exit 2, other inputs still reported in order', async () => {
    const dir = tmp();
    const bin = join(dir, 'photo.png');
    writeFileSync(bin, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 1, 0]));
    const io = fakeIo();
    const code = await run(['check', SEED_000, bin, dir, join(dir, 'missing.txt'), SEED_003, '-f', 'json'], io);
    expect(code).toBe(2);
    const lines = io.err.join('').trimEnd().split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[0]).toContain('photo.png');
    expect(lines[0]).toMatch(/binary/);
    expect(lines[1]).toMatch(/: no wire files in this folder \(\.txt, /);
    expect(lines[2]).toMatch(/missing\.txt/);
    for (const l of lines) expect(l).not.toMatch(/\n\s+at /);
    const reports = JSON.parse(io.out.join('')) as Report[];
    expect(reports.map((r) => r.verdict)).toEqual(['declared-machine', 'unknown', 'unknown', 'unknown', 'undeclared-machine']);
    expect(reports.map((r) => r.error?.code ?? null)).toEqual([null, 'binary', 'not-found', 'not-found', null]);
    expect(validate(reports)).toBe(true);
  });

  test('an empty file: exit 0, verdict unknown', async () => {
    const dir = tmp();
    const empty = join(dir, 'empty.txt');
    writeFileSync(empty, '');
    const io = fakeIo();
    expect(await run(['check', empty, '-f', 'json'], io)).toBe(0);
    expect((JSON.parse(io.out.join('')) as Report[])[0]!.verdict).toBe('unknown');
  });

  test('usage errors exit 2 with one line', async () => {
    const io = fakeIo();
    expect(await run(['check', SEED_000, '--format', 'nope'], io)).toBe(2);
    expect(io.err.join('')).toMatch(/unknown format "nope"/);
    const io2 = fakeIo();
    expect(await run(['check', SEED_000, '--rule', 'no-such-rule=off'], io2)).toBe(2);
    expect(io2.err.join('')).toMatch(/unknown rule/);
    const io3 = fakeIo();
    expect(await run(['check', SEED_000, '--rule', 'constructor=off'], io3)).toBe(2);
    expect(io3.err.join('')).toMatch(/^wireproof: --rule "constructor=off": unknown rule "constructor"/);
    expect(await run(['check', SEED_000, '--prior', '1.5'], fakeIo())).toBe(2);
    expect(await run(['check', SEED_000, '--no-such-flag'], fakeIo())).toBe(2);
  });

  test.each([
    [['--max-warnings'], /^wireproof: Not enough arguments following: max-warnings/],
    [['--max-warnings', 'abc'], /^wireproof: --max-warnings \(not a number\): expected a whole number ≥ -1/],
    [['--max-warnings', '-5'], /^wireproof: --max-warnings -5: expected a whole number ≥ -1/],
    [['--max-warnings', '1.5'], /^wireproof: --max-warnings 1\.5: expected a whole number ≥ -1/],
    [['--prior'], /^wireproof: Not enough arguments following: prior/],
    [['--prior', 'x'], /^wireproof: --prior \(not a number\): expected a number strictly between 0 and 1, e.g. 0.3/],
    [['--prior', '2'], /^wireproof: --prior 2: expected a number strictly between 0 and 1, e.g. 0\.3\n$/],
    [['--language', 'french'], /^wireproof: --language: unknown language code "french" \(known: fr, en/],
    [['--source', 'missing.en.txt'], /^wireproof: source: missing\.en\.txt: no such file$/m],
    // An empty source is an input error too, as in compare (a review, 2026-12-07: every paragraph was "no counterpart").
    [['--source', 'tests/fixtures/e2e/empty/input.txt'], /^wireproof: source: tests\/fixtures\/e2e\/empty\/input\.txt: no text to check against$/m],
    [['-o'], /^wireproof: Not enough arguments following: o/],
    [['--source'], /^wireproof: Not enough arguments following: source/],
    [['--baseline'], /^wireproof: Not enough arguments following: baseline/],
    [['--max-warnings', ''], /^wireproof: --max-warnings needs a number, not an empty value/],
    [['--max-warnings= '], /^wireproof: --max-warnings needs a number, not an empty value/],
    [['--maxWarnings', ''], /^wireproof: --maxWarnings needs a number, not an empty value/],
    [['--prior='], /^wireproof: --prior needs a number, not an empty value/],
    [['--source', ''], /^wireproof: --source needs a file name, not an empty value/],
    [['--source='], /^wireproof: --source needs a file name, not an empty value/],
  ])('%j is a usage error (exit 2, one line), not "no limit" or "no prior"', async (flags, expected) => {
    const io = fakeIo();
    expect(await run(['check', SEED_000, '-f', 'json', ...flags], io)).toBe(2);
    expect(io.err.join('')).toMatch(expected);
    expect(io.err.join('').trimEnd().split('\n')).toHaveLength(1);
  });

  test('an empty word after "--" is a file name, not an empty --max-warnings', async () => {
    const io = fakeIo();
    expect(await run(['check', '-f', 'json', '--', '--max-warnings', ''], io)).toBe(2);
    expect(io.err.join('')).not.toMatch(/needs a number/);
  });

  test('--max-warnings -1 and 0 are accepted', async () => {
    expect(await run(['check', SEED_000, '-f', 'json', '--max-warnings=-1'], fakeIo())).toBe(0);
    expect(await run(['check', SEED_000, '-f', 'json', '--max-warnings', '0'], fakeIo())).toBe(1);
  });

  test('text output: per paragraph line, bar, label; no ANSI colour when NO_COLOR is set even if forced by TTY', async () => {
    const io = { ...fakeIo({ NO_COLOR: '1' }), stdoutIsTTY: true };
    await run(['check', SEED_003], io);
    const text = io.out.join('');
    expect(text).toMatch(/undeclared-machine/);
    expect(text).toMatch(/█/);
    expect(text).toMatch(/fused-heading/);
    // eslint-disable-next-line no-control-regex
    expect(text).not.toMatch(/\u001b\[/);
    const colored = fakeIo({ FORCE_COLOR: '1' });
    await run(['check', SEED_003], colored);
    // eslint-disable-next-line no-control-regex
    expect(colored.out.join('')).toMatch(/\u001b\[/);
    // FORCE_COLOR as supports-color and Node read it: 0 and false turn colour off, even on a terminal (CI review).
    for (const [value, on] of [['0', false], ['false', false], ['', true], ['true', true], ['3', true]] as const) {
      const io = { ...fakeIo({ FORCE_COLOR: value }), stdoutIsTTY: true };
      await run(['check', SEED_003], io);
      // eslint-disable-next-line no-control-regex
      expect([value, /\u001b\[/.test(io.out.join(''))]).toEqual([value, on]);
    }
  });

  test('a declared wire: every scored paragraph shows the document-wide evidence in its probability, in every format', async () => {
    const json = fakeIo();
    await run(['check', SEED_000, '-f', 'json'], json);
    const [report] = JSON.parse(json.out.join('')) as Report[];
    const scored = report!.paragraphs.filter((p) => p.machineProbability !== null);
    expect(scored).toHaveLength(8);
    // The notice (+6) and the update note (+2.5) sit in unscored paragraphs, yet are in every scored one's log-odds.
    const documentSignals = report!.paragraphs.flatMap((p) => p.signals).filter((s) => s.scope === 'document');
    expect(documentSignals.map((s) => `${s.ruleId} ${s.weight}`)).toEqual(['mt-notice 6', 'update-note 2.5']);
    for (const p of report!.paragraphs) {
      if (p.logOdds === null) {
        expect(p.logOddsParts).toBeUndefined();
        continue;
      }
      const parts = p.logOddsParts!;
      expect(parts.prior).toBe(0);
      expect(parts.document).toBe(8.5);
      expect(Math.abs(parts.prior + parts.document + parts.paragraph - p.logOdds)).toBeLessThan(0.002);
    }
    // The headline is 99.9% machine on −0.439 of its own evidence: the +8.5 is its reason.
    const headline = scored.find((p) => p.kind === 'headline')!;
    expect([headline.machineProbability, headline.logOdds, headline.logOddsParts]).toEqual([0.999, 8.061, { prior: 0, document: 8.5, paragraph: -0.439 }]);

    const text = fakeIo({ NO_COLOR: '1' });
    await run(['check', SEED_000], text);
    const lines = text.out.join('').split('\n');
    expect(lines[2]).toBe('  in every scored paragraph: document-wide +8.5 (mt-notice line 5 +6.0; update-note line 7 +2.5)');
    const reasonLines = lines.filter((l) => l.trimStart().startsWith('↳ '));
    expect(reasonLines).toHaveLength(8);
    for (const l of reasonLines) expect(l.trimStart()).toMatch(/^↳ document-wide \+8\.5(;|$)/);
    expect(lines[lines.findIndex((l) => /^ +2:1 +headline /.test(l)) + 1]!.trim()).toBe('↳ document-wide +8.5; intrinsic-style -0.4');

    const markdown = fakeIo();
    await run(['check', SEED_000, '-f', 'markdown'], markdown);
    const md = markdown.out.join('');
    expect(md).toContain('**In every scored paragraph**: document-wide +8.5 (`mt-notice` line 5 +6.0; `update-note` line 7 +2.5)');
    const rows = md.split('\n').filter((l) => /^\| \d+ \| (headline|body) \|/.test(l));
    expect(rows).toHaveLength(8);
    for (const r of rows) expect(r).toMatch(/ \| document-wide \+8\.5(;| \|)/);

    const html = fakeIo();
    await run(['check', SEED_000, '-f', 'html'], html);
    const page = html.out.join('');
    expect(page.match(/<span class="shared-share"><a href="#r1-shared">document-wide \+8\.50<\/a><\/span>/g)).toHaveLength(8);
    expect(page).toContain('<div class="shared" id="r1-shared" role="note">');
  });

  test('an undeclared wire without document-wide evidence: no share shown, parts still add up', async () => {
    const json = fakeIo();
    await run(['check', SEED_003, '-f', 'json'], json);
    const [report] = JSON.parse(json.out.join('')) as Report[];
    for (const p of report!.paragraphs) {
      expect(p.logOddsParts).toMatchObject({ prior: 0, document: 0 });
      expect(Math.abs(p.logOddsParts!.paragraph - p.logOdds!)).toBeLessThan(0.002);
    }
    const text = fakeIo({ NO_COLOR: '1' });
    await run(['check', SEED_003], text);
    expect(text.out.join('')).not.toMatch(/document-wide|in every scored paragraph/);
  });

  test('--prior is a share of every scored paragraph too; probabilities are what they were', async () => {
    const even = fakeIo();
    await run(['check', SEED_003, '-f', 'json'], even);
    const skewed = fakeIo();
    await run(['check', SEED_003, '-f', 'json', '--prior', '0.2'], skewed);
    const [a] = JSON.parse(even.out.join('')) as Report[];
    const [b] = JSON.parse(skewed.out.join('')) as Report[];
    b!.paragraphs.forEach((p, i) => {
      expect(p.logOddsParts!.prior).toBeCloseTo(Math.log(0.2 / 0.8), 3);
      expect(p.logOddsParts!.paragraph).toBe(a!.paragraphs[i]!.logOddsParts!.paragraph);
    });
    const text = fakeIo({ NO_COLOR: '1' });
    await run(['check', SEED_003, '--prior', '0.2'], text);
    const out = text.out.join('');
    expect(out.split('\n')[2]).toBe('  in every scored paragraph: prior 20% -1.4');
    expect(out).toMatch(/↳ prior -1\.4; fused-heading “SURVEILLANCE DE MASSE” \+1\.0;/);
  });

  test('--output-file writes the report atomically and nothing to stdout', async () => {
    const dir = tmp();
    const out = join(dir, 'sub', 'report.json');
    const io = fakeIo();
    expect(await run(['check', SEED_000, '-f', 'json', '-o', out], io)).toBe(0);
    expect(io.out.join('')).toBe('');
    expect((JSON.parse(readFileSync(out, 'utf8')) as Report[])[0]!.verdict).toBe('declared-machine');
    expect(readdirSync(join(dir, 'sub'))).toEqual(['report.json']);
    expect(existsSync(`${out}.tmp`)).toBe(false);
  });
});

describe('check: folders and quoted globs', () => {
  function archive(): string {
    const dir = tmp();
    for (const sub of ['wires', join('wires', '2026'), join('wires', '.drafts')]) mkdirSync(join(dir, sub), { recursive: true });
    writeFileSync(join(dir, 'wires', 'b.txt'), readFileSync(SEED_003));
    writeFileSync(join(dir, 'wires', 'a.txt'), readFileSync(SEED_000));
    writeFileSync(join(dir, 'wires', '2026', 'c.html'), '<html lang="fr"><body><p>Le ministre a présenté mardi un plan de relance pour les entreprises.</p></body></html>');
    writeFileSync(join(dir, 'wires', '.drafts', 'd.txt'), 'brouillon');
    writeFileSync(join(dir, 'wires', 'photo.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47]));
    mkdirSync(join(dir, 'wires', 'node_modules', 'pkg'), { recursive: true });
    writeFileSync(join(dir, 'wires', 'node_modules', 'pkg', 'README.md'), 'Un paquet installé , pas une dépêche.');
    return dir;
  }

  test('node_modules is skipped by folders and globs, unless the glob names it (CI review, 2026-12-08)', async () => {
    const dir = archive();
    const files = async (args: string[]): Promise<string[]> => {
      const io = fakeIo({}, dir);
      await run(['check', ...args, '-f', 'json'], io);
      return (JSON.parse(io.out.join('')) as Report[]).map((r) => r.file);
    };
    expect(await files(['wires'])).not.toContain('wires/node_modules/pkg/README.md');
    // (A glob that then matches nothing is an input error, as any glob matching nothing.)
    expect(await files(['wires/**/*.md', 'wires/a.txt'])).toEqual(['wires/**/*.md', 'wires/a.txt']);
    expect(await files(['wires/**/*.{md,txt}'])).toEqual(['wires/a.txt', 'wires/b.txt']);
    expect(await files(['wires/node_modules/**/*.md'])).toEqual(['wires/node_modules/pkg/README.md']);
    expect(await files(['wires/node_modules/pkg/README.md'])).toEqual(['wires/node_modules/pkg/README.md']);
  });

  test('a folder stands for its wire files, sorted, hidden entries and other extensions skipped', async () => {
    const dir = archive();
    const io = fakeIo({}, dir);
    expect(await run(['check', 'wires/', '-f', 'json'], io)).toBe(1);
    expect((JSON.parse(io.out.join('')) as Report[]).map((r) => [r.file, r.verdict])).toEqual([
      ['wires/2026/c.html', expect.any(String)],
      ['wires/a.txt', 'declared-machine'],
      ['wires/b.txt', 'undeclared-machine'],
    ]);
    expect(io.err).toEqual([]);
  });

  test('a quoted glob stands for its matches; a file named again through a folder is checked once', async () => {
    const dir = archive();
    const io = fakeIo({}, dir);
    expect(await run(['check', 'wires/a.txt', 'wires/*.txt', 'wires', '-f', 'json'], io)).toBe(1);
    expect((JSON.parse(io.out.join('')) as Report[]).map((r) => r.file)).toEqual(['wires/a.txt', 'wires/b.txt', 'wires/2026/c.html']);
  });

  test('a glob matching nothing is an input error, and the other inputs are still reported', async () => {
    const dir = archive();
    const io = fakeIo({}, dir);
    expect(await run(['check', 'nowhere/*.txt', 'wires/a.txt', '-f', 'json'], io)).toBe(2);
    expect(io.err.join('')).toBe('wireproof: nowhere/*.txt: no files match\n');
    expect((JSON.parse(io.out.join('')) as Report[]).map((r) => [r.file, r.error?.code ?? null])).toEqual([
      ['nowhere/*.txt', 'not-found'],
      ['wires/a.txt', null],
    ]);
  });

  test('an empty word ("$UNSET") is an input error, not the whole working folder', async () => {
    const dir = archive();
    const io = fakeIo({}, dir);
    expect(await run(['check', '', 'wires/a.txt', '-f', 'json'], io)).toBe(2);
    expect(io.err.join('')).toBe('wireproof: "": empty file name\n');
    expect((JSON.parse(io.out.join('')) as Report[]).map((r) => r.file)).toEqual(['', 'wires/a.txt']);
  });

  test('links to folders are not followed by globs either, and a file is checked once whatever the path to it', async () => {
    const dir = archive();
    symlinkSync('..', join(dir, 'wires', '2026', 'up'));
    symlinkSync('wires', join(dir, 'alias'));
    const io = fakeIo({}, dir);
    // alias/a.txt is wires/a.txt: named first, the glob does not check it again; the link up/ is not walked into.
    expect(await run(['check', 'alias/a.txt', 'wires/**/*.txt', '-f', 'json'], io)).toBe(1);
    expect((JSON.parse(io.out.join('')) as Report[]).map((r) => r.file)).toEqual(['alias/a.txt', 'wires/b.txt']);
  });

  test('a quoted glob matches links to files, as the folder walk does (it said "no files match"; docs audit, 2026-12-07)', async () => {
    const dir = archive();
    mkdirSync(join(dir, 'linked'));
    symlinkSync('../wires/a.txt', join(dir, 'linked', 'l.txt'));
    symlinkSync('../wires', join(dir, 'linked', 'folder'));
    const io = fakeIo({}, dir);
    expect(await run(['check', 'linked/*', 'linked/**/*.txt', '-f', 'json'], io)).toBe(0);
    expect((JSON.parse(io.out.join('')) as Report[]).map((r) => r.file)).toEqual(['linked/l.txt']);
  });

  // An existing output file inside a checked folder is one of the inputs: it was left out of the walk, so that
  // `check wires -o wires/a.txt` dropped the wire a.txt and wrote the report over it (review, 2026-12-07).
  test('an output file inside a checked folder: written when new, refused once it exists (it is then an input)', async () => {
    const dir = archive();
    const first = fakeIo({}, dir);
    expect(await run(['check', 'wires', '-f', 'json', '-o', 'wires/report.txt'], first)).toBe(1);
    expect((JSON.parse(readFileSync(join(dir, 'wires', 'report.txt'), 'utf8')) as Report[]).map((r) => r.file)).toEqual(['wires/2026/c.html', 'wires/a.txt', 'wires/b.txt']);
    const before = readFileSync(join(dir, 'wires', 'a.txt'));
    for (const target of ['wires/report.txt', 'wires/a.txt']) {
      const io = fakeIo({}, dir);
      expect(await run(['check', 'wires', '-f', 'json', '-o', target], io)).toBe(2);
      expect(io.err.join('')).toMatch(/is one of the inputs/);
    }
    expect(readFileSync(join(dir, 'wires', 'a.txt'))).toEqual(before);
  });
});

describe('check: --quiet and file names in diagnostics', () => {
  test('--quiet hides warnings but the exit code still counts them (ESLint)', async () => {
    for (const flags of [['--fail-on', 'warning'], ['--max-warnings', '0']]) {
      const loud = fakeIo();
      const quiet = fakeIo();
      expect(await run(['check', SEED_000, '-f', 'json', ...flags], loud)).toBe(1);
      expect(await run(['check', SEED_000, '-f', 'json', '--quiet', ...flags], quiet)).toBe(1);
      const [report] = JSON.parse(quiet.out.join('')) as Report[];
      expect(report!.messages.filter((m) => m.severity !== 'error')).toEqual([]);
      // The shown report counts what it shows; the exit code still counted the hidden warnings.
      expect([report!.summary.warnings, report!.summary.infos, report!.summary.errors]).toEqual([0, 0, report!.messages.length]);
      expect((JSON.parse(loud.out.join('')) as Report[])[0]!.summary.warnings).toBeGreaterThan(0);
      // …and stderr says why the run failed, since the shown report has nothing at that level.
      expect(quiet.err.join('')).toMatch(flags[0] === '--fail-on' ? /^wireproof: \d+ messages hidden by --quiet reach --fail-on warning\.\n$/ : /too many warnings/);
    }
  });

  test('--quiet in the text and Markdown formats: errors only, no paragraph table, inputs without an error left out', async () => {
    const dir = tmp();
    const human = join(dir, 'human.txt');
    writeFileSync(human, 'Le chat dort sur le canapé depuis ce matin, tranquille et heureux.\n');
    for (const format of ['text', 'markdown']) {
      const loud = fakeIo();
      const quiet = fakeIo();
      expect(await run(['check', SEED_003, human, '-f', format], loud)).toBe(1);
      expect(await run(['check', SEED_003, human, '-f', format, '--quiet'], quiet)).toBe(1);
      const [shown, full] = [quiet.out.join(''), loud.out.join('')];
      // The paragraph table's text ("OpenAI envisage …", line 1) and the human input are in the full report only.
      for (const text of ['OpenAI envisage', 'human.txt', 'likely-machine']) {
        expect(full).toContain(text);
        expect(shown).not.toContain(text);
      }
      expect(shown).toMatch(/003.?_86d609dcec19a228\.txt/);
      expect(shown).toContain('undeclared-machine-translation');
      expect(shown).toMatch(/2 files/);
    }
    // Nothing to show: the summary line alone.
    const clean = fakeIo();
    expect(await run(['check', human, '--quiet'], clean)).toBe(0);
    expect(clean.out.join('')).toMatch(/^✔ 1 file: 0 errors, 0 warnings, 0 info\n$/);
  });

  test('a missing file whose name has a colon or a newline: named whole, on one line, in stderr and in SARIF', async () => {
    const dir = tmp();
    for (const name of ['wire:2026.txt', 'miss\ning.txt']) {
      const io = fakeIo({}, dir);
      expect(await run(['check', name, '-f', 'sarif'], io)).toBe(2);
      const shown = name.replace('\n', '?');
      expect(io.err.join('')).toBe(`wireproof: ${shown}: no such file\n`);
      const sarif = JSON.parse(io.out.join('')) as { runs: Array<{ invocations: Array<{ toolExecutionNotifications: Array<{ message: { text: string } }> }> }> };
      expect(sarif.runs[0]!.invocations[0]!.toolExecutionNotifications.map((n) => n.message.text)).toEqual([`${shown}: no such file`]);
    }
  });
});

describe('help and version', () => {
  test.each([
    [['--help'], /^wireproof <files\.\.>\n\nReport, per paragraph,[\s\S]*Commands:[\s\S]*--references [^\n]*\n[\s\S]*--stdin-filename [^\n]*\n$/],
    [['check', '--help'], /^wireproof check <files\.\.>\n[\s\S]*--format[\s\S]*\n$/],
    [['batch', '--help'], /^wireproof batch <inputs\.\.>\n[\s\S]*--concurrency[\s\S]*\n$/],
    [['--version'], /^\d+\.\d+\.\d+\n$/],
    [['-h'], /^wireproof <files\.\.>\n\nReport, per paragraph,[\s\S]*Commands:[\s\S]*--references [^\n]*\n[\s\S]*--stdin-filename [^\n]*\n$/],
    [['batch', '-h'], /^wireproof batch <inputs\.\.>\n[\s\S]*--concurrency[\s\S]*\n$/],
    [['-v'], /^\d+\.\d+\.\d+\n$/],
  ])('%j goes to the run\'s stdout, not to the console; exit 0', async (argv, expected) => {
    const io = fakeIo();
    const log = jest.spyOn(console, 'log').mockImplementation(() => {});
    try {
      expect(await run(argv, io)).toBe(0);
      expect(log).not.toHaveBeenCalled();
    } finally {
      log.mockRestore();
    }
    expect(io.out.join('')).toMatch(expected);
    expect(io.err).toEqual([]);
  });
});

describe('check: --format with a formatter module (as ESLint and textlint)', () => {
  function module(source: string): string {
    const file = join(tmp(), 'formatter.mjs');
    writeFileSync(file, source);
    return file;
  }

  test.each([
    ['a function', 'export function format(reports) { return `${reports.length} ${reports[0].verdict}\\n`; }'],
    ['an async function (ESLint awaits formatters)', 'export async function format(reports) { return `${reports.length} ${reports[0].verdict}\\n`; }'],
    ['a default export', 'export default (reports, context) => `${reports.length} ${reports[0].verdict} ${context.version}\\n`.replace(/ \\S+\\n$/, "\\n");'],
  ])('%s: its output is the report', async (_name, source) => {
    const io = fakeIo();
    expect(await run(['check', SEED_000, '-f', module(source)], io)).toBe(0);
    expect(io.out.join('')).toBe('1 declared-machine\n');
    expect(io.err).toEqual([]);
  });

  test('a CommonJS module exporting { format } (a review, 2026-12-07: "must export a function format")', async () => {
    const file = join(tmp(), 'formatter.cjs');
    // Built at run time so that Node cannot see the export's name statically.
    writeFileSync(file, 'const name = "for" + "mat"; module.exports = { [name]: (reports) => `${reports.length} ${reports[0].verdict}\\n` };\n');
    const io = fakeIo();
    expect(await run(['check', SEED_000, '-f', file], io)).toBe(0);
    expect(io.out.join('')).toBe('1 declared-machine\n');
  });

  test.each([
    ['returns a number', 'export function format() { return 42; }', /formatter\.mjs: the formatter returned number, not a string$/],
    ['resolves to undefined', 'export async function format() {}', /formatter\.mjs: the formatter returned undefined, not a string$/],
    ['exports no function', 'export const format = "text";', /formatter\.mjs: a formatter module must export a function "format"$/],
    ['does not parse', 'export function format( {', /formatter\.mjs: cannot load formatter: /],
    ['throws', 'export function format() { throw new Error("boom\\nsecond line"); }', /^wireproof: \S*formatter\.mjs: the formatter threw: boom$/],
    ['rejects with a non-Error', 'export async function format() { throw "no reports today"; }', /^wireproof: \S*formatter\.mjs: the formatter threw: no reports today$/],
    ['throws when loaded', 'throw new Error("at load\\ntime");', /^wireproof: \S*formatter\.mjs: cannot load formatter: at load$/],
  ])('a module that %s: exit 2, one line naming it, nothing on stdout', async (_name, source, expected) => {
    const io = fakeIo();
    expect(await run(['check', SEED_000, '-f', module(source)], io)).toBe(2);
    expect(io.err.join('').trimEnd().split('\n')).toHaveLength(1);
    expect(io.err.join('').trimEnd()).toMatch(expected);
    expect(io.out).toEqual([]);
  });
});

describe('list options before the files (review, 2026-12-07: they took the files as values)', () => {
  function dir(): string {
    const d = tmp();
    for (const name of ['a.txt', 'b.txt']) writeFileSync(join(d, name), readFileSync(SEED_003));
    writeFileSync(join(d, 'r.jsonl'), '');
    writeFileSync(join(d, 'r2.jsonl'), '');
    return d;
  }

  test.each([
    [['--rule', 'typography=off']],
    [['--rule=typography=off']],
    [['--rule', 'typography=off', 'calque=off']],
    [['--language', 'fr']],
    [['--language', 'fr', 'en']],
    [['--language', 'fr,en']],
    [['--language=fr']],
    [['--references', 'r.jsonl']],
    [['--references', 'r.jsonl', 'r2.jsonl']],
    [['--language', 'fr', '--rule', 'calque=off', '--references', 'r.jsonl']],
  ])('check %j a.txt b.txt checks both files', async (flags) => {
    const io = fakeIo({}, dir());
    expect(await run(['check', '-f', 'json', ...flags, 'a.txt', 'b.txt'], io)).toBe(1);
    expect(io.err.join('')).toBe('');
    expect((JSON.parse(io.out.join('')) as Report[]).map((r) => r.file)).toEqual(['a.txt', 'b.txt']);
  });

  test('the options still take what they are given: several rules and languages, each flag repeatable', async () => {
    const d = dir();
    const rules = (report: Report): string[] => [...new Set(report.messages.map((m) => m.ruleId))].sort();
    const all = fakeIo({}, d);
    await run(['check', '-f', 'json', 'a.txt'], all);
    const before = rules((JSON.parse(all.out.join('')) as Report[])[0]!);
    expect(before).toEqual(expect.arrayContaining(['ric-code', 'typography']));
    const io = fakeIo({}, d);
    await run(['check', '-f', 'json', '--rule', 'ric-code=off', 'typography=off', 'a.txt'], io);
    expect(rules((JSON.parse(io.out.join('')) as Report[])[0]!)).toEqual(before.filter((r) => r !== 'ric-code' && r !== 'typography'));
    const languages = fakeIo({}, d);
    await run(['check', '-f', 'json', '--language', 'de', 'es', '--language', 'fr', 'a.txt'], languages);
    expect((JSON.parse(languages.out.join('')) as Report[])[0]!.language).toBe('fr');
  });

  test('reference files after the wire are references, not wires (as before list options took one value per flag)', async () => {
    const io = fakeIo({}, dir());
    expect(await run(['check', '-f', 'json', 'a.txt', '--references', 'r.jsonl', 'r2.jsonl'], io)).toBe(1);
    expect((JSON.parse(io.out.join('')) as Report[]).map((r) => r.file)).toEqual(['a.txt']);
  });

  test('batch: -f json html after an option that comes before the command', async () => {
    const d = dir();
    writeFileSync(join(d, 'rc.json'), '{}');
    const io = fakeIo({}, d);
    expect(await run(['--config', 'rc.json', 'batch', 'a.txt', '--out', 'out', '-f', 'json', 'html'], io)).toBe(0);
    expect(['a.json', 'a.html'].map((f) => existsSync(join(d, 'out', f)))).toEqual([true, true]);
  });

  test('an empty value (an unset shell variable) is no value, as before', async () => {
    const io = fakeIo({}, dir());
    expect(await run(['check', '-f', 'json', 'a.txt', '--rule=', '--references=', '--language', 'fr', '--language='], io)).toBe(1);
    expect((JSON.parse(io.out.join('')) as Report[]).map((r) => [r.file, r.language])).toEqual([['a.txt', 'fr']]);
  });

  test('batch: -f and --rule before the inputs', async () => {
    const d = dir();
    const io = fakeIo({}, d);
    expect(await run(['batch', '-f', 'json', 'html', '--rule', 'calque=off', 'a.txt', 'b.txt', '--out', 'out'], io)).toBe(0);
    expect(['a.json', 'a.html', 'b.json', 'b.html'].map((f) => existsSync(join(d, 'out', f)))).toEqual([true, true, true, true]);
  });

  test.each([
    [['--language', 'fr', 'en', 'a.txt'], 'check', ['--language=fr', '--language=en', 'a.txt']],
    [['--language=fr,en,', 'a.txt'], 'check', ['--language=fr', '--language=en', 'a.txt']],
    [['--language=', 'a.txt'], 'check', ['a.txt']],
    [['--rule=', '--rule', '', '--references=', 'a.txt'], 'check', ['a.txt']],
    [['--language', 'fr', 'sr-Latn-RS', 'es-419', 'fr,en', 'a.txt'], 'check', ['--language=fr', '--language=sr-Latn-RS', '--language=es-419', '--language=fr', '--language=en', 'a.txt']],
    [['--language', 'fr', 'afp-2026-02-15', 'data'], 'check', ['--language=fr', 'afp-2026-02-15', 'data']],
    [['--language', '--quiet', 'a.txt'], 'check', ['--language', '--quiet', 'a.txt']],
    [['--language', 'french', 'a.txt'], 'check', ['--language=french', 'a.txt']],
    [['--rule', 'a=off', 'b=error', 'c', 'a.txt'], 'check', ['--rule=a=off', '--rule=b=error', 'c', 'a.txt']],
    [['--references', 'r.jsonl', 's.jsonl', 'phrasings/', 'a.txt'], 'check', ['--references=r.jsonl', '--references=s.jsonl', 'phrasings/', 'a.txt']],
    [['-f', 'json', 'html', 'a'], 'batch', ['--format=json', '--format=html', 'a']],
    [['-f', 'json', 'html', 'a'], 'check', ['-f', 'json', 'html', 'a']],
    [['--language', '\u0000stdin'], 'check', ['--language', '\u0000stdin']],
  ])('listValues(%j, %s)', (argv, command, expected) => {
    expect(listValues(argv, command)).toEqual(expected);
  });

  // As yargs finds the command: the first positional, each option without "=" (but --no-…) taking the next word.
  test.each([
    [['batch', 'a', '-f', 'json', 'html'], 'batch'],
    [['--config', 'rc.json', 'batch', 'in'], 'batch'],
    [['--quiet', 'wire.txt', 'batch', 'in'], 'batch'],
    [['--no-cache', 'batch', 'in'], 'batch'],
    [['wire.txt', 'batch', '-f', 'json', 'html'], 'check'],
    [['-o', 'compare', 'wire.txt'], 'check'],
    [['--references', 'a.jsonl', 'b.jsonl', 'batch', 'wire.txt'], 'check'],
    [['--format=json', 'compare', 'a', 'b'], 'compare'],
    [[], 'check'],
  ])('commandOf(%j) is %s', (argv, command) => {
    expect(commandOf(argv)).toBe(command);
  });
});

describe('words after "--" are files (as in ESLint)', () => {
  function dir(): string {
    const d = tmp();
    for (const name of ['a.txt', '-draft.txt', '2024']) writeFileSync(join(d, name), readFileSync(SEED_003));
    return d;
  }

  test('check: a file whose name starts with "-", or looks like a number, is checked, not dropped', async () => {
    const d = dir();
    const io = fakeIo({}, d);
    expect(await run(['check', 'a.txt', '-f', 'json', '--', '-draft.txt', '2024'], io)).toBe(1);
    expect((JSON.parse(io.out.join('')) as Report[]).map((r) => r.file)).toEqual(['a.txt', '-draft.txt', '2024']);
    const only = fakeIo({}, d);
    expect(await run(['check', '-f', 'json', '--', '-draft.txt'], only)).toBe(1);
    expect((JSON.parse(only.out.join('')) as Report[]).map((r) => r.file)).toEqual(['-draft.txt']);
  });

  test('after "--" an option is a file name too; yargs messages quote words as typed', async () => {
    const d = dir();
    const io = fakeIo({}, d);
    expect(await run(['check', '--', 'a.txt', '--quiet'], io)).toBe(2);
    expect(io.err.join('')).toBe('wireproof: --quiet: no such file\n');
    const compare = fakeIo({}, d);
    expect(await run(['compare', '--', '-draft.txt', 'a.txt', 'extra'], compare)).toBe(2);
    expect(compare.err.join('')).toBe('wireproof: Unknown argument: extra (see wireproof --help)\n');
  });

  // A review, 2026-12-07: `check --quite wire.txt` said the files were missing (the typo took the file as its value).
  test.each([
    [['check', '--quite', 'a.txt'], 'Unknown option: --quite (did you mean --quiet?)'],
    [['check', '-z', 'a.txt'], 'Unknown option: -z'],
    [['check', 'a.txt', '--quite'], 'Unknown option: --quite (did you mean --quiet?)'],
    [['check', 'a.txt', '--bogus', '--zz'], 'Unknown options: --bogus, --zz'],
    [['batch', '--quite', 'wires', '--out', 'o'], 'Unknown option: --quite (did you mean --quiet?)'],
    [['compare', '--fial-on', 'error', 'a.txt', 'b.txt'], 'Unknown option: --fial-on (did you mean --fail-on?)'],
    [['check', '--max-warning', '0', 'a.txt'], 'Unknown option: --max-warning (did you mean --max-warnings?)'],
    [['check', 'a.txt', '--no-quite'], 'Unknown option: --no-quite (did you mean --no-quiet?)'],
  ])('%j names the unknown option', async (args, message) => {
    for (const quick of [false, undefined]) {
      const io = fakeIo({}, dir());
      expect(await run(args, io, quick === false ? { quick } : {})).toBe(2);
      expect(io.err.join('')).toBe(`wireproof: ${message} (see wireproof --help)\n`);
    }
  });

  test.each([
    [['--language', 'fr']],
    [['--rule', 'calque=off']],
    [['--language', 'fr', 'en', '--rule', 'calque=off', 'typography=off']],
  ])('a list option before "--" (%j) ends there: the words after it are files, in the order typed', async (flags) => {
    const d = dir();
    const io = fakeIo({}, d);
    expect(await run(['check', 'a.txt', '-f', 'json', ...flags, '--', '-draft.txt', '2024'], io)).toBe(1);
    expect(io.err.join('')).toBe('');
    expect((JSON.parse(io.out.join('')) as Report[]).map((r) => r.file)).toEqual(['a.txt', '-draft.txt', '2024']);
    const only = fakeIo({}, d);
    expect(await run(['check', '-f', 'json', ...flags, '--', '-draft.txt'], only)).toBe(1);
    expect((JSON.parse(only.out.join('')) as Report[]).map((r) => r.file)).toEqual(['-draft.txt']);
  });

  test('batch: a list option before "--"', async () => {
    const d = dir();
    const io = fakeIo({}, d);
    expect(await run(['batch', 'a.txt', '--out', 'out', '--language', 'fr', '--', '-draft.txt'], io)).toBe(0);
    expect([existsSync(join(d, 'out', 'a.json')), existsSync(join(d, 'out', '-draft.json'))]).toEqual([true, true]);
  });

  test('compare and batch read them as their files', async () => {
    const d = dir();
    const compare = fakeIo({}, d);
    expect(await run(['compare', '-f', 'json', '--', '-draft.txt', 'a.txt'], compare)).toBe(0);
    expect((JSON.parse(compare.out.join('')) as { reference: string }).reference).toBe('-draft.txt');
    const batch = fakeIo({}, d);
    expect(await run(['batch', '--out', 'out', '--', '-draft.txt'], batch)).toBe(0);
    expect(existsSync(join(d, 'out', '-draft.json'))).toBe(true);
  });
});

describe('--source - (standard input)', () => {
  const bin = 'dist/cli/bin.cjs';
  const maybe = existsSync(bin) ? test : test.skip;
  // Our own English, in the shape of seed 003's lede (the Reuters originals are research data, not in the repository).
  const ORIGINAL = 'OpenAI is considering a contract to deploy its AI technology on NATO\'s "unclassified" networks, a person familiar with the matter said on Tuesday.\n';

  maybe('reads the original from standard input; no internal marker reaches a message', () => {
    const r = spawnSync(process.execPath, [bin, 'check', SEED_003, '--source', '-', '-f', 'json'], { input: ORIGINAL, encoding: 'utf8' });
    expect(r.stderr).toBe('');
    const [report] = JSON.parse(r.stdout) as Report[];
    expect(report!.error).toBeUndefined();
    expect(report!.paragraphs.flatMap((p) => p.signals).some((s) => s.ruleId.startsWith('source-'))).toBe(true);
  });

  maybe('--stdin-filename names standard input in every format and tells its format (ESLint; CI review, 2026-12-08)', () => {
    const sarif = spawnSync(process.execPath, [bin, 'check', '-', '--stdin-filename', 'wires/a.txt', '-f', 'sarif'], { input: readFileSync(SEED_003), encoding: 'utf8' });
    const log = JSON.parse(sarif.stdout) as { runs: Array<{ results: Array<{ locations: Array<{ physicalLocation: { artifactLocation: unknown } }> }> }> };
    expect(log.runs[0]!.results[0]!.locations[0]!.physicalLocation.artifactLocation).toEqual({ uri: 'wires/a.txt', uriBaseId: '%SRCROOT%' });
    const html = spawnSync(process.execPath, [bin, 'check', '-', '--stdin-filename', 'page.html', '-f', 'json'], { input: '<p>Le ministre a présenté un plan.</p>', encoding: 'utf8' });
    expect((JSON.parse(html.stdout) as Report[]).map((r) => [r.file, r.format])).toEqual([['page.html', 'html']]);
    const without = spawnSync(process.execPath, [bin, 'check', SEED_003, '--stdin-filename', 'a.txt'], { encoding: 'utf8' });
    expect([without.status, without.stderr]).toEqual([2, 'wireproof: --stdin-filename names standard input: give - among the files\n']);
  });

  maybe('after "--", "-" is standard input in its place: compare keeps its direction, check its order', () => {
    const dir = tmp();
    writeFileSync(join(dir, 'a.txt'), readFileSync(SEED_000));
    const bin2 = join(process.cwd(), bin);
    const compare = spawnSync(process.execPath, [bin2, 'compare', '-f', 'json', '--', 'a.txt', '-'], { input: readFileSync(SEED_003), encoding: 'utf8', cwd: dir });
    expect(compare.stderr).toBe('');
    expect((JSON.parse(compare.stdout) as { reference: string; candidate: string })).toMatchObject({ reference: 'a.txt', candidate: '<stdin>' });
    const order = spawnSync(process.execPath, [bin2, 'check', '-f', 'json', '--language', 'fr', '--', 'a.txt', '-'], { input: readFileSync(SEED_003), encoding: 'utf8', cwd: dir });
    expect(order.stderr).toBe('');
    expect((JSON.parse(order.stdout) as Report[]).map((r) => r.file)).toEqual(['a.txt', '<stdin>']);
  });

  maybe.each([
    [['check', '-', '--source', '-'], 'wireproof: only one of the wires and --source may be standard input (-)\n'],
    [['compare', SEED_000, '-', '--source', '-'], 'wireproof: only one of reference, candidate and --source may be standard input (-)\n'],
  ])('%j: exit 2, one line', (args, expected) => {
    const r = spawnSync(process.execPath, [bin, ...args], { input: ORIGINAL, encoding: 'utf8' });
    expect([r.status, r.stderr, r.stdout]).toEqual([2, expected, '']);
  });
});
