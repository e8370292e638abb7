// Rule ric-code: Reuters instrument codes are found one by one; abbreviations, domains and numbers are not.
import { describe, expect, it } from '@jest/globals';
import { detector } from '../../src/detect/ric-code.js';
import type { ParagraphKind } from '../../src/types.js';
import { expectedAt, makeContext, makeParagraph, show } from '../support/paragraph.js';

const context = makeContext();

function run(text: string, kind: ParagraphKind = 'body'): string[] {
  return detector.detect(makeParagraph(text, kind), context).map((s) => show(s, text));
}

/** The expected compact form of a signal on `fragment` (its first occurrence in `text`). */
const at = (text: string, fragment: string): string => expectedAt('ric-code', text, fragment);

describe('ric-code valid (no signal)', () => {
  const valid = [
    'Les États-Unis (U.S.) ont répondu mardi.',
    'Thales S.A. et Airbus N.V. ont signé un accord.',
    "M. Trump a parlé à l'OTAN.",
    'Voir www.reuters.com ou reuters.com pour la suite.',
    'Le taux est passé de 3.5 à 4.2 points.',
    'Un site de 300 av. J.-C. à St. Louis, No. 5 de la liste.',
    'Le framework .NET et la bulle .COM ont marqué leur époque.',
    "J.F. Kennedy et l'U.E. ont négocié.",
    'La section 3.A du rapport.',
    'Le lien https://www.example.com/PLTR.O a été supprimé.',
    'Écrire à desk@REUTERS.COM pour corriger.',
    "L'OTAN.Les alliés ont répondu.",
    'La société a été fondée à Washington D.C. en 1990.',
    // A missing space after a full stop, not a code (editor's review, 2026-12-07).
    "Il a quitté le PS.L'ancien ministre a ensuite rejoint le gouvernement.",
    'Les taux restent inchangés à la BCE.A Francfort, les marchés attendent.',
  ];
  it.each(valid)('%s', (text) => {
    expect(run(text)).toEqual([]);
  });

  it('no token of the stop-list is ever reported', () => {
    for (const token of context.corpora.ricStoplist) {
      expect(run(`Le texte cite ${token} au passage.`)).toEqual([]);
      expect(run(`Le texte cite ${token}`)).toEqual([]);
    }
  });
});

describe('ric-code invalid (flagged)', () => {
  const invalid: [string, string[]][] = [
    ['Les actions de Palantir Technologies PLTR.O ont bondi de 11,5 %.', ['PLTR.O']],
    ['Microsoft MSFT.O , Alphabet GOOGL.O et Meta META.O sont attendus.', ['MSFT.O', 'GOOGL.O', 'META.O']],
    ['General Electric (GE.N) et Siemens (SIEGn.DE) ont conclu.', ['GE.N', 'SIEGn.DE']],
    ['Mitsubishi Heavy Industries (7011.T) et IBM IBMq.L ont chuté.', ['7011.T', 'IBMq.L']],
    ['Volvo Car < VOLCARb.ST> et SES ont reculé.', ['< VOLCARb.ST>']],
    ['Le S&P 500 .SPX et le Dow Jones .DJI ont fini en hausse.', ['.SPX', '.DJI']],
    ["Le Brent LCOc1 et l'euro EUR= ont reculé.", ['LCOc1', 'EUR=']],
    ['Le contrat est revenu à Boeing BA.N.', ['BA.N']],
    ['Voir la dépêche [ID:nL6N0OE1VJ] pour le contexte.', ['[ID:nL6N0OE1VJ]']],
    ['Nvidia NVDA.O a dépassé mercredi les 5.000 milliards de dollars.', ['NVDA.O']],
    // A capitalised name after .O or .N: a code (only `.A` before a capital is French `A` for `À`; a third review).
    ['Nvidia NVDA.O Jensen Huang a parlé, Meta META.O Platforms aussi.', ['NVDA.O', 'META.O']],
    ["Le titre 'PLTR.O' a bondi mardi.", ['PLTR.O']],
    ['Ford F.N a relevé ses prévisions.', ['F.N']],
    ['Samsung 005930.KS et Tencent 0700.HK progressent.', ['005930.KS', '0700.HK']],
  ];
  it.each(invalid)('%s', (text, codes) => {
    expect(run(text)).toEqual(codes.map((c) => at(text, c)));
  });

  it('works in headlines, weighs 0.3 and carries the code', () => {
    const text = 'Palantir PLTR.O bondit après ses résultats';
    const [s] = detector.detect(makeParagraph(text, 'headline', 2), context);
    expect(s).toMatchObject({
      ruleId: 'ric-code',
      weight: 0.3,
      scope: 'paragraph',
      evidence: 'artefact',
      paragraph: 2,
      actual: 'PLTR.O',
      data: { code: 'PLTR.O', kind: 'equity', form: 'inline' },
    });
  });

  it('tells the old parenthesised and angle-bracket forms apart', () => {
    const forms = (text: string): unknown[] => detector.detect(makeParagraph(text), context).map((s) => s.data?.['form']);
    expect(forms('Siemens (SIEGn.DE) et Volvo < VOLCARb.ST>.')).toEqual(['parenthesised', 'angle-bracket']);
  });
});

describe('ric-code meta', () => {
  it('is an artefact rule for body and headline paragraphs', () => {
    expect(detector.meta).toMatchObject({ id: 'ric-code', evidence: 'artefact', defaultSeverity: 'warning', docs: 'docs/rules/ric-code.md' });
    expect(detector.meta.kinds).toEqual(['body', 'headline']);
  });
});
