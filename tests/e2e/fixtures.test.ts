// End-to-end fixture folders: tests/fixtures/e2e/<case>/{input.*, options.json?, expected.json}; UPDATE_SNAPSHOT=1 rewrites.
import { describe, expect, test } from '@jest/globals';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkFile, type CheckOptions } from '../../src/api.js';
import type { Report } from '../../src/types.js';

const ROOT = join(import.meta.dirname, '..', 'fixtures', 'e2e');
const REPO = join(import.meta.dirname, '..', '..');
const UPDATE = process.env['UPDATE_SNAPSHOT'] === '1';

/** The part of a report a fixture pins down: readable, and stable under wording changes of messages. */
export function project(r: Report): unknown {
  return {
    verdict: r.verdict,
    machineProbability: r.machineProbability,
    language: r.language,
    encoding: r.encoding,
    notices: r.notices.map((n) => ({ id: n.id, agency: n.agency, paragraph: n.paragraph, line: n.line, column: n.column })),
    paragraphs: r.paragraphs.map((p) => ({
      index: p.index,
      at: `${p.line}:${p.column}-${p.endLine}:${p.endColumn}`,
      kind: p.kind,
      label: p.label,
      p: p.machineProbability,
      parts: p.logOddsParts ?? null,
      signals: p.signals.map((s) => `${s.line}:${s.column} ${s.ruleId}${s.actual ? ` ${JSON.stringify(s.actual)}` : ''}`),
    })),
    messages: r.messages.map((m) => `${m.line}:${m.column} ${m.severity} ${m.ruleId}`),
  };
}

const cases = existsSync(ROOT) ? readdirSync(ROOT).sort() : [];

describe('e2e fixtures', () => {
  test('there are fixture cases', () => {
    expect(cases.length).toBeGreaterThan(3);
  });
  test.each(cases)('%s', async (name) => {
    const dir = join(ROOT, name);
    const files = readdirSync(dir);
    const optionsFile = join(dir, 'options.json');
    const options = (existsSync(optionsFile) ? JSON.parse(readFileSync(optionsFile, 'utf8')) : {}) as CheckOptions & { input?: string };
    const input = options.input ? join(REPO, options.input) : join(dir, files.find((f) => f.startsWith('input.'))!);
    delete options.input;
    const report = await checkFile(input, options);
    const actual = project(report);
    const expectedFile = join(dir, 'expected.json');
    if (UPDATE || !existsSync(expectedFile)) writeFileSync(expectedFile, `${JSON.stringify(actual, null, 2)}\n`);
    expect(actual).toEqual(JSON.parse(readFileSync(expectedFile, 'utf8')));
  });
});
