// Numbers and names as the source rules see them: digits and words in English and French, aliases, non-names.
import { describe, expect, test } from '@jest/globals';
import { loadCorpora } from '../../src/corpora/index.js';
import { capitalisedWords, compileAliases, findNames, hasName, haystack, loadAliases, nameSimilarity } from '../../src/reference/names.js';
import { findNumbers, unmatchedNumbers } from '../../src/reference/numbers.js';

const values = (text: string, lang: string): number[] => findNumbers(text, lang).map((n) => n.value);

describe('findNumbers', () => {
  test.each([
    ['en', 'The Pentagon is pushing four AI companies', [4]],
    ['fr', 'Le Pentagone fait pression sur quatre entreprises', [4]],
    ['en', 'NATO, a 32-member military alliance', [32]],
    ['fr', "L'Otan, une alliance militaire de 32 membres", [32]],
    ['en', 'sales of 2.9 million units', [2_900_000]],
    ['fr', 'des ventes de 2,9 millions d’unités', [2_900_000]],
    ['en', 'a $5 billion deal and a $1.2bn loan', [5e9, 1.2e9]],
    ['fr', 'un accord de 5 milliards de dollars', [5e9]],
    ['en', 'debt of $1 trillion', [1e12]],
    ['fr', "une dette d'un billion de dollars", [1e12]],
    ['en', '1,500 jobs in 2026', [1500, 2026]],
    ['fr', '1\u00a0500 emplois en 2026', [1500, 2026]],
    ['fr', '1\u202f500 emplois, ou 1.500 selon la source', [1500, 1500]],
    ['en', 'rose 3.1% in March', [3.1]],
    ['fr', 'a augmenté de 3,1 % en mars', [3.1]],
    ['fr', 'une hausse de 3 pour cent', [3]],
    ['en', 'the 21st century, its third-largest market', [21, 3]],
    ['fr', 'le 21e siècle, son troisième marché', [21, 3]],
    ['en', 'first reported; a third of the companies; one of them', []],
    ['fr', "a d'abord rapporté; un tiers des entreprises; l'une d'elles; un accord", []],
    ['en', 'one million people, two hundred and fifty others, twenty-two more', [1e6, 250, 22]],
    ['fr', 'un million de personnes, deux cents autres, vingt et un de plus', [1e6, 200, 21]],
    ['fr', 'quatre-vingt-dix jours, soixante-dix-huit ans, quatre-vingts pays', [90, 78, 80]],
    ['fr', 'neuf personnes ont acheté un véhicule neuf.', [9]],
    ['en', 'A million people marched; a billion dollars; a hundred days; a man', [1e6, 1e9, 100]],
    ['fr', 'Un million de personnes ont défilé, un milliard de dollars', [1e6, 1e9]],
    ['en', 'Investors poured money into 1500 ETFs last year', [1500]],
    ['en', 'gave Anthropic 24 hours to respond', [24]],
    ['fr', 'a donné 24h à Anthropic, pendant 2h, en 48h', [24, 2, 48]],
    ['fr', 'un contrat de 2,9 M$ et 4 M€, 5 Md€, 3 M d’habitants', [2.9e6, 4e6, 5e9, 3]],
    ['en', 'The startup raised $2.9M, then €4M, for 3 M users', [2.9e6, 4e6, 3]],
    ['fr', 'ouverts depuis 8h, convoqués pour 15h, le rendez-vous des 9h', [480, 900, 540]],
    // A review of compare --source (2026-12-07): thousands, ordinals after "a", cents, spans of years.
    ['fr', "mille emplois, un millier d'usines, des milliers de postes", [1000, 1000]],
    ['en', 'a third consecutive year, a third time; a third of profits, cut by a third.', [3, 3]],
    ['fr', "5 cents l'action, cinq cents euros, 3 pour cent", [5, 500, 3]],
    ['en', 'the 2026-27 budget, the 1999-00 season, pages 12-27', [2026, 2027, 1999, 2000, 12, 27]],
    // A review of those: French writes "2026-27" too, backwards is no span; "by a third" before anything is a fraction;
    // "mille" in names and idioms is no number; two scales multiply.
    ['fr', 'la saison 2026-27, le score 2020-19', [2026, 2027, 2020, 19]],
    ['en', 'tumbled by a third last year, by a third to $5 billion', [5e9]],
    ['fr', 'Mille-Îles, Les Mille et Une Nuits, des mille-feuilles. Mille personnes, mille milliards, trois mille milliards', [1000, 1e12, 3e12]],
    // A fourth review: "a third" before a noun is an ordinal; "Mille" after a dash, a quote or a bracket opens a
    // sentence; a smaller scale after a larger one adds.
    ['en', 'A third person died; a third dose; nearly a third of them; shares fell a third.', [3, 3]],
    ['en', 'Shares fell a third in 2025; only a third dose; over a third term.', [2025, 3, 3]],
    ['fr', "PARIS, 3 mars (Reuters) - Mille soldats. « Mille emplois » (Mille morts). Jean Mille, un milliard mille, un million mille", [3, 1000, 1000, 1000, 1000001000, 1001000]],
  ])('%s: %s', (lang, text, expected) => {
    expect(values(text, lang)).toEqual(expected);
  });

  test('times compare as minutes after midnight across conventions', () => {
    expect(findNumbers('at 4:30 p.m. (2130 GMT)', 'en').map((n) => [n.kind, n.value])).toEqual([
      ['time', 990],
      ['time', 1290],
    ]);
    expect(findNumbers('à 16h30 et à 9 h', 'fr').map((n) => [n.kind, n.value])).toEqual([
      ['time', 990],
      ['time', 540],
    ]);
    // A count of hours is not a clock time; a zone is a whole word.
    expect(findNumbers('en 24h, vers 9h, 1500 ETF', 'fr').map((n) => [n.kind, n.value])).toEqual([
      ['number', 24],
      ['time', 540],
      ['number', 1500],
    ]);
    expect(findNumbers('by 1500 ET, 1500 ETFs', 'en').map((n) => [n.kind, n.value])).toEqual([
      ['time', 900],
      ['number', 1500],
    ]);
  });

  test('numeric dates give their day and year, not the month (the other side may spell it)', () => {
    expect(values('le 15/02/2026', 'fr')).toEqual([15, 2026]);
    expect(values('on 2/15/2026', 'en')).toEqual([15, 2026]);
    expect(values('2026-02-15', 'fr')).toEqual([15, 2026]);
  });

  test('offsets cover the mention, scale included', () => {
    const text = 'des ventes de 2,9 millions d’unités';
    const [n] = findNumbers(text, 'fr');
    expect(text.slice(n!.start, n!.end)).toBe('2,9 millions');
    expect(n!.spelled).toBe(false);
  });

  test('unmatchedNumbers pairs equal values across languages and returns the left-overs', () => {
    const left = unmatchedNumbers(findNumbers('four companies, 32 members', 'en'), findNumbers('cinq entreprises, 32 membres', 'fr'));
    expect(left.a.map((n) => n.text)).toEqual(['four']);
    expect(left.b.map((n) => n.text)).toEqual(['cinq']);
  });
});

describe('findNames', () => {
  const aliases = loadAliases(loadCorpora());
  const none = { capitalised: new Set<string>() };
  const names = (text: string, lang: string, context = none): string[] => findNames(text, lang, aliases, context).map((n) => n.text);

  test('aliases, acronyms, camel-case brands and mid-sentence capitals are names', () => {
    expect(names("L'Otan et le Pentagone ont parlé à OpenAI, xAI et la National Security Agency (NSA).", 'fr')).toEqual([
      'Otan', 'Pentagone', 'OpenAI', 'xAI', 'National', 'Security', 'Agency', 'NSA',
    ]);
    expect(findNames("L'Otan", 'fr', aliases, none)[0]!.alias!.id).toBe('nato');
    expect(findNames('The White House said', 'en', aliases, none)[0]!.alias!.id).toBe('white-house');
  });

  test('not names: RIC codes, months and days, sentence-initial common words, capital headings', () => {
    expect(names('Selon Palantir PLTR.O, annoncé mardi 15 février, Microsoft MSFT.O suivrait.', 'fr')).toEqual(['Palantir', 'Microsoft']);
    expect(names('Mass surveillance is banned. Analysts said on Monday in January.', 'en')).toEqual([]);
    expect(names("SURVEILLANCE DE MASSE Le retrait d'Anthropic", 'fr')).toEqual(['Anthropic']);
  });

  test('a sentence-initial word is a name when the documents write it capitalised elsewhere', () => {
    const context = { capitalised: capitalisedWords(['Le modèle de Anthropic est utilisé.']) };
    expect(names('Anthropic a refusé.', 'fr', none)).toEqual([]);
    expect(names('Anthropic a refusé.', 'fr', context)).toEqual(['Anthropic']);
  });

  test('lower-case alias forms are not names (an adjective), capitalised ones are', () => {
    expect(names("l'armée américaine", 'fr')).toEqual([]);
    expect(names('la surveillance des Américains', 'fr')).toEqual(['Américains']);
  });

  test('hasName: alias forms of either language, folding, plural s, dotted initials', () => {
    const [venezuelan] = findNames('former Venezuelan President', 'en', aliases, none);
    expect(hasName(venezuelan!, haystack("l'ancien président vénézuélien"), aliases)).toBe(true);
    const [us] = findNames('the U.S. military', 'en', aliases, none);
    expect(hasName(us!, haystack("l'armée américaine"), aliases)).toBe(true);
    const [anthropic] = findNames('ask Anthropic now', 'en', aliases, none);
    expect(hasName(anthropic!, haystack("d'Anthropic"), aliases)).toBe(true);
    expect(hasName(anthropic!, haystack("d'Anthropik"), aliases)).toBe(false);
    const [president] = findNames('U.S. President Donald Trump', 'en', aliases, none).filter((n) => n.text === 'President');
    expect(hasName(president!, haystack('le président américain Donald Trump'), aliases)).toBe(true);
  });

  test('a custom alias table compiles and matches multi-word forms, longest first', () => {
    const table = compileAliases([{ id: 'acme', kind: 'organisation', en: ['Acme Corporation of America'], fr: ['Société Acme'], status: 'inferred', source: 'test' }]);
    const found = findNames('La Société Acme a annoncé', 'fr', table, none);
    expect(found.map((n) => [n.text, n.alias?.id])).toEqual([['Société Acme', 'acme']]);
    expect(hasName(found[0]!, haystack('Acme Corporation of America said'), table)).toBe(true);
  });

  test('nameSimilarity tells a misspelling from another name', () => {
    expect(nameSimilarity('Anthropic', 'Anthropik')).toBeGreaterThan(0.85);
    expect(nameSimilarity('Altman', 'Altmann')).toBeGreaterThan(0.8);
    expect(nameSimilarity('Altman', 'Amodei')).toBeLessThan(0.5);
  });
});
