// Literal strings a corpus pattern's every match must contain, so a detector can skip a regex whose text lacks them all.
import { createRequire } from 'node:module';
import type { AST } from '@eslint-community/regexpp';

/**
 * Why: the calque rule runs 81 patterns on every paragraph, and most texts hold none of them. A pattern such as
 * `\bvents contraires\b` can only match a text containing "vents contraires"; checking that with `includes` first
 * skips the regex (and its first-use compilation, a tenth of a one-article `check` in a V8 profile). The analysis
 * is ESLint's own regex parser (@eslint-community/regexpp) walked conservatively: when in doubt it returns null and
 * the pattern always runs. It runs where corpora are validated (at build for the shipped ones), never at start-up.
 */

const requireCjs = createRequire(import.meta.url);
let parser: typeof import('@eslint-community/regexpp') | undefined;

/** Shortest literal worth a look-up: a one- or two-letter string is in almost every text. */
const MIN_LENGTH = 3;

type Node = AST.Alternative['elements'][number];

/** The exact string a node always matches, or null (anything variable). Assertions match the empty string. */
function exact(node: Node): string | null {
  switch (node.type) {
    case 'Character':
      return String.fromCodePoint(node.value);
    case 'Assertion':
      return node.kind === 'lookahead' || node.kind === 'lookbehind' ? null : '';
    case 'Group':
    case 'CapturingGroup': {
      if (node.alternatives.length !== 1) return null;
      let s = '';
      for (const e of node.alternatives[0]!.elements) {
        const x = exact(e);
        if (x === null) return null;
        s += x;
      }
      return s;
    }
    case 'Quantifier': {
      if (node.min !== node.max) return null;
      const x = exact(node.element);
      return x === null ? null : x.repeat(node.min);
    }
    default:
      return null;
  }
}

/** Of several candidate sets, the most selective: the one whose shortest string is longest. */
function best(sets: string[][]): string[] | null {
  let out: string[] | null = null;
  let score = 0;
  for (const set of sets) {
    const shortest = Math.min(...set.map((s) => s.length));
    if (shortest > score) {
      score = shortest;
      out = set;
    }
  }
  return out && score >= MIN_LENGTH ? out : null;
}

/** Strings of which every match of the alternatives contains one, or null. */
function ofAlternatives(alternatives: readonly AST.Alternative[]): string[] | null {
  const union = new Set<string>();
  for (const a of alternatives) {
    const set = ofSequence(a.elements);
    if (set === null) return null;
    for (const s of set) union.add(s);
  }
  return [...union];
}

/**
 * Strings of which every match of a sequence contains one, or null: the runs of exact text between variable parts
 * (zero-width assertions do not break a run: `\bselon le rapport` → "selon le rapport"), and the sets of groups
 * that must occur.
 */
function ofSequence(elements: readonly Node[]): string[] | null {
  const candidates: string[][] = [];
  let run = '';
  const close = (): void => {
    if (run !== '') candidates.push([run]);
    run = '';
  };
  for (const e of elements) {
    if (e.type === 'Assertion' && (e.kind === 'lookahead' || e.kind === 'lookbehind')) continue; // zero-width
    const x = exact(e);
    if (x !== null) {
      run += x;
      continue;
    }
    if (e.type === 'Quantifier' && e.min >= 1) {
      const inner = exact(e.element);
      if (inner !== null) {
        // `ab+c` holds "ab" and "bc", not "abc" ("abbc").
        run += inner;
        close();
        run = inner;
        continue;
      }
      close();
      const set = e.element.type === 'Group' || e.element.type === 'CapturingGroup' ? ofAlternatives(e.element.alternatives) : null;
      if (set) candidates.push(set);
      continue;
    }
    close();
    if (e.type === 'Group' || e.type === 'CapturingGroup') {
      const set = ofAlternatives(e.alternatives);
      if (set) candidates.push(set);
    }
  }
  close();
  return best(candidates);
}

/**
 * Literal strings such that every match of `new RegExp(source, flags)` contains at least one of them, or null when
 * the pattern gives none worth testing (or uses the `i` flag, or does not parse).
 * @param source pattern source
 * @param flags its flags
 */
export function requiredLiterals(source: string, flags: string): string[] | null {
  if (flags.includes('i')) return null;
  // Modifier groups (`(?i:…)`, newer engines) change case rules inside the pattern: no literal is safe then. The test
  // is on the source, so an escaped `\(?i:` merely gives up too.
  if (/\(\?[A-Za-z-]+:/.test(source)) return null;
  const ast = parse(source, flags);
  return ast ? ofAlternatives(ast.pattern.alternatives) : null;
}

/**
 * A repetition inside another repetition that a backtracking engine can try in exponentially many ways: `(a+)+`,
 * `(?:[a-z]+ ?)+`, `(?:[a-z]{1,40} ?){1,60}`, `(.*)*`. Returns the outer repetition's source, or null when the pattern
 * has none (or does not parse). A desk's calque `(?:[a-z]+ ?)+ dijo que\b` hung `check` on a 14-word line for over a
 * minute (review, 2026-12-08); docs/corpora.md asked for no nested unbounded quantifiers but nothing refused one.
 *
 * Risky: both repeat (maximum over 1) and together allow more than 1,000 combinations (either unbounded). Safe: the
 * inner one repeats a single character class and is followed, in its sequence, by a character that class cannot
 * match (`(?:\w+ )+`, `\((?:[^()]|\([^()]*\))*\)`): each turn then ends at one place. Ambiguous alternatives
 * (`(a|aa)+`) are not analysed.
 */
export function nestedUnboundedQuantifier(source: string, flags: string): string | null {
  const ast = parse(source, flags);
  if (!ast) return null;
  const plain = flags.replace(/[gy]/g, '');
  const repeats = (q: AST.Quantifier): boolean => q.max > 1;
  const many = (inner: AST.Quantifier, outer: AST.Quantifier): boolean =>
    inner.max === Infinity || outer.max === Infinity || inner.max * outer.max > 1000;
  const separated = (q: AST.Quantifier): boolean => {
    const single = q.element.type === 'Character' || q.element.type === 'CharacterClass' || q.element.type === 'CharacterSet';
    const sequence = q.parent;
    if (!single || sequence.type !== 'Alternative') return false;
    const next = sequence.elements[sequence.elements.indexOf(q) + 1];
    if (!next || next.type !== 'Character') return false;
    try {
      return !new RegExp(`^(?:${q.element.raw})$`, plain).test(String.fromCodePoint(next.value));
    } catch {
      return false;
    }
  };
  let found: string | null = null;
  /** `outer`: the repetition around this node, if any (the one reported). */
  const walk = (node: AST.Node, outer: AST.Quantifier | null): void => {
    if (found !== null) return;
    if (node.type === 'Quantifier') {
      if (outer && repeats(node) && many(node, outer) && !separated(node)) {
        found = outer.raw;
        return;
      }
      walk(node.element, outer ?? (repeats(node) ? node : null));
      return;
    }
    if (node.type === 'Pattern' || node.type === 'Group' || node.type === 'CapturingGroup' || node.type === 'Assertion') {
      const alternatives = 'alternatives' in node ? node.alternatives : [];
      for (const a of alternatives) for (const e of a.elements) walk(e, outer);
    }
  };
  walk(ast.pattern, null);
  return found;
}

/** A pattern's syntax tree (regexpp, loaded on first use), or undefined when it does not parse. */
function parse(source: string, flags: string): AST.RegExpLiteral | undefined {
  parser ??= requireCjs('@eslint-community/regexpp') as typeof import('@eslint-community/regexpp');
  try {
    return parser.parseRegExpLiteral(new RegExp(source, flags));
  } catch {
    return undefined;
  }
}

/**
 * Whether a text may match a pattern whose required literals (found at validation) are these: true when it holds one
 * of them, or when the pattern has none. False means the pattern cannot match, and its regex need not run.
 */
export function mayMatch(literals: readonly string[] | undefined, text: string): boolean {
  return !literals || literals.some((l) => text.includes(l));
}

/**
 * The first character a pattern requires that folded text never holds (a capital, an accented letter, a curly
 * apostrophe or quote, a line break …), or undefined. Patterns run on folded text (src/util/normalize.ts), so such a
 * pattern matches nothing, silently: a desk's `\bEn base a\b` calque or `\(Traduccion automatizada …` notice did
 * nothing (a review, 2026-12-07). Only what every match needs counts: not a branch of an alternation another branch
 * can do without (`l(?:’|')equipe`), an optional part, or a negative lookaround (`(?<!É)`); in a character class one
 * member folded text can hold is enough (`[’']`), and escapes such as `\S` or `\p{Lu}` are not literals. A pattern
 * that does not parse, or one with the `i` flag or a modifier group, gives undefined (its other checks report it).
 * @param fold the folding the text gets (normalizeText)
 */
export function unfoldedLiteral(source: string, flags: string, fold: (s: string) => string): string | undefined {
  if (flags.includes('i') || /(?<!\\)\(\?[A-Za-z-]+:/.test(source)) return undefined;
  const ast = parse(source, flags);
  if (!ast) return undefined;
  const never = (value: number): boolean => {
    // Between letters: folding trims the ends of a text, so a lone space would fold to nothing.
    const probe = `a${String.fromCodePoint(value)}a`;
    return fold(probe) !== probe;
  };
  /** The first required literal of a sequence that folded text never holds. */
  const inSequence = (elements: readonly Node[]): string | undefined => {
    for (const e of elements) {
      const bad = inElement(e);
      if (bad !== undefined) return bad;
    }
    return undefined;
  };
  /** Of alternatives, a literal only when every one of them requires one (none can match). */
  const inAlternatives = (alternatives: readonly AST.Alternative[]): string | undefined => {
    const bad = alternatives.map((a) => inSequence(a.elements));
    return bad.every((b) => b !== undefined) ? bad[0] : undefined;
  };
  const inElement = (e: Node): string | undefined => {
    switch (e.type) {
      case 'Character':
        return never(e.value) ? e.raw : undefined;
      case 'CharacterClass':
        // A class every member of which is a literal folded text never holds: `[É]`, `[’‘]`.
        return !e.negate && e.elements.length > 0 && e.elements.every((m) => m.type === 'Character' && never(m.value)) ? e.raw : undefined;
      case 'Group':
      case 'CapturingGroup':
        return inAlternatives(e.alternatives);
      case 'Quantifier':
        return e.min >= 1 ? inElement(e.element) : undefined;
      case 'Assertion':
        return (e.kind === 'lookahead' || e.kind === 'lookbehind') && !e.negate ? inAlternatives(e.alternatives) : undefined;
      default:
        return undefined;
    }
  };
  return inAlternatives(ast.pattern.alternatives);
}
