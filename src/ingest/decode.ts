// Turns input bytes into text: BOM and encoding detection, line-ending normalisation, and refusal of binary files.
import { createRequire } from 'node:module';
import type * as ChardetModule from 'chardet';
import type * as IconvModule from 'iconv-lite';
import { WireproofError } from '../types.js';
import { cp1252Char } from './cp1252.js';
import { oneLine } from '../util/oneline.js';

/** What {@link decodeBytes} returns. */
export interface DecodedText {
  /** The decoded text, BOM removed, every CRLF and lone CR turned into LF. */
  text: string;
  /** Lower-case encoding name: `utf-8`, `utf-16le`, `utf-16be`, `windows-1252`, or what chardet found (`iso-8859-2` …). */
  encoding: string;
}

/**
 * Share of control characters above which decoded text is called binary. Text never has more than a stray few
 * (a form feed, a DOS end-of-file mark); random bytes decoded as windows-1252 give about 13 % (34 of 256 values:
 * C0 controls other than tab/LF/CR/FF, DEL, and the five undefined bytes that become U+FFFD).
 */
const MAX_CONTROL_SHARE = 0.05;

/** Only this many bytes are given to chardet: enough to decide, and its cost stays flat on a 64 MiB file. */
const CHARDET_SAMPLE = 64 * 1024;

/**
 * chardet and iconv-lite are loaded on first use, synchronously: almost every wire is UTF-8 and never needs them,
 * and importing both costs 20–35 ms (measured on Node 20.20.2), a tenth of the CLI's start-up budget.
 */
const requireCjs = createRequire(import.meta.url);
let chardet: typeof ChardetModule | undefined;
let iconv: typeof IconvModule | undefined;
function loadChardet(): typeof ChardetModule {
  chardet ??= requireCjs('chardet') as typeof ChardetModule;
  return chardet;
}
function loadIconv(): typeof IconvModule {
  iconv ??= requireCjs('iconv-lite') as typeof IconvModule;
  return iconv;
}

const utf8Fatal = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const utf8 = new TextDecoder('utf-8', { ignoreBOM: true });
/** UTF-16 decoding, set up on first use (0.2 ms in a fresh process, 2026-11-24; most inputs are UTF-8). */
let utf16leDecoder: InstanceType<typeof TextDecoder> | undefined;
const utf16le = { decode: (bytes: Uint8Array): string => (utf16leDecoder ??= new TextDecoder('utf-16le', { ignoreBOM: true })).decode(bytes) };

/**
 * Decodes the bytes of one input.
 *
 * Order: UTF-8 BOM → UTF-8; UTF-16 BOM → UTF-16 LE/BE; NUL bytes → BOM-less UTF-16 if the zeros all fall on one
 * side of each code unit, else binary; valid UTF-8 → UTF-8; mostly UTF-8 with stray bytes → UTF-8 with those
 * bytes read as windows-1252; anything else → the charset an HTML page declares in a `<meta>`, else chardet's
 * guess, decoded by iconv-lite, with ISO-8859-1 read as windows-1252 as browsers do (WHATWG Encoding maps the
 * label `iso-8859-1` to windows-1252).
 * Node's own `TextDecoder('windows-1252')` is never used: Node ≥ 20.18.3 maps 0x80–0x9F to C1 controls
 * (nodejs/node#56542), so 0x92 would not become ’.
 *
 * @param bytes the raw input (not modified)
 * @param file display name, used in error messages
 * @returns the text (LF line endings, no BOM) and the encoding name
 * @throws WireproofError with code `binary` when the bytes are not text
 */
export function decodeBytes(bytes: Uint8Array, file: string): DecodedText {
  if (bytes.length === 0) return { text: '', encoding: 'utf-8' };
  let text: string;
  let encoding: string;
  // Valid UTF-8 says what it means: a U+FFFD in it is a character of the text (copy that went through a lossy
  // conversion before it reached us), not a byte this decoding could not read. Only then is it not counted as a
  // control: "Le pr\uFFFDsident" was refused as binary (review, 2026-12-07).
  let strict = false;
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    encoding = 'utf-8';
    const valid = tryUtf8(bytes.subarray(3));
    strict = valid !== undefined;
    text = valid ?? decodeUtf8Lenient(bytes.subarray(3));
  } else if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    encoding = 'utf-16le';
    text = utf16le.decode(bytes.subarray(2));
  } else if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    encoding = 'utf-16be';
    text = decodeUtf16be(bytes.subarray(2));
  } else {
    const nul = bytes.indexOf(0);
    if (nul >= 0) {
      const side = utf16WithoutBom(bytes);
      if (side === undefined) throw binary(file, `NUL byte at offset ${nul}`);
      encoding = side;
      text = side === 'utf-16le' ? utf16le.decode(bytes) : decodeUtf16be(bytes);
    } else {
      const valid = tryUtf8(bytes);
      if (valid !== undefined) {
        encoding = 'utf-8';
        text = valid;
        strict = true;
      } else if (mostlyUtf8(bytes)) {
        encoding = 'utf-8';
        text = decodeUtf8Lenient(bytes);
      } else {
        ({ text, encoding } = decodeLegacy(bytes));
      }
    }
  }
  const controls = countControls(text, !strict);
  if (controls > 0 && controls / text.length > MAX_CONTROL_SHARE) {
    throw binary(file, `${controls} of ${text.length} characters are control characters`);
  }
  return { text: normalizeLineEndings(text), encoding };
}

/**
 * Turns CRLF and lone CR into LF, so that every later offset, line and column refers to one text.
 * @param text decoded text
 * @returns the same text with LF line endings only
 */
export function normalizeLineEndings(text: string): string {
  return text.indexOf('\r') < 0 ? text : text.replace(/\r\n?/g, '\n');
}

function binary(file: string, reason: string): WireproofError {
  return new WireproofError(`${oneLine(file)}: binary file (${reason})`, 'binary', file);
}


function tryUtf8(bytes: Uint8Array): string | undefined {
  try {
    return utf8Fatal.decode(bytes);
  } catch {
    return undefined;
  }
}

function decodeUtf16be(bytes: Uint8Array): string {
  // Swap to little-endian rather than rely on ICU's utf-16be label; a trailing odd byte is dropped as WHATWG's
  // decoder would replace it with U+FFFD (we keep the text and let the control-share check judge it).
  const even = bytes.length & ~1;
  const swapped = new Uint8Array(even);
  for (let i = 0; i < even; i += 2) {
    swapped[i] = bytes[i + 1]!;
    swapped[i + 1] = bytes[i]!;
  }
  return utf16le.decode(swapped) + (bytes.length > even ? '\ufffd' : '');
}

/**
 * BOM-less UTF-16 (as some Windows tools save "Unicode" text): Latin text then has a zero in every other byte and
 * none in the others. Random binary has zeros on both sides, so it is not mistaken for text.
 */
function utf16WithoutBom(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  if (bytes.length < 2 || bytes.length % 2 !== 0) return undefined;
  const n = Math.min(bytes.length, CHARDET_SAMPLE);
  let zeroEven = 0;
  let zeroOdd = 0;
  for (let i = 0; i < n; i++) {
    if (bytes[i] === 0) {
      if (i % 2 === 0) zeroEven++;
      else zeroOdd++;
    }
  }
  const units = n / 2;
  if (zeroEven === 0 && zeroOdd >= units * 0.5) return 'utf-16le';
  if (zeroOdd === 0 && zeroEven >= units * 0.5) return 'utf-16be';
  return undefined;
}

/**
 * Length of the valid UTF-8 sequence starting at `i` (WHATWG rules: no overlongs, surrogates or code points
 * above U+10FFFF), or 0 when the byte there does not start one.
 */
function utf8SequenceLength(bytes: Uint8Array, i: number): number {
  const b = bytes[i]!;
  if (b < 0x80) return 1;
  const cont = (k: number, lo = 0x80, hi = 0xbf): boolean => {
    const c = bytes[i + k];
    return c !== undefined && c >= lo && c <= hi;
  };
  if (b >= 0xc2 && b <= 0xdf) return cont(1) ? 2 : 0;
  if (b === 0xe0) return cont(1, 0xa0) && cont(2) ? 3 : 0;
  if ((b >= 0xe1 && b <= 0xec) || b === 0xee || b === 0xef) return cont(1) && cont(2) ? 3 : 0;
  if (b === 0xed) return cont(1, 0x80, 0x9f) && cont(2) ? 3 : 0;
  if (b === 0xf0) return cont(1, 0x90) && cont(2) && cont(3) ? 4 : 0;
  if (b >= 0xf1 && b <= 0xf3) return cont(1) && cont(2) && cont(3) ? 4 : 0;
  if (b === 0xf4) return cont(1, 0x80, 0x8f) && cont(2) && cont(3) ? 4 : 0;
  return 0;
}

/**
 * Whether invalid UTF-8 is UTF-8 damaged by a few stray bytes (a wire edited in UTF-8 with one pasted
 * windows-1252 apostrophe) rather than a legacy encoding: at least as many valid multi-byte sequences as bad
 * bytes. French windows-1252 text almost never forms valid multi-byte sequences (an accented letter would have
 * to be followed by a byte in 0x80–0xBF), so it scores near zero and goes to chardet.
 */
function mostlyUtf8(bytes: Uint8Array): boolean {
  let multi = 0;
  let bad = 0;
  for (let i = 0; i < bytes.length; ) {
    const len = utf8SequenceLength(bytes, i);
    if (len === 0) {
      bad++;
      i++;
    } else {
      if (len > 1) multi++;
      i += len;
    }
  }
  return multi > 0 && multi >= bad;
}

/** UTF-8 where each byte that starts no valid sequence is read as windows-1252 instead of U+FFFD. */
function decodeUtf8Lenient(bytes: Uint8Array): string {
  const strict = tryUtf8(bytes);
  if (strict !== undefined) return strict;
  const parts: string[] = [];
  let runStart = 0;
  for (let i = 0; i < bytes.length; ) {
    const len = utf8SequenceLength(bytes, i);
    if (len > 0) {
      i += len;
      continue;
    }
    if (i > runStart) parts.push(utf8.decode(bytes.subarray(runStart, i)));
    parts.push(cp1252Char(bytes[i]!));
    i++;
    runStart = i;
  }
  if (runStart < bytes.length) parts.push(utf8.decode(bytes.subarray(runStart)));
  return parts.join('');
}

/** Encodings chardet may name that these bytes cannot be: they are not valid UTF-8 and hold no NUL byte. */
const IMPOSSIBLE = /^(utf-?8|utf-?16|utf-?32)/i;
/** chardet names read as windows-1252 (WHATWG: the `iso-8859-1` and `ascii` labels mean windows-1252). */
const LATIN1 = /^(iso-8859-1|windows-1252)$/i;
/** chardet's zero-confidence `ASCII` entry: never right here (there are bytes above 0x7F), read as windows-1252. */
const ASCII = /^(us-)?ascii$/i;
/**
 * How far below chardet's best guess windows-1252 may score and still win. On a short French sentence chardet
 * scores windows-1252 and windows-1250 alike (61 each, measured), and a wrong Central European pick turns
 * œ into ś; this tool reads French, so ties go to windows-1252.
 */
const LATIN1_MARGIN = 15;

/**
 * The charset an HTML page declares in its first 1024 bytes (`<meta charset=…>` or `<meta http-equiv=… content="…;
 * charset=…">`, the window of WHATWG's prescan). Only asked once the bytes are known not to be UTF-8: it is what
 * tells ISO-8859-15 (€ at 0xA4) from windows-1252, which no statistical detector can.
 */
function declaredCharset(bytes: Uint8Array): string | undefined {
  let head = '';
  const n = Math.min(bytes.length, 1024);
  for (let i = 0; i < n; i++) head += String.fromCharCode(bytes[i]!);
  const m = /<meta\b[^>]*?charset\s*=\s*["']?\s*([a-z0-9_.:()-]+)/i.exec(head);
  return m ? m[1]!.toLowerCase() : undefined;
}

function decodeLegacy(bytes: Uint8Array): DecodedText {
  const declared = declaredCharset(bytes);
  if (declared && !IMPOSSIBLE.test(declared)) {
    if (LATIN1.test(declared) || ASCII.test(declared) || declared === 'latin1') {
      return { text: decodeWindows1252(bytes), encoding: 'windows-1252' };
    }
    const lib = loadIconv();
    if (lib.encodingExists(declared)) {
      return { text: lib.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), declared), encoding: declared };
    }
  }
  let name = 'windows-1252';
  try {
    const candidates = loadChardet()
      .analyse(bytes.subarray(0, CHARDET_SAMPLE))
      .filter((c) => !IMPOSSIBLE.test(c.name) && !ASCII.test(c.name));
    const best = candidates[0];
    const latin = candidates.find((c) => LATIN1.test(c.name) && c.confidence > 0);
    if (best && !(latin && latin.confidence >= best.confidence - LATIN1_MARGIN) && !LATIN1.test(best.name)) {
      name = best.name.toLowerCase();
    }
  } catch {
    // chardet failing is no reason to refuse the input: fall through to windows-1252.
  }
  if (name === 'windows-1252') return { text: decodeWindows1252(bytes), encoding: name };
  const lib = loadIconv();
  if (!lib.encodingExists(name)) return { text: decodeWindows1252(bytes), encoding: 'windows-1252' };
  return { text: lib.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), name), encoding: name };
}

/**
 * windows-1252 through iconv-lite (0x92 → U+2019, 0x80 → €, 0x9C → œ; undefined bytes → U+FFFD).
 * @param bytes windows-1252 bytes
 */
export function decodeWindows1252(bytes: Uint8Array): string {
  return loadIconv().decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), 'windows-1252');
}

/**
 * Counts characters that do not occur in text: C0 controls other than tab, LF, FF and CR; DEL; C1 controls; and,
 * with `replacement`, U+FFFD, which decoding produces for bytes that mean nothing in the chosen encoding.
 */
function countControls(text: string, replacement: boolean): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x20) {
      if (c !== 9 && c !== 10 && c !== 12 && c !== 13) n++;
    } else if ((c >= 0x7f && c <= 0x9f) || (replacement && c === 0xfffd)) n++;
  }
  return n;
}
