// Rule calque: entries of corpora/calques/ matched on folded text, mapped back to the raw text, with suggestions.
import { describe, expect, it } from '@jest/globals';
import { detector } from '../../src/detect/calque.js';
import { makeContext, makeParagraph, show } from '../support/paragraph.js';

const context = makeContext();

function run(text: string): string[] {
  return detector.detect(makeParagraph(text), context).map((s) => `${show(s, text)} ${String(s.data?.['id'])}`);
}

function at(text: string, fragment: string, id: string): string {
  const i = text.indexOf(fragment);
  if (i === -1) throw new Error(`${fragment} not in ${text}`);
  return `${i}-${i + fragment.length} calque ${JSON.stringify(fragment)} ${id}`;
}

describe('calque valid (no signal)', () => {
  const valid = [
    'Selon le rapport annuel de la société, les ventes ont progressé.',
    // Opening a sentence it is ordinary French (a report named earlier); the calque seen is the clause-final one.
    "Selon le rapport, le chiffre d'affaires du groupe a progressé de 12 % sur l'année.",
    'Mais selon le rapport, les ventes ont reculé en Europe.',
    "Le titre gagnait 3 % en avant-Bourse, avant l'ouverture.",
    'La prise en charge des patients est assurée.',
    "Veuillez vous référer à l'avertissement suivant.",
    'Les impacts de la crise sont encore mal mesurés.',
    'Le rappel du vaccin, un booster, est recommandé.',
    'Une fuite de données a été découverte.',
    'Les vols intérieurs ont repris.',
    'La base a été agrandie et la base aérienne rénovée.',
    'Les travaux domestiques et les animaux domestiques sont exclus.',
    "Le texte a été définitivement adopté par l'Assemblée.",
    'Il commence à être utilisé par les banques.',
    "L'entreprise est installée à Paris depuis 1990.",
    // Adresser quelque chose à quelqu'un (send it to) is ordinary French; only "address" = deal with is the anglicism.
    "Le sénateur a adressé une question écrite au ministre de l'Intérieur.",
    'Les députés adressent leurs questions au gouvernement chaque mardi.',
    'Les syndicats ont adressé leurs préoccupations au ministre du Travail.',
    'Le comité a adressé la question à la Commission européenne.',
    // The restrictive ne … que (only) after réaliser is not « réaliser que » (se rendre compte).
    "Le groupe n'a réalisé que 2 % de croissance au premier trimestre.",
    "Le projet n'a été réalisé qu'à moitié faute de financement.",
    // « en référer à » is the idiom, « en référé » the urgent procedure: neither is référer à = renvoyer à.
    'Le directeur doit en référer à sa hiérarchie avant toute décision.',
    'Le tribunal, saisi en référé à la demande du syndicat, a suspendu le plan.',
    // A graduated scale, not a graduate.
    'Les sondés notent leur confiance sur une échelle graduée de 0 à 10.',
    'Il mesure la pièce avec une règle graduée en centimètres.',
    // émail (enamel) folds to "email".
    "La porte est peinte à l'émail satiné et les dents perdent leur émail.",
    'Un vase en émail cloisonné.',
    // An editor's review (2026-12-07): ordinary French, « opportunité » in its French sense (advisability).
    "La ministre s'interroge sur l'opportunité d'un tel recours devant le Conseil d'Etat.",
    "Le Conseil juge de l'opportunité de la réforme avant tout vote.",
    "Les députés doivent apprécier l'opportunité de cette dépense.",
    "Le parquet apprécie l'opportunité des poursuites.",
    'La commission a évalué l\'opportunité du projet.',
    "L'opportunité d'une hausse des taux fait débat.",
    "Les juges doutent de l'opportunité de la mesure.",
    "Le parquet applique le principe d'opportunité des poursuites.",
    "L'entreprise a rencontré des difficultés financières après la perte de deux contrats.",
  ];
  it.each(valid)('%s', (text) => {
    expect(run(text)).toEqual([]);
  });
});

describe('calque invalid (flagged)', () => {
  const invalid: [string, [string, string][]][] = [
    [
      "Il savait qu'il ne s'agissait pas d'une \"réunion pour faire connaissance\", selon le rapport.",
      [['réunion pour faire connaissance', 'FR-MT-REUNION-FAIRE-CONNAISSANCE'], ['selon le rapport', 'FR-MT-SELON-LE-RAPPORT']],
    ],
    ['Le ministère a refusé de confirmer cette information, selon le rapport.', [['selon le rapport', 'FR-MT-SELON-LE-RAPPORT']]],
    ['Les actions de Tesla reculaient avant le marché.', [['avant le marché', 'FR-MT-AVANT-LE-MARCHE']]],
    ['Le titre bondissait dans les échanges avant bourse.', [['échanges avant bourse', 'FR-MT-ECHANGES-AVANT-BOURSE']]],
    [
      'Les vents politiques favorables constituent une toile de fond fertile pour les déploiements Greenfield.',
      [['vents politiques favorables', 'FR-MT-VENTS-FAVORABLES'], ['toile de fond fertile', 'FR-MT-TOILE-DE-FOND-FERTILE'], ['déploiements Greenfield', 'FR-MT-DEPLOIEMENTS-GREENFIELD']],
    ],
    ['Les marchés fermeront avant les vacances de la fête du travail.', [['vacances de la fête du travail', 'FR-MT-FETE-DU-TRAVAIL']]],
    ['Les analystes voient des pousses vertes, lors de la négociation hors dividende.', [['pousses vertes', 'FR-MT-POUSSES-VERTES'], ['négociation hors dividende', 'FR-MT-NEGOCIATION-HORS-DIVIDENDE']]],
    ['Il rejette la surveillance domestique de masse.', [['surveillance domestique', 'FR-MT-SURVEILLANCE-DOMESTIQUE']]],
    ['Le groupe vise le marché domestique.', [['marché domestique', 'FR-ANG-MARCHE-DOMESTIQUE']]],
    ['Les vols domestiques ont repris.', [['vols domestiques', 'FR-ANG-VOL-DOMESTIQUE']]],
    ['Un accord a été conclu, a déclaré une personne au fait du dossier.', [['une personne au fait du dossier', 'FR-NW-AU-FAIT-DU-DOSSIER']]],
    ["L'Otan n'a pas immédiatement répondu à une demande de commentaire.", [["n'a pas immédiatement répondu à une demande de commentaire", 'FR-NW-PAS-IMMEDIATEMENT-REPONDU']]],
    ['La Maison Blanche a refusé de commenter.', [['a refusé de commenter', 'FR-NW-REFUSE-DE-COMMENTER']]],
    ['Un accord avec le propriétaire de ChatGPT.', [['le propriétaire de ChatGPT', 'FR-MT-PROPRIETAIRE-CHATGPT']]],
    ['La start-up basée à San Francisco a levé des fonds.', [['start-up basée à', 'FR-NW-BASE-A']]],
    ['Le directeur est en charge des ventes et cela va impacter les marges.', [['est en charge des', 'FR-ANG-EN-CHARGE-DE'], ['impacter', 'FR-ANG-IMPACTER']]],
    ["Ce plan fait sens : c'est une fenêtre d'opportunité.", [['fait sens', 'FR-ANG-FAIRE-SENS'], ["fenêtre d'opportunité", 'FR-ANG-FENETRE-OPPORTUNITE']]],
    ["Il faut adresser le problème et c'est définitivement un tournant.", [['adresser le problème', 'FR-ANG-ADRESSER-PROBLEME'], ["c'est définitivement un", 'FR-ANG-DEFINITIVEMENT']]],
    ['Adresser ce problème a été la priorité du ministre.', [['Adresser ce problème', 'FR-ANG-ADRESSER-PROBLEME']]],
    // Not a recipient: an adverbial phrase after au, or the verb a (folded, à and a look alike).
    ['Le gouvernement doit adresser ces problèmes au plus vite.', [['adresser ces problèmes', 'FR-ANG-ADRESSER-PROBLEME']]],
    ["Le ministre chargé d'adresser ces questions a déclaré qu'il agirait.", [['adresser ces questions', 'FR-ANG-ADRESSER-PROBLEME']]],
    ["Le groupe cherche l'opportunité de contrat.", [['opportunité de contrat', 'FR-MT-OPPORTUNITE-DE-CONTRAT']]],
    ["Il veut saisir l'opportunité de partir et voit de nouvelles opportunités.", [["l'opportunité", 'FR-ANG-OPPORTUNITE'], ['de nouvelles opportunités', 'FR-ANG-OPPORTUNITE']]],
    ["C'est l'opportunité d'une vie.", [["l'opportunité", 'FR-ANG-OPPORTUNITE']]],
    ["Il n'a pas voulu rater l'opportunité de partir.", [["l'opportunité", 'FR-ANG-OPPORTUNITE']]],
    ["Le plan leur donnera l'opportunité de partir.", [["l'opportunité", 'FR-ANG-OPPORTUNITE']]],
    ["Nous saisissons l'opportunité de ce rachat.", [["l'opportunité", 'FR-ANG-OPPORTUNITE']]],
    ["Il doit offrir l'opportunité aux salariés de partir.", [["l'opportunité", 'FR-ANG-OPPORTUNITE']]],
    ["Il veut saisir l'opportunité d'un marché en plein essor.", [["l'opportunité", 'FR-ANG-OPPORTUNITE']]],
    ['Le fonds mise sur les opportunités de croissance.', [['les opportunités', 'FR-ANG-OPPORTUNITE']]],
    ['Les mesures à être envisagées sont connues.', [['mesures à être envisagées', 'FR-ANG-A-ETRE-PARTICIPE']]],
    ['IL A ÉTÉ IMPACTÉ PAR LA CRISE.', [['IMPACTÉ', 'FR-ANG-IMPACTER']]],
    ["Il n'a pas réalisé que la situation était grave.", [['réalisé que', 'FR-ANG-REALISER-QUE']]],
    ['Le ministre a référé à la commission le dossier des retraites.', [['a référé à', 'FR-ANG-REFERER-A']]],
    ["Elle est graduée en droit de l'université Laval.", [['graduée en', 'FR-ANG-GRADUATION']]],
    [
      'Il a répondu par email, puis envoyé un e-mail au directeur et des emails aux salariés.',
      [['email', 'FR-ANG-EMAIL-SOFTWARE'], ['e-mail', 'FR-ANG-EMAIL-SOFTWARE'], ['emails', 'FR-ANG-EMAIL-SOFTWARE']],
    ],
  ];
  it.each(invalid)('%s', (text, hits) => {
    expect(run(text)).toEqual(hits.map(([f, id]) => at(text, f, id)));
  });

  it('carries the entry weight, message, suggestions and status', () => {
    const [s] = detector.detect(makeParagraph('Une toile de fond fertile.'), context);
    expect(s).toMatchObject({
      ruleId: 'calque',
      weight: 0.8,
      evidence: 'lexical',
      scope: 'paragraph',
      expected: ['un terrain favorable', 'un contexte porteur'],
      data: { id: 'FR-MT-TOILE-DE-FOND-FERTILE', status: 'seen' },
    });
    expect(s!.message).toContain('fertile backdrop');
  });

  it('maps through curly apostrophes and no-break spaces', () => {
    const text = 'Il cite une personne\u00a0au fait du dossier et la fenêtre d’opportunité.';
    expect(run(text)).toEqual([
      at(text, 'une personne\u00a0au fait du dossier', 'FR-NW-AU-FAIT-DU-DOSSIER'),
      at(text, 'fenêtre d’opportunité', 'FR-ANG-FENETRE-OPPORTUNITE'),
    ]);
  });
});

describe('calque corpus', () => {
  const calques = context.corpora.calques;
  it('has at least 60 entries with unique ids', () => {
    expect(calques.length).toBeGreaterThanOrEqual(60);
    expect(new Set(calques.map((c) => c.id)).size).toBe(calques.length);
  });
  it('keeps anglicisms (normative) low and seen MT calques within 0.2–0.8', () => {
    for (const c of calques) {
      if (c.status === 'normative') expect(c.weight).toBeLessThanOrEqual(0.3);
      expect(c.weight).toBeGreaterThanOrEqual(0.1);
      expect(c.weight).toBeLessThanOrEqual(0.8);
      expect(c.note).toBeDefined();
    }
  });
  it('patterns are written for folded text (no capitals, no accents, no curly quotes)', () => {
    for (const c of calques) expect(c.pattern).not.toMatch(/[A-ZÀ-ÿ’«»]/u);
  });
});

describe('calques in another language (a desk corpus)', () => {
  it('an es entry fires on Spanish copy, and French entries stay off it', async () => {
    const { mkdtempSync, mkdirSync, writeFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const { check } = await import('../../src/api.js');
    const root = join(mkdtempSync(join(tmpdir(), 'wireproof-calque-')), 'corpora');
    mkdirSync(join(root, 'calques'), { recursive: true });
    const entry = { id: 'ES-APPLY-FOR', language: 'es', pattern: 'aplicar para un puesto', message: 'Calque of "apply for a job"', suggestions: ['solicitar un puesto'], weight: 0.5, status: 'inferred', source: 'tests/detect/calque.test.ts' };
    writeFileSync(join(root, 'calques', 'es.jsonl'), `${JSON.stringify(entry)}\n`);
    const spanish =
      'MADRID, 3 mar (Reuters) - Miles de jóvenes decidieron aplicar para un puesto en la administración pública este año, según el ministerio de Trabajo.';
    const report = await check(spanish, { corpora: root });
    expect(report.language).toBe('es');
    expect(report.paragraphs.flatMap((p) => p.signals).filter((s) => s.ruleId === 'calque').map((s) => s.data?.['id'])).toEqual(['ES-APPLY-FOR']);
    // The shipped French calques do not run on it.
    expect((await check(spanish)).paragraphs.flatMap((p) => p.signals).filter((s) => s.ruleId === 'calque')).toEqual([]);
  });
});
