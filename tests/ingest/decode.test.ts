// Tests for decodeBytes: the same wire in every supported encoding, line endings, binary refusal, empty input.
import { describe, expect, test } from '@jest/globals';
import iconv from 'iconv-lite';
import { decodeBytes, normalizeLineEndings } from '../../src/ingest/decode.js';
import { WireproofError } from '../../src/types.js';
import { ARTICLE_FR } from './helpers.js';

const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);
const bytes = (...parts: Array<Uint8Array | number[] | string>): Uint8Array =>
  Uint8Array.from(parts.flatMap((p) => (typeof p === 'string' ? [...utf8(p)] : [...p])));

/** The article with CRLF line endings, as a Windows editor saves it. */
const CRLF = ARTICLE_FR.replace(/\n/g, '\r\n');

describe('decodeBytes: one article, every encoding', () => {
  const cases: Array<[string, Uint8Array, string]> = [
    ['UTF-8', utf8(ARTICLE_FR), 'utf-8'],
    ['UTF-8 with BOM', bytes([0xef, 0xbb, 0xbf], ARTICLE_FR), 'utf-8'],
    ['UTF-16LE with BOM', bytes([0xff, 0xfe], iconv.encode(ARTICLE_FR, 'utf16le')), 'utf-16le'],
    ['UTF-16BE with BOM', bytes([0xfe, 0xff], iconv.encode(ARTICLE_FR, 'utf16be')), 'utf-16be'],
    ['UTF-16LE without BOM', iconv.encode(ARTICLE_FR, 'utf16le'), 'utf-16le'],
    ['windows-1252', iconv.encode(ARTICLE_FR, 'windows-1252'), 'windows-1252'],
    ['UTF-8 with CRLF', utf8(CRLF), 'utf-8'],
    ['UTF-8 with lone CR', utf8(ARTICLE_FR.replace(/\n/g, '\r')), 'utf-8'],
    ['windows-1252 with CRLF', iconv.encode(CRLF, 'windows-1252'), 'windows-1252'],
    ['UTF-16LE with BOM and CRLF', bytes([0xff, 0xfe], iconv.encode(CRLF, 'utf16le')), 'utf-16le'],
  ];

  test.each(cases)('%s decodes to the same text', (_label, input, encoding) => {
    const result = decodeBytes(input, 'article.txt');
    expect(result.encoding).toBe(encoding);
    expect(result.text).toBe(ARTICLE_FR);
  });

  test('the fixture really holds the characters that break naive decoders', () => {
    for (const ch of ['’', '€', 'œ', 'Œ', 'É', '«', '»', '–', '\u00a0']) expect(ARTICLE_FR).toContain(ch);
  });

  test('the BOM is stripped', () => {
    expect(decodeBytes(bytes([0xef, 0xbb, 0xbf], 'abc'), 'f').text).toBe('abc');
    expect(decodeBytes(bytes([0xef, 0xbb, 0xbf]), 'f')).toEqual({ text: '', encoding: 'utf-8' });
    expect(decodeBytes(bytes([0xff, 0xfe], iconv.encode('é', 'utf16le')), 'f').text).toBe('é');
  });
});

describe('decodeBytes: windows-1252', () => {
  test('0x92 is ’, 0x80 is €, 0x9C is œ (iconv-lite, not Node’s TextDecoder, which gives C1 controls)', () => {
    const input = bytes('L', [0x92], 'ann', [0xe9], 'e du c', [0x9c], 'ur co', [0xfb], 'te 5 ', [0x80], '.');
    expect(decodeBytes(input, 'f')).toEqual({ text: 'L’année du cœur coûte 5 €.', encoding: 'windows-1252' });
  });

  test('ISO-8859-1 detections are read as windows-1252', () => {
    // chardet calls French Latin text ISO-8859-1; the 0x80–0x9F bytes must still be the windows-1252 characters.
    const text = 'Le gouvernement a annoncé mercredi une hausse de 3 € du prix, a déclaré l’Élysée à la presse.';
    expect(decodeBytes(iconv.encode(text, 'windows-1252'), 'f')).toEqual({ text, encoding: 'windows-1252' });
  });

  test('a short sentence where chardet ties windows-1252 and windows-1250 is read as windows-1252', () => {
    expect(decodeBytes(iconv.encode('Le cœur à 5 €', 'windows-1252'), 'f').text).toBe('Le cœur à 5 €');
  });

  test('other legacy encodings are still detected', () => {
    const text = 'Москва — столица России, крупнейший город страны и важный экономический центр.';
    expect(decodeBytes(iconv.encode(text, 'windows-1251'), 'f')).toEqual({ text, encoding: 'windows-1251' });
  });

  test('UTF-8 with a stray windows-1252 byte keeps its UTF-8 and reads the stray byte as windows-1252', () => {
    const input = bytes('L’économie française ', [0x92], ' résiste');
    expect(decodeBytes(input, 'f')).toEqual({ text: 'L’économie française ’ résiste', encoding: 'utf-8' });
  });
});

describe('decodeBytes: charset declared by an HTML page', () => {
  const page = (charset: string): string =>
    `<!doctype html><html lang="fr"><head><meta charset="${charset}"><title>Prix</title></head><body><p>Le billet coûte 5 € à l’été.</p></body></html>`;

  test('ISO-8859-15 (€ at 0xA4), which statistics cannot tell from windows-1252', () => {
    const text = page('ISO-8859-15').replace('’', "'");
    expect(decodeBytes(iconv.encode(text, 'iso-8859-15'), 'p.html')).toEqual({ text, encoding: 'iso-8859-15' });
  });

  test('a declared iso-8859-1 is read as windows-1252', () => {
    const text = page('iso-8859-1');
    expect(decodeBytes(iconv.encode(text, 'windows-1252'), 'p.html')).toEqual({ text, encoding: 'windows-1252' });
  });

  test('a page declaring a legacy charset but valid as UTF-8 is UTF-8', () => {
    const text = page('windows-1252');
    expect(decodeBytes(new TextEncoder().encode(text), 'p.html')).toEqual({ text, encoding: 'utf-8' });
  });
});

describe('decodeBytes: line endings', () => {
  test('CRLF and lone CR become LF', () => {
    expect(decodeBytes(utf8('a\r\nb\rc\n\r\nd'), 'f').text).toBe('a\nb\nc\n\nd');
    expect(normalizeLineEndings('x\r\r\ny')).toBe('x\n\ny');
  });
});

describe('decodeBytes: binary and empty input', () => {
  // A PNG signature and IHDR chunk header, then pseudo-random bytes that include NULs.
  const png = bytes(
    [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52],
    Array.from({ length: 512 }, (_, i) => (i * 7919 + 13) % 256),
  );

  test('a PNG is refused as binary with a one-line message naming the file', () => {
    let error: unknown;
    try {
      decodeBytes(png, 'photo.png');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(WireproofError);
    const e = error as WireproofError;
    expect(e.code).toBe('binary');
    expect(e.file).toBe('photo.png');
    expect(e.message).toMatch(/^photo\.png: binary file \(NUL byte at offset 8\)$/);
  });

  test('control characters without NUL bytes are binary too', () => {
    const noisy = Uint8Array.from({ length: 400 }, (_, i) => 1 + ((i * 53) % 255));
    expect(() => decodeBytes(noisy, 'noise.bin')).toThrow(/^noise\.bin: binary file \(\d+ of \d+ characters are control characters\)$/);
  });

  test('U+FFFD written in valid UTF-8 is text (a lossy conversion upstream), with or without a BOM', () => {
    const text = 'Le pr\uFFFDsident fran\uFFFDais a d\uFFFDclar\uFFFD mardi que le gouvernement allait r\uFFFDformer les retraites.';
    expect(decodeBytes(utf8(text), 'fffd.txt')).toEqual({ text, encoding: 'utf-8' });
    expect(decodeBytes(bytes([0xef, 0xbb, 0xbf], utf8(text)), 'fffd.txt').text).toBe(text);
  });

  test('U+FFFD that decoding produced still counts: UTF-16 full of lone surrogates is binary', () => {
    // Each unit pair is a lone high surrogate (D800) then "a": the decoder turns each surrogate into U+FFFD.
    const units = Array.from({ length: 100 }, () => [0x00, 0xd8, 0x61, 0x00]).flat();
    expect(() => decodeBytes(bytes([0xff, 0xfe], units), 'u.txt')).toThrow(/^u\.txt: binary file \(100 of 200 characters/);
  });

  test('a file name with a newline still gives a one-line message', () => {
    expect(() => decodeBytes(png, 'a\nb.png')).toThrow(/^a\?b\.png: binary file/);
  });

  test('a few control characters in real text are tolerated', () => {
    const text = `${ARTICLE_FR}\f\u001a`;
    expect(decodeBytes(utf8(text), 'f').text).toBe(text);
  });

  test('empty input is empty UTF-8 text', () => {
    expect(decodeBytes(new Uint8Array(0), 'empty.txt')).toEqual({ text: '', encoding: 'utf-8' });
  });

  test('the input bytes are not modified', () => {
    const input = bytes([0xfe, 0xff], iconv.encode('abc', 'utf16be'));
    const copy = Uint8Array.from(input);
    decodeBytes(input, 'f');
    expect(input).toEqual(copy);
  });
});
