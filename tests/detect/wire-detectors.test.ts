// All wire-artefact, lexical, language and typography detectors together: the two real seeds, and a robustness property.
import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { detector as brokenApostrophe } from '../../src/detect/broken-apostrophe.js';
import { detector as calque } from '../../src/detect/calque.js';
import { detector as creditLine } from '../../src/detect/credit-line.js';
import { detector as fusedHeading } from '../../src/detect/fused-heading.js';
import { detector as glossedEnglishName } from '../../src/detect/glossed-english-name.js';
import { detector as ricCode } from '../../src/detect/ric-code.js';
import { detector as strippedLinkComma } from '../../src/detect/stripped-link-comma.js';
import { detector as typography } from '../../src/detect/typography.js';
import { detector as unbalancedQuote } from '../../src/detect/unbalanced-quote.js';
import { detector as untranslatedEnglish } from '../../src/detect/untranslated-english.js';
import { detector as updateNote } from '../../src/detect/update-note.js';
import type { Detector, Signal } from '../../src/types.js';
import { makeContext, makeParagraph } from '../support/paragraph.js';

const DETECTORS: Detector[] = [
  ricCode, strippedLinkComma, brokenApostrophe, creditLine, updateNote, fusedHeading,
  unbalancedQuote, glossedEnglishName, calque, untranslatedEnglish, typography,
];

/** Every signal of every detector on a seed split on blank lines, each block a body paragraph. */
function runSeed(file: string): Signal[] {
  const blocks = readFileSync(file, 'utf8').split(/\n[ \t]*\n/u).map((b) => b.trim()).filter((b) => b !== '');
  const paragraphs = blocks.map((b, i) => makeParagraph(b, 'body', i + 1));
  const context = makeContext(paragraphs);
  return paragraphs.flatMap((p) => DETECTORS.flatMap((d) => d.detect(p, context)));
}

function actuals(signals: Signal[], ruleId: string): string[] {
  return signals.filter((s) => s.ruleId === ruleId).map((s) => s.actual ?? '');
}

describe('the two machine-translated Reuters seeds', () => {
  const s000 = runSeed('seeds/000_22f5c933d92a2ddd.txt');
  const s003 = runSeed('seeds/003_86d609dcec19a228.txt');

  it('seed 003 (no notice): RICs MSFT.O and AMZN.O, stripped-link commas, the fused heading', () => {
    expect(actuals(s003, 'ric-code')).toEqual(['MSFT.O', 'AMZN.O']);
    expect(actuals(s003, 'stripped-link-comma')).toEqual(['MSFT.O ,', "d'Anthropic ,"]);
    expect(actuals(s003, 'fused-heading')).toEqual(['SURVEILLANCE DE MASSE']);
  });

  it('seed 000: RIC PLTR.O, the stripped-link comma after Claude, the machine-translated update note', () => {
    expect(actuals(s000, 'ric-code')).toEqual(['PLTR.O']);
    expect(actuals(s000, 'stripped-link-comma')).toEqual(['Claude ,', 'PLTR.O ,']);
    expect(actuals(s000, 'update-note')).toHaveLength(1);
    expect(s000.find((s) => s.ruleId === 'update-note')).toMatchObject({ weight: 2.5, scope: 'document' });
  });

  it('both seeds: calques seen in machine translation are found', () => {
    expect(actuals(s000, 'calque')).toEqual(expect.arrayContaining(['surveillance domestique', 'société de données']));
    expect(actuals(s003, 'calque')).toEqual(expect.arrayContaining(['une personne au fait du dossier', 'le propriétaire de ChatGPT']));
  });

  it('no false alarm: quotes balance, apostrophes are intact, no gloss, no English sentence, no credit line', () => {
    for (const signals of [s000, s003]) {
      for (const rule of ['broken-apostrophe', 'unbalanced-quote', 'glossed-english-name', 'untranslated-english', 'credit-line']) {
        expect(actuals(signals, rule)).toEqual([]);
      }
    }
  });

  it('every signal quotes its own span', () => {
    for (const s of [...s000, ...s003]) expect(s.actual?.length).toBe(s.end - s.start);
  });
});

describe('property: arbitrary Unicode', () => {
  // Fragments that reach every branch, mixed with arbitrary code points (lone surrogates included).
  const fragments = fc.constantFrom(
    'PLTR.O', ' , ', "l' ", " d 'u", '"', '«\u00a0', '\u00a0»', '“', '”', 'SURVEILLANCE DE MASSE Le ', '(Rapport de A, édition de B)',
    '(Mises à jour des actions)', 'National Labor Relations Board (Conseil national des relations)', 'toile de fond fertile',
    'The company said it was reviewing the contract and would respond later. ', '6,9%', ' : ', '\n', 'https://x.com/a , b',
    '< VOLCARb.ST>', '.SPX', 'EUR=', '[ID:nL6N0OE1VJ]', 'qu’ ', 'É', '\u0301', '\ud83d\ude00', '&amp;',
  );
  const text = fc
    .array(fc.oneof(fragments, fc.string({ unit: 'binary', maxLength: 20 }), fc.string({ unit: 'grapheme', maxLength: 20 })), { maxLength: 12 })
    .map((parts) => parts.join(''));

  it('never throws, and every signal lies inside its paragraph with start < end', () => {
    fc.assert(
      fc.property(text, fc.constantFrom('fr', 'en', 'und'), (t, language) => {
        for (const detector of DETECTORS) {
          const p = { ...makeParagraph(t, detector.meta.kinds[0]!, 2) };
          const context = makeContext([makeParagraph(t, 'body', 1), p, makeParagraph(t, 'body', 3)], language);
          for (const s of detector.detect(p, context)) {
            expect(s.ruleId).toBe(detector.meta.id);
            expect(s.paragraph).toBe(2);
            expect(s.start).toBeGreaterThanOrEqual(0);
            expect(s.end).toBeLessThanOrEqual(t.length);
            expect(s.start).toBeLessThan(s.end);
            expect(Number.isFinite(s.weight)).toBe(true);
          }
        }
      }),
      { numRuns: 150 },
    );
  });
});

describe('meta', () => {
  it('every rule has a unique id, a docs page named after it and at least one kind', () => {
    const ids = DETECTORS.map((d) => d.meta.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const d of DETECTORS) {
      expect(d.meta.docs).toBe(`docs/rules/${d.meta.id}.md`);
      expect(d.meta.kinds.length).toBeGreaterThan(0);
    }
  });
});
