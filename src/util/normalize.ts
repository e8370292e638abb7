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

/** Apostrophes and quotation marks, each folded to the straight one (also used by compare's tokens, src/reference/align.ts). */
export const QUOTE_MARKS: Readonly<Record<string, string>> = {
  '\u2019': "'", '\u2018': "'", '\u02bc': "'", '\u2032': "'", '\u00b4': "'", '`': "'",
  '\u201c': '"', '\u201d': '"', '\u201e': '"', '\u00ab': '"', '\u00bb': '"', '\u2033': '"',
};

/** Characters folded to one canonical form before matching. */
const FOLD: Record<string, string> = {
  ...QUOTE_MARKS,
  '\u2013': '-', '\u2014': '-', '\u2010': '-', '\u2011': '-', '\u2212': '-',
  '\u0153': 'oe', '\u0152': 'oe', '\u00e6': 'ae', '\u00c6': 'ae', '\u00df': 'ss',
};


/** Any Unicode white space, including no-break and narrow no-break spaces. */
const SPACE = /[\s\u00a0\u202f\u2007\u2009]/;

export interface NormalizeOptions {
  /** Decode HTML character references (named and numeric). Default true. */
  entities?: boolean;
  /** Lower-case and strip diacritics. Default true. */
  fold?: boolean;
}

/** Recently normalised texts: detectors, segmentation and fingerprints fold the same paragraph several times. */
const cache = new Map<string, Normalized>();
const CACHE_MAX = 4096;

/** Whether this machine stores UTF-16 units little-endian (as the `utf16le` decoder reads them). */
const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/** A growable UTF-16 buffer with the two offset maps, filled unit by unit (no per-character strings). */
class Builder {
  units: Uint16Array;
  map: Int32Array;
  ends: Int32Array;
  length = 0;
  lastWasSpace = true; // also trims leading white space

  constructor(capacity: number) {
    this.units = new Uint16Array(capacity);
    this.map = new Int32Array(capacity + 1);
    this.ends = new Int32Array(capacity);
  }

  /** Empties the buffer for the next input, growing it to hold at least `capacity` units. */
  reset(capacity: number): this {
    if (this.units.length < capacity) {
      this.units = new Uint16Array(capacity);
      this.map = new Int32Array(capacity + 1);
      this.ends = new Int32Array(capacity);
    }
    this.length = 0;
    this.lastWasSpace = true;
    return this;
  }

  unit(code: number, at: number, to: number): void {
    if (this.length === this.units.length) this.grow();
    this.units[this.length] = code;
    this.map[this.length] = at;
    this.ends[this.length] = to;
    this.length++;
    this.lastWasSpace = false;
  }

  space(at: number, to: number): void {
    if (this.lastWasSpace) return;
    this.unit(32, at, to);
    this.lastWasSpace = true;
  }

  string(s: string, at: number, to: number): void {
    for (const ch of s) {
      if (SPACE.test(ch)) this.space(at, to);
      else for (let k = 0; k < ch.length; k++) this.unit(ch.charCodeAt(k), at, to);
    }
  }

  private grow(): void {
    const n = this.units.length * 2 + 16;
    const units = new Uint16Array(n);
    units.set(this.units);
    const map = new Int32Array(n + 1);
    map.set(this.map);
    const ends = new Int32Array(n);
    ends.set(this.ends);
    this.units = units;
    this.map = map;
    this.ends = ends;
  }

  finish(inputLength: number): Normalized {
    while (this.length > 0 && this.units[this.length - 1] === 32) this.length--; // trailing white space
    const n = this.length;
    let text = '';
    if (LITTLE_ENDIAN) {
      // The units as UTF-16LE bytes, decoded natively (a one-byte string when they allow it, as fromCharCode makes):
      // ten times faster than String.fromCharCode.apply on paragraph-sized text (measured, Node 20).
      text = Buffer.from(this.units.buffer, this.units.byteOffset, n * 2).toString('utf16le');
    } else {
      for (let i = 0; i < n; i += 8192) {
        text += String.fromCharCode.apply(null, this.units.subarray(i, Math.min(n, i + 8192)) as unknown as number[]);
      }
    }
    // Both offset maps in one allocation: a typed array of paragraph size is allocated outside V8's heap, at about
    // 3 µs each (measured), and `finish` runs for every paragraph folded.
    const maps = new Int32Array(2 * n + 1);
    maps.set(this.map.subarray(0, n));
    maps[n] = inputLength;
    maps.set(this.ends.subarray(0, n), n + 1);
    return { text, map: maps.subarray(0, n + 1), ends: maps.subarray(n + 1) };
  }
}

/**
 * Folds case, accents, apostrophes, quotes, dashes, white space runs and HTML entities, keeping a map to the input.
 * Used by notice, calque and phrasing matching: "TRADUCTION AUTOMATISEE" and "Traduction&nbsp;automatisée" meet.
 * Results are cached (the same paragraph is folded by several rules); callers must not mutate them.
 * @param input text to normalise
 * @returns the folded text and its offset maps
 */
export function normalizeWithMap(input: string, options: NormalizeOptions = {}): Normalized {
  const entities = options.entities ?? true;
  const fold = options.fold ?? true;
  const key = `${entities ? 1 : 0}${fold ? 1 : 0}${input}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const out = builderFor(input.length + 16);
  let i = 0;
  while (i < input.length) {
    const c = input.charCodeAt(i);
    // ASCII fast path: most wire text is ASCII letters, digits, spaces and punctuation.
    if (c < 128 && c !== 38) {
      if (c === 32 || (c >= 9 && c <= 13)) out.space(i, i + 1);
      else if (fold && c >= 65 && c <= 90) out.unit(c + 32, i, i + 1);
      else if (fold && c === 96) out.unit(39, i, i + 1);
      else out.unit(c, i, i + 1);
      i++;
      continue;
    }
    if (c === 38) {
      const m = entities ? /^&(#x[0-9a-f]{1,6}|#[0-9]{1,7}|[a-z]{2,8});/i.exec(input.slice(i, i + 12)) : null;
      let decoded: string | undefined;
      if (m) {
        const ref = m[1]!;
        if (ref[0] === '#') {
          const n = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
          if (n > 0 && n <= 0x10ffff) decoded = String.fromCodePoint(n);
        } else {
          decoded = ENTITIES[ref] ?? ENTITIES[ref.toLowerCase()];
        }
      }
      if (m && decoded !== undefined) {
        out.string(fold ? foldString(decoded) : decoded, i, i + m[0].length);
        i += m[0].length;
      } else {
        out.unit(38, i, i + 1);
        i++;
      }
      continue;
    }
    const cp = input.codePointAt(i)!;
    const width = cp > 0xffff ? 2 : 1;
    if (!isDropped(cp)) {
      // Accented letters are most of the non-ASCII text of a French wire: their folding is cached per code point,
      // and a single-unit result skips the string walk (normalisation was 8 % of a batch worker, V8 profile).
      const folded = fold ? foldCodePoint(cp) : String.fromCodePoint(cp);
      const u = folded.length === 1 ? folded.charCodeAt(0) : -1;
      if (u >= 0 && !isSpaceUnit(u)) out.unit(u, i, i + width);
      else out.string(folded, i, i + width);
    }
    i += width;
  }
  const result = out.finish(input.length);
  if (cache.size >= CACHE_MAX) cache.delete(cache.keys().next().value!);
  cache.set(key, result);
  return result;
}

/**
 * One reusable buffer for paragraph-sized inputs. A fresh Builder per call allocated three typed arrays, each with
 * memory outside V8's heap (malloc, zero-fill, then the GC's sweeping): the Builder constructor alone was 1.4 % of a
 * batch worker's time, plus its share of GC (V8 profile of bench/batch.mjs, 2026-11-24). `finish` copies what it
 * returns, so reuse is safe; inputs too large to keep a buffer for get one of their own.
 */
const SCRATCH_MAX = 1 << 16;
const scratch = new Builder(4096);
function builderFor(capacity: number): Builder {
  return capacity <= SCRATCH_MAX ? scratch.reset(capacity) : new Builder(capacity);
}

/** Zero-width characters dropped entirely: U+200B–U+200D, U+2060, U+FEFF, soft hyphen. */
function isDropped(cp: number): boolean {
  return (cp >= 0x200b && cp <= 0x200d) || cp === 0x2060 || cp === 0xfeff || cp === 0x00ad;
}

/** `SPACE` for one UTF-16 unit: JavaScript's \s and `trim` white space (which includes U+2007 and U+2009). */
export function isSpaceUnit(u: number): boolean {
  if (u < 128) return u === 32 || (u >= 9 && u <= 13);
  return (
    u === 0x00a0 || u === 0x1680 || (u >= 0x2000 && u <= 0x200a) || u === 0x2028 || u === 0x2029 || u === 0x202f || u === 0x205f || u === 0x3000 || u === 0xfeff
  );
}

/** `foldString` of one code point, cached (a few hundred distinct letters occur in any language). */
const foldedCodePoints = new Map<number, string>();
function foldCodePoint(cp: number): string {
  let f = foldedCodePoints.get(cp);
  if (f === undefined) {
    f = foldString(String.fromCodePoint(cp));
    if (foldedCodePoints.size < 65536) foldedCodePoints.set(cp, f);
  }
  return f;
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
