// Property tests: decodeBytes and extractHtml never throw on arbitrary input, and every mapped offset is in the source.
import { describe, expect, test } from '@jest/globals';
import fc from 'fast-check';
import { parseHTML } from 'linkedom';
import { decodeBytes, normalizeLineEndings } from '../../src/ingest/decode.js';
import { extractHtml } from '../../src/ingest/html.js';
import { tokenizeHtml } from '../../src/ingest/html-tokens.js';
import { WireproofError } from '../../src/types.js';
import { toSource } from './helpers.js';

/** Pieces of markup that exercise the tokenizer, the entity decoder and Readability. */
const MARKUP = fc.constantFrom(
  '<p>', '</p>', '<P class="x">', '<div>', '</div>', '<h1>', '</h1>', '<h2>', '<li>', '<ul>', '</ul>', '<br>', '</br>',
  '<b>', '</b>', '<a href="/x>y">', '</a>', '<blockquote>', '<pre>', '<table><tr><td>', '<svg>', '<svg/>', '</svg>',
  '<p/>', '<script>', '</script>', '<style>', '</style>', '<title>', '</title>', '<textarea>', '<!--', '-->', '<!---->',
  '<![CDATA[', ']]>', '<!doctype html>', '<html lang="fr">', '<body>', '<nav>', '</nav>', '<footer>', '<aside>',
  '&amp;', '&eacute;', '&eacute', '&#146;', '&#x2019;', '&#0;', '&nbsp;', '&hearts;', '&bogus', '&', '<', '>', '"', "'",
  ' ', '\n', '\t', '\u00a0',
);
const WORDS = fc.constantFrom(
  'Le président a déclaré', 'L’économie', 'œuvre à 5 €', 'PARIS (Reuters) -', '« Nous restons prudents »',
  'La croissance de la zone euro a été révisée en baisse par la Commission européenne, qui table sur 0,8 %. ',
);
const SOUP = fc.array(fc.oneof(MARKUP, WORDS, fc.string({ maxLength: 8 })), { maxLength: 50 }).map((parts) => parts.join(''));

/** Checks the invariants of extractHtml's output on one source. */
function checkExtraction(source: string): void {
  const result = extractHtml(source);
  expect(Array.isArray(result.blocks)).toBe(true);
  for (const block of result.blocks) {
    expect(block.text.length).toBeGreaterThan(0);
    expect(block.text).toBe(block.text.trim());
    // White space collapsed to single spaces; a line break (a <br>) stands alone.
    expect(block.text).not.toMatch(/[ \t\n\f\r]{2}|[\t\f\r]/);
    expect(block.offsets[0]?.[0]).toBe(0);
    expect(block.offset).toBe(block.offsets[0]![1]);
    for (let k = 1; k < block.offsets.length; k++) expect(block.offsets[k]![0]).toBeGreaterThan(block.offsets[k - 1]![0]);
    let outside = 0;
    for (let i = 0; i < block.text.length; i++) {
      const at = toSource(block.offsets, i);
      if (!(at >= 0 && at < source.length)) outside++;
    }
    expect(outside).toBe(0);
  }
  if (result.language !== undefined) expect(result.language).toMatch(/^[a-z]{2}$/);
}

describe('properties', () => {
  test('decodeBytes never throws on arbitrary bytes, except the binary WireproofError', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 600 }), (bytes) => {
        try {
          const { text, encoding } = decodeBytes(bytes, 'fuzz.bin');
          expect(text).not.toContain('\r');
          expect(encoding).toMatch(/^[a-z0-9_-]+$/);
        } catch (error) {
          expect(error).toBeInstanceOf(WireproofError);
          expect((error as WireproofError).code).toBe('binary');
          expect((error as WireproofError).message).toMatch(/^fuzz\.bin: binary file \([^\n]+\)$/);
        }
      }),
      { numRuns: 400 },
    );
  });

  test('UTF-8 text round-trips (line endings normalised), or is refused as binary', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 200 }), (text) => {
        try {
          expect(decodeBytes(new TextEncoder().encode(text), 'f').text).toBe(normalizeLineEndings(text.replace(/^\ufeff/, '')));
        } catch (error) {
          expect((error as WireproofError).code).toBe('binary');
        }
      }),
      { numRuns: 300 },
    );
  });

  test('extractHtml never throws on arbitrary strings and maps inside the source', () => {
    fc.assert(fc.property(fc.string({ maxLength: 300 }), checkExtraction), { numRuns: 200 });
  });

  test('the tokenizer sees the elements linkedom creates: same count per tag name on tag soup', () => {
    // This is what makes "the k-th <p in the source is the k-th p element" hold; 20,000 runs found no difference.
    const counts = (source: string): Record<string, number> => {
      const { document } = parseHTML(source) as unknown as { document: { querySelectorAll(s: string): ArrayLike<{ localName: string }> } };
      const out: Record<string, number> = {};
      for (const el of Array.from(document.querySelectorAll('*'))) out[el.localName.toLowerCase()] = (out[el.localName.toLowerCase()] ?? 0) + 1;
      return out;
    };
    const TRICKY = fc.constantFrom(
      '</ p>', '</>', '</3', '< p>', '<p\n>', "<p a='>'>", '<p a=b>', '<img/>', '</img>', '<math>', '</math>',
      '<foreignObject>', '</foreignObject>', '<select>', '<option>', '<button>', '<input>', '<dd>', '<dt>', '<tbody>',
      '<?php x ?>', '<xmp>', '</xmp>', '</textarea>', '/', '=',
    );
    fc.assert(
      fc.property(fc.array(fc.oneof(MARKUP, TRICKY), { maxLength: 40 }), (parts) => {
        const source = parts.join('');
        const tokenized: Record<string, number> = {};
        for (const [name, list] of tokenizeHtml(source).starts) tokenized[name] = list.length;
        expect(tokenized).toEqual(counts(source));
      }),
      { numRuns: 1000 },
    );
  });

  test('extractHtml never throws on tag soup and maps inside the source', () => {
    fc.assert(fc.property(SOUP, checkExtraction), { numRuns: 300 });
  });
});
