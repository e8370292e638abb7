// Tolerant text normalisation with an offset map back to the original, so matches on normalised text keep exact positions.

/** Result of normalising: the folded text and, for each of its UTF-16 units, the offset of its source in the input. */
export interface Normalized {
  text: string;
  /** map[i] = offset in the input of the character that produced text[i]; map[text.length] = input length. */
  map: Int32Array;
  /** ends[i] = offset just after the input character (or entity) that produced text[i]. */
  ends: Int32Array;
}

/** Named HTML entities that occur in scraped wire text (apostrophes, quotes, spaces, French letters). */
const ENTITIES: Record<string, string> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', rsquo: "'", lsquo: "'", rdquo: '"', ldquo: '"',
  laquo: '"', raquo: '"', ndash: '-', mdash: '-', hellip: '...', eacute: 'e', egrave: 'e', ecirc: 'e', euml: 'e',
  agrave: 'a', acirc: 'a', auml: 'a', ccedil: 'c', icirc: 'i', iuml: 'i', ocirc: 'o', ouml: 'o', ugrave: 'u',
  ucirc: 'u', uuml: 'u', oelig: 'oe', aelig: 'ae', Eacute: 'e', Egrave: 'e', Agrave: 'a', Ccedil: 'c', thinsp: ' ',
  ensp: ' ', emsp: ' ', shy: '',
};

/** Characters folded to one canonical form before matching. */
const FOLD: Record<string, string> = {
  '\u2019': "'", '\u2018': "'", '\u02bc': "'", '\u2032': "'", '\u00b4': "'", '`': "'",
  '\u201c': '"', '\u201d': '"', '\u201e': '"', '\u00ab': '"', '\u00bb': '"', '\u2033': '"',
  '\u2013': '-', '\u2014': '-', '\u2010': '-', '\u2011': '-', '\u2212': '-',
  '\u0153': 'oe', '\u0152': 'oe', '\u00e6': 'ae', '\u00c6': 'ae', '\u00df': 'ss',
};

/** Zero-width characters dropped entirely. */
const DROP = /[\u200b-\u200d\u2060\ufeff\u00ad]/;

/** Any Unicode white space, including no-break and narrow no-break spaces. */
const SPACE = /[\s\u00a0\u202f\u2007\u2009]/;

export interface NormalizeOptions {
  /** Decode HTML character references (named and numeric). Default true. */
  entities?: boolean;
  /** Lower-case and strip diacritics. Default true. */
  fold?: boolean;
}

/**
 * Folds case, accents, apostrophes, quotes, dashes, white space runs and HTML entities, keeping a map to the input.
 * Used by notice, calque and phrasing matching: "TRADUCTION AUTOMATISEE" and "Traduction&nbsp;automatisée" meet.
 * @param input text to normalise
 * @returns the folded text and its offset map
 */
export function normalizeWithMap(input: string, options: NormalizeOptions = {}): Normalized {
  const entities = options.entities ?? true;
  const fold = options.fold ?? true;
  const out: string[] = [];
  const map: number[] = [];
  const ends: number[] = [];
  let lastWasSpace = true; // also trims leading white space
  const push = (s: string, at: number, to: number): void => {
    for (const ch of s) {
      if (SPACE.test(ch)) {
        if (lastWasSpace) continue;
        out.push(' ');
        map.push(at);
        ends.push(to);
        lastWasSpace = true;
        continue;
      }
      for (let k = 0; k < ch.length; k++) {
        out.push(ch[k]!);
        map.push(at);
        ends.push(to);
      }
      lastWasSpace = false;
    }
  };
  let i = 0;
  while (i < input.length) {
    const code = input.codePointAt(i)!;
    const ch = String.fromCodePoint(code);
    const width = ch.length;
    if (entities && ch === '&') {
      const m = /^&(#x[0-9a-f]{1,6}|#[0-9]{1,7}|[a-z]{2,8});/i.exec(input.slice(i, i + 12));
      if (m) {
        const ref = m[1]!;
        let decoded: string | undefined;
        if (ref[0] === '#') {
          const n = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
          if (n > 0 && n <= 0x10ffff) decoded = String.fromCodePoint(n);
        } else {
          decoded = ENTITIES[ref] ?? ENTITIES[ref.toLowerCase()];
        }
        if (decoded !== undefined) {
          push(fold ? foldString(decoded) : decoded, i, i + m[0].length);
          i += m[0].length;
          continue;
        }
      }
    }
    if (DROP.test(ch)) {
      i += width;
      continue;
    }
    push(fold ? foldString(ch) : ch, i, i + width);
    i += width;
  }
  // Trailing white space is not significant.
  while (out.length > 0 && out[out.length - 1] === ' ') {
    out.pop();
    map.pop();
    ends.pop();
  }
  map.push(input.length);
  return { text: out.join(''), map: Int32Array.from(map), ends: Int32Array.from(ends) };
}

/** Case-, accent- and punctuation-folds one string (no offset map). */
export function foldString(s: string): string {
  let r = '';
  for (const ch of s) {
    const f = FOLD[ch];
    if (f !== undefined) {
      r += f;
      continue;
    }
    const base = ch.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
    r += base.toLowerCase();
  }
  return r;
}

/** Folds a whole string the same way `normalizeWithMap` does, without the map: for keys and comparisons. */
export function normalizeText(s: string): string {
  return normalizeWithMap(s).text;
}

/**
 * Maps a [start, end) range of normalised text back to the input.
 * @returns start and end offsets (end exclusive) in the input
 */
export function mapRange(n: Normalized, start: number, end: number): { start: number; end: number } {
  const last = n.map.length - 1;
  const s = n.map[Math.min(start, last)]!;
  if (end <= start) return { start: s, end: s };
  // The end is where the source character (or entity, or surrogate pair) of the last normalised unit ends.
  return { start: s, end: n.ends[Math.min(end, n.ends.length) - 1]! };
}
