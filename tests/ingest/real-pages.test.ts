// Extracts the real news pages of /work/shared/data/real-pages in place (never copied: the texts are copyrighted).
import { describe, expect, test } from '@jest/globals';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ingestBytes } from '../../src/ingest/read.js';
import { inexactCharacters, toSource } from './helpers.js';

/**
 * Pages saved by Mozilla Readability's test suite, with its expected metadata (see the folder's README).
 * Override with WIREPROOF_REAL_PAGES; the test skips when the folder is absent (e.g. on CI machines without it).
 */
const DIR = process.env.WIREPROOF_REAL_PAGES ?? '/work/shared/data/real-pages';
const pages = existsSync(DIR)
  ? readdirSync(DIR)
      .filter((name) => name.endsWith('.html') && existsSync(join(DIR, name.replace(/\.html$/, '.metadata.json'))))
      .sort()
  : [];

interface Metadata {
  title: string;
  lang?: string;
}

describe('real pages', () => {
  if (pages.length === 0) {
    test.skip(`skipped: no real pages found in ${DIR} (folder absent; set WIREPROOF_REAL_PAGES to run)`, () => undefined);
    return;
  }

  test.each(pages)('%s: title, language and positioned blocks', async (name) => {
    const bytes = readFileSync(join(DIR, name));
    const metadata = JSON.parse(readFileSync(join(DIR, name.replace(/\.html$/, '.metadata.json')), 'utf8')) as Metadata;
    const input = await ingestBytes(bytes, name);
    expect(input.format).toBe('html');
    expect(input.title).toBe(metadata.title);
    expect(input.declaredLanguage).toBe(metadata.lang ? metadata.lang.slice(0, 2).toLowerCase() : undefined);

    const blocks = input.blocks ?? [];
    expect(blocks.length).toBeGreaterThanOrEqual(3);
    const words = blocks.reduce((n, b) => n + b.text.split(' ').length, 0);
    expect(words).toBeGreaterThan(150);
    const problems: string[] = [];
    for (const block of blocks) {
      // Every character maps inside the source, to itself or to the start of the reference it was decoded from.
      const inexact = inexactCharacters(input.source, block).filter((i) => input.source[toSource(block.offsets, i)] !== '&');
      if (inexact.length > 0) problems.push(`${block.offset}: ${inexact.length} inexact in ${block.text.slice(0, 40)}`);
    }
    expect(problems).toEqual([]);
  });
});
