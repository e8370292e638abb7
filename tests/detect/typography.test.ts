// Rule typography: weak style evidence both ways, at most one signal per sub-kind and paragraph.
import { describe, expect, it } from '@jest/globals';
import { detector } from '../../src/detect/typography.js';
import { makeContext, makeParagraph, show } from '../support/paragraph.js';

const context = makeContext();

function run(text: string): string[] {
  return detector.detect(makeParagraph(text), context).map((s) => `${show(s, text)} ${s.weight}`);
}

function at(text: string, fragment: string, weight: number, from = 0): string {
  const i = text.indexOf(fragment, from);
  if (i === -1) throw new Error(`${fragment} not in ${text}`);
  return `${i}-${i + fragment.length} typography ${JSON.stringify(fragment)} ${weight}`;
}

const NB = '\u00a0';
const NNB = '\u202f';

describe('typography valid (no signal)', () => {
  const valid = [
    'Le taux est de 3 % et la séance ouvre à 9 h.',
    'La séance ouvre à 14:30 à Paris, un ratio de 3:1.',
    'Voir https://bit.ly/rtrsauto?x=1;y=2 pour la suite.',
    'Le nouvel écran de 15,6" est en vente.',
    'Yahoo! a chuté mardi.',
    '« Il a dit "non" hier », raconte un témoin.',
    'Voir la dépêche [ID:nL6N0OE1VJ] pour le contexte.',
    'La commande `a:b;c` est citée.',
    '« Le marché respire », observe un gérant.',
  ];
  it.each(valid)('%s', (text) => {
    expect(run(text)).toEqual([]);
  });
});

describe('typography invalid (flagged)', () => {
  const invalid: [string, string[]][] = [
    ['Le Pentagone veut les utiliser à "toutes fins légales".', [at('Le Pentagone veut les utiliser à "toutes fins légales".', '"toutes fins légales"', 0.1)]],
    ["veuillez vous référer à l'avertissement suivant: https://bit.ly/rtrsauto", [at("veuillez vous référer à l'avertissement suivant: https://bit.ly/rtrsauto", ':', 0.1)]],
    ['Les actions ont bondi de 6,9% mardi.', [at('Les actions ont bondi de 6,9% mardi.', '%', 0.1)]],
    [`«${NB}Le marché respire${NB}», observe un gérant.`, [at(`«${NB}Le marché respire${NB}», observe un gérant.`, `«${NB}`, -0.2)]],
    [`Le taux atteint 3,12${NNB}%.`, [at(`Le taux atteint 3,12${NNB}%.`, `${NNB}%`, -0.1)]],
    [
      'Il a dit "oui", puis "non", puis "peut-être"; enfin: 5%.',
      [at('Il a dit "oui", puis "non", puis "peut-être"; enfin: 5%.', '"oui"', 0.1), at('Il a dit "oui", puis "non", puis "peut-être"; enfin: 5%.', ';', 0.1)],
    ],
    [
      `Il a dit${NB}: «${NB}oui${NB}» et "non".`,
      [at(`Il a dit${NB}: «${NB}oui${NB}» et "non".`, `${NB}:`, -0.1), at(`Il a dit${NB}: «${NB}oui${NB}» et "non".`, `«${NB}`, -0.2)],
    ],
    ['Vraiment? Oui!', [at('Vraiment? Oui!', '?', 0.1)]],
  ];
  it.each(invalid)('%s', (text, expected) => {
    expect(run(text)).toEqual(expected);
  });

  it('names the sub-kind in data', () => {
    const kinds = detector.detect(makeParagraph(`"oui": «${NB}non${NB}»`), context).map((s) => s.data?.['kind']);
    expect(kinds.sort()).toEqual(['guillemets-nbsp', 'missing-space']);
  });
});
