// Segmentation: paragraph boundaries, positions, kinds, glued elements and wrapped lines.
import { describe, expect, test } from '@jest/globals';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { loadCorpora } from '../../src/corpora/index.js';
import { ingestBytes } from '../../src/ingest/read.js';
import { literalPrefix, segment } from '../../src/segment/paragraphs.js';
import type { IngestedText, Paragraph } from '../../src/types.js';
import { toSource } from '../../src/util/offsets.js';

const corpora = loadCorpora();

function text(source: string): IngestedText {
  return { file: 't.txt', source, encoding: 'utf-8', format: 'text' };
}

function kinds(ps: Paragraph[]): string[] {
  return ps.map((p) => `${p.kind}: ${p.text.slice(0, 30)}`);
}

describe('segment', () => {
  // A pasted table of unpunctuated lines is one block: each line used to rebuild the block so far (40,000 lines: 10 s,
  // review 2026-12-07). Now linear: well under a second here; the bound leaves room for a slow CI machine.
  test('a long block of lines without sentence punctuation is read in linear time, as one paragraph', () => {
    const table = Array.from({ length: 40000 }, (_, i) => `${1000 + i},5 +0,3 volume ${i % 97}`).join('\n');
    const t0 = performance.now();
    const { paragraphs } = segment(text(table), corpora);
    expect(performance.now() - t0).toBeLessThan(4000);
    expect(paragraphs).toHaveLength(1);
  });

  test('seed 000: metadata and chrome glued on line 1 are split; headline, byline, notice, update note, body', () => {
    const source = readFileSync('seeds/000_22f5c933d92a2ddd.txt', 'utf8');
    const { paragraphs, language } = segment(text(source), corpora);
    expect(language).toBe('fr');
    expect(paragraphs.slice(0, 7).map((p) => p.kind)).toEqual(['metadata', 'chrome', 'headline', 'byline', 'notice', 'update-note', 'body']);
    expect(paragraphs.slice(6).every((p) => p.kind === 'body')).toBe(true);
    const notice = paragraphs[4]!;
    expect(notice.start).toMatchObject({ line: 5, column: 1 });
    expect(notice.text.startsWith('((Traduction')).toBe(true);
    expect(notice.text.endsWith('rtrsauto))')).toBe(true);
    expect(paragraphs[1]!.start).toMatchObject({ line: 1, column: 19 });
  });

  test('U+2029 ends a paragraph as a blank line does, without counting as a line; U+2028 is a soft break inside one', () => {
    const seed = readFileSync('seeds/003_86d609dcec19a228.txt', 'utf8').trimEnd();
    const blocks = seed.split('\n\n');
    const source = blocks.map((b) => b.replace(/\n/g, '\u2028')).join('\u2029');
    const { paragraphs } = segment(text(source), corpora);
    expect(paragraphs.map((p) => p.text.replace(/\u2028/g, '\n'))).toEqual(blocks);
    // One line: positions count LF only, as grep and editors do.
    expect(paragraphs.map((p) => p.start.line)).toEqual(blocks.map(() => 1));
    expect(paragraphs.map((p) => p.start.column)).toEqual(blocks.map((_, k) => blocks.slice(0, k).reduce((n, b) => n + b.length + 1, 0) + 1));
  });

  test('seed 003: every paragraph is body text, one per blank-line block', () => {
    const source = readFileSync('seeds/003_86d609dcec19a228.txt', 'utf8');
    const { paragraphs } = segment(text(source), corpora);
    expect(paragraphs).toHaveLength(6);
    expect(new Set(paragraphs.map((p) => p.kind))).toEqual(new Set(['body']));
    expect(paragraphs.map((p) => p.start.line)).toEqual([1, 3, 5, 7, 9, 11]);
  });

  test('a notice glued to the byline on the same line becomes two paragraphs', () => {
    const source =
      "Palantir augmente ses ventes\n\n((Traduction automatisée par Reuters à l'aide de l'apprentissage automatique et de l'IA générative, veuillez vous référer à l'avertissement suivant: https://bit.ly/rtrsauto)) par Kanishka Ajmera et Rashika Singh\n\nLes actions de Palantir ont bondi de 6,9 % mardi.";
    const { paragraphs } = segment(text(source), corpora);
    expect(kinds(paragraphs).map((k) => k.split(':')[0])).toEqual(['headline', 'notice', 'byline', 'body']);
    expect(paragraphs[2]!.text).toBe('par Kanishka Ajmera et Rashika Singh');
    expect(paragraphs[2]!.start.line).toBe(3);
  });

  test('a notice with hard line breaks inside is one paragraph', () => {
    const source =
      "((Traduction automatisée par Reuters à l'aide de l'apprentissage\nautomatique et de l'IA générative, veuillez vous référer à\nl'avertissement suivant: https://bit.ly/rtrsauto))\n\nLe texte commence ici, avec une phrase complète.";
    const { paragraphs } = segment(text(source), corpora);
    expect(paragraphs.map((p) => p.kind)).toEqual(['notice', 'body']);
    expect(paragraphs[0]!.end.line).toBe(3);
  });

  test('hard-wrapped prose is joined; lines ending sentences stay separate paragraphs', () => {
    const source =
      'Le ministre a présenté mardi un plan de relance destiné aux petites entreprises\ndu secteur agricole, selon un communiqué.\nLes syndicats ont salué la mesure.\n';
    const { paragraphs } = segment(text(source), corpora);
    expect(paragraphs.map((p) => p.text)).toEqual([
      'Le ministre a présenté mardi un plan de relance destiné aux petites entreprises\ndu secteur agricole, selon un communiqué.',
      'Les syndicats ont salué la mesure.',
    ]);
  });

  test.each([
    ['20 novembre (Reuters) - Le groupe a annoncé jeudi la fermeture de deux usines.'],
    ['14 févr. (Reuters) - Le groupe a annoncé jeudi la fermeture de deux usines.'],
    ['3 mars (AFP) – Le groupe a annoncé jeudi la fermeture de deux usines.'],
  ])('a dateline starting with a digit opens a paragraph: the headline above it is kept (%s)', (lede) => {
    const { paragraphs } = segment(text(`Le groupe ferme deux usines en Lorraine\n${lede}\n`), corpora);
    expect(paragraphs.map((p) => [p.kind, p.text])).toEqual([
      ['headline', 'Le groupe ferme deux usines en Lorraine'],
      ['body', lede],
    ]);
    expect(paragraphs[1]!.start).toMatchObject({ line: 2, column: 1 });
  });

  test('a wrapped line starting with a number still continues the sentence', () => {
    const source = "Le chiffre d'affaires du groupe a augmenté de\n20 % en un an, selon un communiqué.\n";
    const { paragraphs } = segment(text(source), corpora);
    expect(paragraphs.map((p) => p.text)).toEqual([
      "Le chiffre d'affaires du groupe a augmenté de\n20 % en un an, selon un communiqué.",
    ]);
  });

  test('a wrapped line that starts like a teaser or a photo credit still continues the sentence (review)', () => {
    const fr = 'Le gouvernement a présenté mardi un texte dont il faut\nlire : le projet prévoit que les services pourront écouter.\n';
    expect(segment(text(fr), corpora).paragraphs.map((p) => p.kind)).toEqual(['body']);
    const es = 'El ejército difundió el martes una\nimagen: un dron sobrevolando la frontera, según el ministerio.\n';
    expect(segment(text(es), corpora).paragraphs.map((p) => p.kind)).toEqual(['body']);
    // On a line of its own, Le Monde's teaser is chrome.
    const teaser = 'Le texte a été adopté.\n\nLire aussi : Les critiques de la CNIL contre le projet de loi\n';
    expect(segment(text(teaser), corpora).paragraphs.map((p) => p.kind)).toEqual(['body', 'chrome']);
  });

  test('credit lines and update notes are classified from the wire-marks corpus', () => {
    const source =
      "(Mises à jour des actions)\n\nLe titre a progressé de 3 % à l'ouverture, porté par des résultats meilleurs que prévu.\n\n(Rédigé par Augustin Turpin, édité par Kate Entringer)";
    const { paragraphs } = segment(text(source), corpora);
    expect(paragraphs.map((p) => p.kind)).toEqual(['update-note', 'body', 'credit']);
  });

  test('a line with no letter or digit (a * bullet, a section break) is chrome and does not end the headline run', () => {
    const source =
      "Nvidia dépasse les attentes\n\n*\n\nLes ventes du trimestre ont bondi de 62 %\n\n*\n\nLes prévisions dépassent les estimations\n\nNvidia a annoncé mercredi des ventes supérieures aux attentes, portées par l'IA.\n\n* * *\n\nLes actions ont gagné 4 % après la clôture.";
    const { paragraphs } = segment(text(source), corpora);
    expect(paragraphs.map((p) => [p.kind, p.text])).toEqual([
      ['headline', 'Nvidia dépasse les attentes'],
      ['chrome', '*'],
      ['headline', 'Les ventes du trimestre ont bondi de 62 %'],
      ['chrome', '*'],
      ['headline', 'Les prévisions dépassent les estimations'],
      ['body', "Nvidia a annoncé mercredi des ventes supérieures aux attentes, portées par l'IA."],
      ['chrome', '* * *'],
      ['body', 'Les actions ont gagné 4 % après la clôture.'],
    ]);
  });

  test('markup tags left in a text file around a notice are chrome, not headlines (editor review, 2026-12-07)', () => {
    const source =
      "La BCE maintient ses taux\n\n<p><em>((Traduction automatisée par Reuters à l'aide de l'apprentissage automatique et de l'IA générative, veuillez vous référer à l'avertissement suivant: https://bit.ly/rtrsauto))</em></p>\n\n<!-- fin --> <br/>\n\nLa Banque centrale européenne a maintenu jeudi ses taux inchangés, comme prévu.";
    const { paragraphs } = segment(text(source), corpora);
    expect(paragraphs.map((p) => [p.kind, p.kind === 'notice' ? '' : p.text])).toEqual([
      ['headline', 'La BCE maintient ses taux'],
      ['chrome', '<p><em>'],
      ['notice', ''],
      ['chrome', '</em></p>'],
      ['chrome', '<!-- fin --> <br/>'],
      ['body', 'La Banque centrale européenne a maintenu jeudi ses taux inchangés, comme prévu.'],
    ]);
  });

  test('a name or a code in angle brackets is text, not markup', () => {
    const source =
      'La BCE maintient ses taux\n\n<LVMH>\n\n<Jean Dupont>\n\n<Jean-Pierre>\n\n<B>\n\n<script async src="https://platform.twitter.com/widgets.js"></script><x-embed></x-embed><o:p></o:p>\n\nLa Banque centrale européenne a maintenu jeudi ses taux inchangés, comme prévu.';
    const { paragraphs } = segment(text(source), corpora);
    expect(paragraphs.map((p) => [p.kind, p.text])).toEqual([
      ['headline', 'La BCE maintient ses taux'],
      ['headline', '<LVMH>'],
      ['headline', '<Jean Dupont>'],
      ['headline', '<Jean-Pierre>'],
      ['chrome', '<B>'],
      ['chrome', '<script async src="https://platform.twitter.com/widgets.js"></script><x-embed></x-embed><o:p></o:p>'],
      ['body', 'La Banque centrale européenne a maintenu jeudi ses taux inchangés, comme prévu.'],
    ]);
  });

  test("Investing.com's agency line above its AI notice is a byline, not body text", () => {
    const source =
      "Les machinistes voteront lundi sur une nouvelle offre, a annoncé le syndicat.\n\nReuters a contribué à cet article.\nCet article a été généré et traduit avec l'aide de l'IA et revu par un rédacteur. Pour plus d'informations, consultez nos T&C.";
    const { paragraphs } = segment(text(source), corpora);
    expect(kinds(paragraphs)).toEqual(['body: Les machinistes voteront lundi', 'byline: Reuters a contribué à cet arti', 'notice: Cet article a été généré et tr']);
  });

  test('empty and blank inputs give no paragraphs', () => {
    expect(segment(text(''), corpora).paragraphs).toEqual([]);
    expect(segment(text('  \n\n \n'), corpora).paragraphs).toEqual([]);
  });

  test('property: paragraphs are non-empty, in order, and map inside the source', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 300 }), (s) => {
        const { paragraphs } = segment(text(s), corpora);
        let last = -1;
        for (const p of paragraphs) {
          expect(p.text.trim().length).toBeGreaterThan(0);
          const a = toSource(p.offsets, 0);
          const b = toSource(p.offsets, p.text.length - 1);
          expect(a).toBeGreaterThan(last);
          expect(b).toBeLessThan(s.length);
          expect(s.slice(a, b + 1)).toBe(p.text);
          last = b;
        }
      }),
      { numRuns: 200 },
    );
  });
});

describe('literalPrefix', () => {
  test.each([
    ['^par (?!x)[a-z]+', 'par '],
    ['^information fournie par \\w+', 'information fournie par '],
    ['^date \\d{4}', 'date '],
    ['^abc?d', 'ab'],
    ['^(?:a|b)', ''],
    ['par ', ''],
  ])('%s → %j', (source, prefix) => {
    expect(literalPrefix(source)).toBe(prefix);
  });
});

describe('segment on HTML', () => {
  test('a declared lang counts only where franc has no answer or hesitates with it (a review, 2026-12-07)', async () => {
    const french = 'Le ministre a présenté mardi un plan de relance destiné aux petites entreprises du secteur agricole, selon un communiqué. ';
    const page = (lang: string, text: string): string => `<html lang="${lang}"><body><article><h1>Titre</h1><p>${text}</p><p>${text}</p></article></body></html>`;
    const languageOf = async (html: string): Promise<string> => segment(await ingestBytes(new TextEncoder().encode(html), 't.html'), corpora).language;
    // A template's lang="en" over a French article: French (it was English, and every French rule was lost).
    expect(await languageOf(page('en', french.repeat(6)))).toBe('fr');
    // Too little text for franc: the declared language (a third review: a flash read as Portuguese).
    expect(await languageOf(page('de', 'Ja.'))).toBe('de');
    const flash = (lang: string): string => `<html lang="${lang}"><body><article><p>Renault va supprimer 2 000 postes.</p></article></body></html>`;
    expect(await languageOf(flash('fr'))).toBe('fr');
    // A language franc may not choose (Catalan, outside the default list): the declared one.
    const catalan = 'El Govern ha aprovat aquest dimarts el pressupost per a l’any vinent, que inclou més recursos per a la sanitat i l’educació pública. ';
    expect(await languageOf(page('ca', catalan.repeat(4)))).toBe('ca');
  });

  test('a notice in a block the article extraction dropped is a notice paragraph at its place, and only the notice', async () => {
    const notice =
      "((Traduction automatisée par Reuters à l'aide de l'apprentissage automatique et de l'IA générative, veuillez vous référer à l'avertissement suivant: https://bit.ly/rtrsauto))";
    const long = 'Le ministre a présenté mardi un plan de relance destiné aux petites entreprises du secteur agricole, selon un communiqué. ';
    const source =
      `<html><body><article>\n<h1>Le plan de relance</h1>\n<p>${long.repeat(3)}</p>\n<p>${long.repeat(2)}</p>\n` +
      `<footer><p>Mis à jour le 3 mars. ${notice}</p></footer>\n</article></body></html>`;
    const input = await ingestBytes(new TextEncoder().encode(source), 't.html');
    const { paragraphs } = segment(input, corpora);
    expect(paragraphs.map((p) => p.kind)).toEqual(['headline', 'body', 'body', 'notice']);
    const last = paragraphs[3]!;
    expect(last.text).toBe(notice);
    expect(last.notice?.agency).toBe('Reuters');
    expect(last.start).toMatchObject({ line: 5, offset: source.indexOf('((Traduction') });
  });

  test('the byline element Readability removes is a byline paragraph at its place, a name alone included', async () => {
    const long = 'Le ministre a présenté mardi un plan de relance destiné aux petites entreprises du secteur agricole, selon un communiqué. ';
    const source =
      `<html><head><title>Le plan de relance</title></head><body><article>\n<h1>Le plan de relance</h1>\n` +
      `<div class="meta"><a rel="author" href="/auteurs/jm">Jeanne Martin</a></div>\n` +
      `<p>${long.repeat(3)}</p>\n<p>${long.repeat(3)}</p>\n<p>${long.repeat(2)}</p>\n</article></body></html>`;
    const input = await ingestBytes(new TextEncoder().encode(source), 't.html');
    const { paragraphs } = segment(input, corpora);
    expect(paragraphs.map((p) => [p.kind, p.text.slice(0, 20)])).toEqual([
      ['headline', 'Le plan de relance'],
      ['byline', 'Jeanne Martin'],
      ['body', long.slice(0, 20)],
      ['body', long.slice(0, 20)],
      ['body', long.slice(0, 20)],
    ]);
    expect(paragraphs[1]!.start).toMatchObject({ line: 3, offset: source.indexOf('Jeanne Martin') });
  });
});

describe('language under a narrower list (--language fr en)', () => {
  test('French with long English quotes stays French under fr, en', () => {
    const mixed =
      "Le ministre a présenté mardi un plan de relance destiné aux petites entreprises du secteur agricole, selon un communiqué publié à Paris.\n\n" +
      '"We will not accept any delay in the payments to farmers, and we expect the banks to follow," the minister told reporters on Tuesday.\n\n' +
      "Les syndicats agricoles ont salué la mesure, tout en réclamant des garanties supplémentaires sur le calendrier des versements.\n";
    const doc = segment(text(mixed), corpora, { languages: ['fra', 'eng'] });
    expect(doc.language).toBe('fr');
    expect(doc.paragraphs.map((p) => p.language)).toEqual(['fr', 'en', 'fr']);
  });
});
