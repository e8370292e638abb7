// Rule glossed-english-name: English institution names next to a literal French rendering; acronyms are fine.
import { describe, expect, it } from '@jest/globals';
import { detector } from '../../src/detect/glossed-english-name.js';
import { expectedAt, makeContext, makeParagraph, runOn } from '../support/paragraph.js';

const context = makeContext();

const run = (text: string): string[] => runOn(detector, text, context);

const at = (text: string, fragment: string): string => expectedAt('glossed-english-name', text, fragment);

describe('glossed-english-name valid (no signal)', () => {
  const valid = [
    'Les services de renseignement tels que la National Security Agency (NSA) sont concernés.',
    'La Securities and Exchange Commission (SEC) a ouvert une enquête.',
    'Le National Labor Relations Board (NLRB) a été saisi.',
    'La Federal Reserve (la Fed) a maintenu ses taux.',
    'La Réserve fédérale (Fed) a maintenu ses taux.',
    "Le Conseil d'État (France) a tranché.",
    'Le Bureau of Labor Statistics (le BLS, qui publie les chiffres) a publié.',
    'La Commission européenne (Bruxelles) a répondu.',
    'Le Wall Street Journal (édition de vendredi) a rapporté la nouvelle.',
  ];
  it.each(valid)('%s', (text) => {
    expect(run(text)).toEqual([]);
  });
});

describe('glossed-english-name invalid (flagged)', () => {
  const invalid: [string, string[]][] = [
    [
      'Selon le National Labor Relations Board (Conseil national des relations de travail), la plainte est recevable.',
      ['National Labor Relations Board (Conseil national des relations de travail)'],
    ],
    [
      "L'Administration nationale américaine de la sécurité routière (National Highway Traffic Safety Administration) a ouvert une enquête.",
      ["L'Administration nationale américaine de la sécurité routière (National Highway Traffic Safety Administration)"],
    ],
    ['La Federal Reserve (Réserve fédérale) a maintenu ses taux.', ['Federal Reserve (Réserve fédérale)']],
    [
      'Le ministère de la Justice (Department of Justice) a fait appel.',
      ['ministère de la Justice (Department of Justice)'],
    ],
    [
      'Le Bureau of Labor Statistics (Bureau des statistiques du travail) a publié ses chiffres.',
      ['Bureau of Labor Statistics (Bureau des statistiques du travail)'],
    ],
    [
      "L'Agence de protection de l'environnement (Environmental Protection Agency) a réagi.",
      ["L'Agence de protection de l'environnement (Environmental Protection Agency)"],
    ],
  ];
  it.each(invalid)('%s', (text, fragments) => {
    expect(run(text)).toEqual(fragments.map((f) => at(text, f)));
  });

  it('weighs 1.2 and gives both names', () => {
    const [s] = detector.detect(makeParagraph('La Federal Reserve (Réserve fédérale) a agi.'), context);
    expect(s).toMatchObject({
      weight: 1.2,
      evidence: 'lexical',
      data: { order: 'english-first', english: 'Federal Reserve', french: 'Réserve fédérale' },
    });
  });
});
