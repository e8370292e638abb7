// Which signals become lint messages: machine evidence, weight-0 findings of rules that say so, and human evidence only when asked for.
import { describe, expect, test } from '@jest/globals';
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { check, rulesMeta } from '../../src/api.js';
import { loadCorpora } from '../../src/corpora/index.js';
import { ingestBytes } from '../../src/ingest/read.js';
import { buildMessages, fingerprint } from '../../src/score/messages.js';
import { segment } from '../../src/segment/paragraphs.js';
import type { Signal } from '../../src/types.js';
import { LineIndex } from '../../src/util/positions.js';

const TEXT = 'Titre\n\nLe porte-parole de la société a refusé de commenter les chiffres publiés mardi par le ministère.';

async function messagesFor(signals: Array<Pick<Signal, 'ruleId' | 'weight'>>, levels: Record<string, 'off' | 'info' | 'warning' | 'error'> = {}) {
  const doc = await ingestBytes(new TextEncoder().encode(TEXT), 'wire.txt', { format: 'text' });
  const { paragraphs } = segment(doc, loadCorpora());
  const full: Signal[] = signals.map((s) => ({ ...s, message: s.ruleId, paragraph: 2, start: 3, end: 14, scope: 'paragraph', evidence: 'artefact' }));
  return buildMessages('uncertain', 0.5, paragraphs, full, rulesMeta(), levels, new LineIndex(doc.source)).map((m) => `${m.ruleId} ${m.severity} ${m.line}:${m.column}`);
}

describe('buildMessages', () => {
  test.each([
    // [rule, weight, expected messages]
    ['ric-code', 1.5, ['ric-code warning 3:4']],
    ['ric-code', 0, []],
    ['credit-line', 0, []], // the English credit line left untranslated: reported in signals, no evidence either way
    ['credit-line', -2.5, []], // the human desk's credit line: evidence of human work is never a problem
    ['typography', -0.1, []],
    ['wording-drift', 0, ['wording-drift warning 3:4']],
    ['machine-phrasing', 0, ['machine-phrasing info 3:4']], // already weighed by a calque: keeps its message
    ['house-phrasing', -0.5, []],
    ['source-number', 0, ['source-number warning 3:4']],
    ['source-name', 0, ['source-name warning 3:4']],
    ['source-quote', 0, ['source-quote warning 3:4']],
    ['source-paragraphs', 0, ['source-paragraphs warning 3:4']],
    ['source-untranslated', 0.8, ['source-untranslated warning 3:4']],
  ])('%s at weight %d', async (ruleId, weight, expected) => {
    expect(await messagesFor([{ ruleId, weight }])).toEqual(expected);
  });

  test('a finding rule set to off or to another level is honoured', async () => {
    expect(await messagesFor([{ ruleId: 'source-number', weight: 0 }], { 'source-number': 'off' })).toEqual([]);
    expect(await messagesFor([{ ruleId: 'wording-drift', weight: 0 }], { 'wording-drift': 'error' })).toEqual(['wording-drift error 3:4']);
  });

  test('evidence of human work is a message only when asked for: a rule off by default given a level (review)', async () => {
    expect(await messagesFor([{ ruleId: 'house-phrasing', weight: -0.5 }], { 'house-phrasing': 'info' })).toEqual(['house-phrasing info 3:4']);
    // Listed, never a problem: info whatever the level (an error made human copy fail a CI run).
    expect(await messagesFor([{ ruleId: 'intrinsic-style', weight: -0.4 }], { 'intrinsic-style': 'error' })).toEqual(['intrinsic-style info 3:4']);
    expect(await messagesFor([{ ruleId: 'intrinsic-style', weight: 0.4 }], { 'intrinsic-style': 'error' })).toEqual(['intrinsic-style error 3:4']);
    expect(await messagesFor([{ ruleId: 'house-phrasing', weight: -0.5 }], { 'house-phrasing': 'off' })).toEqual([]);
    // A rule on by default keeps human evidence out of its messages, whatever its level.
    expect(await messagesFor([{ ruleId: 'typography', weight: -0.1 }], { typography: 'warning' })).toEqual([]);
    expect(await messagesFor([{ ruleId: 'credit-line', weight: -2.5 }], { 'credit-line': 'error' })).toEqual([]);
  });

  test('only the drift and source rules (and machine-phrasing) are findings at weight 0', () => {
    const findings = Object.values(rulesMeta())
      .filter((m) => m.messages === 'finding')
      .map((m) => m.id)
      .sort();
    expect(findings).toEqual(['machine-phrasing', 'source-language', 'source-name', 'source-number', 'source-paragraphs', 'source-quote', 'source-untranslated', 'wording-drift']);
  });
});

describe('check() with a source: a changed number is a message, not only a signal', () => {
  test('source-number reaches the messages at its default severity', async () => {
    const en = join(tmpdir(), `wireproof-messages-${process.pid}.en.txt`);
    writeFileSync(en, 'NATO, a 32-member alliance, reported sales of 2.9 million units to Americans in 2025.\n');
    const fr = "L'OTAN, une alliance de 23 membres, a déclaré des ventes de 2,9 millions d'unités aux Américains en 2025.";
    const report = await check(fr, { source: en });
    const number = report.messages.filter((m) => m.ruleId === 'source-number');
    expect(number.map((m) => [m.severity, m.line, m.column])).toEqual([['warning', 1, fr.indexOf('23') + 1]]);
  });
});

describe('fingerprints', () => {
  test('are the first 32 hex digits of sha256(rule \\0 folded paragraph \\0 folded match \\0 occurrence): baselines keep them', () => {
    // The literal is sha256("wording-drift\0abc\0x\00") computed apart (node:crypto, one update).
    expect(fingerprint('wording-drift', 'abc', 'x', 0)).toBe('2cd863a57a50ccad0a7efd477c790800');
  });

  test('equal fingerprint() of rule, paragraph text, matched text and occurrence; repeated text counts on', async () => {
    // Two paragraphs with the same text and a repeated match in each: four messages, four fingerprints.
    const para = "Le groupe d 'investissement et l' élimination des coûts, d 'après Palantir PLTR.O , ont été annoncés mardi.";
    const text = `${para}\n\n${para}`;
    const report = await check(text);
    const paragraphs = report.paragraphs;
    const seen = new Map<string, number>();
    const expected = report.messages
      .filter((m) => m.paragraph > 0)
      .map((m) => {
        const p = paragraphs.find((q) => q.index === m.paragraph)!;
        const signal = p.signals.find((s) => s.ruleId === m.ruleId && s.line === m.line && s.column === m.column)!;
        const actual = signal.actual ?? '';
        const key = `${m.ruleId}\u0000${p.text}\u0000${actual}`;
        const occurrence = seen.get(key) ?? 0;
        seen.set(key, occurrence + 1);
        return fingerprint(m.ruleId, p.text, actual, occurrence);
      });
    const got = report.messages.filter((m) => m.paragraph > 0).map((m) => m.fingerprint);
    expect(got.filter((m) => m).length).toBeGreaterThanOrEqual(6);
    expect(got).toEqual(expected);
    expect(new Set(got).size).toBe(got.length);
  });
});

