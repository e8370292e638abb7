// HTML character references, decoded with their source length, for aligning extracted text with the page source.
import { CP1252_HIGH } from './cp1252.js';

/** Names of U+00A0–U+00FF in order (HTML 4 Latin-1 set); HTML5 also accepts each of them without `;`. */
const LATIN1_NAMES =
  'nbsp iexcl cent pound curren yen brvbar sect uml copy ordf laquo not shy reg macr deg plusmn sup2 sup3 acute ' +
  'micro para middot cedil sup1 ordm raquo frac14 frac12 frac34 iquest Agrave Aacute Acirc Atilde Auml Aring AElig ' +
  'Ccedil Egrave Eacute Ecirc Euml Igrave Iacute Icirc Iuml ETH Ntilde Ograve Oacute Ocirc Otilde Ouml times Oslash ' +
  'Ugrave Uacute Ucirc Uuml Yacute THORN szlig agrave aacute acirc atilde auml aring aelig ccedil egrave eacute ecirc ' +
  'euml igrave iacute icirc iuml eth ntilde ograve oacute ocirc otilde ouml divide oslash ugrave uacute ucirc uuml ' +
  'yacute thorn yuml';

/**
 * Other references seen in news pages: HTML 4 specials and punctuation, a few HTML5 names, and the ASCII legacy
 * names. Any other `&name;` is still aligned, as one character (see `alignReference` in align.ts).
 */
const OTHER: Record<string, number> = {
  quot: 34, amp: 38, apos: 39, lt: 60, gt: 62, QUOT: 34, AMP: 38, LT: 60, GT: 62, COPY: 169, REG: 174,
  OElig: 338, oelig: 339, Scaron: 352, scaron: 353, Yuml: 376, fnof: 402, circ: 710, tilde: 732,
  ensp: 8194, emsp: 8195, thinsp: 8201, zwnj: 8204, zwj: 8205, lrm: 8206, rlm: 8207, hyphen: 8208, dash: 8208,
  ndash: 8211, mdash: 8212, horbar: 8213, lsquo: 8216, rsquo: 8217, rsquor: 8217, sbquo: 8218, lsquor: 8218,
  ldquo: 8220, rdquo: 8221, rdquor: 8221, bdquo: 8222, ldquor: 8222, dagger: 8224, Dagger: 8225, bull: 8226,
  bullet: 8226, nldr: 8229, hellip: 8230, mldr: 8230, permil: 8240, prime: 8242, Prime: 8243, lsaquo: 8249,
  rsaquo: 8250, oline: 8254, frasl: 8260, euro: 8364, trade: 8482, TRADE: 8482, larr: 8592, uarr: 8593,
  rarr: 8594, darr: 8595, harr: 8596, minus: 8722, le: 8804, ge: 8805, ne: 8800, infin: 8734, NonBreakingSpace: 160,
  Tab: 9, NewLine: 10, excl: 33, num: 35, dollar: 36, percnt: 37, lpar: 40, rpar: 41, ast: 42, plus: 43,
  comma: 44, period: 46, sol: 47, colon: 58, semi: 59, equals: 61, quest: 63, commat: 64, lsqb: 91, bsol: 92,
  rsqb: 93, lowbar: 95, grave: 96, lcub: 123, verbar: 124, rcub: 125, deg: 176, middot: 183, half: 189,
  numero: 8470, ZeroWidthSpace: 8203, NoBreak: 8288, nnbsp: 8239, puncsp: 8200, numsp: 8199, hairsp: 8202,
};

const NAMED = new Map<string, string>();
const LEGACY = new Set<string>(['AMP', 'COPY', 'GT', 'LT', 'QUOT', 'REG', 'amp', 'gt', 'lt', 'quot']);
LATIN1_NAMES.split(' ').forEach((name, k) => {
  NAMED.set(name, String.fromCharCode(0xa0 + k));
  LEGACY.add(name);
});
for (const [name, cp] of Object.entries(OTHER)) if (!NAMED.has(name)) NAMED.set(name, String.fromCodePoint(cp));
const LONGEST_LEGACY = Math.max(...[...LEGACY].map((n) => n.length));

/** A decoded reference: its text and how many source characters it spans. */
export interface Reference {
  text: string;
  length: number;
}

/**
 * Decodes the character reference at `source[at]` (which must be `&`) as an HTML parser does in text:
 * numeric references with or without `;` (0, surrogates and values above U+10FFFF become U+FFFD, 128–159 are
 * read as windows-1252), named references from the table above, and the legacy names without `;`
 * (`&eacute` → é, `&notit;` → ¬it;, as htmlparser2's `entities` decoder does in legacy mode).
 *
 * @param source the page source
 * @param at offset of `&`
 * @returns the decoded text and length, or undefined when this `&` starts no reference the table knows
 */
export function decodeReference(source: string, at: number): Reference | undefined {
  if (source.charCodeAt(at + 1) === 35 /* # */) {
    const m = /^&#(?:[xX]([0-9a-fA-F]+)|([0-9]+));?/.exec(source.slice(at, at + 40));
    if (!m) return undefined;
    const digits = m[1] ?? m[2]!;
    let cp = digits.length > 8 ? Infinity : parseInt(digits, m[1] !== undefined ? 16 : 10);
    if (cp === 0 || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) cp = 0xfffd;
    else if (cp >= 0x80 && cp <= 0x9f && CP1252_HIGH[cp - 0x80] !== 0xfffd) cp = CP1252_HIGH[cp - 0x80]!;
    return { text: String.fromCodePoint(cp), length: m[0].length };
  }
  const m = /^&([A-Za-z][A-Za-z0-9]{0,31})(;?)/.exec(source.slice(at, at + 40));
  if (!m) return undefined;
  const name = m[1]!;
  if (m[2] === ';') {
    const text = NAMED.get(name);
    if (text !== undefined) return { text, length: name.length + 2 };
  }
  // Legacy references: the longest legacy name that prefixes the letters, without `;`.
  for (let k = Math.min(name.length, LONGEST_LEGACY); k >= 2; k--) {
    const prefix = name.slice(0, k);
    if (LEGACY.has(prefix)) return { text: NAMED.get(prefix)!, length: k + 1 };
  }
  return undefined;
}

/**
 * Length of a well-formed named reference `&name;` at `source[at]`, whatever the name (for names outside the
 * table, which then align as one character), or 0.
 */
export function namedReferenceLength(source: string, at: number): number {
  const m = /^&[A-Za-z][A-Za-z0-9]{0,31};/.exec(source.slice(at, at + 40));
  return m ? m[0].length : 0;
}
