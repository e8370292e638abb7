// Language identification: which language a paragraph's rules are chosen by (its own guess only when franc is sure).
import { describe, expect, test } from '@jest/globals';
import { check } from '../../src/api.js';
import { PARAGRAPH_TRUST, ruleLanguage } from '../../src/segment/language.js';

describe('ruleLanguage', () => {
  test.each([
    // [paragraph guess, confidence, document language, rule language]
    ['de', 1, 'fr', 'de'],
    ['de', PARAGRAPH_TRUST, 'fr', 'de'],
    ['de', 0.004, 'fr', 'fr'],
    ['fr', 0.155, 'en', 'en'],
    ['es', 0.334, 'fr', 'fr'],
    ['es', 0.2, 'und', 'es'],
    ['und', 0, 'fr', 'fr'],
    ['und', 0, 'und', 'und'],
  ])('%s at %s in a %s document → %s', (language, languageConfidence, documentLanguage, expected) => {
    expect(ruleLanguage({ language, languageConfidence }, documentLanguage)).toBe(expected);
  });
});

/** Rule ids of each paragraph's signals. */
async function rulesByParagraph(text: string): Promise<string[][]> {
  const report = await check(text, { file: 'mixed.txt' });
  return report.paragraphs.map((p) => p.signals.map((s) => s.ruleId));
}

describe('French rules and paragraphs in other languages (a review, 2026-12-07)', () => {
  test('a German quotation in a French story: no French quote or typography rule on it', async () => {
    const text = [
      "Le chancelier allemand Olaf Scholz a défendu mercredi devant le Bundestag le budget 2024 de son gouvernement, au lendemain d'une décision de la Cour constitutionnelle.",
      "Voici ce qu'il a déclaré en ouverture de son discours, retransmis en direct par les chaînes publiques :",
      '„Wir werden die Schuldenbremse einhalten, aber wir lassen unser Land nicht im Stich. Das ist ein Versprechen, das ich heute hier gebe!“',
      "L'opposition conservatrice a aussitôt dénoncé un « budget insincère » et réclamé un vote de confiance.",
    ].join('\n\n');
    const report = await check(text, { file: 'fr-de.txt', rules: { typography: 'warning' } });
    expect(report.language).toBe('fr');
    expect(report.paragraphs[2]!.language).toBe('de');
    // Before: unbalanced-quote (German „…“ read as French marks) and typography (no space before "!").
    expect(report.paragraphs[2]!.signals).toEqual([]);
  });

  test('a French paragraph opening on a long English quotation keeps its French rules (a second review)', async () => {
    const text = [
      "Tesla recule avant l'ouverture",
      '"We are not going to change the plan, we are going to keep building the factory in Berlin and in Texas, and we will hire more people this year than we did last year, because the demand is there and it will come back," Elon Musk told analysts on the call. Le titre de Tesla a reculé de 3% avant le marché mardi, selon le rapport de Bloomberg, après que le directeur général a déclaré que le groupe maintiendrait ses investissements malgré la baisse des ventes en Europe et en Chine au premier trimestre.',
      'Les analystes de Morgan Stanley ont abaissé leur objectif de cours, estimant que la demande restait faible.',
    ].join('\n\n');
    const report = await check(text, { file: 'mixed.txt' });
    const rules = report.paragraphs[1]!.signals.map((s) => s.ruleId);
    expect(rules).toEqual(expect.arrayContaining(['untranslated-english', 'machine-phrasing', 'calque']));
    expect(report.paragraphs[1]!.language).toBe('fr');
  });

  test('an English headline franc reads as French at low confidence gets no French style evidence', async () => {
    const rules = await rulesByParagraph(
      'Politicians get it wrong when it comes to rent caps\n\nThe Scottish Government has extended its rent freeze for tenants in the private sector until the end of March, despite warnings from landlords that the policy is reducing the supply of homes to let across the country.',
    );
    expect(rules).toEqual([[], []]);
  });

  test('a German story with French names and quotes: no French rule runs', async () => {
    const rules = await rulesByParagraph(
      [
        'Die Europäische Zentralbank hat am Donnerstag ihre Leitzinsen um einen halben Prozentpunkt angehoben, trotz der Turbulenzen im US-Bankensektor und an den Finanzmärkten.',
        '„Notre mission est la stabilité des prix“, sagte Lagarde.',
        'Die Aktien von Crédit Agricole stiegen um 2 Prozent, die der Banque Populaire fielen.',
      ].join('\n\n'),
    );
    expect(rules).toEqual([[], [], []]);
  });
});
