// Public API: check() never prints or exits; input problems become reports, caller mistakes throw.
import { describe, expect, test } from '@jest/globals';
import { existsSync } from 'node:fs';
import { check, checkFiles, rulesMeta } from '../src/api.js';

describe('api', () => {
  test('check(text) returns a report; bytes that are binary give an error report, not an exception', async () => {
    const report = await check('Le ministre a présenté mardi un plan de relance destiné aux petites entreprises du secteur agricole.');
    expect(report.paragraphs).toHaveLength(1);
    expect(report.error).toBeUndefined();
    const binary = await check(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d, 0, 1, 2, 3, 0, 0, 0, 0]));
    expect(binary.error?.code).toBe('binary');
  });

  test('a missing source file or a bad prior is the caller’s error: it throws', async () => {
    await expect(check('Un texte.', { source: '/no/such/original.en.txt' })).rejects.toThrow(/original\.en\.txt/);
    await expect(check('Un texte.', { prior: 0 })).rejects.toThrow(/prior/);
    await expect(checkFiles(['seeds/000_22f5c933d92a2ddd.txt'], { source: '/no/such/original.en.txt' })).rejects.toThrow(/original\.en\.txt/);
  });

  test('an unknown rule id or level in options.rules is the caller’s error: it throws, as the CLI exits 2', async () => {
    await expect(check('Un texte.', { rules: { 'ric-codes': 'off' } })).rejects.toThrow(/rules\.ric-codes: unknown rule \(known: .*ric-code/);
    await expect(check('Un texte.', { rules: { 'ric-code': 'loud' as 'off' } })).rejects.toThrow(/rules\.ric-code: level must be error, warning, info or off/);
    await expect(check('Un texte.', { rules: { toString: 'off' as const } })).rejects.toThrow(/unknown rule/);
    await expect(checkFiles(['seeds/000_22f5c933d92a2ddd.txt'], { rules: { 'no-such-rule': 'off' } })).rejects.toThrow(/unknown rule/);
    expect((await check('Un texte.', { rules: { 'ric-code': 'off', 'wording-drift': 'error' } })).error).toBeUndefined();
  });

  test('languages: ISO 639-1 codes in any case or with a region, or ISO 639-3; an unknown code or an empty list throws', async () => {
    const text = "Le ministre a présenté mardi un plan de relance destiné aux petites entreprises du secteur agricole, d 'après le communiqué.";
    const plain = await check(text);
    expect(plain.language).toBe('fr');
    for (const languages of [['fr'], ['FR'], ['fr-FR'], ['fr_CA'], ['fra', 'eng']]) {
      const report = await check(text, { languages });
      expect([report.language, report.paragraphs.map((p) => p.signals.map((s) => s.ruleId))]).toEqual([plain.language, plain.paragraphs.map((p) => p.signals.map((s) => s.ruleId))]);
    }
    await expect(check(text, { languages: ['french'] })).rejects.toThrow(/^languages: unknown language code "french" \(known: fr, en/);
    await expect(check(text, { languages: ['xx'] })).rejects.toThrow(/unknown language code "xx"/);
    await expect(check(text, { languages: [] })).rejects.toThrow(/give at least one language code/);
    await expect(check(text, { languages: 'fr' as unknown as string[] })).rejects.toThrow(/expected an array/);
  });

  test('every registered rule has a kebab-case id and a docs page that exists', () => {
    for (const [id, meta] of Object.entries(rulesMeta())) {
      expect(id).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
      expect(meta.docs).toBe(`docs/rules/${id}.md`);
      expect(existsSync(meta.docs)).toBe(true);
    }
  });
});
