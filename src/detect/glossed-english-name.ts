// Rule glossed-english-name: an English institution name next to a French rendering of it in brackets, either order.
import type { Detector, DetectorContext, Paragraph, RuleMeta, Signal } from '../types.js';
import { makeSignal } from './util.js';

/** A parenthesis without nested brackets, 3–160 characters inside. */
const PAREN = /\(([^()]{3,160})\)/gu;
/** An English title-case name at the end of the text before a parenthesis: capitalised words joined by `of`, `and` … */
const EN_NAME_BEFORE =
  /(?<![\p{L}\p{N}])((?:[A-Z][\p{L}'’.-]*[ \t](?:(?:of|and|for|on|the|&)[ \t])?){1,8}[A-Z][\p{L}'’.-]*)[ \t]*$/u;
/** A whole English title-case name (inside a parenthesis). */
const EN_NAME_WHOLE = /^(?:The )?(?:[A-Z][\p{L}'’.-]*[ \t](?:(?:of|and|for|on|the|&)[ \t])?){1,8}[A-Z][\p{L}'’.-]*$/u;
/** Capitalised French words that may precede an English name in the same title-case run. */
const LEADING_FRENCH = /^(?:(?:Le|La|Les|Du|Des|Au|Aux|Un|Une|Selon|Pour|Par|Dans|Et)[ \t]+|L['’])+/u;
/** Words of a text, with their offsets. */
const WORD = /[\p{L}\p{N}][\p{L}\p{N}'’.-]*/gu;
/** Punctuation that ends the French phrase looked for before a parenthesis. */
const PHRASE_BREAK = /[.,;:!?()[\]«»"“”]/u;
/** French lower-case function words: a French rendering has some, an English name has none. */
const FRENCH_WORD = /^(?:de|des|du|d'.*|d’.*|la|le|les|l'.*|l’.*|et|pour|aux|au|à|en|sur)$/u;

/**
 * French head nouns that a literal rendering of an English institution name starts with (`Conseil national des
 * relations de travail`, `Administration nationale … de la sécurité routière`). Code, not data: GlossHeadEntry has
 * no language field, and corpora/glosses/ is read as the English list (see the report to the lead).
 */
const FRENCH_HEADS = new Set([
  'conseil', 'administration', 'commission', 'agence', 'département', 'bureau', 'office', 'service', 'autorité',
  'comité', 'institut', 'réserve', 'ministère', 'secrétariat', 'cour', 'tribunal', 'fondation', 'banque', 'centre',
  'organisation', 'association', 'fédération', 'fonds', 'garde', 'corps', 'direction', 'inspection', 'programme',
  'laboratoire', 'observatoire', 'sénat', 'commandement', 'forces', 'institution', 'société',
]);

/**
 * Weight 1.2 nats (LR ≈ 3.3). Seen in machine-translated Reuters French: `National Labor Relations Board (Conseil
 * national des relations de travail)` (boursorama 2025-10-17) and `L'Administration nationale américaine de la
 * sécurité routière (National Highway Traffic Safety Administration)` (boursorama 2025-10-09), provenance-evidence.md
 * §4.3. French journalists do gloss US bodies, usually with an acronym (`la National Security Agency (NSA)`, which is
 * never flagged) or a description (`la SEC, le gendarme boursier`), rarely with a word-for-word rendering.
 */
const WEIGHT = 1.2;

/** Rule metadata (id, severity, kinds). */
const meta: RuleMeta = {
  id: 'glossed-english-name',
  description: 'An English institution name glossed with a literal French rendering in brackets, or the reverse.',
  defaultSeverity: 'info',
  docs: 'docs/rules/glossed-english-name.md',
  evidence: 'lexical',
  languages: ['fr'],
  kinds: ['body', 'headline'],
};

/** The word without a leading elision (`L'Administration` → `Administration`). */
function stripElision(word: string): string {
  return word.replace(/^[ldLD]['’]/u, '');
}

function isFrenchHead(word: string): boolean {
  return FRENCH_HEADS.has(stripElision(word).toLowerCase());
}

/** A French rendering: starts with a French head noun, has at least one more word, one of them lower-case. */
function isFrenchGloss(s: string): boolean {
  const words = s.trim().split(/\s+/u);
  if (words.length < 2 || !isFrenchHead(words[0]!)) return false;
  return words.slice(1).some((w) => /^\p{Ll}/u.test(w));
}

/** Whether an English name has an institution head of the corpus (`… Board`, `Department of Justice`). */
function hasHead(name: string, heads: ReadonlySet<string>): boolean {
  return name.trim().split(/\s+/u).some((w) => heads.has(w));
}

/**
 * glossed-english-name: `English Name Board (Conseil …)` or `Conseil … (English Name Board)`: an English
 * title-case name with a head noun of corpora/glosses/ next to a French rendering in brackets that starts with a
 * French head noun. Not `English Name (ACRONYM)`, nor a French description that is not a rendering of the name.
 * See docs/rules/glossed-english-name.md.
 */
export const detector: Detector = {
  meta,
  detect(p: Paragraph, context: DetectorContext): Signal[] {
    const text = p.text;
    if (!text.includes('(')) return [];
    const heads = new Set(context.corpora.glossHeads);
    const out: Signal[] = [];
    for (const m of text.matchAll(PAREN)) {
      const inside = m[1]!.trim();
      const parenEnd = m.index + m[0].length;
      const before = text.slice(Math.max(0, m.index - 200), m.index);
      const base = Math.max(0, m.index - 200);
      // Order 1: English name, then its French rendering in brackets.
      const en = EN_NAME_BEFORE.exec(before);
      if (en) {
        // A capitalised French word may open the run (`Le National Labor Relations Board`): not part of the name.
        const lead = LEADING_FRENCH.exec(en[1]!)?.[0].length ?? 0;
        const name = en[1]!.slice(lead).trim();
        if (hasHead(name, heads) && name.split(/\s+/u).length >= 2 && isFrenchGloss(inside)) {
          out.push(
            makeSignal(meta, p, {
              start: base + en.index + lead,
              end: parenEnd,
              weight: WEIGHT,
              message: `English institution name "${name}" glossed with a literal French rendering "(${inside})"`,
              expected: [name, inside],
              data: { order: 'english-first', english: name, french: inside, status: 'seen' },
            }),
          );
          continue;
        }
      }
      // Order 2: French rendering, then the English name in brackets.
      if (!EN_NAME_WHOLE.test(inside) || !hasHead(inside, heads)) continue;
      // Walk back over the French phrase (up to 12 words, not across punctuation) to the French head noun.
      const cut = lastBreak(before);
      const phrase = before.slice(cut + 1);
      const words = [...phrase.matchAll(WORD)].slice(-12);
      const headIndex = words.findIndex((w) => isFrenchHead(w[0]));
      if (headIndex === -1) continue;
      const tail = words.slice(headIndex + 1).map((w) => w[0]);
      if (tail.length === 0 || !tail.some((w) => /^\p{Ll}/u.test(w) || FRENCH_WORD.test(w))) continue;
      const start = base + cut + 1 + words[headIndex]!.index;
      const french = text.slice(start, m.index).trim();
      out.push(
        makeSignal(meta, p, {
          start,
          end: parenEnd,
          weight: WEIGHT,
          message: `Literal French rendering "${french}" of the English institution name "(${inside})"`,
          expected: [inside],
          data: { order: 'french-first', english: inside, french, status: 'seen' },
        }),
      );
    }
    return out;
  },
};

/** Index of the last phrase-breaking punctuation in `s`, or −1. */
function lastBreak(s: string): number {
  for (let i = s.length - 1; i >= 0; i--) if (PHRASE_BREAK.test(s[i]!)) return i;
  return -1;
}

export default detector;
