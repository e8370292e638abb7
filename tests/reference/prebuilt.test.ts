// The stored index of the shipped phrasings equals the one built at start-up, array for array, and finds the same matches.
import { describe, expect, test } from '@jest/globals';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { findPhrasings } from '../../src/reference/match.js';
import { freshDist } from '../support/dist.js';
import { defaultPhrasingsPath, loadPhrasings } from '../../src/reference/phrasings.js';
import { buildPhrasingIndex, type PhrasingIndex } from '../../src/reference/shingle-index.js';

/**
 * The build stores the index beside dist/'s modules; the tests run from src/, so the test loads dist's module to read
 * dist's file, as the bin does (skipped when dist/ is missing or older than the sources).
 */
const dist = join(process.cwd(), 'dist', 'reference', 'prebuilt.js');
const built = freshDist('dist/phrasings.index.json') !== null && freshDist('dist/reference/prebuilt.js') !== null;

describe('prebuilt phrasing index', () => {
  (built ? test : test.skip)('restores an index equal to a fresh build, and matches the same spans in the seeds', async () => {
    const { readPrebuiltIndex } = (await import(dist)) as { readPrebuiltIndex: (p: unknown) => PhrasingIndex | undefined };
    const phrasings = loadPhrasings([defaultPhrasingsPath()]);
    const restored = readPrebuiltIndex(phrasings);
    expect(restored).toBeDefined();
    const fresh = buildPhrasingIndex(phrasings);
    for (const key of Object.keys(fresh) as (keyof PhrasingIndex)[]) {
      if (key === 'scratch' || key === 'phrasings') continue;
      const a = fresh[key] as unknown;
      const b = restored![key] as unknown;
      if (ArrayBuffer.isView(a)) expect(Array.from(b as Int32Array)).toEqual(Array.from(a as Int32Array));
      else if (a instanceof Map) expect([...(b as Map<string, number>)]).toEqual([...a]);
      else if (key === 'pairSlot') expect(JSON.stringify((b as { dump(): unknown }).dump())).toBe(JSON.stringify((a as { dump(): unknown }).dump()));
      else expect(b).toEqual(a);
    }
    for (const f of readdirSync('seeds').filter((n) => n.endsWith('.txt'))) {
      for (const p of readFileSync(join('seeds', f), 'utf8').split(/\n\s*\n/)) {
        expect(findPhrasings(p, restored!, { language: 'fr' })).toEqual(findPhrasings(p, fresh, { language: 'fr' }));
      }
    }
  });

  (built ? test : test.skip)('is ignored for phrasings that are not the ones it was built from', async () => {
    const { readPrebuiltIndex } = (await import(dist)) as { readPrebuiltIndex: (p: unknown) => PhrasingIndex | undefined };
    const phrasings = loadPhrasings([defaultPhrasingsPath()]);
    expect(readPrebuiltIndex(phrasings.slice(1))).toBeUndefined();
  });
});
