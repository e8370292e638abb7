// Rule fused-heading: an all-caps subheading run into the next sentence; not datelines or acronyms in sentences.
import { describe, expect, it } from '@jest/globals';
import { detector } from '../../src/detect/fused-heading.js';
import { expectedAt, makeContext, makeParagraph, runOn } from '../support/paragraph.js';

const context = makeContext();

const run = (text: string): string[] => runOn(detector, text, context);

const at = (text: string, fragment: string): string => expectedAt('fused-heading', text, fragment);

describe('fused-heading valid (no signal)', () => {
  const valid = [
    'NEW YORK (Reuters) - La Bourse de New York a fini en hausse.',
    'PARIS, 3 mars (Reuters) - Le CAC 40 a reculé de 0,5 %.',
    "Selon l'OTAN et l'ONU, la situation reste tendue.",
    'Le groupe LVMH a publié des résultats meilleurs que prévu.',
    'UE BCE Le taux directeur reste inchangé.',
    'EXCLUSIF-Le Pentagone envisage de couper les ponts.',
    'La SNCF et la RATP Les grèves continuent.',
    'WASHINGTON/SAN FRANCISCO, 29 janvier (Reuters) - Le Pentagone et Anthropic sont en désaccord.',
    'Le titre a pris 3 %. EDF SA Le groupe a confirmé.',
  ];
  it.each(valid)('%s', (text) => {
    expect(run(text)).toEqual([]);
  });
});

describe('fused-heading invalid (flagged)', () => {
  const invalid: [string, string[]][] = [
    ["SURVEILLANCE DE MASSE Le retrait d'Anthropic fait suite à une impasse.", ['SURVEILLANCE DE MASSE']],
    ['Le dollar a reculé. MARCHÉS ÉMERGENTS Les devises asiatiques ont progressé.', ['MARCHÉS ÉMERGENTS']],
    ['Le contrat a été signé.\nIA ET DÉFENSE Le Pentagone veut aller vite.', ['IA ET DÉFENSE']],
    ["L'ARMÉE AMÉRICAINE Anthropic a refusé ces conditions.", ["L'ARMÉE AMÉRICAINE"]],
    ["CONTEXTE POLITIQUE À l'approche des élections, le marché hésite.", ['CONTEXTE POLITIQUE']],
    ["PERSPECTIVES 2026 L'entreprise table sur une hausse de ses ventes.", ['PERSPECTIVES 2026']],
  ];
  it.each(invalid)('%s', (text, fragments) => {
    expect(run(text)).toEqual(fragments.map((f) => at(text, f)));
  });

  it('weighs 1.0 and suggests a line break after the heading', () => {
    const [s] = detector.detect(makeParagraph('SURVEILLANCE DE MASSE Le retrait est confirmé.'), context);
    expect(s).toMatchObject({ weight: 1, evidence: 'artefact', expected: ['SURVEILLANCE DE MASSE\n'] });
  });
});
