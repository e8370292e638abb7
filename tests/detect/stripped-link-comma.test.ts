// Rule stripped-link-comma: `word ,` where a link was stripped; not number lists, URLs or code.
import { describe, expect, it } from '@jest/globals';
import { detector } from '../../src/detect/stripped-link-comma.js';
import { expectedAt, makeContext, makeParagraph, runOn } from '../support/paragraph.js';

const context = makeContext();

const run = (text: string): string[] => runOn(detector, text, context);

const at = (text: string, fragment: string): string => expectedAt('stripped-link-comma', text, fragment);

describe('stripped-link-comma valid (no signal)', () => {
  const valid = [
    "Le modèle d'IA d'Anthropic, Claude, a été utilisé.",
    'Les gagnants portent les numéros 1 , 2 et 3.',
    'Les scores étaient de 12 , 14 puis 15 points.',
    'Voir https://example.com/a , b pour la suite.',
    'La commande `ls -l , x` est citée telle quelle.',
    'Il a dit : oui, non, peut-être.',
    ', en début de ligne sans mot avant.',
    'Un texte normal, sans espace avant la virgule.',
    'Deux virgules ,, collées ne sont pas un lien.',
  ];
  it.each(valid)('%s', (text) => {
    expect(run(text)).toEqual([]);
  });
});

describe('stripped-link-comma invalid (flagged)', () => {
  const invalid: [string, string[]][] = [
    ["Le modèle d'IA d'Anthropic, Claude , a été utilisé.", ['Claude ,']],
    ['OpenAI est soutenue par Microsoft MSFT.O , Amazon AMZN.O et d\'autres.', ['MSFT.O ,']],
    ["Les grandes entreprises d'intelligence artificielle , y compris OpenAI, sont visées.", ['artificielle ,']],
    ['Le directeur général d\'Anthropic , Dario Amodei, a répondu.', ["d'Anthropic ,"]],
    ['En 2024 , la société a doublé ses ventes.', ['2024 ,']],
    ['Le groupe "Alpha" , leader du secteur, recule.', ['"Alpha" ,']],
    ['Microsoft\nMSFT.O , Alphabet GOOGL.O et Meta sont attendus.', ['MSFT.O ,']],
    ['Claude , Gemini , et GPT ont été testés.', ['Claude ,', 'Gemini ,']],
    ['Le texte coupé Anthropic\n, puis la suite.', ['Anthropic\n,']],
  ];
  it.each(invalid)('%s', (text, fragments) => {
    expect(run(text)).toEqual(fragments.map((f) => at(text, f)));
  });

  it('weighs 0.7 and suggests the comma glued to the word', () => {
    const [s] = detector.detect(makeParagraph('Claude , a été utilisé.'), context);
    expect(s).toMatchObject({ weight: 0.7, scope: 'paragraph', evidence: 'artefact', expected: ['Claude,'], data: { token: 'Claude' } });
  });
});
