// Configuration files (lilconfig + zod) and baselines, through the CLI.
import { describe, expect, test } from '@jest/globals';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { z } from 'zod';
import { run } from '../../src/cli/main.js';
import { configSchema } from '../../src/config/schema.js';
import type { Report } from '../../src/types.js';
import { fakeIo } from '../support/io.js';

const SEED_003 = resolve('seeds/003_86d609dcec19a228.txt');

function project(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'wireproof-config-'));
  for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content);
  copyFileSync(SEED_003, join(dir, 'wire.txt'));
  return dir;
}

describe('configuration file', () => {
  test('.wireproofrc.json is found and sets rule levels', async () => {
    const dir = project({ '.wireproofrc.json': JSON.stringify({ rules: { 'undeclared-machine-translation': 'warning', 'ric-code': 'off' } }) });
    const io = fakeIo({}, dir);
    expect(await run(['check', 'wire.txt', '-f', 'json'], io)).toBe(0);
    const [r] = JSON.parse(io.out.join('')) as Report[];
    expect(r!.messages.find((m) => m.ruleId === 'undeclared-machine-translation')?.severity).toBe('warning');
    expect(r!.paragraphs.flatMap((p) => p.signals).some((s) => s.ruleId === 'ric-code')).toBe(false);
  });

  test('a "wireproof" key in package.json is read; command-line flags win', async () => {
    const dir = project({ 'package.json': JSON.stringify({ name: 'desk', wireproof: { failOn: 'never' } }) });
    expect(await run(['check', 'wire.txt', '-f', 'json'], fakeIo({}, dir))).toBe(0);
    expect(await run(['check', 'wire.txt', '-f', 'json', '--fail-on', 'error'], fakeIo({}, dir))).toBe(1);
  });

  test('--config my-package.json is a configuration, not a package.json (CI review, 2026-12-08)', async () => {
    const dir = project({ 'my-package.json': JSON.stringify({ failOn: 'never' }) });
    expect(await run(['check', 'wire.txt', '-f', 'json'], fakeIo({}, dir))).toBe(1);
    expect(await run(['check', 'wire.txt', '-f', 'json', '--config', 'my-package.json'], fakeIo({}, dir))).toBe(0);
  });

  test('a baseline keyed by a file named like an Object property (constructor, __proto__) works (CI review, 2026-12-08)', async () => {
    const dir = project({});
    for (const name of ['constructor', '__proto__', 'toString']) copyFileSync(SEED_003, join(dir, name));
    const files = ['constructor', '__proto__', 'toString'];
    const update = fakeIo({}, dir);
    expect(await run(['check', ...files, '--baseline', 'b.json', '--update-baseline', '-f', 'json'], update)).toBe(0);
    expect(Object.keys((JSON.parse(readFileSync(join(dir, 'b.json'), 'utf8')) as { files: object }).files)).toEqual(['__proto__', 'constructor', 'toString']);
    const io = fakeIo({}, dir);
    expect(await run(['check', ...files, '--baseline', 'b.json', '-f', 'json'], io)).toBe(0);
    expect((JSON.parse(io.out.join('')) as Report[]).map((r) => r.messages.length)).toEqual([0, 0, 0]);
  });

  test('wireproof.config.js (ESM) is loaded', async () => {
    const dir = project({ 'wireproof.config.js': 'export default { failOn: "never" };\n', 'package.json': '{"type":"module"}' });
    expect(await run(['check', 'wire.txt', '-f', 'json'], fakeIo({}, dir))).toBe(0);
  });

  test('the search: first place in the nearest folder, then parent folders; .mjs, extensionless, empty and broken files', async () => {
    const outcome = async (dir: string) => {
      const io = fakeIo({}, dir);
      const code = await run(['check', 'wire.txt', '-f', 'json'], io);
      return { code, err: io.err.join('') };
    };
    // In a parent folder: found from the child.
    const parent = project({ '.wireproofrc.json': JSON.stringify({ failOn: 'never' }) });
    const child = join(parent, 'desk', 'today');
    mkdirSync(child, { recursive: true });
    copyFileSync(SEED_003, join(child, 'wire.txt'));
    expect(await outcome(child)).toEqual({ code: 0, err: '' });
    // The nearest folder wins, and in it the first search place (package.json without the key is passed over).
    writeFileSync(join(child, 'package.json'), JSON.stringify({ name: 'no-key' }));
    writeFileSync(join(child, '.wireproofrc'), JSON.stringify({ failOn: 'error' }));
    writeFileSync(join(child, 'wireproof.config.mjs'), 'export default { failOn: "never" };\n');
    expect((await outcome(child)).code).toBe(1);
    // An .mjs module alone.
    const mjs = project({ 'wireproof.config.mjs': 'export default { failOn: "never" };\n' });
    expect(await outcome(mjs)).toEqual({ code: 0, err: '' });
    // A CommonJS one is found too (a review, 2026-12-07: only --config read it).
    const cjs = project({ 'wireproof.config.cjs': 'module.exports = { failOn: "never" };\n' });
    expect(await outcome(cjs)).toEqual({ code: 0, err: '' });
    // An empty file is an error naming it: it was passed over and the parent's configuration applied instead, without
    // a word (review, 2026-12-07).
    writeFileSync(join(child, '.wireproofrc'), '  \n');
    rmSync(join(child, 'wireproof.config.mjs'));
    expect(await outcome(child)).toEqual({ code: 2, err: `wireproof: ${join(child, '.wireproofrc')}: empty configuration file (write {} for no settings)\n` });
    writeFileSync(join(child, '.wireproofrc'), '{}\n');
    expect((await outcome(child)).code).toBe(1);
    // An empty JavaScript module is no settings, found or named (a review found the search refusing it).
    const emptyModule = project({ 'wireproof.config.mjs': '' });
    expect(await outcome(emptyModule)).toEqual({ code: 1, err: '' });
    // …and still an input: -o cannot write over it.
    const overConfig = fakeIo({}, emptyModule);
    expect(await run(['check', 'wire.txt', '-o', 'wireproof.config.mjs'], overConfig)).toBe(2);
    expect(overConfig.err.join('')).toMatch(/is one of the inputs/);
    // A JSON mistake is placed at its line and column.
    writeFileSync(join(child, '.wireproofrc'), '{\n  "failOn": "never",\n}\n');
    expect((await outcome(child)).err).toMatch(/\.wireproofrc:3:1: invalid JSON: /);
    // A module that throws: exit 2, one line.
    const broken = project({ 'wireproof.config.mjs': 'throw new Error("no config today");\n' });
    const r = await outcome(broken);
    expect(r.code).toBe(2);
    expect(r.err).toBe(`wireproof: ${join(broken, 'wireproof.config.mjs')}: cannot load config: no config today\n`);
    // Found by the search: a getter that throws, or no default export object, still names the file.
    const getter = project({ 'wireproof.config.mjs': 'export default { get failOn() { throw new Error("getter"); } };\n' });
    expect(await outcome(getter)).toEqual({ code: 2, err: `wireproof: ${join(getter, 'wireproof.config.mjs')}: cannot load config: getter\n` });
    const undef = project({ 'wireproof.config.mjs': 'export default undefined;\n' });
    expect((await outcome(undef)).err).toMatch(new RegExp(`^wireproof: ${join(undef, 'wireproof.config.mjs').replace(/[.\\/]/g, '\\$&')}: the module has no default export object`));
    // A module without a default export is read by its named exports, as before.
    expect(await outcome(project({ 'wireproof.config.mjs': 'export const failOn = "never";\n' }))).toEqual({ code: 0, err: '' });
  });

  test.each([
    ['a syntax error', 'x.config.mjs', 'export default {\n', /^wireproof: x\.config\.mjs: cannot load config: .+\n$/],
    ['a throw', 'x.config.mjs', 'throw new Error("boom");\n', /^wireproof: x\.config\.mjs: cannot load config: boom\n$/],
    ['a missing file', 'nope.config.mjs', undefined, /^wireproof: nope\.config\.mjs: cannot load config: no such file\n$/],
    ['a throw of a string', 'x.config.mjs', 'throw "boom";\n', /^wireproof: x\.config\.mjs: cannot load config: boom\n$/],
    ['a getter that throws', 'x.config.mjs', 'export default { get rules() { throw new Error("getter\\nsecond line"); } };\n', /^wireproof: [^\n]*x\.config\.mjs: cannot load config: getter\n$/],
    ['export default undefined', 'x.config.mjs', 'export default undefined;\n', /^wireproof: x\.config\.mjs: the module has no default export object \(its default export is undefined; write export default \{ … \}\)\n$/],
    ['export default null', 'x.config.mjs', 'export default null;\n', /^wireproof: x\.config\.mjs: the module has no default export object \(its default export is null;/],
    ['a default export function', 'x.config.mjs', 'export default () => ({ failOn: "never" });\n', /^wireproof: x\.config\.mjs: the module has no default export object \(its default export is function;/],
  ])('--config with a JavaScript module and %s: exit 2, one line naming the file', async (_name, file, source, expected) => {
    const dir = project(source === undefined ? {} : { [file]: source });
    const io = fakeIo({}, dir);
    expect(await run(['check', 'wire.txt', '--config', file], io)).toBe(2);
    expect(io.err.join('')).toMatch(expected);
    expect(io.out).toEqual([]);
  });

  test('a UTF-8 byte order mark (as Windows Notepad writes) before the JSON is ignored, found or given with --config', async () => {
    const BOM = '\uFEFF';
    const rc = project({ '.wireproofrc.json': `${BOM}${JSON.stringify({ failOn: 'never' })}` });
    expect(await run(['check', 'wire.txt'], fakeIo({}, rc))).toBe(0);
    const pkg = project({ 'package.json': `${BOM}${JSON.stringify({ name: 'desk', wireproof: { failOn: 'never' } })}` });
    expect(await run(['check', 'wire.txt'], fakeIo({}, pkg))).toBe(0);
    const explicit = project({ 'desk.json': `${BOM}${JSON.stringify({ failOn: 'never' })}` });
    const io = fakeIo({}, explicit);
    expect(await run(['check', 'wire.txt', '--config', 'desk.json'], io)).toBe(0);
    expect(io.err).toEqual([]);
  });

  test.each([
    ['--config', 'junk.json'],
    ['--baseline', 'junk.json'],
    ['--references', 'junk.jsonl'],
  ])('%s naming a binary file: exit 2, one printable line naming it, no raw bytes', async (flag, name) => {
    const dir = project({});
    // Undecodable bytes, an escape sequence, a control character, a newline and a NUL, as a wrong path can bring.
    writeFileSync(join(dir, name), Buffer.from([0xff, 0x1b, 0x5b, 0x33, 0x31, 0x6d, 0x01, 0x7e, 0x2b, 0xfe, 0xfd, 0x7d, 0x0a, 0x74, 0x67, 0x00, 0xc3]));
    const io = fakeIo({}, dir);
    expect(await run(['check', 'wire.txt', flag, name], io)).toBe(2);
    const err = io.err.join('');
    expect(err).toMatch(new RegExp(`^wireproof: [^\\n]*${name.replace('.', '\\.')}(?::1)?: invalid JSON: Unexpected token '\\?', "\\?\\[31m\\?~\\+\\?}[^\\n]*" is not valid JSON\\n$`));
    // eslint-disable-next-line no-control-regex
    expect(err.slice(0, -1)).not.toMatch(/[\u0000-\u001f\u007f-\u009f\ufffd]/);
    expect(io.out).toEqual([]);
  });

  test('a references file named in the configuration and again with --references (or its folder) is read once', async () => {
    const entry = { id: 'X1', language: 'fr', canonical: ['a déclaré un porte-parole'], variants: ['a indiqué mardi un porte-parole'], source: 'a spokesperson said', tags: ['seen'], evidence: 'our desk' };
    const dir = project({ 'r.jsonl': `${JSON.stringify(entry)}\n`, '.wireproofrc.json': JSON.stringify({ references: ['r.jsonl'] }) });
    for (const argv of [['--references', 'r.jsonl'], ['--references', './r.jsonl', '--references', 'r.jsonl'], ['--references', '.']]) {
      const io = fakeIo({}, dir);
      expect(await run(['check', 'wire.txt', '-f', 'json', ...argv], io)).not.toBe(2);
      expect(io.err).toEqual([]);
    }
  });

  test('an unknown language code in the configuration: exit 2, one line naming the file', async () => {
    const dir = project({ '.wireproofrc.json': JSON.stringify({ languages: ['xx'] }) });
    const io = fakeIo({}, dir);
    expect(await run(['check', 'wire.txt'], io)).toBe(2);
    expect(io.err.join('')).toMatch(/^wireproof: [^\n]*\.wireproofrc\.json: unknown language code "xx" \(known: fr, en, de, es, it, pt, nl, ca, gl, pl, [^\n]*, or an ISO 639-3 code such as fra\)\n$/);
  });

  test('an unknown key: exit 2, one line naming the file, the key and what is allowed', async () => {
    const dir = project({ '.wireproofrc.json': JSON.stringify({ rulez: {} }) });
    const io = fakeIo({}, dir);
    expect(await run(['check', 'wire.txt'], io)).toBe(2);
    const err = io.err.join('');
    expect(err.trim().split('\n')).toHaveLength(1);
    expect(err).toContain('.wireproofrc.json');
    expect(err).toContain('rulez');
    expect(err).toMatch(/allowed: .*rules/);
  });

  test('a bad value and an unknown rule id are named', async () => {
    const bad = fakeIo({}, project({ '.wireproofrc.json': JSON.stringify({ rules: { 'ric-code': 'loud' } }) }));
    expect(await run(['check', 'wire.txt'], bad)).toBe(2);
    expect(bad.err.join('')).toMatch(/rules\.ric-code.*allowed: error, warning, info, off/);
    const unknown = fakeIo({}, project({ '.wireproofrc.json': JSON.stringify({ rules: { 'no-such-rule': 'off' } }) }));
    expect(await run(['check', 'wire.txt'], unknown)).toBe(2);
    expect(unknown.err.join('')).toMatch(/rules\.no-such-rule: unknown rule/);
    // "__proto__" (an own key after JSON.parse) is refused, not assigned away as no rules at all.
    const protos: [string, RegExp][] = [
      ['{"rules":{"__proto__":"off"}}', /\.wireproofrc\.json: rules\.__proto__: unknown rule \(rule ids are kebab-case, e\.g\. ric-code; docs\/rules\/ has one page per rule\)\n$/],
      // Not kebab-case: zod said "Invalid key in record".
      ['{"rules":{"hasOwnProperty":"off"}}', /\.wireproofrc\.json: rules\.hasOwnProperty: unknown rule \(rule ids are kebab-case/],
      ['{"__proto__":{"prior":0.9}}', /\.wireproofrc\.json: unknown key "__proto__" \(allowed: rules, /],
      ['{"languages":["fr"],"foo":{"__proto__":1}}', /\.wireproofrc\.json: unknown key "foo" \(allowed: /],
      ['{"thresholds":{"__proto__":1}}', /\.wireproofrc\.json: unknown key "thresholds\.__proto__" \(allowed: driftSimilarity, phrasingMatch\)/],
      ['{"thresholds":{"foo":1}}', /\.wireproofrc\.json: unknown key "thresholds\.foo" \(allowed: driftSimilarity, phrasingMatch\)/],
    ];
    for (const [json, message] of protos) {
      const proto = fakeIo({}, project({ '.wireproofrc.json': json }));
      expect(await run(['check', 'wire.txt'], proto)).toBe(2);
      expect(proto.err.join('')).toMatch(message);
    }
    // An inherited key is not a rule either, and the file is still named.
    const inherited = fakeIo({}, project({ '.wireproofrc.json': JSON.stringify({ rules: { constructor: 'off' } }) }));
    expect(await run(['check', 'wire.txt'], inherited)).toBe(2);
    expect(inherited.err.join('')).toMatch(/\.wireproofrc\.json: rules\.constructor: unknown rule/);
    expect(await run(['batch', 'wire.txt', '--out', 'out'], inherited)).toBe(2);
    expect(inherited.err.join('')).toMatch(/\.wireproofrc\.json: rules\.constructor: unknown rule[^]*\.wireproofrc\.json: rules\.constructor: unknown rule/);
    const prior = fakeIo({}, project({ '.wireproofrc.json': JSON.stringify({ prior: 2 }) }));
    expect(await run(['check', 'wire.txt'], prior)).toBe(2);
    expect(prior.err.join('')).toMatch(/prior/);
  });

  test('the published JSON Schema matches the zod schema', () => {
    const published = JSON.parse(readFileSync('docs/config.schema.json', 'utf8')) as unknown;
    expect(published).toEqual(JSON.parse(JSON.stringify(z.toJSONSchema(configSchema()))));
  });
});

describe('baseline', () => {
  test('a baseline named in the configuration but not created yet: exit 2, one line saying how to create it', async () => {
    const dir = project({ '.wireproofrc.json': JSON.stringify({ baseline: 'wireproof-baseline.json' }) });
    const io = fakeIo({}, dir);
    expect(await run(['check', 'wire.txt'], io)).toBe(2);
    expect(io.err.join('')).toMatch(/^wireproof: .*wireproof-baseline\.json: no baseline file yet \(create it once with --update-baseline\)\n$/);
    expect(await run(['check', 'wire.txt', '--update-baseline'], fakeIo({}, dir))).toBe(0);
    expect(await run(['check', 'wire.txt'], fakeIo({}, dir))).toBe(0);
  });

  test('a baseline file saved with a UTF-8 byte order mark is read', async () => {
    const dir = project({});
    expect(await run(['check', 'wire.txt', '--baseline', 'baseline.json', '--update-baseline'], fakeIo({}, dir))).toBe(0);
    writeFileSync(join(dir, 'baseline.json'), `\uFEFF${readFileSync(join(dir, 'baseline.json'), 'utf8')}`);
    const io = fakeIo({}, dir);
    expect(await run(['check', 'wire.txt', '--baseline', 'baseline.json', '--max-warnings', '0'], io)).toBe(0);
    expect(io.err.join('')).toMatch(/accepted by the baseline/);
  });

  test('--update-baseline accepts current findings; a later run fails only on new ones', async () => {
    const dir = project({});
    const io = fakeIo({}, dir);
    expect(await run(['check', 'wire.txt', '-f', 'json', '--baseline', 'baseline.json', '--update-baseline'], io)).toBe(0);
    const baseline = JSON.parse(readFileSync(join(dir, 'baseline.json'), 'utf8')) as { files: Record<string, string[]> };
    expect(baseline.files['wire.txt']!.length).toBeGreaterThan(0);
    // Same file, lines moved: still accepted.
    const moved = `\n\n${readFileSync(join(dir, 'wire.txt'), 'utf8')}`;
    writeFileSync(join(dir, 'wire.txt'), moved);
    expect(await run(['check', 'wire.txt', '-f', 'json', '--baseline', 'baseline.json', '--max-warnings', '0'], fakeIo({}, dir))).toBe(0);
    // A new broken apostrophe is a new finding.
    writeFileSync(join(dir, 'wire.txt'), `${moved}\n\nLe groupe a refusé d 'utiliser ce modèle pour des armes autonomes, selon le journal.\n`);
    const after = fakeIo({}, dir);
    expect(await run(['check', 'wire.txt', '-f', 'json', '--baseline', 'baseline.json', '--max-warnings', '0'], after)).toBe(1);
  });
});

describe('baseline: a finding about the whole document', () => {
  test('undeclared-machine-translation stays accepted when a paragraph is added on top or the lede is edited', async () => {
    const dir = project({});
    writeFileSync(join(dir, 'wire.txt'), readFileSync('seeds/003_86d609dcec19a228.txt'));
    expect(await run(['check', 'wire.txt', '-f', 'unix', '--baseline', 'baseline.json', '--update-baseline'], fakeIo({}, dir))).toBe(0);
    const original = readFileSync(join(dir, 'wire.txt'), 'utf8');
    for (const text of [`Une nouvelle ligne en tête, ajoutée par le desk.\n\n${original}`, original.replace('OpenAI envisage', 'OpenAI étudie')]) {
      writeFileSync(join(dir, 'wire.txt'), text);
      const io = fakeIo({}, dir);
      const code = await run(['check', 'wire.txt', '-f', 'unix', '--baseline', 'baseline.json', '--rule', 'wording-drift=off', '--rule', 'machine-phrasing=off', '--rule', 'typography=off'], io);
      expect(io.out.join('')).not.toMatch(/undeclared-machine-translation/);
      expect(code).toBe(0);
    }
  });
});

describe('configuration: language codes as the command line reads them', () => {
  test.each([['fr-FR'], ['FR'], ['fra']])('%s is accepted', async (code) => {
    const dir = project({ '.wireproofrc.json': JSON.stringify({ languages: [code] }) });
    const io = fakeIo({}, dir);
    await run(['check', 'wire.txt', '-f', 'json'], io);
    expect(io.err.join('')).toBe('');
    expect((JSON.parse(io.out.join('')) as Array<{ language: string }>)[0]!.language).toBe('fr');
  });
});
