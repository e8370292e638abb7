// SARIF formatter: valid against the official SARIF 2.1.0 schema, repo-relative URIs, rule table, stable fingerprints.
import { describe, expect, test } from '@jest/globals';
import { Ajv2020 } from 'ajv/dist/2020.js';
import formatsModule from 'ajv-formats';
import { readFileSync } from 'node:fs';
import { artifactLocation, format } from '../../src/report/sarif.js';
import type { Report } from '../../src/types.js';
import { humanReport, machineReport, makeContext, msg, smallReport, unreadableReport } from './fixtures.js';

// The schema as shipped by @microsoft/sarif-multitool-linux 5.7.0 (see tests/fixtures/reports/README.md).
const schema = JSON.parse(readFileSync('tests/fixtures/reports/sarif-schema-2.1.0.json', 'utf8')) as Record<string, unknown>;
// ajv-formats is CommonJS with a `default` property; under Node ESM the default import is module.exports itself.
const addFormats = ((formatsModule as unknown as { default?: typeof formatsModule }).default ?? formatsModule) as unknown as (
  ajv: Ajv2020,
) => Ajv2020;
const ajv = new Ajv2020({ allErrors: true });
addFormats(ajv);
const validate = ajv.compile(schema);

const context = makeContext();

interface SarifRegion {
  startLine: number;
  startColumn: number;
  endLine: number;
  endColumn: number;
  snippet?: { text: string };
}
interface SarifResult {
  ruleId: string;
  ruleIndex: number;
  level: string;
  message: { text: string };
  locations: Array<{ physicalLocation: { artifactLocation: { uri: string; uriBaseId?: string }; region?: SarifRegion } }>;
  partialFingerprints: Record<string, string>;
}
interface SarifRule {
  id: string;
  shortDescription: { text: string };
  fullDescription: { text: string };
  helpUri?: string;
  defaultConfiguration: { level: string };
}
interface SarifLog {
  $schema: string;
  version: string;
  runs: Array<{
    tool: { driver: { name: string; version: string; informationUri: string; rules: SarifRule[] } };
    invocations: Array<{
      executionSuccessful: boolean;
      toolExecutionNotifications?: Array<{ level: string; message: { text: string }; locations: unknown[] }>;
    }>;
    originalUriBaseIds: Record<string, { uri: string }>;
    columnKind: string;
    results: SarifResult[];
  }>;
}

function sarif(reports: Report[]): SarifLog {
  const text = format(reports, context);
  expect(text.endsWith('\n')).toBe(true);
  const log = JSON.parse(text) as SarifLog;
  const ok = validate(log);
  if (!ok) throw new Error(`invalid SARIF: ${JSON.stringify(validate.errors, null, 2)}`);
  return log;
}

describe('sarif formatter', () => {
  test('the schema copy is the official SARIF 2.1.0 schema, and it rejects a broken log', () => {
    expect(schema.title).toBe('Static Analysis Results Format (SARIF) Version 2.1.0 JSON Schema');
    expect(validate({ version: '2.1.0', runs: [{ tool: { driver: {} } }] })).toBe(false);
    expect(validate({ version: '2.1.0', runs: [{ tool: { driver: { name: 'x' } }, results: [{ message: {} }] }] })).toBe(false);
  });

  test('(a) a normal report set is valid SARIF 2.1.0 with the expected run header', () => {
    const log = sarif([machineReport(), humanReport()]);
    expect(log.version).toBe('2.1.0');
    expect(log.$schema).toMatch(/^https:\/\/docs\.oasis-open\.org\/sarif\/.*sarif-schema-2\.1\.0\.json$/);
    expect(log.runs).toHaveLength(1);
    const run = log.runs[0]!;
    expect(run.tool.driver.name).toBe('wireproof');
    expect(run.tool.driver.version).toBe('0.1.0');
    expect(run.tool.driver.informationUri).toBe('https://github.com/wireproof/wireproof');
    expect(run.columnKind).toBe('utf16CodeUnits');
    expect(run.originalUriBaseIds).toEqual({ '%SRCROOT%': { uri: 'file:///repo/' } });
    expect(run.invocations).toEqual([{ executionSuccessful: true }]);
    expect(run.results).toHaveLength(4);
  });

  test('(b) no reports: still valid, with results: []', () => {
    const log = sarif([]);
    expect(log.runs[0]!.results).toEqual([]);
    expect(log.runs[0]!.tool.driver.rules).toEqual([]);
    expect(format([humanReport()], context)).toContain('"results": []');
  });

  test('(c) an unreadable input is a failed tool-execution notification, not a result', () => {
    const log = sarif([unreadableReport()]);
    const run = log.runs[0]!;
    expect(run.results).toEqual([]);
    expect(run.invocations[0]!.executionSuccessful).toBe(false);
    const [n] = run.invocations[0]!.toolExecutionNotifications!;
    expect(n!.level).toBe('error');
    expect(n!.message.text).toBe('wires/missing.txt: no such file');
    expect(n!.locations).toEqual([
      { physicalLocation: { artifactLocation: { uri: 'wires/missing.txt', uriBaseId: '%SRCROOT%' } } },
    ]);
    const mixed = sarif([machineReport(), unreadableReport()]);
    expect(mixed.runs[0]!.results).toHaveLength(4);
    expect(mixed.runs[0]!.invocations[0]!.executionSuccessful).toBe(false);
  });

  test('URIs are relative to cwd, with forward slashes, percent-encoded, based on %SRCROOT%', () => {
    const log = sarif([machineReport(), humanReport()]);
    const uris = log.runs[0]!.results.map((r) => r.locations[0]!.physicalLocation.artifactLocation);
    for (const u of uris) expect(u).toEqual({ uri: 'wires/afp-2026-02-15.txt', uriBaseId: '%SRCROOT%' });
    expect(artifactLocation('/repo/wires/human wire.txt', '/repo')).toEqual({ uri: 'wires/human%20wire.txt', uriBaseId: '%SRCROOT%' });
    expect(artifactLocation('<stdin>', '/repo')).toEqual({ uri: '%3Cstdin%3E', uriBaseId: '%SRCROOT%' });
    expect(artifactLocation('C:\\repo\\wires\\a.txt', 'C:\\repo')).toEqual({ uri: 'wires/a.txt', uriBaseId: '%SRCROOT%' });
    expect(artifactLocation('./x/../wires/b.txt', '/repo/')).toEqual({ uri: 'wires/b.txt', uriBaseId: '%SRCROOT%' });
    // Outside the root there is nothing to be relative to: an absolute file URI, no base.
    expect(artifactLocation('/elsewhere/c.txt', '/repo')).toEqual({ uri: 'file:///elsewhere/c.txt' });
    expect(artifactLocation('/repo/../c.txt', '/repo')).toEqual({ uri: 'file:///c.txt' });
    // A name that only starts with two dots is inside (it was given an absolute URI; review, 2026-12-07).
    expect(artifactLocation('/repo/..draft.txt', '/repo')).toEqual({ uri: '..draft.txt', uriBaseId: '%SRCROOT%' });
    expect(artifactLocation('..old/w.txt', '/repo')).toEqual({ uri: '..old/w.txt', uriBaseId: '%SRCROOT%' });
    expect(artifactLocation('C:\\repo\\..draft.txt', 'C:\\repo')).toEqual({ uri: '..draft.txt', uriBaseId: '%SRCROOT%' });
  });

  test('one rule entry per rule id used in the results, known or not; ruleIndex points at it', () => {
    const log = sarif([machineReport(), smallReport()]);
    const run = log.runs[0]!;
    const ids = run.tool.driver.rules.map((r) => r.id);
    expect(ids).toEqual(['calque-lexical', 'mt-notice', 'mystery-rule', 'ric-code', 'undeclared-machine']);
    expect(new Set(run.results.map((r) => r.ruleId))).toEqual(new Set(ids));
    for (const r of run.results) expect(run.tool.driver.rules[r.ruleIndex]!.id).toBe(r.ruleId);

    const ric = run.tool.driver.rules.find((r) => r.id === 'ric-code')!;
    expect(ric.shortDescription.text).toBe('A Reuters instrument code left in the text.');
    expect(ric.fullDescription.text).toBe('A Reuters instrument code left in the text. Machine translation keeps them verbatim.');
    expect(ric.helpUri).toBe('https://github.com/wireproof/wireproof/blob/main/docs/rules/ric-code.md');
    expect(ric.defaultConfiguration.level).toBe('warning');
    expect(run.tool.driver.rules.find((r) => r.id === 'mt-notice')!.defaultConfiguration.level).toBe('note');

    // The whole first sentence, not up to a mark inside parentheses or quotes (a review, 2026-12-07).
    const rules = { ...context.rules };
    const described = (description: string): string => {
      rules['mt-notice'] = { ...rules['mt-notice']!, description };
      const log = JSON.parse(format([machineReport()], { ...context, rules })) as SarifLog;
      return log.runs[0]!.tool.driver.rules.find((r) => r.id === 'mt-notice')!.shortDescription.text;
    };
    expect(described('A notice from its publisher (e.g. Reuters "Traduit. Par Reuters"). More here.')).toBe('A notice from its publisher (e.g. Reuters "Traduit. Par Reuters").');
    expect(described('French typography ignored (no space before : ; ! ?): weak evidence. Second.')).toBe('French typography ignored (no space before : ; ! ?): weak evidence.');
    expect(described('No end mark')).toBe('No end mark');

    const unknown = run.tool.driver.rules.find((r) => r.id === 'mystery-rule')!;
    expect(unknown.shortDescription.text).toBe('mystery-rule');
    expect(unknown.fullDescription.text).toBe('mystery-rule');
    expect(unknown.defaultConfiguration.level).toBe('warning');

    // Rules that only produced signals (no messages) are not listed.
    expect(sarif([machineReport()]).runs[0]!.tool.driver.rules.map((r) => r.id)).not.toContain('calque-lexical');
  });

  test('results: level mapping, message text, exclusive end column, snippet, fingerprint', () => {
    const report = machineReport();
    const run = sarif([report]).runs[0]!;
    expect(run.results.map((r) => [r.ruleId, r.level])).toEqual([
      ['undeclared-machine', 'error'],
      ['mt-notice', 'note'],
      ['mystery-rule', 'warning'],
      ['ric-code', 'warning'],
    ]);
    const ric = run.results[3]!;
    const m = report.messages[3]!;
    expect(ric.message.text).toBe('Instrument code <RIC.PA> left in the text');
    expect(ric.locations[0]!.physicalLocation.region).toEqual({
      startLine: m.line,
      startColumn: m.column,
      endLine: m.endLine,
      endColumn: m.endColumn + 1,
      snippet: { text: '<RIC.PA>' },
    });
    expect(ric.partialFingerprints).toEqual({ 'wireproof/v1': m.fingerprint });
  });

  test('fingerprints do not change when a paragraph moves to another line', () => {
    const before = sarif([machineReport(0)]).runs[0]!.results;
    const after = sarif([machineReport(5)]).runs[0]!.results;
    // The finding about the whole document stays on line 1.
    const moved = (results: typeof before, shift: number): number[] =>
      results.map((r) => r.locations[0]!.physicalLocation.region!.startLine + (r.ruleId === 'undeclared-machine' ? 0 : shift));
    expect(moved(after, 0)).toEqual(moved(before, 5));
    expect(after.map((r) => r.partialFingerprints)).toEqual(before.map((r) => r.partialFingerprints));
  });

  test('a document-level message without a position gets no region and stays valid', () => {
    const report = humanReport('wires/doc.txt');
    report.messages = [msg(null, -1, 0, 'undeclared-machine', 'error', 'whole document', { line: 0, endLine: 0 })];
    const result = sarif([report]).runs[0]!.results[0]!;
    expect(result.locations[0]!.physicalLocation).toEqual({ artifactLocation: { uri: 'wires/doc.txt', uriBaseId: '%SRCROOT%' } });
  });

  test('a document-level message at 1:1 points at the first line, without columns', () => {
    const report = humanReport('wires/doc.txt');
    report.messages = [msg(null, -1, 0, 'undeclared-machine', 'error', 'whole document', { line: 1, column: 1, endLine: 1, endColumn: 1 })];
    const result = sarif([report]).runs[0]!.results[0]!;
    expect(result.locations[0]!.physicalLocation.region).toEqual({ startLine: 1 });
  });

  test('is pure: same input, same output', () => {
    expect(format([machineReport()], context)).toBe(format([machineReport()], context));
  });
});
