// Public API: check() never prints or exits; input problems become reports, caller mistakes throw.
import { describe, expect, test } from '@jest/globals';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { check, checkFile, checkFiles, checkIngested, resolveOptions, rulesMeta, WireproofError } from '../src/api.js';

const INGESTED = { file: 'x.txt', source: 'Le ministre a présenté mardi un plan de relance.', encoding: 'utf-8', format: 'text' as const };

describe('api', () => {
  test('check(text) returns a report; bytes that are binary give an error report, not an exception', async () => {
    const report = await check('Le ministre a présenté mardi un plan de relance destiné aux petites entreprises du secteur agricole.');
    expect(report.paragraphs).toHaveLength(1);
    expect(report.error).toBeUndefined();
    const binary = await check(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d, 0, 1, 2, 3, 0, 0, 0, 0]));
    expect(binary.error?.code).toBe('binary');
    // The 64 MiB limit of files and standard input holds for text in memory too.
    const big = await check(new Uint8Array(64 * 1024 * 1024 + 1).fill(0x61), { file: 'paste.txt' });
    expect(big.error).toEqual({ code: 'too-large', message: 'paste.txt: text too large (more than 64 MiB; the limit is 64 MiB)' });
    // The source is the caller's error, checked first, as checkFile does.
    await expect(check(new Uint8Array(64 * 1024 * 1024 + 1), { source: '/no/such/original.en.txt' })).rejects.toMatchObject({ code: 'usage' });
  });

  test('a missing source file or a bad prior is the caller’s error: it throws', async () => {
    await expect(check('Un texte.', { source: '/no/such/original.en.txt' })).rejects.toThrow(/original\.en\.txt/);
    await expect(check('Un texte.', { prior: 0 })).rejects.toThrow(/prior/);
    await expect(checkFiles(['seeds/000_22f5c933d92a2ddd.txt'], { source: '/no/such/original.en.txt' })).rejects.toThrow(/original\.en\.txt/);
    // As README promises: code usage, and the message names the option (review: it was not-found, like a missing wire).
    await expect(check('Un texte.', { source: '/no/such/original.en.txt' })).rejects.toMatchObject({ code: 'usage', message: 'source: /no/such/original.en.txt: no such file' });
    await expect(check('Un texte.', { source: 'seeds' })).rejects.toMatchObject({ code: 'usage', message: expect.stringMatching(/^source: seeds: /) });
  });

  test('an unknown rule id or level in options.rules is the caller’s error: it throws, as the CLI exits 2', async () => {
    await expect(check('Un texte.', { rules: { 'ric-codes': 'off' } })).rejects.toThrow(/rules\.ric-codes: unknown rule \(known: .*ric-code/);
    await expect(check('Un texte.', { rules: { 'ric-code': 'loud' as 'off' } })).rejects.toThrow(/rules\.ric-code: level must be error, warning, info or off/);
    await expect(check('Un texte.', { rules: { toString: 'off' as const } })).rejects.toThrow(/unknown rule/);
    await expect(checkFiles(['seeds/000_22f5c933d92a2ddd.txt'], { rules: { 'no-such-rule': 'off' } })).rejects.toThrow(/unknown rule/);
    expect((await check('Un texte.', { rules: { 'ric-code': 'off', 'wording-drift': 'error' } })).error).toBeUndefined();
  });

  test('languages: ISO 639-1 codes in any case or with a region, or ISO 639-3; an unknown code or an empty list throws', async () => {
    const text = "Le ministre a présenté mardi un plan de relance destiné aux petites entreprises du secteur agricole, d 'après le communiqué.";
    const plain = await check(text);
    expect(plain.language).toBe('fr');
    for (const languages of [['fr'], ['FR'], ['fr-FR'], ['fr_CA'], ['fra', 'eng']]) {
      const report = await check(text, { languages });
      expect([report.language, report.paragraphs.map((p) => p.signals.map((s) => s.ruleId))]).toEqual([plain.language, plain.paragraphs.map((p) => p.signals.map((s) => s.ruleId))]);
    }
    await expect(check(text, { languages: ['french'] })).rejects.toThrow(/^languages: unknown language code "french" \(known: fr, en/);
    await expect(check(text, { languages: ['xx'] })).rejects.toThrow(/unknown language code "xx"/);
    await expect(check(text, { languages: [] })).rejects.toThrow(/give at least one language code/);
    await expect(check(text, { languages: 'fr' as unknown as string[] })).rejects.toThrow(/expected an array/);
  });

  test('a corpora folder replaces the shipped one, phrasings included', async () => {
    const text = "Le Pentagone n'a pas répondu immédiatement à une demande de commentaire, a indiqué la société.";
    const phrasings = async (corpora?: string): Promise<string[]> =>
      (await check(text, corpora ? { corpora } : {})).paragraphs.flatMap((p) => p.signals.filter((s) => s.ruleId === 'machine-phrasing').map((s) => String((s.data as { referenceId: string }).referenceId)));
    const shipped = await phrasings();
    expect(shipped.length).toBeGreaterThan(0);
    // Corpora and phrasings are cached per folder for the life of the process: each case gets its own copy.
    const copy = (): string => {
      const root = join(mkdtempSync(join(tmpdir(), 'wireproof-corpora-')), 'corpora');
      cpSync('corpora', root, { recursive: true });
      return root;
    };
    expect(await phrasings(copy())).toEqual(shipped);
    const none = copy();
    rmSync(join(none, 'phrasings'), { recursive: true });
    expect(await phrasings(none)).toEqual([]);
    // An empty phrasings/ is no phrasings too, not an error (it was exit 2; review).
    const empty = copy();
    rmSync(join(empty, 'phrasings', 'fr.jsonl'));
    expect(await phrasings(empty)).toEqual([]);
    // The user's own phrasings file in place of the shipped one: only its entries count.
    const root = copy();
    writeFileSync(
      join(root, 'phrasings', 'fr.jsonl'),
      `${JSON.stringify({ id: 'DESK-NO-COMMENT', language: 'fr', canonical: ["n'a pas donné suite"], variants: ["n'a pas répondu immédiatement à une demande de commentaire"], source: 'did not immediately respond to a request for comment', tags: ['seen'], evidence: 'our desk, 2026-11-24' })}\n`,
    );
    expect(await phrasings(root)).toEqual(['DESK-NO-COMMENT']);
  });

  test('other caller mistakes throw one clear error instead of being ignored or failing as a TypeError', async () => {
    const cases: [() => Promise<unknown>, RegExp][] = [
      [() => check(null as unknown as string), /^check\(input\): expected a string or a Uint8Array \(got null\)$/],
      [() => check(42 as unknown as string), /got number/],
      [() => check('Un texte.', null as unknown as object), /^options: expected an object \(got null\)$/],
      [() => check('Un texte.', { format: 'pdf' as 'text' }), /^format: expected "auto", "text" or "html" \(got "pdf"\)$/],
      [() => check('Un texte.', { references: 'mine.jsonl' as unknown as string[] }), /^references: expected an array/],
      [() => check('Un texte.', { thresholds: { phrasingMatch: 5 } }), /^thresholds\.phrasingMatch: expected a number from 0\.05 to 1 \(got 5\)$/],
      [() => check('Un texte.', { thresholds: { phrasingMatch: 0.01 } }), /^thresholds\.phrasingMatch: expected a number from 0\.05 to 1 \(got 0\.01\)$/],
      [() => check('Un texte.', { thresholds: { driftSimilarity: Number.NaN } }), /^thresholds\.driftSimilarity: expected a number from 0 to 1 \(got NaN\)$/],
      [() => check('Un texte.', { thresholds: { drift: 0.5 } as never }), /^thresholds\.drift: unknown threshold/],
      [() => checkFile(undefined as unknown as string), /^checkFile\(path\): expected a string/],
    ];
    for (const [call, expected] of cases) await expect(call()).rejects.toThrow(expected);
  });

  // Each option of the wrong type: a WireproofError 'usage' naming it, not a TypeError, a Node error, or a wrong use.
  const wrong = <T>(value: unknown): T => value as T;
  test.each<[string, () => Promise<unknown>, RegExp]>([
    ['checkFiles(a string): not one file per character', () => checkFiles(wrong('good.txt')), /^checkFiles\(paths\): expected an array of paths \(got string\)$/],
    ['checkFiles(null)', () => checkFiles(wrong(null)), /^checkFiles\(paths\): expected an array of paths \(got null\)$/],
    ['checkFiles([a number])', () => checkFiles(wrong(['good.txt', 5])), /^checkFiles\(paths\): paths\[1\]: expected a string \(got number\)$/],
    ['source: {}', () => check('Un texte.', { source: wrong({}) }), /^source: expected a path or an ingested text .*\(got object\)$/],
    ['source: 5', () => check('Un texte.', { source: wrong(5) }), /^source: expected a path or an ingested text .*\(got number\)$/],
    ['source: null', () => check('Un texte.', { source: wrong(null) }), /^source: .*\(got null\)$/],
    ['corpora: 5', () => check('Un texte.', { corpora: wrong(5) }), /^corpora: expected a string \(got number\)$/],
    ['cwd: 5 (checkFile)', () => checkFile('good.txt', { cwd: wrong(5) }), /^cwd: expected a string \(got number\)$/],
    ['cwd: 5 (check)', () => check('Un texte.', { cwd: wrong(5) }), /^cwd: expected a string \(got number\)$/],
    ['file: an object', () => check('Un texte.', { file: wrong({ a: 1 }) }), /^file: expected a string \(got object\)$/],
    ['prior: a string', () => check('Un texte.', { prior: wrong('0.01') }), /^prior: expected a number strictly between 0 and 1 \(got string\)$/],
    ['prior: an array', () => check('Un texte.', { prior: wrong([0.5]) }), /^prior: expected a number strictly between 0 and 1 \(got an array\)$/],
    ['phrasings: a string', () => check('Un texte.', { phrasings: wrong('false') }), /^phrasings: expected true or false \(got string\)$/],
    ['thresholds: a number', () => check('Un texte.', { thresholds: wrong(5) }), /^thresholds: expected an object .*\(got number\)$/],
    ['thresholds: null', () => check('Un texte.', { thresholds: wrong(null) }), /^thresholds: expected an object .*\(got null\)$/],
    ['rules: a string', () => check('Un texte.', { rules: wrong('off') }), /^rules: expected an object .*\(got string\)$/],
    ['rules: an array', () => check('Un texte.', { rules: wrong([]) }), /^rules: expected an object .*\(got an array\)$/],
    ['references: [a number]', () => check('Un texte.', { references: wrong([5]) }), /^references: expected an array of file or folder paths \(none empty\)$/],
    ['references: [an empty path]', () => check('Un texte.', { references: [''] }), /^references: expected an array of file or folder paths \(none empty\)$/],
    ['languages: [a number]', () => check('Un texte.', { languages: wrong([5]) }), /^languages: unknown language code 5/],
    ['format: a number', () => check('Un texte.', { format: wrong(5) }), /^format: expected "auto", "text" or "html" \(got 5\)$/],
    // Unknown keys: the CLI's singular flag names did nothing (review).
    ['language: an unknown key', () => check('Un texte.', wrong({ language: ['en'] })), /^options\.language: unknown option \(known: corpora, cwd, file, format, languages, phrasings, prior, references, rules, source, thresholds\); did you mean "languages"\?$/],
    ['failOn: an unknown key', () => check('Un texte.', wrong({ failOn: 'never' })), /^options\.failOn: unknown option \(known: [^)]*\)$/],
    ['options: an array', () => check('Un texte.', wrong([])), /^options: expected an object \(got an array\)$/],
    ['an inherited unknown key', () => check('Un texte.', Object.create({ language: ['en'] }) as object), /^options\.language: unknown option/],
    ['checkIngested: options are checked', async () => checkIngested(INGESTED, { prior: wrong('0.9') }), /^prior: expected a number strictly between 0 and 1 \(got string\)$/],
    ['checkIngested: an unknown rule', async () => checkIngested(INGESTED, { rules: { 'ric-cod': 'off' } }), /^rules\.ric-cod: unknown rule/],
    ['checkIngested: languages a string', async () => checkIngested(INGESTED, { languages: wrong('fr') }), /^languages: expected an array of language codes/],
    ['checkIngested: not an ingested text', async () => checkIngested(wrong({ text: 'x' })), /^checkIngested\(input\): expected an ingested text .*\(got object\)$/],
    ['resolveOptions(null)', () => resolveOptions(wrong(null)), /^options: expected an object \(got null\)$/],
  ])('%s: a usage error naming it', async (_name, call, expected) => {
    const error = await call().then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(WireproofError);
    expect((error as WireproofError).code).toBe('usage');
    expect((error as Error).message).toMatch(expected);
  });

  test('identification chooses within the languages given (a documented limit: Spanish under fr, en is French)', async () => {
    const spanish =
      'MADRID, 3 mar (Reuters) - La compañía anunció el martes que cerrará dos fábricas en el norte del país, según un comunicado del grupo.\n\n' +
      'Los sindicatos convocaron una huelga para la próxima semana y pidieron al Gobierno que intervenga en la negociación.\n';
    expect((await check(spanish, { languages: ['fr', 'en'] })).language).toBe('fr');
    expect((await check(spanish)).language).toBe('es');
  });

  test('inherited known options are read, with or without cwd (a spread kept own keys only)', async () => {
    const text = 'The minister presented a recovery plan for small farms on Tuesday, the ministry said in a statement.';
    expect((await check(text, Object.create({ languages: ['en'] }) as object)).language).toBe('en');
    expect((await check(text, Object.assign(Object.create({ languages: ['en'] }) as object, { cwd: process.cwd() }))).language).toBe('en');
  });

  test('an English passage the page marks lang="en" (an embedded tweet) is a quotation, not untranslated English', async () => {
    const tweet = 'Great meeting with President Macron today in Paris. France is a great friend of the United States and we will keep working together on trade!';
    const body = "<p>Emmanuel Macron a reçu samedi Donald Trump à l'Élysée pour un déjeuner de travail consacré à l'Ukraine et au commerce.</p>";
    const page = (lang: string): string => `<html lang="fr"><body><article>${body}<blockquote class="twitter-tweet"><p${lang}>${tweet}</p></blockquote>${body}</article></body></html>`;
    const rules = async (lang: string): Promise<string[]> => (await check(page(lang), { format: 'html' })).messages.map((m) => m.ruleId);
    expect(await rules(' lang="en" dir="ltr"')).not.toContain('untranslated-english');
    expect(await rules('')).toContain('untranslated-english');
  });

  test('a heading a page keeps on its own line with <br> is not a fused heading; the same words flattened are', async () => {
    const after = "Le retrait d'Anthropic fait suite à une dispute avec le Pentagone sur l'utilisation de ses modèles.";
    const rules = async (html: string): Promise<string[]> => (await check(`<html lang="fr"><body><article>${html}</article></body></html>`, { format: 'html' })).messages.map((m) => m.ruleId);
    expect(await rules(`<p><strong>SURVEILLANCE DE MASSE</strong><br>${after}</p>`)).not.toContain('fused-heading');
    expect(await rules(`<p><strong>SURVEILLANCE DE MASSE</strong> ${after}</p>`)).toContain('fused-heading');
  });

  test('a <br> inside a title or a byline block leaves its kind as it was (review, 2026-12-08)', async () => {
    const body = "<p>Le Wall Street Journal a d'abord rapporté mardi qu'OpenAI envisageait un contrat avec l'Otan, selon des sources.</p>";
    const report = await check(`<html lang="fr"><body><article><h1>OpenAI envisage un contrat<br>avec l'Otan</h1><p>Par Jean Dupont<br>Le 3 mars 2026</p>${body}${body}</article></body></html>`, { format: 'html' });
    expect(report.paragraphs.map((p) => [p.kind, p.text])).toEqual([
      ['headline', "OpenAI envisage un contrat\navec l'Otan"],
      ['headline', 'Par Jean Dupont\nLe 3 mars 2026'],
      ['body', expect.stringMatching(/^Le Wall Street Journal/)],
      ['body', expect.stringMatching(/^Le Wall Street Journal/)],
    ]);
    // …and a <br> inside a sentence does not end it.
    const { ingestBytes } = await import('../src/ingest/read.js');
    const { segment } = await import('../src/segment/paragraphs.js');
    const { loadCorpora } = await import('../src/corpora/index.js');
    const page = `<html lang="fr"><body><article><h1>Le titre</h1><p>Le Wall Street Journal a d'abord rapporté mardi<br>qu'OpenAI envisageait un contrat avec l'Otan. Une seconde phrase suit ici.</p>${body}</article></body></html>`;
    const { paragraphs } = segment(await ingestBytes(new TextEncoder().encode(page), 'p.html', { format: 'html' }), loadCorpora());
    expect(paragraphs[1]!.sentences.map((x) => x.text)).toEqual(["Le Wall Street Journal a d'abord rapporté mardi qu'OpenAI envisageait un contrat avec l'Otan.", 'Une seconde phrase suit ici.']);
  });

  test('quotes left open are a hint: two of them do not corroborate a glossed name into an error (a fourth review)', async () => {
    const text = "Boeing : l'autorité de l'aviation civile américaine ouvre une enquête\n\nWASHINGTON (AFP) - La Federal Aviation Administration (Administration fédérale de l'aviation) a ouvert mardi une enquête après la perte d'un panneau de fuselage sur un Boeing 737 MAX d'Alaska Airlines.\n\nL'avion, qui transportait 171 passagers, a pu se poser sans encombre à Portland. Boeing a dit « coopérer pleinement avec les enquêteurs.\n\nUn passager a raconté avoir vu « le ciel à travers la carlingue pendant de longues minutes, selon la presse locale.\n\nLa compagnie a cloué au sol ses appareils du même modèle en attendant les inspections.\n";
    const report = await check(text);
    expect(report.verdict).toBe('uncertain');
    expect(report.paragraphs.flatMap((p) => p.signals).filter((s) => s.ruleId === 'unbalanced-quote')).toHaveLength(2);
    // A second artefact of weight does corroborate it.
    expect((await check(text.replace('à Portland.', 'à Portland , selon la compagnie.'))).verdict).toBe('undeclared-machine');
  });

  test('an ingested text without file or encoding, or with malformed blocks, is a usage error, not a TypeError (API review)', async () => {
    const wrong = <T>(value: unknown): T => value as T;
    for (const source of [{ source: '', format: 'text' }, { file: 'x', source: 'x', encoding: 'utf-8', format: 'html', blocks: [{}] }]) {
      await expect(check('Le ministre a présenté un plan.', { source: wrong(source) })).rejects.toMatchObject({ code: 'usage', message: expect.stringMatching(/^source: expected a path or an ingested text/) });
    }
    expect(() => checkIngested(wrong({ source: 'Le ministre a présenté un plan.', format: 'text' }))).toThrow(/strings "file", "source" and "encoding"/);
  });

  test('an ingested text is still a valid source', async () => {
    const source = { file: 'original.en.txt', source: 'The minister presented a plan on Tuesday.', encoding: 'utf-8', format: 'text' as const };
    expect((await check('Le ministre a présenté un plan mardi.', { source })).error).toBeUndefined();
  });

  test('cwd applies to every relative path: the input, the source, references and corpora', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'wireproof-cwd-'));
    cpSync('corpora', join(dir, 'mycorpora'), { recursive: true });
    writeFileSync(join(dir, 'wire.txt'), "Le Pentagone n'a pas répondu à une demande de commentaire de Reuters, a indiqué mardi un porte-parole.\n");
    writeFileSync(
      join(dir, 'mine.jsonl'),
      `${JSON.stringify({ id: 'DESK-SPOKESMAN', language: 'fr', canonical: ['a déclaré un porte-parole'], variants: ['a indiqué mardi un porte-parole'], source: 'a spokesperson said on Tuesday', tags: ['seen'], evidence: 'our desk, 2026-11-24' })}\n`,
    );
    const report = await checkFile('wire.txt', { cwd: dir, references: ['mine.jsonl'], corpora: 'mycorpora' });
    expect(report.error).toBeUndefined();
    expect(report.file).toBe('wire.txt');
    expect(report.paragraphs[0]!.signals.some((s) => (s.data as { referenceId?: string } | undefined)?.referenceId === 'DESK-SPOKESMAN')).toBe(true);
    // The same references file given twice (here once relative, once absolute) is read once, not refused as a duplicate id.
    const twice = await checkFile('wire.txt', { cwd: dir, references: ['mine.jsonl', join(dir, 'mine.jsonl')], corpora: 'mycorpora' });
    expect(twice.paragraphs[0]!.signals).toEqual(report.paragraphs[0]!.signals);
  });

  test('a failure of wireproof’s own on one file is that file’s `internal` error report, not a thrown error (review, 2026-12-08)', async () => {
    const failing = { source: { input: INGESTED, module: { assertSourceText: () => undefined, checkSource: () => { throw new RangeError('Maximum call stack size exceeded'); } } } };
    const report = await checkFile('seeds/000_22f5c933d92a2ddd.txt', {}, failing as unknown as Parameters<typeof checkFile>[2]);
    expect(report.error).toEqual({ code: 'internal', message: 'seeds/000_22f5c933d92a2ddd.txt: internal error: Maximum call stack size exceeded (please report it)' });
    expect(report.paragraphs).toEqual([]);
  });

  test('a desk’s references and corpora edited between two checks of one process are read again (API review, 2026-12-08)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'wireproof-stale-'));
    const text = "Le Pentagone n'a pas répondu à une demande de commentaire de Reuters, a indiqué mardi un porte-parole.\n";
    const entry = (id: string, variant: string): string =>
      `${JSON.stringify({ id, language: 'fr', canonical: ['a déclaré un porte-parole'], variants: [variant], source: 'a spokesperson said', tags: ['seen'], evidence: 'our desk, 2026-12-08' })}\n`;
    const refs = join(dir, 'mine.jsonl');
    const ids = async (): Promise<string[]> =>
      (await check(text, { references: [refs] })).paragraphs.flatMap((p) => p.signals).flatMap((s) => (s.data as { referenceId?: string } | undefined)?.referenceId ?? []);
    writeFileSync(refs, entry('DESK-A', 'a indiqué mardi un porte-parole'));
    expect(await ids()).toContain('DESK-A');
    writeFileSync(refs, entry('DESK-B', 'a indiqué mardi un porte-parole'));
    expect(await ids()).toContain('DESK-B');
    expect(await ids()).not.toContain('DESK-A');
    writeFileSync(refs, '{"id": \n');
    await expect(check(text, { references: [refs] })).rejects.toMatchObject({ code: 'corpus' });
    // A corpora folder: a notice added to it is read by the next check.
    cpSync('corpora', join(dir, 'desk'), { recursive: true });
    const wire = 'Le ministre a présenté mardi un plan de relance pour les entreprises.\n\n[Traduit par la machine du bureau]\n';
    expect((await check(wire, { corpora: join(dir, 'desk') })).notices).toEqual([]);
    writeFileSync(
      join(dir, 'desk', 'notices', 'desk.jsonl'),
      `${JSON.stringify({ id: 'DESK-NOTICE', agency: 'Desk', language: 'fr', declares: 'machine-translation', text: '[Traduit par la machine du bureau]', pattern: String.raw`\[traduit par la machine du bureau\]`, weight: 5, status: 'seen', source: 'our desk, 2026-12-08' })}\n`,
    );
    expect((await check(wire, { corpora: join(dir, 'desk') })).notices.map((n) => n.id)).toEqual(['DESK-NOTICE']);
  });

  test('small option cases (API review, 2026-12-08): a threshold left undefined, bytes from another realm, an empty folder name', async () => {
    const text = 'Le ministre a présenté mardi un plan de relance pour les entreprises.';
    expect((await check(text, { thresholds: { phrasingMatch: undefined } })).error).toBeUndefined();
    const { runInNewContext } = await import('node:vm');
    const foreign = runInNewContext('Uint8Array.from(bytes)', { bytes: Array.from(new TextEncoder().encode(text)) }) as Uint8Array;
    expect(foreign instanceof Uint8Array).toBe(false);
    expect((await check(foreign)).paragraphs.map((p) => p.text)).toEqual([text]);
    await expect(check(text, { corpora: '' })).rejects.toMatchObject({ code: 'usage', message: 'corpora: expected a folder path (got an empty string)' });
  });

  test('rulesMeta() gives a copy: changing it changes no later check (API review, 2026-12-08)', async () => {
    const before = await check(readFileSync('seeds/003_86d609dcec19a228.txt', 'utf8'));
    const meta = rulesMeta();
    meta['ric-code']!.defaultSeverity = 'error';
    meta['calque']!.kinds.length = 0;
    expect(rulesMeta()['ric-code']!.defaultSeverity).toBe('warning');
    expect(await check(readFileSync('seeds/003_86d609dcec19a228.txt', 'utf8'))).toEqual(before);
  });

  test('every registered rule has a kebab-case id and a docs page that exists', () => {
    for (const [id, meta] of Object.entries(rulesMeta())) {
      expect(id).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
      expect(meta.docs).toBe(`docs/rules/${id}.md`);
      expect(existsSync(meta.docs)).toBe(true);
    }
  });
});

describe('package entry points', () => {
  test('every subpath in package.json "exports" points at a file the package ships (dist from src, or docs)', async () => {
    const { readFileSync } = await import('node:fs');
    const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { exports: Record<string, string>; files: string[] };
    expect(Object.keys(pkg.exports).sort()).toEqual(['.', './compare', './config.schema.json', './package.json', './report.schema.json']);
    for (const target of Object.values(pkg.exports)) {
      // dist/ is built from src/ (dist/x.js ← src/x.ts); anything else ships as it is.
      const file = target.replace(/^\.\/dist\/(.*)\.js$/, './src/$1.ts');
      expect(existsSync(new URL(`../${file}`, import.meta.url))).toBe(true);
      expect(target === './package.json' || pkg.files.includes(target.split('/')[1]!)).toBe(true);
    }
  });

  test('wireproof/compare exports compare and its formatters', async () => {
    const api = await import('../src/compare-api.js');
    const c = await api.compare('Le texte de la dépêche.', 'Le texte de la dépêche publiée.', { referenceFile: 'a.txt', candidateFile: 'b.txt' });
    expect(c.summary.edited).toBe(1);
    expect(JSON.parse(api.formatComparisonJson(c))).toMatchObject({ reference: 'a.txt', candidate: 'b.txt' });
    expect(api.formatComparisonText(c, { color: false })).toContain('a.txt → b.txt');
  });
});

describe('wireproof/compare: caller mistakes throw a usage error naming the option', () => {
  const wrong = <T>(value: unknown): T => value as T;
  test.each<[string, () => Promise<unknown>, RegExp]>([
    ['a misspelt key', async () => (await import('../src/compare-api.js')).compare('a', 'b', wrong({ candidatefile: 'x' })), /^options\.candidatefile: unknown option \(known: /],
    ['format: pdf', async () => (await import('../src/compare-api.js')).compare('a', 'b', wrong({ format: 'pdf' })), /^format: expected "auto", "text" or "html" \(got "pdf"\)$/],
    ['options: null', async () => (await import('../src/compare-api.js')).compare('a', 'b', wrong(null)), /^options: expected an object \(got null\)$/],
    ['a number as the reference', async () => (await import('../src/compare-api.js')).compare(wrong(5), 'b'), /^compare\(reference\): expected a string or an ingested text \(got number\)$/],
    ['minSimilarity: 2', async () => (await import('../src/compare-api.js')).compare('a', 'b', { minSimilarity: 2 }), /^minSimilarity: expected a number from 0 to 1 \(got 2\)$/],
    ['languages: xx', async () => (await import('../src/compare-api.js')).compare('a', 'b', { languages: ['xx'] }), /^languages: unknown language code "xx"/],
    ['a singular key: no hint (compare has no CLI singulars)', async () => (await import('../src/compare-api.js')).compare('a', 'b', wrong({ language: ['fr'] })), /^options\.language: unknown option \(known: [^)]*\)$/],
    ['an ingested input with bad blocks', async () => (await import('../src/compare-api.js')).compare(wrong({ source: 'a', format: 'text', blocks: 'x' }), 'b'), /^compare\(reference\): expected a string or an ingested text \(got object\)$/],
    ['diff: an unknown bound', async () => (await import('../src/compare-api.js')).compare('a', 'b', wrong({ diff: { timeOut: 5 } })), /^diff\.timeOut: unknown option \(known: maxEditLength, timeout\)$/],
    ['diff: a bound that is not a positive number', async () => (await import('../src/compare-api.js')).compare('a', 'b', wrong({ diff: { maxEditLength: -5 } })), /^diff\.maxEditLength: expected a whole number of edits, 1 or more \(got number -5\)$/],
    ['diff: a fraction of an edit, inherited', async () => (await import('../src/compare-api.js')).compare('a', 'b', wrong({ diff: Object.create({ maxEditLength: 0.001 }) })), /^diff\.maxEditLength: expected a whole number of edits/],
    ['diff: a timeout given as text', async () => (await import('../src/compare-api.js')).compare('a', 'b', wrong({ diff: { timeout: 'x' } })), /^diff\.timeout: expected a positive number of milliseconds \(got string x\)$/],
    ['corpora: an empty string', async () => (await import('../src/compare-api.js')).compare('a', 'b', { corpora: '' }), /^corpora: expected a folder path \(got an empty string\)$/],
    ['source: a text where a path is expected', async () => (await import('../src/compare-api.js')).compare('a', 'b', { source: 'The Pentagon said.\nIt added more.' }), /^source: expected a path or an ingested text \(\{ file, source, encoding, format \}\); got a text of 33 characters/],
    ['an unknown rule', async () => (await import('../src/compare-api.js')).compare('a', 'b', { rules: { 'no-such-rule': 'off' } }), /^rules\.no-such-rule: unknown rule \(compare runs the source rules: source-number, /],
    ['a bad level', async () => (await import('../src/compare-api.js')).compare('a', 'b', wrong({ rules: { 'source-number': 'fatal' } })), /^rules\.source-number: level must be error, warning, info or off \(got "fatal"\)$/],
  ])('%s', async (_name, call, expected) => {
    const error = await call().then(() => undefined, (e: unknown) => e);
    expect(error).toBeInstanceOf(WireproofError);
    expect((error as WireproofError).code).toBe('usage');
    expect((error as Error).message).toMatch(expected);
  });

  test('source is a path or an ingested text, as in check(): a path is read, a missing one named (review, 2026-12-08)', async () => {
    const api = await import('../src/compare-api.js');
    const fr = "Le Pentagone a annoncé mardi 3 nouveaux contrats, a déclaré un porte-parole.";
    const en = 'The Pentagon announced 3 new contracts on Tuesday, a spokesperson said.';
    const dir = mkdtempSync(join(tmpdir(), 'wireproof-compare-source-'));
    writeFileSync(join(dir, 'original.en.txt'), en);
    const byPath = await api.compare(fr, fr, { source: join(dir, 'original.en.txt') });
    const byText = await api.compare(fr, fr, { source: { file: join(dir, 'original.en.txt'), source: en, encoding: 'utf-8', format: 'text' } });
    expect(byPath.source).toEqual(byText.source);
    expect(byPath.source!.file).toBe(join(dir, 'original.en.txt'));
    const error = await api.compare(fr, fr, { source: join(dir, 'missing.en.txt') }).then(() => undefined, (e: unknown) => e);
    expect(error).toMatchObject({ code: 'usage', message: `source: ${join(dir, 'missing.en.txt')}: no such file` });
  });

  test('a string over 64 MiB is refused, as check() refuses it (API review, 2026-12-08)', async () => {
    const api = await import('../src/compare-api.js');
    const error = await api.compare('x'.repeat(64 * 1024 * 1024 + 1), 'b').then(() => undefined, (e: unknown) => e);
    expect(error).toMatchObject({ code: 'too-large', message: '<reference>: text too large (more than 64 MiB; the limit is 64 MiB)' });
  });

  test('formatComparisonText without options prints without colour', async () => {
    const api = await import('../src/compare-api.js');
    const out = api.formatComparisonText(await api.compare('Le texte de la dépêche.', 'Le texte de la dépêche publiée.'));
    expect(out).not.toContain('\x1b[');
    expect(out).toContain('<reference> → <candidate>');
  });
});
