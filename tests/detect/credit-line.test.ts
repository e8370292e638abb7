// Rule credit-line: machine-translated, human and English Reuters credit lines, from corpora/wire-marks/.
import { describe, expect, it } from '@jest/globals';
import { detector } from '../../src/detect/credit-line.js';
import type { ParagraphKind } from '../../src/types.js';
import { makeContext, makeParagraph, show } from '../support/paragraph.js';

const context = makeContext();

function run(text: string, kind: ParagraphKind = 'credit', language = 'fr'): string[] {
  const p = makeParagraph(text, kind);
  return detector.detect(p, makeContext([p], language)).map((s) => `${show(s, text)} ${s.weight}`);
}

function at(text: string, fragment: string, weight: number): string {
  const i = text.indexOf(fragment);
  if (i === -1) throw new Error(`${fragment} not in ${text}`);
  return `${i}-${i + fragment.length} credit-line ${JSON.stringify(fragment)} ${weight}`;
}

const MT = "(Rapport de Caroline Valetkevitch, édition de Rosalba O'Brien et Daniel Wallis)";
const HUMAN = '(Rédigé par Augustin Turpin, édité par Kate Entringer)';
const SHORT = '(Laetitia Volga, édité par Kate Entringer)';
const EN = '(Reporting by Avik Das in Bengaluru; Editing by Joyjeet Das)';

describe('credit-line valid (no signal)', () => {
  const valid: [string, ParagraphKind, string][] = [
    ['(Rapport annuel de la société)', 'credit', 'fr'],
    ['Le rapport de la Banque mondiale, édition de 2024, est paru.', 'body', 'fr'],
    ['Le recueil (la préface, édité par Gallimard) est sorti hier.', 'body', 'fr'],
    [`${HUMAN} et la suite du texte continue ici.`, 'body', 'fr'],
    [EN, 'credit', 'en'],
    ["Rapport de Caroline Valetkevitch, édition de Rosalba O'Brien", 'credit', 'fr'],
    ['(Rapport de la Cour des comptes)', 'credit', 'fr'],
    // A citation, not a reporter (an editor's review, 2026-12-07: it was +3 and an error).
    ['(Rapport de la Cour des comptes, édité par La Documentation française)', 'credit', 'fr'],
    ["(Rapport de l'Insee, édition de 2024)", 'credit', 'fr'],
    ["(Rapport de l'OCDE, édition de juin 2024)", 'credit', 'fr'],
    ['(Rapport de la Banque mondiale, édition de printemps)', 'credit', 'fr'],
    ['(Rapport de la Cour des comptes, édition de la Documentation française)', 'credit', 'fr'],
    ["(Rapport de l'OCDE, édition de mi-juin 2024)", 'credit', 'fr'],
    ['(Rapport de Deloitte, édition de juin 2024)', 'credit', 'fr'],
    ['(Reportage supplémentaire de Deloitte, édition de juin 2024)', 'credit', 'fr'],
    ['(Reportage de France 2, édition de 20 heures)', 'credit', 'fr'],
    // Citations, not credits (a review, 2026-12-07); the price: an editor called "Le Thu" or "Mai" alone is missed.
    ['(Écrits de Victor Hugo, édition de la Pléiade)', 'credit', 'fr'],
    ["(Compilation de discours de Charles de Gaulle, édition de l'Imprimerie nationale)", 'credit', 'fr'],
    ['(Reportage de Marie Dupont ; édition de printemps)', 'credit', 'fr'],
    ['(Rapport de gestion, édition de décembre)', 'credit', 'fr'],
    ['(Rapport de mission, édité par le ministère)', 'credit', 'fr'],
    ['(Photo de Jean Dupont)', 'credit', 'fr'],
  ];
  it.each(valid)('%s (%s, %s)', (text, kind, language) => {
    expect(run(text, kind, language)).toEqual([]);
  });
});

describe('credit-line invalid (flagged)', () => {
  const glued = `Le titre a fini en baisse de 3 %. ${MT}`;
  const invalid: [string, ParagraphKind, string[]][] = [
    [MT, 'credit', [at(MT, MT, 3)]],
    [HUMAN, 'credit', [at(HUMAN, HUMAN, -2.5)]],
    [SHORT, 'credit', [at(SHORT, SHORT, -2)]],
    [EN, 'credit', [at(EN, EN, 0)]],
    [glued, 'body', [at(glued, MT, 3)]],
    ['(Rapport de Avik Das à Bengaluru ; édition de Joyjeet Das)', 'credit', [at('(Rapport de Avik Das à Bengaluru ; édition de Joyjeet Das)', '(Rapport de Avik Das à Bengaluru ; édition de Joyjeet Das)', 3)]],
    // Reuters' newsroom credits, rendered with an article (a review found a first fix for citations losing them).
    ['(Rapport de la rédaction de Shanghai ; édition de Sherry Jacob-Phillips)', 'credit', [at('(Rapport de la rédaction de Shanghai ; édition de Sherry Jacob-Phillips)', '(Rapport de la rédaction de Shanghai ; édition de Sherry Jacob-Phillips)', 3)]],
    ["(Rapport de l'équipe de Reuters à Pékin ; édition de Kim Coghill)", 'credit', [at("(Rapport de l'équipe de Reuters à Pékin ; édition de Kim Coghill)", "(Rapport de l'équipe de Reuters à Pékin ; édition de Kim Coghill)", 3)]],
    ['(Rapport de Jane Doe ; édition de Mai Nguyen)', 'credit', [at('(Rapport de Jane Doe ; édition de Mai Nguyen)', '(Rapport de Jane Doe ; édition de Mai Nguyen)', 3)]],
    ["(Rapport d'Andrea Shalal ; édition d'Alistair Bell)", 'credit', [at("(Rapport d'Andrea Shalal ; édition d'Alistair Bell)", "(Rapport d'Andrea Shalal ; édition d'Alistair Bell)", 3)]],
    ['(Rapport du bureau de Bengaluru ; édition de Shilpi Majumdar)', 'credit', [at('(Rapport du bureau de Bengaluru ; édition de Shilpi Majumdar)', '(Rapport du bureau de Bengaluru ; édition de Shilpi Majumdar)', 3)]],
    ['(Reportage de Deepa Seetharaman ; montage de Franklin Paul)', 'credit', [at('(Reportage de Deepa Seetharaman ; montage de Franklin Paul)', '(Reportage de Deepa Seetharaman ; montage de Franklin Paul)', 2.5)]],
    // "(Additional reporting by …; Editing by …)" rendered word for word (an editor's review, 2026-12-07).
    ['(Reportage supplémentaire de Julia Payne à Bruxelles; édition de Toby Chopra)', 'credit', [at('(Reportage supplémentaire de Julia Payne à Bruxelles; édition de Toby Chopra)', '(Reportage supplémentaire de Julia Payne à Bruxelles; édition de Toby Chopra)', 2.5)]],
    ["(Reportage supplémentaire d'Elizabeth Pineau ; édition de Toby Chopra)", 'credit', [at("(Reportage supplémentaire d'Elizabeth Pineau ; édition de Toby Chopra)", "(Reportage supplémentaire d'Elizabeth Pineau ; édition de Toby Chopra)", 2.5)]],
    ['(Rapport supplémentaire de Julia Payne, édition de Toby Chopra)', 'credit', [at('(Rapport supplémentaire de Julia Payne, édition de Toby Chopra)', '(Rapport supplémentaire de Julia Payne, édition de Toby Chopra)', 3)]],
    ['(RÉDIGÉ PAR AUGUSTIN TURPIN, ÉDITÉ PAR KATE ENTRINGER)', 'credit', [at('(RÉDIGÉ PAR AUGUSTIN TURPIN, ÉDITÉ PAR KATE ENTRINGER)', '(RÉDIGÉ PAR AUGUSTIN TURPIN, ÉDITÉ PAR KATE ENTRINGER)', -2.5)]],
  ];
  it.each(invalid)('%s (%s)', (text, kind, expected) => {
    expect(run(text, kind)).toEqual(expected);
  });

  it('is document-wide evidence, with the entry id and provenance', () => {
    const [s] = detector.detect(makeParagraph(MT, 'credit', 9), context);
    expect(s).toMatchObject({
      ruleId: 'credit-line',
      scope: 'document',
      evidence: 'artefact',
      paragraph: 9,
      data: { id: 'RTR-FR-CREDIT-MT-RAPPORT', provenance: 'machine', status: 'seen' },
    });
    expect(s!.message.startsWith('Credit line translated word for word')).toBe(true);
  });

  it('says the English credit line was left untranslated', () => {
    const [s] = detector.detect(makeParagraph(EN, 'credit'), context);
    expect(s!.message.startsWith('Credit line left untranslated (in English)')).toBe(true);
    expect(s!.data).toMatchObject({ provenance: 'source' });
  });

  it('names the language of the entry, not French: a desk’s Spanish entry (a review, 2026-12-07)', () => {
    const spanish = { ...context.corpora.wireMarks.find((e) => e.provenance === 'human' && e.kind === 'credit')!, language: 'es', regex: /\(informacion de [^()]+\)/u, literals: undefined };
    const es = { ...context, corpora: { ...context.corpora, wireMarks: [spanish] } };
    const [s] = detector.detect(makeParagraph('(Información de Juan Pérez; edición de Ana Gil)', 'credit'), es);
    expect(s!.message).toBe('Credit line in the format of a human Reuters desk (in Spanish): (Información de Juan Pérez; edición de Ana Gil)');
    const [fr] = detector.detect(makeParagraph(HUMAN, 'credit'), context);
    expect(fr!.message.startsWith('Credit line in the format of a human Reuters desk (in French)')).toBe(true);
  });

  it('every credit entry matches its own example', () => {
    for (const entry of context.corpora.wireMarks.filter((e) => e.kind === 'credit')) {
      const [s] = detector.detect(makeParagraph(entry.example!, 'credit'), context);
      expect(s?.data?.['id']).toBe(entry.id);
    }
  });
});
