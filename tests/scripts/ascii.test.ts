// The bundle's ASCII rewrite (scripts/ascii.mjs): same meaning, no character outside ASCII, refusals where unsafe.
import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { runInNewContext } from 'node:vm';
import { toAscii } from '../../scripts/ascii.mjs';

/** Evaluates a script that assigns `result`, in a fresh context. */
function evaluate(source: string): unknown {
  const sandbox: { result?: unknown } = {};
  runInNewContext(source, sandbox);
  return sandbox.result;
}

const SAMPLES = [
  'Il a déclaré : « non » — 5 %.',
  'l’élimination d’un rapport',
  'CÉDRIC Œuvre façade',
  'emoji 😀 here',
  'plain ascii',
];

const CASES: { name: string; source: string }[] = [
  { name: 'a u-mode class with curly quotes', source: 'result = SAMPLES.map((s) => s.replace(/[«»“”„’]/gu, "X"));' },
  { name: 'a non-u expression with accented letters', source: 'result = SAMPLES.map((s) => /^(?:[A-ZÀ-Ý]\\.)+|déclaré|façade/i.test(s));' },
  { name: 'an identity escape of a non-ASCII letter', source: 'result = SAMPLES.map((s) => /\\é|\\œ/.test(s));' },
  { name: 'an astral character in u and non-u mode', source: 'result = SAMPLES.map((s) => [/😀/u.test(s), /😀/.test(s), /[😀]/u.test(s)]);' },
  { name: 'String.raw used as a pattern', source: 'result = SAMPLES.map((s) => new RegExp(String.raw`\\bdéclaré\\b|\\d+\\s%`, "u").test(s));' },
  { name: 'a comment and an escaped string', source: '// « commentaire » é\nresult = SAMPLES.map((s) => s.includes("\\u00e9"));' },
  { name: 'strings with escapes before non-ASCII', source: 'result = ["\\é", "\\\\é", "a\\\u2028b", "« x »"];' },
];

describe('toAscii', () => {
  for (const { name, source } of CASES) {
    it(`keeps the meaning of ${name}`, () => {
      const prelude = `const SAMPLES = ${JSON.stringify(SAMPLES)};\n`;
      const ascii = toAscii(prelude + source);
      expect(/[\u0080-\uffff]/.test(ascii)).toBe(false);
      expect(evaluate(ascii)).toEqual(evaluate(prelude + source));
    });
  }

  it('refuses a template literal it cannot rewrite exactly', () => {
    expect(() => toAscii('const x = 1; const t = `é${x}`;')).toThrow(/template/);
    expect(() => toAscii('const t = tag`é`;')).toThrow(/template/);
    expect(() => toAscii("const t = 'String'.raw`é`;")).toThrow(/template/);
  });

  it('reads line breaks in String.raw as templates do (CR LF and CR become LF)', () => {
    const source = 'result = String.raw`é\r\nà\rù`;';
    expect(evaluate(toAscii(source))).toBe(evaluate(source));
  });

  it('leaves ASCII sources unchanged', () => {
    const source = 'const a = /[a-z]+/gu; // plain\nconst b = String.raw`\\d`;';
    expect(toAscii(source)).toBe(source);
  });

  it('escapes any BMP or astral text in a character class to a class that matches the same strings', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', minLength: 1, maxLength: 6 }), fc.string({ unit: 'grapheme', maxLength: 12 }), (chars, probe) => {
        const cls = [...chars].filter((c) => !/[\\\][^\-\n\r\u2028\u2029/]/.test(c)).join('');
        if (cls.length === 0) return;
        const text = JSON.stringify(probe);
        const source = `result = [/[${cls}]/u.test(${text}), /[${cls}]/.test(${text}), ${text}.replace(/[${cls}]/gu, '#')];`;
        expect(evaluate(toAscii(source))).toEqual(evaluate(source));
      }),
      { numRuns: 300 },
    );
  });
});
