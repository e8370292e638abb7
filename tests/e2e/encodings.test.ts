// The same article in UTF-8, windows-1252, and UTF-8 with BOM and CRLF: same verdict, same decoded paragraphs.
import { describe, expect, test } from '@jest/globals';
import iconv from 'iconv-lite';
import { readFileSync } from 'node:fs';
import { check } from '../../src/api.js';

const ARTICLES = ['seeds/000_22f5c933d92a2ddd.txt', 'seeds/003_86d609dcec19a228.txt', 'tests/fixtures/e2e/human-guillemets/input.txt'];

describe.each(ARTICLES)('%s', (path) => {
  const text = readFileSync(path, 'utf8');
  const variants: Record<string, Uint8Array> = {
    'windows-1252': iconv.encode(text, 'win1252'),
    'utf-8 with BOM and CRLF': Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text.replace(/\n/g, '\r\n'), 'utf8')]),
    'utf-16le with BOM': Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]),
  };

  test.each(Object.keys(variants))('%s', async (name) => {
    const reference = await check(text);
    const variant = await check(variants[name]!);
    expect(variant.verdict).toBe(reference.verdict);
    expect(variant.machineProbability).toBe(reference.machineProbability);
    expect(variant.paragraphs.map((p) => [p.kind, p.line, p.column, p.text])).toEqual(
      reference.paragraphs.map((p) => [p.kind, p.line, p.column, p.text]),
    );
    // Accented letters, the no-break space and the curly apostrophe survive decoding.
    expect(variant.paragraphs.map((p) => p.text).join('\n')).toBe(reference.paragraphs.map((p) => p.text).join('\n'));
    if (name === 'windows-1252') expect(variant.encoding).toBe('windows-1252');
  });
});
