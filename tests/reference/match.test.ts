// Phrasing matching: the seeds' no-comment formula, inflection, folding, reordering, spans in the original text, and robustness.
import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { findPhrasings, similarityBand, wordDistance, wordSimilarity, type PhrasingMatch } from '../../src/reference/match.js';
import type { Phrasing } from '../../src/reference/phrasings.js';
import { buildPhrasingIndex, loadPhrasingIndex } from '../../src/reference/shingle-index.js';

const index = loadPhrasingIndex();
const seed = (name: string): string[] => readFileSync(join('seeds', name), 'utf8').split(/\n\s*\n/);

/** A one-entry index, to test matching without the rest of the corpus in the way. */
function only(canonical: string[], variants: string[] = [], id = 'T'): ReturnType<typeof buildPhrasingIndex> {
  const p: Phrasing = { id, language: 'fr', canonical, variants, source: 'test', tags: [], evidence: 'test', file: 't', line: 1 };
  return buildPhrasingIndex([p]);
}

function byId(matches: PhrasingMatch[], id: string): PhrasingMatch[] {
  return matches.filter((m) => m.referenceId === id);
}

describe('the no-immediate-comment formula in both seeds', () => {
  const p000 = seed('000_22f5c933d92a2ddd.txt').find((p) => p.includes('demande de commentaire'))!;
  const p003 = seed('003_86d609dcec19a228.txt').find((p) => p.includes('demande de commentaire'))!;
  const m000 = byId(findPhrasings(p000, index), 'FR-NO-IMMEDIATE-COMMENT');
  const m003 = byId(findPhrasings(p003, index), 'FR-NO-IMMEDIATE-COMMENT');

  it('is found in each seed under the same reference id, as a machine variant', () => {
    expect(m000).toHaveLength(1);
    expect(m003).toHaveLength(1);
    expect(m000[0]!.kind).toBe('machine-variant');
    expect(m003[0]!.kind).toBe('machine-variant');
    expect(m000[0]!.text).toBe("n'a pas répondu immédiatement à la demande de commentaire de Reuters");
    expect(m003[0]!.text).toBe("n'a pas immédiatement répondu à une demande de commentaire");
    expect(m000[0]!.similarity).toBe(1);
  });

  it('gives spans in the original text and the closest canonical wording, which it drifts from', () => {
    for (const [text, m] of [
      [p000, m000[0]!],
      [p003, m003[0]!],
    ] as const) {
      expect(text.slice(m.start, m.end)).toBe(m.text);
      expect(m.expected).toBe("n'a pas répondu dans l'immédiat à une demande de commentaire");
      expect(m.canonicalSimilarity).toBeLessThan(0.85);
      expect(m.canonicalSimilarity).toBeGreaterThan(0.5);
    }
  });

  it('matches a wording it was not given, fuzzily', () => {
    // Only seed 000's wording is known; seed 003 swaps two words and says "une" for "la".
    const idx = only(["n'a pas répondu dans l'immédiat à une demande de commentaire"], ["n'a pas répondu immédiatement à la demande de commentaire"]);
    const [m] = findPhrasings(p003, idx);
    expect(m).toBeDefined();
    expect(m!.kind).toBe('machine-variant');
    expect(m!.similarity).toBeCloseTo(0.8, 5); // 10 words, 2 edits: a swap and an article
    expect(m!.band).toBe('75-84');
    expect(m!.text).toBe("n'a pas immédiatement répondu à une demande de commentaire");
  });
});

describe('tolerance', () => {
  const declined = only(["n'a pas souhaité faire de commentaire"], ['a refusé de commenter']);

  it('matches inflection: "a refusé" and "ont refusé", feminine and plural participles', () => {
    for (const text of [
      'Le ministère a refusé de commenter.',
      'Les deux entreprises ont refusé de commenter ces informations.',
      'La société avait refusé de commenter.',
    ]) {
      const [m] = findPhrasings(text, declined);
      expect([text, m?.kind, m?.similarity]).toEqual([text, 'machine-variant', 1]);
    }
    const [m] = findPhrasings('Les porte-parole ne souhaitaient pas faire de commentaires.', only(['ne souhaite pas faire de commentaire']));
    expect(m?.similarity).toBe(1);
  });

  it('folds accents and case, and maps the span back to the original text', () => {
    const text = "LE PENTAGONE N'A PAS REPONDU IMMEDIATEMENT A LA DEMANDE DE COMMENTAIRE DE REUTERS.";
    const [m] = byId(findPhrasings(text, index), 'FR-NO-IMMEDIATE-COMMENT');
    expect(m?.similarity).toBe(1);
    expect(m?.text).toBe("N'A PAS REPONDU IMMEDIATEMENT A LA DEMANDE DE COMMENTAIRE DE REUTERS");
    const curly = 'Il n’a pas répondu dans l’immédiat à une demande de commentaire.';
    const [c] = findPhrasings(curly, index);
    expect(c?.kind).toBe('canonical');
    expect(c?.similarity).toBe(1);
    expect(curly.slice(c!.start, c!.end)).toBe('n’a pas répondu dans l’immédiat à une demande de commentaire');
  });

  it('tolerates a small reordering ("n\'a pas répondu immédiatement" / "n\'a pas immédiatement répondu")', () => {
    const idx = only(["n'a pas répondu dans l'immédiat"], ["n'a pas répondu immédiatement"]);
    const [m] = findPhrasings("Le ministère n'a pas immédiatement répondu.", idx);
    expect(m?.kind).toBe('machine-variant');
    expect(m?.similarity).toBeCloseTo(0.8, 5); // five words, one swap
    expect(m?.text).toBe("n'a pas immédiatement répondu");
  });

  it('takes in the article before a formula and the closing mark after it', () => {
    const text = 'quelques jours après que le propriétaire de ChatGPT a conclu un accord';
    const [m] = byId(findPhrasings(text, index), 'FR-CHATGPT-OWNER');
    expect(m?.text).toBe('le propriétaire de ChatGPT');
    const quoted = 'utiliser leurs outils à "toutes fins légales", y compris';
    const [q] = byId(findPhrasings(quoted, index), 'FR-ALL-LAWFUL-PURPOSES');
    expect(q?.text).toBe('à "toutes fins légales"');
    const nato = only(["l'Otan"], ["l'Organisation du traité de l'Atlantique nord (OTAN)"], 'FR-NATO');
    const [n] = byId(findPhrasings("les réseaux de l'Organisation du traité de l'Atlantique nord (OTAN), a déclaré", nato), 'FR-NATO');
    expect(n?.text).toBe("l'Organisation du traité de l'Atlantique nord (OTAN)");
  });
});

describe('precision', () => {
  it('matches nothing in unrelated text', () => {
    for (const text of [
      'Le chiffre du chômage a baissé de 0,2 point au troisième trimestre, selon l\'Insee.',
      'Il pleuvra demain sur la Bretagne et la Normandie.',
      '',
      '   ',
      '12345 67890',
    ]) {
      expect([text, findPhrasings(text, index)]).toEqual([text, []]);
    }
    // French phrasings are not looked for in an English paragraph.
    expect(findPhrasings('The Pentagon did not immediately respond to a request for comment.', index, { language: 'en' })).toEqual([]);
  });

  it('does not take a formula for a sentence sharing only its function words', () => {
    const text = "Un porte-parole a déclaré mardi une nouvelle fois que le groupe a refusé l'offre après des mois de négociations.";
    const ids = findPhrasings(text, index).map((m) => m.referenceId);
    expect(ids).not.toContain('FR-SAID-IN-STATEMENT');
    expect(ids).not.toContain('FR-AFTER-HOURS');
    expect(ids).not.toContain('FR-DECLINED-TO-COMMENT');
    expect(findPhrasings("a déclaré à l'AFP", only(['a déclaré à Reuters']))).toEqual([]);
    expect(findPhrasings('selon des analystes', only(['selon des sources']))).toEqual([]);
  });

  // A formula with one content word is made by its function words: dropping or replacing one leaves ordinary French.
  const oneContentWord: [text: string, id: string][] = [
    ["Quand j'étais étudiant, j'avais assez d'argent pour payer mon loyer.", 'FR-FED-UP'],
    ['Il y a assez de place pour tout le monde dans la salle.', 'FR-FED-UP'],
    ["Le taux de chômage devrait passer de 7,5 % à 8 % d'ici la fin de l'année.", 'FR-ON-TRACK-FOR'],
    ['Le maire a pu être joint par téléphone mardi soir.', 'FR-NOT-REACHABLE'],
    ["Il n'a rappelé que les faits établis par l'enquête.", 'FR-DID-NOT-RETURN-CALLS'],
    ['Le titre a reculé de 2 % en Bourse mardi.', 'FR-IPO'],
    ['La banque est sur une voie de croissance plus lente.', 'FR-ON-TRACK-FOR'],
    // Any form of three words or fewer holds all its words: one source is not several (Libération, review).
    ["Le ministre a démissionné, selon une source du Quai d'Orsay.", 'FR-SOURCES-SAID'],
  ];
  it.each(oneContentWord)('does not match a one-content-word formula missing one of its words: %s', (text, id) => {
    expect(byId(findPhrasings(text, index), id)).toEqual([]);
  });

  // 'en a assez' and 'en a marre' left the shipped corpus (ordinary French, editor's review 2026-12-07); the matcher
  // is still tested on them.
  const fedUp = only(["s'impatiente"], ['en a assez', 'en a marre'], 'FR-FED-UP');
  const oneContentWordFound: [text: string, id: string, span: string, similarity: number, idx: typeof index][] = [
    ['Le ministère en a assez après des mois de négociations.', 'FR-FED-UP', 'en a assez', 1, fedUp],
    ['Les syndicats en avaient assez.', 'FR-FED-UP', 'en avaient assez', 1, fedUp],
    ['Le Pentagone en a eu marre.', 'FR-FED-UP', 'en a eu marre', 0.75, fedUp], // an inserted word costs, and the span keeps "en"
    ['Le titre est en passe de battre un record.', 'FR-ON-TRACK-FOR', 'en passe de', 1, index],
    ["Elle n'a pas pu être jointe.", 'FR-NOT-REACHABLE', "n'a pas pu être jointe", 1, index],
    ['La société a fait son entrée en Bourse en mars.', 'FR-IPO', 'entrée en Bourse', 1, index],
  ];
  it.each(oneContentWordFound)('still matches a one-content-word formula holding all its words: %s', (text, id, span, similarity, idx) => {
    const [m] = byId(findPhrasings(text, idx), id);
    expect([m?.text, m?.similarity]).toEqual([span, similarity]);
  });

  // Ordinary French that machine variants of the shipped corpus used to match (editor's review, 2026-12-07): each was
  // machine evidence, with a drift suggestion that changed the meaning.
  const ordinaryFrench: [text: string, id: string][] = [
    ["Les ministres de l'Organisation du traité de l'Atlantique nord (OTAN) se retrouvent jeudi à Bruxelles.", 'FR-NATO'],
    ['Les programmes de la National Security Agency (NSA) avaient provoqué un scandale.', 'FR-NSA'],
    ['Un militaire américain a été tué et trois autres blessés. Le militaire américain était âgé de 24 ans.', 'FR-US-MILITARY'],
    ["La valeur marchande de l'appartement dépasse 2 millions d'euros.", 'FR-MARKET-CAP'],
    ['Les allocataires déclarent chaque trimestre leur revenu trimestriel à la CAF.', 'FR-QUARTERLY-REVENUE'],
    ['Après trois heures de discussion dans les échanges prolongés avec les syndicats, la direction a cédé.', 'FR-AFTER-HOURS'],
    ['« J\'en ai assez de ces mensonges », a lancé la députée. Sa collègue en a assez entendu.', 'FR-FED-UP'],
    ['La préfecture a publié ses conseils annuels de prudence avant la saison des feux.', 'FR-ANNUAL-GUIDANCE'],
    ['Le mouvement est sur la voie de la réconciliation, selon son président.', 'FR-ON-TRACK-FOR'],
    ['La hausse des dépenses est "préoccupante", indique le rapport de la Cour des comptes.', 'FR-REPORT-SAID'],
    ["La Bourse de Paris est sur le point d'ouvrir en hausse.", 'FR-SET-TO-OPEN'],
  ];
  it.each(ordinaryFrench)('does not take ordinary French for a machine rendering: %s', (text, id) => {
    expect(byId(findPhrasings(text, index), id).filter((m) => m.kind === 'machine-variant')).toEqual([]);
  });

  // A formula's negation is its meaning: the same words without it (or with one it lacks) say the opposite.
  const polarityReversed: [text: string, id: string][] = [
    ['Le ministère a répondu immédiatement à la demande de commentaire.', 'FR-NO-IMMEDIATE-COMMENT'],
    ["La société a donné suite dans l'immédiat à une demande de commentaire.", 'FR-NO-IMMEDIATE-COMMENT'],
    ['Le ministère a répondu à la demande de commentaire de Reuters.', 'FR-NO-RESPONSE-TO-COMMENT'],
    ["Reuters a pu vérifier ces informations dans l'immédiat.", 'FR-COULD-NOT-VERIFY'],
    ['Reuters a pu immédiatement vérifier le rapport.', 'FR-COULD-NOT-VERIFY'],
    ["Il était autorisé à s'exprimer publiquement.", 'FR-NOT-AUTHORIZED'],
    ['Il a pu être contacté pour un commentaire.', 'FR-NOT-REACHABLE'],
    ['Elle a retourné les appels sollicitant un commentaire.', 'FR-DID-NOT-RETURN-CALLS'],
    ["Elle n'a pas révélé ses sources.", 'FR-FIRST-REPORTED'],
    ['La direction a tenu une conférence téléphonique sans les analystes.', 'FR-EARNINGS-CALL'],
  ];
  it.each(polarityReversed)('does not match a formula across a negation it lacks or has: %s', (text, id) => {
    expect(byId(findPhrasings(text, index), id)).toEqual([]);
  });

  const polarityKept: [text: string, id: string, span: string][] = [
    ["Le ministère n'a pas répondu immédiatement à la demande de commentaire.", 'FR-NO-IMMEDIATE-COMMENT', "n'a pas répondu immédiatement à la demande de commentaire"],
    ["Il n'a jamais souhaité faire de commentaire.", 'FR-DECLINED-TO-COMMENT', "n'a jamais souhaité faire de commentaire"],
    ["Le ministre, n'étant pas autorisé à parler publiquement, a requis l'anonymat.", 'FR-NOT-AUTHORIZED', "n'étant pas autorisé à parler publiquement"],
    ['Il a parlé faute d’être autorisé à parler publiquement.', 'FR-NOT-AUTHORIZED', 'faute d’être autorisé à parler publiquement'],
    ["Il a déclaré à Reuters qu'il n'avait pas vu le rapport.", 'FR-TOLD-REUTERS', 'a déclaré à Reuters'],
  ];
  it.each(polarityKept)('matches a formula whose negation the text keeps: %s', (text, id, span) => {
    expect(byId(findPhrasings(text, index), id).map((m) => m.text)).toEqual([span]);
  });

  it('treats negation words as required in any formula, as written', () => {
    // `ne` or `pas` alone negates ("n'a pu"); jamais, sans, and plus beside a `ne`, carry a meaning of their own.
    expect(findPhrasings("Le titre n'a pu dépasser son record.", only(["n'a pas pu dépasser son record"]))).toHaveLength(1);
    expect(findPhrasings('Le titre a pu dépasser son record.', only(["n'a pas pu dépasser son record"]))).toEqual([]);
    expect(findPhrasings("L'indice n'a pas été aussi élevé depuis 2008.", only(["n'a jamais été aussi élevé depuis"]))).toEqual([]);
    expect(findPhrasings("L'indice n'a jamais été aussi élevé depuis 2008.", only(["n'a jamais été aussi élevé depuis"]))).toHaveLength(1);
    expect(findPhrasings('Le directeur a démissionné avec préavis.', only(['a démissionné sans préavis']))).toEqual([]);
    expect(findPhrasings('Le titre ne cotera pas à la Bourse de Paris.', only(['ne cotera plus à la Bourse de Paris']))).toEqual([]);
    expect(findPhrasings('Le titre ne cotera plus à la Bourse de Paris.', only(['ne cotera plus à la Bourse de Paris']))).toHaveLength(1);
    // "plus" without a `ne` is "more": a formula holding it is not negated, and a text may drop it as any function word.
    expect(findPhrasings('le niveau le haut depuis des mois', only(['le niveau le plus haut depuis des mois']))).toHaveLength(1);
    // "né" has the key of "ne" but negates nothing; "San" that of "sans".
    expect(findPhrasings('Le fondateur né a pu dépasser son record.', only(["n'a pas pu dépasser son record"]))).toEqual([]);
    expect(findPhrasings('la filiale San Francisco', only(['la filiale de San Francisco']))).toHaveLength(1);
  });

  it('does not take a content word for the function word it folds or stems to', () => {
    // "sûr" had the key of "sur": "se dit sûr de la voie de" was "sur la voie de" (on track for) at 0.80.
    const onTrack = only(['en passe de'], ['sur la voie de'], 'FR-ON-TRACK-FOR');
    expect(byId(findPhrasings('Le gouvernement se dit sûr de la voie de la réforme.', onTrack), 'FR-ON-TRACK-FOR')).toEqual([]);
    expect(findPhrasings('une valeur sur la Bourse de Paris', only(['une valeur sûre en Bourse']))).toEqual([]);
    expect(findPhrasings('le prix dû au pétrole', only(['le prix du pétrole']))).toEqual([]);
    expect(findPhrasings('une valeur sûre en Bourse', only(['une valeur sûre en Bourse']))).toHaveLength(1);
    expect(findPhrasings('SUR LA VOIE DE LA REPRISE', onTrack).map((m) => m.referenceId)).toEqual(['FR-ON-TRACK-FOR']);
  });

  it('keeps matches apart: the best one wins an overlap', () => {
    const idx = buildPhrasingIndex([
      { id: 'LONG', language: 'fr', canonical: ["n'a pas répondu dans l'immédiat à une demande de commentaire"], variants: [], source: 's', tags: [], evidence: 'e', file: 'f', line: 1 },
      { id: 'SHORT', language: 'fr', canonical: ['une demande de commentaire'], variants: [], source: 's', tags: [], evidence: 'e', file: 'f', line: 2 },
    ]);
    const ms = findPhrasings("Il n'a pas répondu dans l'immédiat à une demande de commentaire.", idx);
    expect(ms.map((m) => m.referenceId)).toEqual(['LONG']);
  });

  it('requires the names of a wording (capitalised words)', () => {
    const idx = only(['la maison mère de ChatGPT'], ['le propriétaire de ChatGPT']);
    expect(findPhrasings('le propriétaire de Gemini a annoncé', idx)).toEqual([]);
    expect(findPhrasings('le propriétaire de chatgpt a annoncé', idx)).toHaveLength(1);
    expect(findPhrasings('selon une porte-parole de Google', only(['selon un porte-parole de Renault']))).toEqual([]);
  });

  it('respects the threshold and the language option', () => {
    const idx = only(["n'a pas répondu immédiatement"]);
    const text = "n'a pas immédiatement répondu";
    expect(findPhrasings(text, idx, { threshold: 0.85 })).toEqual([]);
    expect(findPhrasings(text, idx, { threshold: 0.8 })).toHaveLength(1);
    expect(findPhrasings(text, idx, { language: 'es' })).toEqual([]);
    expect(findPhrasings(text, idx, { language: 'fr' })).toHaveLength(1);
  });
});

describe('suggestions replace the whole matched verb', () => {
  it('FR-BEAT-ESTIMATES: a variant starting on its auxiliary suggests a canonical that does too (review)', () => {
    const [m] = byId(findPhrasings('Le groupe a battu les estimations des analystes au troisième trimestre.', index), 'FR-BEAT-ESTIMATES');
    // It read "battu les estimations des analystes" → "supérieur aux attentes": "Le groupe a supérieur aux attentes".
    expect([m?.text, m?.expected]).toEqual(['a battu les estimations des analystes', 'a dépassé les attentes des analystes']);
  });
});

describe('negation in the other languages a desk adds phrasings in', () => {
  const entry = (language: string, canonical: string[], variants: string[]): ReturnType<typeof buildPhrasingIndex> =>
    buildPhrasingIndex([{ id: 'D', language, canonical, variants, source: 'test', tags: [], evidence: 'test', file: 't', line: 1 }]);

  it.each([
    ['es', 'no respondió inmediatamente a una petición de comentario', 'La compañía respondió inmediatamente a una petición de comentario.', 'La compañía no respondió inmediatamente a una petición de comentario.'],
    ['pt', 'não respondeu imediatamente a um pedido de comentário', 'A empresa respondeu imediatamente a um pedido de comentário.', 'A empresa não respondeu imediatamente a um pedido de comentário.'],
    ['en', 'did not immediately respond to a request for comment', 'The company did immediately respond to a request for comment.', 'The company did not immediately respond to a request for comment.'],
    ['de', 'reagierte nicht sofort auf eine Bitte um Stellungnahme', 'Das Unternehmen reagierte sofort auf eine Bitte um Stellungnahme.', 'Das Unternehmen reagierte nicht sofort auf eine Bitte um Stellungnahme.'],
  ])('%s: a negated wording matches only a span holding the negation (review)', (language, variant, affirmative, negative) => {
    const idx = entry(language, ['x y z'], [variant]);
    expect(findPhrasings(affirmative, idx, { language })).toEqual([]);
    expect(findPhrasings(negative, idx, { language }).map((m) => m.similarity)).toEqual([1]);
  });

  it('English contractions negate as the written-out form does (n\'t)', () => {
    const idx = entry('en', ['did not immediately respond to a request for comment'], ['responded immediately to a request for comment']);
    expect(findPhrasings("The company hasn't responded immediately to a request for comment.", idx, { language: 'en' }).filter((m) => m.kind === 'machine-variant')).toEqual([]);
    expect(findPhrasings('The company has not responded immediately to a request for comment.', idx, { language: 'en' }).filter((m) => m.kind === 'machine-variant')).toEqual([]);
    expect(findPhrasings('The company responded immediately to a request for comment.', idx, { language: 'en' }).map((m) => m.kind)).toEqual(['machine-variant']);
  });

  it('English: the t of AT&T is no negation, and a negation in the sentence before does not count (review)', () => {
    const idx = entry('en', ['declined to comment on the report'], ['refused to comment on the report']);
    expect(findPhrasings('A spokesman for AT&T refused to comment on the report on Tuesday.', idx, { language: 'en' }).map((m) => m.similarity)).toEqual([1]);
    expect(findPhrasings('Asked whether talks had stalled, he answered no. Refused to comment on the report, the group left.', idx, { language: 'en' }).map((m) => m.similarity)).toEqual([1]);
    // A negation right before, in the same sentence, still refuses the wording.
    const never = findPhrasings('He never refused to comment on the report.', idx, { language: 'en' });
    expect(never.filter((m) => m.kind === 'machine-variant')).toEqual([]);
  });

  it('a wording without negation takes none into its span, nor one just before it (es: the negation precedes the verb)', () => {
    const idx = entry('es', ['respondió inmediatamente a una petición de comentario'], []);
    expect(findPhrasings('La compañía no respondió inmediatamente a una petición de comentario.', idx, { language: 'es' })).toEqual([]);
  });
});

describe('scores', () => {
  it('computes OmegaT-style word similarity with swaps at cost 1', () => {
    expect(wordDistance([1, 2, 3], [1, 3, 2])).toBe(1);
    expect(wordDistance([], [1, 2])).toBe(2);
    expect(wordSimilarity([1, 2, 3, 4], [1, 2, 3])).toBe(0.75);
    expect(wordSimilarity([], [])).toBe(1);
  });

  it('bands similarities as OmegaT does', () => {
    expect([1, 0.95, 0.94, 0.85, 0.8, 0.75, 0.6, 0.5, 0.4].map(similarityBand)).toEqual([
      '95-100',
      '95-100',
      '85-94',
      '85-94',
      '75-84',
      '75-84',
      '50-74',
      '50-74',
      'below-50',
    ]);
  });
});

describe('robustness (fast-check)', () => {
  const words = [
    "n'a", 'pas', 'répondu', 'immédiatement', 'à', 'la', 'demande', 'de', 'commentaire', 'Reuters', 'a', 'refusé',
    'commenter', 'le', 'propriétaire', 'ChatGPT', 'surveillance', 'domestique', 'masse', 'avant', 'marché', 'Otan',
    '"', '(', ')', '«', '»', '’', '\u00ad', '\u200b', '\ud800', 'Ǆ', 'ﬁ', '𝔄', 'é', 'e\u0301', '', ' ', '\n',
  ];
  const text = fc.oneof(
    fc.string({ unit: 'binary', maxLength: 200 }),
    fc.array(fc.oneof(fc.constantFrom(...words), fc.string({ unit: 'binary', maxLength: 4 })), { maxLength: 60 }).map((ws) => ws.join(' ')),
  );

  it('never throws, spans lie in the text, similarities lie in [0, 1], matches do not overlap', () => {
    fc.assert(
      fc.property(text, fc.double({ min: -1, max: 2, noNaN: false }), (t, threshold) => {
        const ms = findPhrasings(t, index, { threshold });
        let last = 0;
        for (const m of ms) {
          expect(m.start).toBeGreaterThanOrEqual(last);
          expect(m.end).toBeGreaterThan(m.start);
          expect(m.end).toBeLessThanOrEqual(t.length);
          expect(t.slice(m.start, m.end)).toBe(m.text);
          expect(m.similarity).toBeGreaterThanOrEqual(0);
          expect(m.similarity).toBeLessThanOrEqual(1);
          expect(m.canonicalSimilarity).toBeGreaterThanOrEqual(0);
          expect(m.canonicalSimilarity).toBeLessThanOrEqual(1);
          last = m.end;
        }
      }),
      { numRuns: 300 },
    );
  });

  it('tolerates any value passed as text', () => {
    for (const bad of [undefined, null, 42, {}, []]) expect(findPhrasings(bad as unknown as string, index)).toEqual([]);
  });
});
