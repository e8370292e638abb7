// Reference phrasings as data: schema errors are line-precise, ids are unique across files, and the starter corpus is sound.
import { afterAll, describe, expect, it } from '@jest/globals';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defaultPhrasingsPath, loadPhrasings } from '../../src/reference/phrasings.js';
import { foldWord, isStopKey, leadingArticles, tokenizeWords, tokenKey, wordKeys } from '../../src/reference/tokens.js';
import { WireproofError } from '../../src/types.js';

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'wireproof-phrasings-'));
  dirs.push(dir);
  return dir;
}

const good = (id: string, extra: object = {}): object => ({
  id,
  language: 'fr',
  canonical: ["n'a pas souhaité faire de commentaire"],
  variants: ['a refusé de commenter'],
  source: 'declined to comment',
  tags: ['reporting'],
  evidence: 'tests/reference/phrasings.test.ts',
  ...extra,
});

/** Writes JSONL lines (objects are serialised, strings written as they are) and returns the file path. */
function writeJsonl(dir: string, name: string, lines: (object | string)[]): string {
  const file = join(dir, name);
  writeFileSync(file, lines.map((l) => (typeof l === 'string' ? l : JSON.stringify(l))).join('\n') + '\n');
  return file;
}

function errorOf(paths: string[]): WireproofError {
  try {
    loadPhrasings(paths);
  } catch (error) {
    expect(error).toBeInstanceOf(WireproofError);
    return error as WireproofError;
  }
  throw new Error('expected a corpus error');
}

describe('loadPhrasings: errors name file and line', () => {
  it('reports a schema error on line 3 as file:3:', () => {
    const dir = tempDir();
    const file = writeJsonl(dir, 'bad.jsonl', [good('A'), good('B'), { ...good('C'), canonical: [] }]);
    const e = errorOf([file]);
    expect(e.message.startsWith(`${file}:3: canonical:`)).toBe(true);
    expect(e.code).toBe('corpus');
  });

  it('counts blank and comment lines when reporting the line', () => {
    const dir = tempDir();
    const file = writeJsonl(dir, 'bad.jsonl', ['# header', '', { ...good('C'), evidence: '' }]);
    expect(errorOf([file]).message.startsWith(`${file}:3: evidence:`)).toBe(true);
  });

  it('reports invalid JSON, unknown fields and missing fields with their line', () => {
    const dir = tempDir();
    expect(errorOf([writeJsonl(dir, 'a.jsonl', [good('A'), '{"id": "B",'])]).message).toMatch(/a\.jsonl:2: invalid JSON/);
    expect(errorOf([writeJsonl(dir, 'b.jsonl', [{ ...good('A'), weight: 2 }])]).message).toMatch(/b\.jsonl:1: \(entry\)|b\.jsonl:1: weight/);
    const { source: _s, ...noSource } = good('A') as Record<string, unknown>;
    expect(errorOf([writeJsonl(dir, 'c.jsonl', [noSource])]).message).toMatch(/c\.jsonl:1: source:/);
    expect(errorOf([writeJsonl(dir, 'd.jsonl', [{ ...good('A'), id: 'bad id' }])]).message).toMatch(/d\.jsonl:1: id:/);
  });

  it('rejects a duplicate id across files, naming both places', () => {
    const dir = tempDir();
    const a = writeJsonl(dir, 'a.jsonl', [good('X'), good('SAME', { canonical: ['selon une source proche'], variants: [] })]);
    const b = writeJsonl(dir, 'b.jsonl', [good('Y', { canonical: ['selon des sources'], variants: [] }), good('SAME', { canonical: ['citant des sources'], variants: [] })]);
    const e = errorOf([a, b]);
    expect(e.message.startsWith(`${b}:2: id: duplicate id "SAME"`)).toBe(true);
    expect(e.message).toContain(`${a}:2`);
  });

  it('rejects a variant that folds to a canonical wording, and a wording of function words only', () => {
    const dir = tempDir();
    const same = writeJsonl(dir, 'same.jsonl', [good('A', { canonical: ['a refusé de commenter'], variants: ['ONT REFUSE DE COMMENTER'] })]);
    expect(errorOf([same]).message).toMatch(/same\.jsonl:1: variants\.0: .* same wording as canonical\.0/);
    const across = writeJsonl(dir, 'across.jsonl', [good('A'), good('B', { canonical: ['a refusé de commenter'], variants: [] })]);
    expect(errorOf([across]).message).toMatch(/across\.jsonl:2: canonical\.0: .* variants\.0 of "A" \(.*across\.jsonl:1\)/);
    const stop = writeJsonl(dir, 'stop.jsonl', [good('A', { variants: ["l'AI"] })]);
    expect(errorOf([stop]).message).toMatch(/stop\.jsonl:1: variants\.0: .*only function words/);
  });

  it('reads a file saved with a UTF-8 byte order mark, first line an entry or a comment', () => {
    const dir = tempDir();
    const entry = join(dir, 'entry.jsonl');
    writeFileSync(entry, `\uFEFF${JSON.stringify(good('A'))}\n`);
    expect(loadPhrasings([entry]).map((p) => [p.id, p.line])).toEqual([['A', 1]]);
    const comment = join(dir, 'comment.jsonl');
    writeFileSync(comment, `\uFEFF# house style\n${JSON.stringify(good('B'))}\n`);
    expect(loadPhrasings([comment]).map((p) => [p.id, p.line])).toEqual([['B', 2]]);
  });

  it('reads a file given twice once: the same path, another spelling, a link to it, or its folder as well', () => {
    const dir = tempDir();
    const sub = join(dir, 'refs');
    mkdirSync(sub);
    const a = writeJsonl(sub, 'a.jsonl', [good('A')]);
    writeJsonl(sub, 'b.jsonl', [good('B', { canonical: ['selon des sources'], variants: [] })]);
    symlinkSync(a, join(dir, 'link.jsonl'));
    for (const paths of [[a, a], [a, join(sub, '.', 'a.jsonl')], [a, join(dir, 'link.jsonl')], [sub, a], [a, sub]]) {
      const loaded = loadPhrasings(paths);
      expect(loaded.map((p) => p.id).sort()).toEqual(['A', 'B'].slice(0, paths.includes(sub) ? 2 : 1));
      // Named as first met.
      expect(loaded.find((p) => p.id === 'A')!.file).toBe(paths[0] === sub ? join(sub, 'a.jsonl') : a);
    }
    // Two files with the same id are still an error.
    const copy = writeJsonl(dir, 'copy.jsonl', [good('A')]);
    expect(errorOf([a, copy]).message).toMatch(/duplicate id "A"/);
  });

  it('loads folders of .jsonl files in name order and names a missing path', () => {
    const dir = tempDir();
    const sub = join(dir, 'refs');
    mkdirSync(sub);
    writeJsonl(sub, 'b.jsonl', [good('B', { canonical: ['selon des sources'], variants: [] })]);
    writeJsonl(sub, 'a.jsonl', [good('A')]);
    writeFileSync(join(sub, 'notes.txt'), 'not a corpus');
    const loaded = loadPhrasings([sub]);
    expect(loaded.map((p) => [p.id, p.line])).toEqual([
      ['A', 1],
      ['B', 1],
    ]);
    expect(loaded[0]!.file).toBe(join(sub, 'a.jsonl'));
    expect(errorOf([join(dir, 'missing')]).message).toMatch(/no such corpus file or folder/);
  });

  it('refuses a language code wireproof cannot identify ("sp" for es matched nothing)', () => {
    const file = writeJsonl(tempDir(), 'es.jsonl', [good('ES', { language: 'sp' })]);
    expect(errorOf([file]).message).toMatch(/es\.jsonl:1: language: an ISO 639-1 code wireproof can identify/);
    expect(loadPhrasings([writeJsonl(tempDir(), 'es.jsonl', [good('ES', { language: 'es' })])])).toHaveLength(1);
  });

  it('refuses a folder with no .jsonl file: empty, or holding files of another extension (it loaded nothing, silently)', () => {
    const dir = tempDir();
    const empty = join(dir, 'empty');
    mkdirSync(empty);
    expect(errorOf([empty]).message).toBe(`${empty}: no .jsonl file in this folder`);
    const json = join(dir, 'json');
    mkdirSync(json);
    writeFileSync(join(json, 'house.json'), '{}');
    writeFileSync(join(json, 'notes.txt'), '');
    expect(errorOf([json]).message).toBe(`${json}: no .jsonl file (found house.json and 1 more; corpus and reference files end in .jsonl)`);
  });
});

describe('starter corpus (corpora/phrasings)', () => {
  const phrasings = loadPhrasings([defaultPhrasingsPath()]);

  it('has at least 60 entries with unique ids, evidence, a source and a canonical wording', () => {
    expect(phrasings.length).toBeGreaterThanOrEqual(60);
    expect(new Set(phrasings.map((p) => p.id)).size).toBe(phrasings.length);
    for (const p of phrasings) {
      expect(p.evidence.trim().length).toBeGreaterThan(10);
      expect(p.source.trim().length).toBeGreaterThan(0);
      expect(p.canonical.length).toBeGreaterThan(0);
      expect(p.language).toBe('fr');
    }
  });

  it('marks every entry seen, normative or inferred, and backs seen ones with a file or URL', () => {
    for (const p of phrasings) {
      const status = p.tags.filter((t) => ['seen', 'seen-research', 'normative', 'inferred'].includes(t));
      expect([p.id, status.length]).toEqual([p.id, 1]);
      if (status[0] !== 'inferred') expect([p.id, /seeds\/|https?:\/\/|research |\.md/.test(p.evidence)]).toEqual([p.id, true]);
    }
  });

  // A name is written the same by machine translation and by an editor ("the Nasdaq" → "le Nasdaq"): a canonical
  // wording that is a name alone, in an entry whose canonical wordings count as house wording, would count every
  // mention of the name as evidence of human editing (docs/rules/house-phrasing.md).
  it('lists no name alone as a house wording', () => {
    // Every word after the leading article capitalised or a number: "le Nasdaq", "le Dow Jones", "le S&P 500".
    const nameOnly = (wording: string): boolean => {
      const tokens = tokenizeWords(wording);
      return tokens.slice(leadingArticles(tokens.map((t) => t.key))).every((t) => /^[\p{Lu}\p{N}]/u.test(t.text));
    };
    const found = phrasings
      .filter((p) => p.variants.length > 0 && !p.tags.includes('neutral'))
      .flatMap((p) => p.canonical.filter(nameOnly).map((c) => `${p.id}: ${c}`));
    expect(found).toEqual([]);
  });

  it('covers the formulas of the issue', () => {
    const ids = new Set(phrasings.map((p) => p.id));
    for (const id of [
      'FR-NO-IMMEDIATE-COMMENT',
      'FR-DECLINED-TO-COMMENT',
      'FR-CITING-OFFICIAL',
      'FR-FAMILIAR-WITH-MATTER',
      'FR-ACCORDING-TO-REPORT',
      'FR-PREMARKET',
      'FR-CEO',
      'FR-CFO',
      'FR-SPOKESPERSON',
      'FR-ALL-LAWFUL-PURPOSES',
      'FR-MASS-DOMESTIC-SURVEILLANCE',
      'FR-CHATGPT-OWNER',
      'FR-PENTAGON',
      'FR-NATO',
      'FR-NSA',
      'FR-STATE-DEPARTMENT',
      'FR-FEDERAL-RESERVE',
      'FR-TOLD-REUTERS',
      'FR-SOURCES-SAID',
    ]) {
      expect(ids).toContain(id);
    }
  });
});

describe('tokens: folding and keys', () => {
  it('tokenizes words with offsets into the original text, splitting elisions and hyphens', () => {
    const text = "L'Otan n’a pas\u00a0répondu au porte-parole.";
    const tokens = tokenizeWords(text);
    expect(tokens.map((t) => t.text)).toEqual(['L', 'Otan', 'n', 'a', 'pas', 'répondu', 'au', 'porte', 'parole']);
    for (const t of tokens) expect(text.slice(t.start, t.end)).toBe(t.text);
  });

  it('drops a French inverted subject and its euphonic t, joined by hyphens, and nothing else', () => {
    const words = (text: string): string[] => tokenizeWords(text).map((t) => t.text);
    expect(words('a-t-il indiqué')).toEqual(['a', 'indiqué']);
    expect(words('a‑t‑elle ajouté, dit-on, ont-ils')).toEqual(['a', 'ajouté', 'dit', 'ont']);
    expect(words('il a indiqué, Saint-Jean-de-Luz, t-il, on dit')).toEqual(['il', 'a', 'indiqué', 'Saint', 'Jean', 'de', 'Luz', 't', 'on', 'dit']);
    expect(words('a - il')).toEqual(['a', 'il']);
    // Other languages keep every word.
    expect(tokenizeWords('a-t-il', 'en').map((t) => t.text)).toEqual(['a', 't', 'il']);
  });

  it('folds case, accents, ligatures and invisible characters', () => {
    expect(foldWord('ÉCONOMIE')).toBe('economie');
    expect(foldWord('Œuvre')).toBe('oeuvre');
    expect(foldWord('immé\u00addiatement')).toBe('immediatement');
    expect(tokenizeWords('immé\u00addiatement').length).toBe(1);
  });

  it('gives inflected forms one key, with or without accents', () => {
    const same = (words: string) => new Set(words.split(' ').map((w) => tokenKey(w))).size;
    expect(same('déclaré déclarée déclarés déclarées déclarer déclare DECLAREE')).toBe(1);
    expect(same('refusé refusée refuser refusent REFUSE')).toBe(1);
    expect(same('répondu répondre répond')).toBe(1);
    expect(same('financier financière FINANCIERE')).toBe(1);
    expect(same('sécurité SECURITE sécurités')).toBe(1);
    expect(same('a ont avait avaient')).toBe(1);
    expect(same('le la les l')).toBe(1);
  });

  it('knows function words and leading articles', () => {
    expect(isStopKey(tokenKey('ont'))).toBe(true);
    expect(isStopKey(tokenKey('dans'))).toBe(true);
    expect(isStopKey(tokenKey('commentaire'))).toBe(false);
    expect(leadingArticles(wordKeys("l'Organisation du traité"))).toBe(1);
    expect(leadingArticles(wordKeys('la'))).toBe(0);
  });

  // A content word whose fold or stem is a function word's key used to get that key, and with it the function word's
  // treatment: "sûr" was the preposition "sur", "né" the negation "ne", "île" the pronoun "il", "Lee" the article "le".
  const ownKeys: [word: string, functionWord: string][] = [
    ['sûr', 'sur'], ['sûre', 'sur'], ['SÛRS', 'sur'], ['né', 'ne'], ['née', 'ne'], ['dû', 'du'], ['due', 'du'],
    ['île', 'il'], ['paraît', 'par'], ['tonnes', 'ton'], ['maïs', 'mais'], ['Lee', 'le'], ['pouvoirs', 'pu'],
  ];
  it.each(ownKeys)('keeps the content word %s apart from the function word %s', (word, functionWord) => {
    expect(tokenKey(word)).not.toBe(tokenKey(functionWord));
    expect(isStopKey(tokenKey(word))).toBe(false);
  });

  it('keeps the keys of function words, whether written with accents or in capitals without them', () => {
    const same = (words: string) => new Set(words.split(' ').map((w) => tokenKey(w))).size;
    expect(same('sur SUR Sur')).toBe(1);
    expect(same('ne NE n')).toBe(1);
    expect(same('à a A')).toBe(1);
    expect(same('où ou')).toBe(1);
    expect(same('été être était')).toBe(1);
    expect(same('sûr sûre sûrs SURE')).toBe(1);
    // One spelling is both the preposition and the present of entrer ("la société entre en Bourse"): one key.
    expect(same('entre entrer entrée entré')).toBe(1);
    expect(isStopKey(tokenKey('dès'))).toBe(true);
  });
});
