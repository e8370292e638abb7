// Page furniture, bylines and metadata lines (corpora/furniture): examples match, article sentences do not.
import { describe, expect, it } from '@jest/globals';
import { loadCorpora } from '../../src/corpora/index.js';
import type { CompiledFurniture } from '../../src/corpora/index.js';
import { normalizeText } from '../../src/util/normalize.js';

const corpora = loadCorpora();

function matching(line: string): CompiledFurniture[] {
  const folded = normalizeText(line);
  return corpora.furniture.filter((e) => {
    e.regex.lastIndex = 0;
    return e.regex.test(folded);
  });
}

const byId = (id: string): CompiledFurniture => corpora.furniture.find((e) => e.id === id)!;

describe('furniture corpus', () => {
  it('has fr, es and en entries of every kind', () => {
    const languages = new Set(corpora.furniture.map((e) => e.language));
    for (const l of ['fr', 'es', 'en', 'any']) expect(languages.has(l)).toBe(true);
    const kinds = new Set(corpora.furniture.map((e) => e.kind));
    expect([...kinds].sort()).toEqual(['byline', 'chrome', 'metadata']);
  });

  it('anchors every pattern at the start of the line', () => {
    for (const e of corpora.furniture) expect(e.pattern.startsWith('^')).toBe(true);
  });

  const withExamples = corpora.furniture.filter((e) => e.example !== undefined).map((e) => [e.id, e] as const);
  it.each(withExamples)('%s matches its example', (_id, entry) => {
    expect(matching(entry.example!).map((e) => e.id)).toContain(entry.id);
  });
});

describe('furniture: more lines that are furniture', () => {
  const table: [string, string, CompiledFurniture['kind']][] = [
    ['information fournie par Reuters\u00a015/02/2026 à 04:04', 'FR-BYLINE-INFO-FOURNIE', 'byline'],
    ['information fournie par Cercle Finance • 13/09/2024 à 16:56', 'FR-BYLINE-INFO-FOURNIE', 'byline'],
    ['information fournie par AFP 16/11/2020 à 14:09', 'FR-BYLINE-INFO-FOURNIE', 'byline'],
    ['par Kanishka Ajmera et Rashika Singh', 'FR-BYLINE-PAR', 'byline'],
    ['Par Jean-Baptiste Le Gall', 'FR-BYLINE-PAR', 'byline'],
    ['par Marie Dupont, Paul Martin, Ana Li et Tom Baker', 'FR-BYLINE-PAR', 'byline'],
    ['By Deepa Seetharaman and Jeffrey Dastin', 'EN-BYLINE-BY', 'byline'],
    ['Publié le 20/10/2024 à 23:51', 'FR-BYLINE-PUBLIE', 'byline'],
    ['Reuters a contribué à cet article.', 'FR-BYLINE-REUTERS-CONTRIBUTED', 'byline'],
    ['REUTERS A CONTRIBUÉ À CET ARTICLE', 'FR-BYLINE-REUTERS-CONTRIBUTED', 'byline'],
    ['Connectez-vous pour conserver cet article et le lire plus tard. Connexion membre Connexion Client', 'FR-CHROME-SAVE-ARTICLE', 'chrome'],
    ['Aller au contenu principal', 'FR-CHROME-SKIP-MAIN', 'chrome'],
    ['Valeurs associées ALSTOM Euronext Paris -1.20% SIEMENS XETRA +0.58%', 'FR-CHROME-RELATED-STOCKS', 'chrome'],
    ['15 commentaires', 'FR-CHROME-N-COMMENTS', 'chrome'],
    ['(Reuters / Brendan McDermid)', 'ANY-CHROME-PHOTO-CREDIT', 'chrome'],
    ['Skip to content', 'EN-CHROME-SKIP-MAIN', 'chrome'],
    ['date 2026-02-15', 'ANY-META-DATE', 'metadata'],
    ['https://bit.ly/rtrsauto', 'ANY-META-LONE-URL', 'metadata'],
    ['(c) 2025 Thomson Reuters', 'EN-META-COPYRIGHT-TR', 'metadata'],
  ];
  it.each(table)('%s → %s', (line, id, kind) => {
    const hits = matching(line);
    expect(hits.map((e) => e.id)).toContain(id);
    expect(byId(id).kind).toBe(kind);
  });
});

describe('furniture: article text is not furniture', () => {
  const body = [
    'Par ailleurs, le groupe a relevé ses prévisions de chiffre d’affaires pour l’ensemble de l’année.',
    'Par exemple, les ventes de véhicules électriques ont reculé de 5 % au troisième trimestre.',
    'par exemple les compagnies aériennes et les constructeurs',
    'Par la suite, la direction a proposé une hausse de salaire de 24 % sur quatre ans.',
    'Par contre les analystes restent prudents',
    'Par conséquent le titre a reculé',
    'Fermer les usines serait une erreur, a déclaré le syndicat dans un communiqué.',
    'Valeurs associées à la croissance, les actions technologiques ont reculé mardi.',
    'Le Pentagone n’a pas répondu immédiatement à une demande de commentaire.',
    'Les actions du constructeur ont baissé de 1,5 % avant l’ouverture du marché.',
    'Information fournie par un porte-parole, la décision sera rendue publique lundi.',
    'Publié le mois dernier, le rapport de l’agence a fait grand bruit.',
    'Éditeur de logiciels, la société emploie 3.000 personnes.',
    'Reuters a contribué à cet article en fournissant les chiffres du ministère.',
    "L'AFP a contribué à cet article, selon la rédaction.",
    'By contrast, the index rose 0.4%.',
    'By Friday markets fell',
    'Date de publication inconnue, selon le journal.',
    '« Nous allons fermer », a-t-il dit.',
    'Aller au contenu principal du rapport annuel permet de comprendre la stratégie.',
    '2 commentaires ont été supprimés par le modérateur.',
    'Pasar al contenido principal de la reunión fue difícil.',
  ];
  it.each(body)('%s', (line) => {
    expect(matching(line).map((e) => e.id)).toEqual([]);
  });

  it('does not take a Reuters notice for furniture', () => {
    const notice =
      "((Traduction automatisée par Reuters à l'aide de l'apprentissage automatique et de l'IA générative, veuillez vous référer à l'avertissement suivant: https://bit.ly/rtrsauto))";
    expect(matching(notice)).toEqual([]);
  });

  it('stays fast on long lines that almost look like bylines', () => {
    const line = 'par ' + 'jean dupont, '.repeat(400) + 'fin.';
    const t0 = performance.now();
    matching(line);
    expect(performance.now() - t0).toBeLessThan(500);
  });
});
