// Required literals are a sound prefilter: every string a corpus pattern matches contains one of them.
import { describe, expect, test } from '@jest/globals';
import { parseRegExpLiteral, type AST } from '@eslint-community/regexpp';
import fc from 'fast-check';
import { loadCorpora } from '../../src/corpora/index.js';
import { requiredLiterals } from '../../src/corpora/literals.js';

type Rand = () => number;

/** A random string the node could match (assertions are ignored: the regex itself decides afterwards). */
function sample(node: AST.Node, rand: Rand): string {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
  switch (node.type) {
    case 'Pattern':
    case 'Group':
    case 'CapturingGroup':
      return sample(pick(node.alternatives), rand);
    case 'Alternative':
      return node.elements.map((e) => sample(e, rand)).join('');
    case 'Character':
      return String.fromCodePoint(node.value);
    case 'Quantifier': {
      const max = Math.min(node.max, node.min + 3);
      const n = node.min + Math.floor(rand() * (max - node.min + 1));
      let s = '';
      for (let i = 0; i < n; i++) s += sample(node.element, rand);
      return s;
    }
    case 'CharacterSet':
      if (node.kind === 'digit') return pick('0123456789'.split(''));
      if (node.kind === 'space') return ' ';
      return pick('abcdefghijklmnopqrstuvwxyz'.split(''));
    case 'CharacterClass': {
      if (node.negate) return pick([' ', 'q', 'z', '7', '-']);
      const el = pick(node.elements);
      if (el.type === 'Character') return String.fromCodePoint(el.value);
      if (el.type === 'CharacterClassRange') return String.fromCodePoint(el.min.value + Math.floor(rand() * (el.max.value - el.min.value + 1)));
      return sample(el as AST.Node, rand);
    }
    default:
      return '';
  }
}

const calques = loadCorpora().calques;

describe('requiredLiterals', () => {
  test('finds the literal runs, sets of alternatives, and nothing where a pattern is all variable', () => {
    expect(requiredLiterals(String.raw`\bvents contraires\b`, 'gu')).toEqual(['vents contraires']);
    expect(requiredLiterals(String.raw`\b(?:le|du) proprietaire de chatgpt\b`, 'gu')).toEqual([' proprietaire de chatgpt']);
    expect(requiredLiterals(String.raw`\bfuiter\b|\b(?:a|ont) fuite\b`, 'gu')).toEqual(['fuiter', ' fuite']);
    expect(requiredLiterals(String.raw`ab+cd`, 'gu')).toEqual(['bcd']);
    expect(requiredLiterals(String.raw`(?:abc|de)xyz`, 'gu')).toEqual(['xyz']);
    expect(requiredLiterals(String.raw`\d+ %`, 'gu')).toBeNull();
    expect(requiredLiterals(String.raw`[a-z]+`, 'gu')).toBeNull();
    expect(requiredLiterals(String.raw`vents contraires`, 'giu')).toBeNull();
    expect(requiredLiterals(String.raw`(?:opportunite)?s`, 'gu')).toBeNull();
    // A modifier group may change case rules inside the pattern (engines newer than Node 20 accept it): give up.
    expect(requiredLiterals(String.raw`(?i:Vents) contraires`, 'gu')).toBeNull();
    expect(requiredLiterals(String.raw`(?-i:vents) contraires`, 'giu')).toBeNull();
  });

  test('every shipped calque pattern has literals, and every string it matches contains one', () => {
    expect(calques.length).toBeGreaterThan(50);
    for (const entry of calques) {
      expect(entry.literals).toBeDefined();
      const ast = parseRegExpLiteral(new RegExp(entry.regex.source, 'u'));
      const regex = new RegExp(entry.regex.source, 'u');
      let matched = 0;
      fc.assert(
        fc.property(fc.integer({ min: 1, max: 2 ** 31 - 1 }), (seed) => {
          let a = seed;
          const rand = (): number => {
            a = (a * 1103515245 + 12345) % 2147483648;
            return a / 2147483648;
          };
          // Framed by ", " on both sides: a clause-final entry (FR-MT-SELON-LE-RAPPORT) must follow a comma.
          const s = `, ${sample(ast.pattern, rand)} , `;
          const m = regex.exec(s);
          if (m === null) return;
          matched++;
          expect(entry.literals!.some((l) => m[0].includes(l))).toBe(true);
        }),
        { numRuns: 150 },
      );
      // Samples that fail the pattern's assertions are not evidence; most must match for the test to mean anything.
      expect(matched).toBeGreaterThan(30);
    }
  });
});
