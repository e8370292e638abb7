// languageScores must equal franc's francAll exactly: on the seeds, on mixed scripts and on arbitrary Unicode.
import { describe, expect, test } from '@jest/globals';
import fc from 'fast-check';
import { francAll } from 'franc';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_LANGUAGES, detectLanguage, PARAGRAPH_CHARS } from '../../src/segment/language.js';
import { languageScores, mergeModels } from '../../src/segment/trigrams.js';

const ONLY_LISTS: string[][] = [DEFAULT_LANGUAGES, ['fra', 'eng'], ['deu', 'eng'], [], ['rus', 'ukr', 'eng'], ['cmn', 'jpn', 'fra'], ['heb', 'ydd']];

function same(text: string, only: string[], minLength = 10): void {
  expect(languageScores(text, only, minLength)).toEqual(francAll(text, { only: [...only], minLength }));
}

const seeds = readdirSync('seeds')
  .filter((f) => f.endsWith('.txt'))
  .flatMap((f) => readFileSync(join('seeds', f), 'utf8').split(/\n\s*\n/));

describe('languageScores equals francAll', () => {
  test('on every seed paragraph, whole and cut at 240 characters, for several only lists', () => {
    for (const p of seeds) for (const only of ONLY_LISTS) for (const t of [p, p.slice(0, 240)]) same(t, only);
  });

  test('whatever only lists came before: [""] then [], and a comma inside a code', () => {
    const t = seeds.find((p) => p.length > 200)!;
    for (const only of [[''], [], ['fra,eng'], ['fra', 'eng'], [], ['']]) same(t, only);
  });

  test('on the seeds joined (franc reads 2,048 code units)', () => {
    same(seeds.join('\n'), DEFAULT_LANGUAGES);
  });

  test('on texts of other scripts, mixed scripts, digits only, and short or empty texts', () => {
    const texts = [
      'Москва является столицей России и крупнейшим городом страны.',
      'Пентагон not responded à la demande',
      '東京は日本の首都です。東京は大きな都市です。',
      'שלום עולם, זה טקסט בעברית עם כמה מילים',
      'Ελληνικά κείμενα για δοκιμή της αναγνώρισης',
      '1234567890 1234567890',
      '!!!!????....,,,,;;;;',
      'abc',
      '',
      'a'.repeat(3000),
      'Le Pentagone n\u2019a pas répondu — ΑΒΓΔ ΕΖΗΘ ΙΚΛΜ',
      'İSTANBUL İzmir ĞÜŞÖÇ büyük şehir',
    ];
    for (const t of texts) for (const only of ONLY_LISTS) for (const min of [0, 10]) same(t, only, min);
  });

  test('on arbitrary Unicode strings', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 300 }), fc.constantFrom(...ONLY_LISTS), (s, only) => {
        same(s, only);
      }),
      { numRuns: 400 },
    );
  });

  test('on arbitrary mixes of French, English and Cyrillic words', () => {
    const words = ['le', 'la', 'des', 'the', 'and', 'which', 'Москва', 'столица', "l'Otan", 'N.Y.', '2026', 'été', 'œuvre', '«', '»'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...words), { maxLength: 60 }), fc.constantFrom(...ONLY_LISTS), (ws, only) => {
        same(ws.join(' '), only);
      }),
      { numRuns: 400 },
    );
  });

  const langid = '../shared/data/tatoeba-langid/langid-short-texts.jsonl';
  const withData = existsSync(langid) ? test : test.skip;
  withData(`on the Tatoeba and news language-ID items${existsSync(langid) ? '' : ` — SKIPPED: ${langid} is absent (evaluation data is not in the repository)`}`, () => {
    const items = readFileSync(langid, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l) as { text: string });
    expect(items.length).toBeGreaterThan(1000);
    for (const { text } of items) same(text, DEFAULT_LANGUAGES);
  });
});

/** detectLanguage as first written: letters counted with a regex replace, francAll itself. */
function reference(text: string, only: readonly string[] = DEFAULT_LANGUAGES, maxChars = PARAGRAPH_CHARS) {
  const ISO1: Record<string, string> = { fra: 'fr', eng: 'en', deu: 'de', spa: 'es', ita: 'it', por: 'pt', nld: 'nl', cat: 'ca', glg: 'gl' };
  const letters = text.replace(/[^\p{L}]/gu, '').length;
  if (letters < 10) return { language: 'und', confidence: 0, runnerUp: 'und', margin: 0 };
  const [first, second] = francAll(text.length > maxChars ? text.slice(0, maxChars) : text, { only: [...only], minLength: 10 });
  if (!first || first[0] === 'und') return { language: 'und', confidence: 0, runnerUp: 'und', margin: 0 };
  const margin = second ? 1 - second[1] : 1;
  const confidence = Math.max(0, Math.min(1, (margin / 0.25) * Math.min(1, letters / 120)));
  return {
    language: ISO1[first[0]] ?? first[0],
    confidence: Number(confidence.toFixed(3)),
    runnerUp: second ? (ISO1[second[0]] ?? second[0]) : 'und',
    margin: Number(margin.toFixed(3)),
  };
}

describe('detectLanguage', () => {
  test('equals its francAll and regex-count definition on seeds, short texts, astral letters and arbitrary Unicode', () => {
    for (const p of seeds) expect(detectLanguage(p)).toEqual(reference(p));
    for (const t of ['Bonjour à tous', 'éàèùç ÉÀ', '𝐀𝐁𝐂𝐃𝐄 hello there', 'a\ud800b\udc00c déjà vu ici', 'Москва столица России', '12345 67890 !!']) {
      expect(detectLanguage(t)).toEqual(reference(t));
    }
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 300 }), (t) => {
        expect(detectLanguage(t)).toEqual(reference(t));
      }),
      { numRuns: 400 },
    );
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), fc.string({ maxLength: 200 }), (a, b) => {
        const t = a + 'le la des une ' + b;
        expect(detectLanguage(t)).toEqual(reference(t));
      }),
      { numRuns: 300 },
    );
  });
});

describe('mergeModels', () => {
  test('builds the same tables reading models in place as through split()', async () => {
    const { data } = (await import('franc/data.js')) as { data: Record<string, Record<string, string>> };
    const latin = data['Latin']!;
    for (const names of [['fra', 'eng', 'deu', 'spa', 'ita', 'por'], ['fra', 'eng'], Object.keys(latin)]) {
      const models = names.map((n) => latin[n]!);
      const fast = mergeModels(names, models);
      const slow = mergeModels(names, models, true);
      expect(Buffer.from(fast.keys.buffer).equals(Buffer.from(slow.keys.buffer))).toBe(true);
      expect(Buffer.from(fast.used.buffer).equals(Buffer.from(slow.used.buffer))).toBe(true);
      expect(Buffer.from(fast.rows.buffer).equals(Buffer.from(slow.rows.buffer))).toBe(true);
      expect(Buffer.from(fast.ranks.buffer).equals(Buffer.from(slow.ranks.buffer))).toBe(true);
    }
  });

  test('skips trigrams that are not three code units long, as franc data never has them', () => {
    const table = mergeModels(['x'], ['ab|cde|fgh']);
    const rankOf = (t: string): number => {
      for (let slot = 0; slot < table.keys.length; slot++) {
        const key = (t.charCodeAt(0) * 65536 + t.charCodeAt(1)) * 65536 + t.charCodeAt(2);
        if (table.used[slot] === 1 && table.keys[slot] === key) return table.ranks[table.rows[slot]!]!;
      }
      return -1;
    };
    expect(rankOf('cde')).toBe(1);
    expect(rankOf('fgh')).toBe(2);
    expect(table.used.reduce((n, u) => n + u, 0)).toBe(2);
  });
});
