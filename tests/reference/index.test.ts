// The phrasing index is an index, not a lossy filter: it returns what a scan of every form returns, at any threshold.
import { describe, expect, it } from '@jest/globals';
import { findPhrasings, wordSimilarity } from '../../src/reference/match.js';
import type { Phrasing } from '../../src/reference/phrasings.js';
import { buildPhrasingIndex, candidateForms, encodeKeys, formAt, loadPhrasingIndex, requiredContent } from '../../src/reference/shingle-index.js';
import { isArticleKey, leadingArticles, wordKeys } from '../../src/reference/tokens.js';
import { mulberry32 as prng } from '../../src/util/prng.js';

// A small vocabulary, so that random phrasings share words and texts hit many forms partly: the hard case for a filter.
const CONTENT = (
  'répondu immédiatement demande commentaire Reuters refusé commenter propriétaire surveillance domestique masse marché ' +
  'bourse échanges séance action actions hausse baisse directeur général financier porte-parole ministère défense armée ' +
  'américaine Pentagone Otan réseau réseaux contrat accord négociations source sources proche dossier personne rapport ' +
  'article journal déclaré indiqué précisé ajouté selon citant responsable fonctionnaire administration gouvernement ' +
  'entreprise société données intelligence artificielle modèle outils fins légales licites utilisation usage intérieure ' +
  'national international trimestre résultats bénéfice chiffre affaires prévisions objectif cours analystes consensus'
).split(' ');
const FUNCTION = "a ont n' pas à la le les l' de d' du des un une en dans par pour sur avec qui que".split(' ');
const INFLECT: Record<string, string> = {
  répondu: 'répondre', refusé: 'refusée', déclaré: 'déclarés', indiqué: 'indiquée', américaine: 'américains',
  financier: 'financière', légales: 'légal', actions: 'action', a: 'ont', la: 'les', une: 'un', réseaux: 'réseau',
};

function pick<T>(rnd: () => number, xs: readonly T[]): T {
  return xs[Math.floor(rnd() * xs.length)]!;
}

function randomForm(rnd: () => number): string {
  const n = 1 + Math.floor(rnd() * 8);
  const words: string[] = [];
  for (let i = 0; i < n; i++) words.push(rnd() < 0.6 ? pick(rnd, CONTENT) : pick(rnd, FUNCTION));
  if (!words.some((w) => CONTENT.includes(w))) words.push(pick(rnd, CONTENT));
  return words.join(' ').replace(/' /g, "'");
}

function randomPhrasings(count: number, seed: number): Phrasing[] {
  const rnd = prng(seed);
  return Array.from({ length: count }, (_, i) => ({
    id: `R${i}`,
    language: 'fr',
    canonical: Array.from({ length: 1 + Math.floor(rnd() * 2) }, () => randomForm(rnd)),
    variants: Array.from({ length: Math.floor(rnd() * 3) }, () => randomForm(rnd)),
    source: 'random',
    tags: [],
    evidence: 'tests/reference/index.test.ts',
    file: 'random.jsonl',
    line: i + 1,
  }));
}

/** A form after random edits: substitutions, deletions, insertions, swaps and inflections. */
function perturb(rnd: () => number, form: string): string {
  const words = form.replace(/'/g, "' ").split(' ').filter((w) => w !== '');
  const edits = Math.floor(rnd() * 4);
  for (let e = 0; e < edits && words.length > 0; e++) {
    const i = Math.floor(rnd() * words.length);
    const r = rnd();
    if (r < 0.2) words[i] = pick(rnd, CONTENT);
    else if (r < 0.35) words.splice(i, 1);
    else if (r < 0.55) words.splice(i, 0, pick(rnd, [...CONTENT, ...FUNCTION]));
    else if (r < 0.8 && i + 1 < words.length) [words[i], words[i + 1]] = [words[i + 1]!, words[i]!];
    else words[i] = INFLECT[words[i]!] ?? words[i]!;
  }
  return words.join(' ').replace(/' /g, "'");
}

function randomTexts(phrasings: Phrasing[], count: number, seed: number): string[] {
  const rnd = prng(seed);
  const filler = (): string => Array.from({ length: Math.floor(rnd() * 8) }, () => pick(rnd, [...CONTENT, ...FUNCTION, 'mardi', 'Paris', '2026'])).join(' ');
  return Array.from({ length: count }, () => {
    const parts = [filler()];
    for (let k = 0, n = 1 + Math.floor(rnd() * 3); k < n; k++) {
      const p = pick(rnd, phrasings);
      parts.push(perturb(rnd, pick(rnd, [...p.canonical, ...p.variants])), filler());
    }
    return parts.join(' ').replace(/' /g, "'") + '.';
  });
}

describe('index against brute force', () => {
  const phrasings = randomPhrasings(400, 7);
  const index = buildPhrasingIndex(phrasings);
  const texts = randomTexts(phrasings, 650, 11);

  for (const threshold of [0.5, 0.6, 0.75, 0.9]) {
    it(`finds exactly the matches of a scan of every form at threshold ${threshold}`, () => {
      let matches = 0;
      let nearThreshold = 0;
      for (const text of texts) {
        const scan = findPhrasings(text, index, { threshold, exhaustive: true });
        for (const lookup of ['auto', 'unigram', 'shingle'] as const) {
          expect([lookup, text, findPhrasings(text, index, { threshold, lookup })]).toEqual([lookup, text, scan]);
        }
        matches += scan.length;
        nearThreshold += scan.filter((m) => m.similarity < threshold + 0.1).length;
      }
      // The texts exercise the threshold: many matches, some of them just above it.
      expect(matches).toBeGreaterThan(100);
      if (threshold <= 0.6) expect(nearThreshold).toBeGreaterThan(10);
    });
  }

  it('reports the exact OmegaT score of each span against its wording', () => {
    const ids = new Map<string, number>();
    const id = (k: string): number => ids.get(k) ?? (ids.set(k, ids.size), ids.size - 1);
    let checked = 0;
    for (const text of texts) {
      for (const m of findPhrasings(text, index)) {
        const all = wordKeys(m.matchedForm);
        const form = all.slice(leadingArticles(all));
        const span = wordKeys(m.text);
        // The span may have taken in a free article before the aligned words: score both readings.
        const scores = [wordSimilarity(form.map(id), span.map(id))];
        if (span.length > 1 && isArticleKey(span[0]!)) scores.push(wordSimilarity(form.map(id), span.slice(1).map(id)));
        expect([m.text, m.matchedForm, scores.includes(m.similarity)]).toEqual([m.text, m.matchedForm, true]);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(100);
  });

  it('looks at a small share of the forms per text, whichever look-up it uses', () => {
    for (const lookup of ['auto', 'unigram', 'shingle'] as const) {
      let candidates = 0;
      for (const text of texts) candidates += candidateForms(index, encodeKeys(index, wordKeys(text)), { lookup }).length;
      expect(candidates / texts.length).toBeLessThan(index.formCount / 4);
    }
  });
});

describe('index structure', () => {
  it('files each form under its rarest content keys only', () => {
    const index = loadPhrasingIndex();
    const filed = index.postingForms.length;
    expect(filed).toBeLessThan(index.contentData.length);
    expect(filed).toBeGreaterThanOrEqual(index.formCount);
    for (let f = 0; f < index.formCount; f++) {
      const form = formAt(index, f);
      expect(form.required).toBe(Math.max(requiredContent(form.content.length), form.names));
      expect(form.keys.length).toBeGreaterThanOrEqual(form.contentWords.length);
    }
  });

  it('requires all content words up to three, then all but one in four', () => {
    expect([1, 2, 3, 4, 5, 7, 8, 12].map(requiredContent)).toEqual([1, 2, 3, 3, 4, 6, 6, 9]);
  });

  it('files one-word forms and forms that need only their names under one word, the others under pairs', () => {
    const index = loadPhrasingIndex();
    let single = 0;
    for (let f = 0; f < index.formCount; f++) {
      const form = formAt(index, f);
      if (form.content.length === 1 || (form.names > 0 && form.required <= form.names)) single++;
    }
    expect(index.singleForms.length).toBe(single);
    expect(index.pairForms.length).toBeGreaterThanOrEqual(index.formCount - single);
    // A named formula whose matches need more than the name is filed under the name paired with another word, so a
    // paragraph naming Reuters does not visit every formula that names Reuters.
    const f = index.formText.indexOf("n'a pas répondu immédiatement à la demande de commentaire de Reuters");
    const reuters = formAt(index, f);
    expect(reuters.names).toBe(1);
    expect(reuters.required).toBeGreaterThan(1);
    expect([...index.singleForms]).not.toContain(f);
    const name = reuters.content[reuters.mandatory.indexOf(1)]!;
    const partners = [...reuters.content].filter((k) => k !== name && index.pairSlot.get(name, k) >= 0);
    expect(partners.length).toBeGreaterThan(0);
    const slot = index.pairSlot.get(name, partners[0]!);
    expect([...index.pairForms.subarray(index.pairStart[slot]!, index.pairStart[slot + 1]!)]).toContain(f);
  });

  it('is cached per list of paths', () => {
    expect(loadPhrasingIndex()).toBe(loadPhrasingIndex());
  });
});
