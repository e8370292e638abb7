// Rule update-note: machine-translated and English Reuters update notes, from corpora/wire-marks/.
import { describe, expect, it } from '@jest/globals';
import { check } from '../../src/api.js';
import { detector } from '../../src/detect/update-note.js';
import type { ParagraphKind } from '../../src/types.js';
import { makeContext, makeParagraph, show } from '../support/paragraph.js';

const context = makeContext();

function run(text: string, kind: ParagraphKind = 'update-note', language = 'fr'): string[] {
  const p = makeParagraph(text, kind);
  return detector.detect(p, makeContext([p], language)).map((s) => `${show(s, text)} ${s.weight}`);
}

function whole(text: string, weight: number): string {
  return `0-${text.length} update-note ${JSON.stringify(text)} ${weight}`;
}

const SEED =
  "(Ajoute des détails du rapport d'Axios dans les paragraphes 2-3, la réponse d'Anthropic dans le paragraphe 4, le contexte dans les paragraphes 6-7)";
const REFONTE = "(Refonte, ajout de détails et d'éléments de contexte dans l'ensemble de l'article)";

describe('update-note valid (no signal)', () => {
  const valid: [string, ParagraphKind, string][] = [
    ['Le groupe ajoute des détails dans les paragraphes suivants.', 'body', 'fr'],
    ['(Ajoutons que la séance a été calme.)', 'update-note', 'fr'],
    ['(Corrigé en 2020)', 'update-note', 'fr'],
    ['Le texte (refonte du code du travail) sera voté mardi.', 'body', 'fr'],
    ['La société a publié mardi (mise à jour des prévisions) ses résultats.', 'body', 'fr'],
    ['(Updates shares)', 'update-note', 'en'],
    ['(Photo: Reuters)', 'update-note', 'fr'],
    ['Mises à jour des actions', 'body', 'fr'],
    // An article word must be a word: "de" is not the start of "déclarations" (a review found every "(Ajoute …)" matched).
    ['(Ajoute déclarations du préfet, précisions sur les mesures de confinement)', 'update-note', 'fr'],
    ['(Ajout détaillé en fin de dépêche)', 'update-note', 'fr'],
    ['(Mises à jour despotiques)', 'update-note', 'fr'],
  ];
  it.each(valid)('%s (%s, %s)', (text, kind, language) => {
    expect(run(text, kind, language)).toEqual([]);
  });
});

describe('update-note invalid (flagged)', () => {
  const invalid: [string, ParagraphKind, string[]][] = [
    [SEED, 'update-note', [whole(SEED, 2.5)]],
    ['(Mises à jour des actions)', 'update-note', [whole('(Mises à jour des actions)', 2.5)]],
    [REFONTE, 'update-note', [whole(REFONTE, 2.5)]],
    ['(Mise à jour des cours de clôture)', 'update-note', [whole('(Mise à jour des cours de clôture)', 1.2)]],
    ["(Corrige l'orthographe du nom du directeur au paragraphe 3)", 'update-note', [whole("(Corrige l'orthographe du nom du directeur au paragraphe 3)", 1.2)]],
    ['(Réécrit avec de nouveaux détails)', 'update-note', [whole('(Réécrit avec de nouveaux détails)', 2)]],
    ['(Ajoute la réaction de la société)', 'update-note', [whole('(Ajoute la réaction de la société)', 2)]],
    ["(Ajoute l'historique du dossier)", 'update-note', [whole("(Ajoute l'historique du dossier)", 2)]],
    ["(Ajout d'une citation d'analyste)", 'update-note', [whole("(Ajout d'une citation d'analyste)", 2)]],
    ["(Mises à jour de l'indice)", 'update-note', [whole("(Mises à jour de l'indice)", 2.5)]],
    ['(Updates shares)', 'update-note', [whole('(Updates shares)', 0)]],
    ['(Fixes link to graphic)', 'update-note', [whole('(Fixes link to graphic)', 0)]],
    ['Adds background in paragraphs 7-10', 'body', [whole('Adds background in paragraphs 7-10', 0)]],
    [`${REFONTE} WASHINGTON (Reuters) - Le Pentagone a réagi.`, 'body', [`0-${REFONTE.length} update-note ${JSON.stringify(REFONTE)} 2.5`]],
  ];
  it.each(invalid)('%s (%s)', (text, kind, expected) => {
    expect(run(text, kind)).toEqual(expected);
  });

  it('is document-wide evidence with the entry id; English notes are labelled untranslated', () => {
    const [mt] = detector.detect(makeParagraph(SEED, 'update-note'), context);
    expect(mt).toMatchObject({ scope: 'document', evidence: 'artefact', data: { id: 'RTR-FR-UPD-AJOUTE-PARAGRAPHES', provenance: 'machine' } });
    const [en] = detector.detect(makeParagraph('(Updates shares)', 'update-note'), context);
    expect(en!.message.startsWith('Update note left untranslated (in English)')).toBe(true);
  });

  it('every update-note entry matches its own example', () => {
    for (const entry of context.corpora.wireMarks.filter((e) => e.kind === 'update-note')) {
      const [s] = detector.detect(makeParagraph(entry.example!, 'update-note'), context);
      expect(s?.data?.['id']).toBe(entry.id);
    }
  });
});

describe('update-note through check(): where the note is seen in the wild', () => {
  // The opening line of boursorama's second Palantir story of 2026-02-03, printed without the notice
  // (provenance-evidence.md §1.1 finding 4); the headline and lede around it are our own.
  const NOTE = '(Mises à jour des actions) par Kanishka Ajmera et Rashika Singh';
  const LEDE = "Les actions de Palantir ont bondi de 6,9 % mardi, après des prévisions de chiffre d'affaires supérieures aux attentes.";
  it.each([
    ['glued to the byline, under the headline', `Palantir reprend des couleurs\n\n${NOTE}\n\n${LEDE}\n`],
    ['glued to the byline, first line of the story', `${NOTE}\n\n${LEDE}\n`],
    ['on its own line', `Palantir reprend des couleurs\n\n(Mises à jour des actions)\n\npar Kanishka Ajmera et Rashika Singh\n\n${LEDE}\n`],
  ])('%s: +2.5, and the story is undeclared machine translation', async (_name, text) => {
    const report = await check(text);
    const notes = report.paragraphs.flatMap((p) => p.signals.filter((s) => s.ruleId === 'update-note'));
    expect(notes.map((s) => [s.actual, s.weight])).toEqual([['(Mises à jour des actions)', 2.5]]);
    expect(report.verdict).toBe('undeclared-machine');
  });

  it('in the byline element of an HTML page, which Readability takes out of the article: +2.5', async () => {
    // Long enough that Readability's first attempt succeeds, and so removes the byline element.
    const body = `<p>${LEDE}</p>\n`.repeat(4);
    const page = (byline: string): string =>
      '<!doctype html><html lang="fr"><head><title>Palantir reprend des couleurs</title></head><body><article>\n' +
      `<h1>Palantir reprend des couleurs</h1>\n${byline}\n${body}</article></body></html>`;
    const report = await check(page(`<p class="byline">${NOTE}</p>`), { file: 'page.html' });
    const byline = report.paragraphs.find((p) => p.kind === 'byline');
    expect(byline?.text).toBe(NOTE);
    expect(byline?.line).toBe(3);
    expect(byline?.signals.map((s) => [s.ruleId, s.actual, s.weight])).toEqual([['update-note', '(Mises à jour des actions)', 2.5]]);
    expect(report.messages.map((m) => m.ruleId)).toContain('update-note');
    // Document scope: the note raises the story's paragraphs.
    const without = await check(page(''), { file: 'page.html' });
    expect(report.machineProbability!).toBeGreaterThan(without.machineProbability!);
  });

  it('a headline that merely contains the words is not a note', async () => {
    const report = await check(`Les mises à jour des actions inquiètent\n\n${LEDE}\n`);
    expect(report.paragraphs.flatMap((p) => p.signals).filter((s) => s.ruleId === 'update-note')).toEqual([]);
  });
});
