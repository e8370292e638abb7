// Drift against the canonical wording (bounded jsdiff) and the machine-phrasing, house-phrasing and wording-drift signals.
import { describe, expect, it } from '@jest/globals';
import { check } from '../../src/api.js';
import { readFileSync } from 'node:fs';
import { driftChanges, toDrift } from '../../src/reference/drift.js';
import { findPhrasings, type PhrasingMatch } from '../../src/reference/match.js';
import { PHRASING_DEFAULTS, PHRASING_RULES, phrasingSignals, statusScale } from '../../src/reference/phrasing-signals.js';
import { loadPhrasingIndex } from '../../src/reference/shingle-index.js';
import { isHint } from '../../src/score/combine.js';
import { sameCase } from '../../src/util/case.js';

const index = loadPhrasingIndex();
const seedParagraph = (file: string, needle: string): string =>
  readFileSync(`seeds/${file}`, 'utf8')
    .split(/\n\s*\n/)
    .find((p) => p.includes(needle))!;

const p000 = seedParagraph('000_22f5c933d92a2ddd.txt', 'demande de commentaire');
const p003 = seedParagraph('003_86d609dcec19a228.txt', 'demande de commentaire');
const noComment = (text: string): PhrasingMatch => findPhrasings(text, index).find((m) => m.referenceId === 'FR-NO-IMMEDIATE-COMMENT')!;

describe('drift', () => {
  it('diffs the seeds\' wording against the canonical one: delete = canonical only, insert = text only', () => {
    const d = toDrift(noComment(p000), 12, 18);
    expect(d).toMatchObject({ referenceId: 'FR-NO-IMMEDIATE-COMMENT', kind: 'machine-variant', line: 12, column: 18 });
    expect(d.expected).toBe("n'a pas répondu dans l'immédiat à une demande de commentaire");
    expect(d.similarity).toBe(noComment(p000).canonicalSimilarity);
    const changes = d.changes!;
    expect(changes.map((c) => c.op)).toContain('delete');
    expect(changes.map((c) => c.op)).toContain('insert');
    const side = (op: string) => changes.filter((c) => c.op === op || c.op === 'equal').map((c) => c.text).join('');
    expect(side('delete').replace(/\s+/g, ' ').trim()).toBe(d.expected);
    expect(side('insert').replace(/\s+/g, ' ').trim()).toBe(d.text);
    expect(changes.filter((c) => c.op === 'insert').map((c) => c.text).join(' ')).toMatch(/immédiatement/);
    expect(changes.filter((c) => c.op === 'delete').map((c) => c.text).join(' ')).toMatch(/dans l'immédiat/);
    const d3 = toDrift(noComment(p003), 1, 1);
    expect(d3.referenceId).toBe(d.referenceId);
    expect(d3.changes).not.toBeNull();
  });

  it('gives null changes when jsdiff aborts (too different to align)', () => {
    expect(driftChanges('à toutes fins licites', 'pour toutes les utilisations légales', { maxEditLength: 1 })).toBeNull();
    const m = noComment(p000);
    expect(toDrift(m, 1, 1, { maxEditLength: 1 }).changes).toBeNull();
  });

  it('ignores case and returns a single equal change for the same wording', () => {
    expect(driftChanges("N'a pas souhaité", "n'a pas souhaité")).toEqual([{ op: 'equal', text: "n'a pas souhaité" }]);
  });
});

describe('signals', () => {
  it('declares the three rules with their docs pages', () => {
    expect(PHRASING_RULES.map((r) => [r.id, r.defaultSeverity, r.evidence, r.docs])).toEqual([
      ['machine-phrasing', 'info', 'reference', 'docs/rules/machine-phrasing.md'],
      ['house-phrasing', 'off', 'reference', 'docs/rules/house-phrasing.md'],
      ['wording-drift', 'warning', 'reference', 'docs/rules/wording-drift.md'],
    ]);
  });

  it('flags a machine variant (+weight) and its drift from the canonical wording (suggestion, weight 0)', () => {
    const m = noComment(p000);
    const signals = phrasingSignals(6, [m]);
    expect(signals.map((s) => s.ruleId)).toEqual(['machine-phrasing', 'wording-drift']);
    const [machine, drift] = signals;
    expect(machine).toMatchObject({ paragraph: 6, start: m.start, end: m.end, scope: 'paragraph', evidence: 'reference', actual: m.text });
    expect(machine!.weight).toBeCloseTo(PHRASING_DEFAULTS.machineWeight * m.similarity, 10);
    expect(drift!.weight).toBe(0);
    expect(drift!.expected).toEqual([m.expected]);
    expect(drift!.message).toContain(`"${m.expected}"`);
    expect(drift!.data).toMatchObject({ referenceId: 'FR-NO-IMMEDIATE-COMMENT', kind: 'machine-variant' });
  });

  it('counts the house wording as evidence of editing, without a lint message', () => {
    const text = "Le ministère n'a pas répondu dans l'immédiat à une demande de commentaire.";
    const signals = phrasingSignals(2, findPhrasings(text, index));
    expect(signals.map((s) => s.ruleId)).toEqual(['house-phrasing']);
    expect(signals[0]!.weight).toBeCloseTo(PHRASING_DEFAULTS.houseWeight, 10);
  });

  it('stays silent on neutral terms, halves weak entries, and flags a fuzzy canonical wording as drift only', () => {
    expect(phrasingSignals(1, findPhrasings('Le Pentagone a confirmé.', index))).toEqual([]);
    const weak = findPhrasings('Le CEO de la société a démissionné.', index);
    const [w] = phrasingSignals(1, weak).filter((s) => s.ruleId === 'machine-phrasing');
    expect(w!.weight).toBeCloseTo(PHRASING_DEFAULTS.machineWeight / 2, 10);
    const fuzzy = findPhrasings("Il n'a pas souhaité faire le moindre commentaire.", index);
    expect(fuzzy.map((m) => [m.referenceId, m.kind])).toEqual([['FR-DECLINED-TO-COMMENT', 'canonical']]);
    expect(phrasingSignals(1, fuzzy).map((s) => s.ruleId)).toEqual(['wording-drift']);
  });

  it('honours its options', () => {
    const m = noComment(p003);
    expect(phrasingSignals(1, [m], { driftThreshold: 0.5 }).map((s) => s.ruleId)).toEqual(['machine-phrasing']);
    expect(phrasingSignals(1, [m], { machineWeight: 2 })[0]!.weight).toBeCloseTo(2, 10);
  });

  it('gives weight 0 where another rule has already weighed the wording (a calque on the same span)', () => {
    const m = noComment(p003);
    const [machine] = phrasingSignals(1, [m], { alreadyWeighed: [{ start: m.start + 4, end: m.start + 10 }] });
    expect(machine).toMatchObject({ ruleId: 'machine-phrasing', weight: 0 });
    const [apart] = phrasingSignals(1, [m], { alreadyWeighed: [{ start: 0, end: m.start }] });
    expect(apart!.weight).toBeGreaterThan(0);
  });
});

describe('machine-phrasing through check(): ordinary French stays silent, seen renderings are flagged', () => {
  const phrasings = async (text: string): Promise<string[]> =>
    (await check(text)).paragraphs.flatMap((p) => p.signals.filter((s) => s.ruleId === 'machine-phrasing').map((s) => `${(s.data as { referenceId: string }).referenceId} ${s.actual}`));

  // A real report is a "rapport": only the Axios rendering is the machine's (calque.md lists the first as not flagged).
  it.each([
    "Selon le rapport annuel de la société, le chiffre d'affaires a progressé de 4 % l'an dernier en Europe.",
    'Selon le rapport de la Cour des comptes publié mercredi, la dette publique a encore augmenté l\'an dernier.',
    "D'après le rapport du Giec, le réchauffement climatique s'accélère plus vite que prévu dans les régions polaires.",
    // "sur la bonne voie pour" without its opening function words: French (two reviews, 2026-12-07).
    'La société est en bonne voie pour atteindre ses objectifs annuels, selon ses dirigeants.',
  ])('valid: %s', async (text) => {
    expect(await phrasings(text)).toEqual([]);
  });

  it.each([
    // A variant's tail without its opening is still the machine's rendering (a review, 2026-12-07).
    ['Trois sources familières avec le dossier ont indiqué que le contrat était signé.', ['FR-CITING-SOURCES sources familières avec le dossier']],
    ["Le Pentagone veut un accord, d'après le rapport d'Axios publié mardi.", ["FR-ACCORDING-TO-REPORT d'après le rapport d'Axios"]],
    ["Le Pentagone n'a pas répondu immédiatement à une demande de commentaire.", ["FR-NO-IMMEDIATE-COMMENT n'a pas répondu immédiatement à une demande de commentaire"]],
  ])('invalid: %s', async (text, expected) => {
    expect(await phrasings(text)).toEqual(expected);
  });
});

describe('house-phrasing through check(): a name alone is not house wording', () => {
  const house = async (text: string): Promise<string[]> =>
    (await check(text)).paragraphs.flatMap((p) => p.signals.filter((s) => s.ruleId === 'house-phrasing').map((s) => `${(s.data as { referenceId: string }).referenceId} ${s.actual}`));

  it.each([
    'Le Nasdaq a gagné 1,2 % mardi, tandis que le Dow Jones a reculé de 0,3 % en fin de séance à New York.',
    'Le S&P 500 a terminé la séance en hausse de 0,5 %, porté par les valeurs technologiques et les banques.',
    // One content word is no house wording (FR-LAWMAKERS' "les parlementaires"; editor review, 2026-12-07).
    "Le texte sera adopté mardi, a-t-on appris de source parlementaire, malgré l'opposition de la droite.",
  ])('silent: %s', async (text) => {
    expect(await house(text)).toEqual([]);
  });

  it('reads the inverted reporting formula as the house wording, not as drift from it', async () => {
    const text = "Le parquet de Paris a ouvert une enquête après l'incendie d'un entrepôt, a-t-il indiqué dans un communiqué lundi.";
    const signals = (await check(text)).paragraphs.flatMap((p) => p.signals.map((s) => s.ruleId));
    expect(signals).not.toContain('wording-drift');
    expect(await house(text)).toEqual(['FR-SAID-IN-STATEMENT a-t-il indiqué dans un communiqué']);
  });

  it.each([
    ["Le Nasdaq, à forte composante technologique, a gagné 1,2 % mardi en fin de séance.", ['FR-TECH-HEAVY-NASDAQ Le Nasdaq, à forte composante technologique']],
    ["L'indice Dow Jones des valeurs industrielles a reculé de 0,3 % mardi à New York.", ["FR-BLUE-CHIP-DOW L'indice Dow Jones des valeurs industrielles"]],
  ])('house wording: %s', async (text, expected) => {
    expect(await house(text)).toEqual(expected);
  });
});

describe('machine-phrasing weight follows the entry\'s status (docs/corpora.md: inferred weighs less than seen)', () => {
  it.each([
    [['reporting', 'seen'], 1],
    [['calque', 'seen-research'], 1],
    [['reporting', 'inferred'], 0.75],
    [['anglicism', 'normative'], 0.375],
    [['title'], 1],
  ])('%j → ×%d', (tags, scale) => {
    expect(statusScale(tags)).toBe(scale);
  });

  it.each([
    // seen in Reuters machine output (seed 000)
    ["Le Pentagone n'a pas répondu immédiatement à une demande de commentaire.", 'FR-NO-IMMEDIATE-COMMENT', 0.8],
    // inferred: expected of engines, not yet seen
    ['Le quotidien affirme cela, citant des personnes au fait du dossier.', 'FR-CITING-SOURCES', 0.6],
    // normative: an anglicism by the style authorities (OQLF), never seen in machine output
    ['La compagnie a supprimé plusieurs vols domestiques cet hiver.', 'FR-DOMESTIC-FLIGHTS', 0.3],
  ])('%s → %s at %d nats', async (text, id, weight) => {
    const signals = (await check(text)).paragraphs.flatMap((p) => p.signals).filter((s) => s.ruleId === 'machine-phrasing');
    expect(signals.map((s) => [(s.data as { referenceId: string }).referenceId, Number(s.weight.toFixed(3))])).toEqual([[id, weight]]);
  });
});

// A direct quote is the speaker's words: no drift suggestion inside one (editor's review, 2026-12-07: a quote was told
// to read "est à bout de patience", giving "J'est"). Quotes around the formula alone are scare quotes and keep it.
describe('suggestions take the capital of the text they replace (an editor\'s review)', () => {
  it('a formula opening a sentence is offered a capitalised wording, in every rule that suggests one', async () => {
    const report = await check('Dans une déclaration mise à jour, le groupe a précisé mardi ses prévisions pour l’année prochaine.');
    const suggestions = report.paragraphs.flatMap((p) => p.signals).filter((s) => s.expected).map((s) => `${s.ruleId} ${s.expected![0]}`);
    expect(suggestions).toEqual(['machine-phrasing Dans un communiqué mis à jour', 'calque Dans un communiqué actualisé', 'wording-drift Dans un communiqué mis à jour']);
    const inside = await check('Le groupe a précisé dans une déclaration mise à jour ses prévisions pour l’année prochaine.');
    expect(inside.paragraphs.flatMap((p) => p.signals).filter((s) => s.expected).map((s) => s.expected![0])).toEqual([
      'dans un communiqué mis à jour',
      'dans un communiqué actualisé',
      'dans un communiqué mis à jour',
    ]);
  });

  it.each([
    ['dans un communiqué', 'Dans une déclaration', 'Dans un communiqué'],
    ['dans un communiqué', 'dans une déclaration', 'dans un communiqué'],
    ['« aborder »', 'Adresser', '« aborder »'],
    ['Bourse', 'bourse', 'Bourse'],
    ['', 'X', ''],
    ['élément', 'Élément', 'Élément'],
  ])('sameCase(%j, %j) is %j', (suggestion, replaced, expected) => {
    expect(sameCase(suggestion, replaced)).toBe(expected);
  });
});

describe('wording-drift through check(): never inside a direct quotation', () => {
  const driftAndEvidence = async (text: string): Promise<string[]> =>
    (await check(text)).paragraphs.flatMap((p) =>
      p.signals.filter((s) => s.ruleId === 'wording-drift' || s.ruleId === 'machine-phrasing').map((s) => `${s.ruleId} ${s.actual}`),
    );
  const formula = "n'a pas répondu immédiatement à une demande de commentaire";

  it.each([
    [`« Le ministère ${formula} et nous n'en savons pas plus », a déploré le syndicat mardi à Paris.`],
    [`"Le ministère ${formula} et nous n'en savons pas plus", a déploré le syndicat mardi à Paris.`],
  ])('inside a quotation: the evidence stays, the suggestion goes: %s', async (text) => {
    expect(await driftAndEvidence(text)).toEqual([`machine-phrasing ${formula}`]);
    // …from the report's drift list and the machine-phrasing signal's suggestion too (the HTML report showed them).
    const report = await check(text);
    expect(report.paragraphs.flatMap((p) => p.drift ?? [])).toEqual([]);
    expect(report.paragraphs.flatMap((p) => p.signals).filter((s) => s.ruleId === 'machine-phrasing').map((s) => s.expected)).toEqual([undefined]);
  });

  it('outside a quotation, or in scare quotes around the formula alone, the suggestion stays', async () => {
    expect(await driftAndEvidence(`Le ministère ${formula}, a indiqué le syndicat mardi à Paris.`)).toEqual([`machine-phrasing ${formula}`, `wording-drift ${formula}`]);
    const scare = 'Le groupe veut utiliser leurs outils à "toutes fins légales", y compris pour la défense, selon le texte.';
    expect((await driftAndEvidence(scare)).filter((s) => s.startsWith('wording-drift'))).toEqual(['wording-drift à "toutes fins légales"']);
  });
});

// The scorer's hint/evidence split reads what the detectors put in `data` (review, 2026-12-07: only hand-built signals
// were tested). Real detector output, through check().
describe('hints: what the real detectors emit', () => {
  const hints = async (text: string): Promise<Record<string, boolean>> => {
    const report = await check(text);
    const out: Record<string, boolean> = {};
    for (const s of report.paragraphs.flatMap((p) => p.signals)) {
      if (s.ruleId === 'wording-drift') continue;
      out[`${s.ruleId} ${s.actual ?? ''}`.trim()] = isHint(s);
    }
    return out;
  };

  it('a seen rendering matched exactly is evidence; a weak one, a fuzzy one and house wording are hints', async () => {
    const text =
      "Le Pentagone n'a pas répondu immédiatement à une demande de commentaire. Le ministre a refusé de commenter l'accord conclu mardi à Paris avec les syndicats.";
    const h = await hints(text);
    expect(h["machine-phrasing n'a pas répondu immédiatement à une demande de commentaire"]).toBe(false);
    expect(h['machine-phrasing a refusé de commenter']).toBe(true);
  });

  it('a glossed English name is evidence', async () => {
    const h = await hints("Le National Labor Relations Board (Conseil national des relations de travail) a été saisi mardi par le syndicat des salariés.");
    const glossed = Object.entries(h).filter(([k]) => k.startsWith('glossed-english-name'));
    expect(glossed.length).toBeGreaterThan(0);
    for (const [, hint] of glossed) expect(hint).toBe(false);
  });
});

describe('wording-drift through check(): a formula with a word inside it, its first words only, or another determiner is not drift', () => {
  const drift = async (text: string): Promise<string[]> => {
    const report = await check(text);
    const drifts = report.paragraphs.flatMap((p) => p.signals.filter((s) => s.ruleId === 'wording-drift'));
    const name = (s: (typeof drifts)[number]): string => `${(s.data as { referenceId: string }).referenceId} ${s.actual}`;
    // The report's drift list agrees with the signals for approved wordings.
    const listed = report.paragraphs.flatMap((p) => (p.drift ?? []).filter((d) => d.kind === 'canonical' && d.similarity < 1).map((d) => `${d.referenceId} ${d.text}`));
    expect(listed).toEqual(drifts.filter((s) => (s.data as { kind: string }).kind === 'canonical').map(name));
    return drifts.map(name);
  };

  it.each([
    "Le gouvernement a indiqué mercredi dans un communiqué qu'il allait débloquer 200 millions d'euros pour les agriculteurs.",
    "L'enquête progresse, a indiqué le parquet dans un communiqué publié lundi soir.",
    "Selon une source proche de l'enquête, le suspect aurait agi seul et préparé son geste depuis plusieurs semaines.",
    "Selon une source proche de l'Élysée, le président a tranché en faveur du Premier ministre.",
    "Le groupe a indiqué dans son communiqué qu'il renonçait au projet de rachat.",
    // A machine rendering's last words only: correct French (a review of the cut-short rule).
    'Le groupe est en bonne voie pour atteindre ses objectifs annuels.',
  ])('valid: %s', async (text) => {
    expect(await drift(text)).toEqual([]);
  });

  it.each([
    // A machine rendering keeps its drift, with or without a day inside it.
    ["Le groupe a déclaré dans une déclaration qu'il renonçait au projet.", ['FR-SAID-IN-STATEMENT a déclaré dans une déclaration']],
    ["Le groupe a déclaré mercredi dans une déclaration qu'il renonçait au projet.", ['FR-SAID-IN-STATEMENT a déclaré mercredi dans une déclaration']],
    // An approved wording reworded (docs/rules/wording-drift.md).
    ["Il n'a pas souhaité faire le moindre commentaire.", ["FR-DECLINED-TO-COMMENT n'a pas souhaité faire le moindre commentaire"]],
    // A preposition is not a determiner: "du Trésor" is the machine's error for "au Trésor" (review of this change).
    ['Le secrétaire américain du Trésor a parlé mardi.', ['FR-TREASURY-SECRETARY Le secrétaire américain du Trésor']],
    // A machine rendering cut short keeps its warning (without a suggestion).
    ["Reuters n'a pas pu vérifier immédiatement ces affirmations.", ["FR-COULD-NOT-VERIFY Reuters n'a pas pu vérifier immédiatement"]],
  ])('invalid: %s', async (text, expected) => {
    expect(await drift(text)).toEqual(expected);
  });
});

describe('a machine rendering cut short', () => {
  it('keeps its drift warning and machine-phrasing signal, without a suggestion that would duplicate the sentence\'s end', async () => {
    const report = await check("Reuters n'a pas pu vérifier immédiatement ces affirmations, a ajouté le journal.");
    const signals = report.paragraphs.flatMap((p) => p.signals.filter((s) => s.evidence === 'reference'));
    expect(signals.map((s) => [s.ruleId, s.expected ?? null])).toEqual([
      ['machine-phrasing', null],
      ['wording-drift', null],
    ]);
  });
});

describe('wording-drift message', () => {
  it('says "no word in common" rather than "0% match" when the wordings share no word', async () => {
    const report = await check("La CEO de la SNCB a annoncé jeudi qu'elle quitterait ses fonctions en juin prochain.");
    const drift = report.messages.filter((m) => m.ruleId === 'wording-drift').map((m) => m.message);
    expect(drift).toEqual(['Wording drifts from the reference phrasing: expected "directeur général", found "CEO" (no word in common, FR-CEO)']);
  });
});
