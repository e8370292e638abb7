// The hand-built reports the formatter tests use are valid reports: checked against docs/report.schema.json.
import { expect, test } from '@jest/globals';
import { Ajv } from 'ajv';
import { existsSync, readFileSync } from 'node:fs';
import { declaredReport, humanReport, machineReport, smallReport, unreadableReport } from './fixtures.js';

const SCHEMA = 'docs/report.schema.json';
const maybe = existsSync(SCHEMA) ? test : test.skip;
if (!existsSync(SCHEMA)) console.warn(`${SCHEMA} not found: skipping the check of the formatter fixtures against it.`);

maybe('formatter fixtures conform to the JSON report schema', () => {
  const schema = JSON.parse(readFileSync(SCHEMA, 'utf8')) as object;
  const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);
  const reports = [machineReport(), machineReport(4), humanReport(), unreadableReport(), smallReport(), declaredReport(), declaredReport(2.197)];
  const ok = validate(reports);
  expect(ok ? [] : validate.errors).toEqual([]);
});
