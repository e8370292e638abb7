// Rule ids are ordered by code units; for the registered rules that is the order localeCompare gave, in any locale.
import { describe, expect, it } from '@jest/globals';
import { rulesMeta } from '../../src/api.js';
import { compareCodeUnits } from '../../src/util/compare.js';

describe('compareCodeUnits', () => {
  it('orders like < and >', () => {
    expect(['b', 'a-b', 'ab', 'a', 'B', ''].sort(compareCodeUnits)).toEqual(['', 'B', 'a', 'a-b', 'ab', 'b']);
  });

  it('gives every pair of registered rule ids the order localeCompare gave them, in several locales', () => {
    const ids = Object.keys(rulesMeta());
    expect(ids.length).toBeGreaterThan(10);
    for (const locale of [undefined, 'en', 'fr', 'de', 'sv', 'da', 'tr']) {
      for (const a of ids) for (const b of ids) expect([a, b, Math.sign(a.localeCompare(b, locale))]).toEqual([a, b, compareCodeUnits(a, b)]);
    }
  });
});
