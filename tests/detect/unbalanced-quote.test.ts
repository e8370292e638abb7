// Rule unbalanced-quote: quotation marks that do not pair up in a paragraph; quotes running over paragraphs are fine.
import { describe, expect, it } from '@jest/globals';
import { detector } from '../../src/detect/unbalanced-quote.js';
import type { Paragraph } from '../../src/types.js';
import { makeContext, makeParagraph, show } from '../support/paragraph.js';

function run(text: string): string[] {
  const p = makeParagraph(text);
  return detector.detect(p, makeContext([p])).map((s) => show(s, text));
}

/** Signals of each paragraph of a small document. */
function runDoc(texts: string[]): string[][] {
  const ps: Paragraph[] = texts.map((t, i) => makeParagraph(t, 'body', i + 1));
  const context = makeContext(ps);
  return ps.map((p) => detector.detect(p, context).map((s) => show(s, p.text)));
}

describe('unbalanced-quote valid (no signal)', () => {
  const valid = [
    'Le Pentagone veut utiliser ces outils à "toutes fins légales", selon Axios.',
    '« Le marché respire », observe un gérant parisien.',
    '“Nous avons des conversations productives”, a-t-il dit.',
    'Le nouvel écran de 15,6" et le modèle de 27" sont en vente.',
    'Il a cité "a" et "b" puis "c".',
    'Aucun guillemet dans ce paragraphe.',
    'La commande `echo "x` est citée telle quelle.',
    '« Il a dit "non" hier », raconte un témoin.',
  ];
  it.each(valid)('%s', (text) => {
    expect(run(text)).toEqual([]);
  });

  it('a quote continued in the next paragraph, which opens with a quotation mark again', () => {
    expect(runDoc(['« Nous avons travaillé dur.', '« Et nous continuerons », a-t-il dit.'])).toEqual([[], []]);
    expect(runDoc(['"Nous avons travaillé dur.', '"Et nous continuerons", a-t-il dit.'])).toEqual([[], []]);
  });

  it('a closing mark that ends a quote opened in the paragraph before', () => {
    expect(runDoc(['Il a déclaré : « Nous avons travaillé dur.', 'Et nous continuerons », a-t-il ajouté.'])).toEqual([[], []]);
    expect(runDoc(['« Nous avons travaillé dur.', '» Et nous continuerons, a-t-il dit.'])).toEqual([[], []]);
  });
});

describe('unbalanced-quote invalid (flagged)', () => {
  const invalid: [string, string[]][] = [
    [
      '"Les analystes de Morningstar estiment que les vents politiques favorables constituent une toile de fond fertile.',
      ['0-1 unbalanced-quote "\\""'],
    ],
    ['Il a répondu "oui sans hésiter.', ['13-14 unbalanced-quote "\\""']],
    ['Il a dit oui" hier soir.', ['12-13 unbalanced-quote "\\""']],
    ['« Le marché respire, observe un gérant.', ['0-1 unbalanced-quote "«"']],
    ['Le marché respire », observe un gérant.', ['18-19 unbalanced-quote "»"']],
    ['“Nous avons des conversations productives, a-t-il dit.', ['0-1 unbalanced-quote "“"']],
    ['« Oui », a-t-il dit, puis "non.', ['26-27 unbalanced-quote "\\""']],
  ];
  it.each(invalid)('%s', (text, expected) => {
    expect(run(text)).toEqual(expected);
  });

  it('flags the last paragraph of a document when the quote never closes', () => {
    expect(runDoc(['Texte.', '"Les analystes estiment que le titre va monter.'])).toEqual([[], ['0-1 unbalanced-quote "\\""']]);
  });

  it('weighs 0.3, once per family and paragraph', () => {
    const p = makeParagraph('"un "deux "trois');
    const signals = detector.detect(p, makeContext([p]));
    expect(signals).toHaveLength(1);
    expect(signals[0]).toMatchObject({ weight: 0.3, evidence: 'style', data: { family: 'straight "', open: 3 } });
  });
});

describe('unbalanced-quote is French only (meta.languages)', () => {
  it('declares fr, so German „…“ and »…« and Swedish ”…” are not taken for quotes left open', async () => {
    expect(detector.meta.languages).toEqual(['fr']);
    const { check } = await import('../../src/api.js');
    const german =
      'Der Konzern meldete am Dienstag „ein starkes Ergebnis“ für das dritte Quartal und hob seine Prognose an. ' +
      'Der Vorstandschef sprach von »einem sehr guten Jahr« für das Unternehmen und seine Mitarbeiter in Europa.';
    const report = await check(german);
    expect(report.language).toBe('de');
    expect(report.paragraphs.flatMap((p) => p.signals).filter((s) => s.ruleId === 'unbalanced-quote')).toEqual([]);
  });
});
