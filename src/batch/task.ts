// Checks one batch input and writes its report files: the same code runs in a worker thread and in-process.
import { rmSync } from 'node:fs';
import { check, rulesMeta } from '../api.js';
import { format as formatJson } from '../report/json.js';
import type { Formatter, Report } from '../types.js';
import { WireproofError } from '../types.js';
import type { BatchOutcome, BatchTask } from './types.js';
import { emptyCounts } from './types.js';
import { fsReason, writeFileAtomic as writeAtomic } from '../util/fs.js';

let htmlFormatter: Formatter | undefined;
let rules: ReturnType<typeof rulesMeta> | undefined;

/** The outcome a report gives, as listed in the summary. */
export function outcomeOf(report: Report): BatchOutcome {
  if (report.error) return { verdict: null, machineProbability: null, language: null, counts: emptyCounts(), error: { ...report.error } };
  const s = report.summary;
  return {
    verdict: report.verdict,
    machineProbability: report.machineProbability,
    language: report.language,
    counts: {
      paragraphs: s.paragraphs,
      bodyParagraphs: s.bodyParagraphs,
      byLabel: { ...s.byLabel },
      errors: s.errors,
      warnings: s.warnings,
      infos: s.infos,
    },
    error: null,
  };
}

/**
 * Checks one input and writes its reports (JSON as `check --format json` prints it: an array of one report; HTML
 * as `check --format html`). Unreadable inputs write nothing. Configuration errors (bad corpora) are thrown;
 * any other failure is the input's own `internal` error, so one odd article never stops an archive. That includes a
 * report that cannot be written (a name over 255 bytes, a full disk): the input is listed with why, and whatever
 * part of its reports was written is removed, so no report is left that the summary does not list.
 *
 * @param task what to check and where to write
 * @returns the outcome to list in the summary
 */
export async function processTask(task: BatchTask): Promise<BatchOutcome> {
  let report: Report;
  try {
    report = await check(task.input, { ...task.options, file: task.file });
  } catch (error) {
    if (error instanceof WireproofError && (error.code === 'config' || error.code === 'corpus' || error.code === 'usage')) throw error;
    return failed(`${task.file}: internal error: ${firstLine(error)}`);
  }
  const outcome = outcomeOf(report);
  if (report.error) return outcome;
  const context = { cwd: task.cwd, color: false, rules: (rules ??= rulesMeta()), version: task.version };
  const files: Array<[string, string]> = [];
  try {
    if (task.outputs.json) files.push([task.outputs.json, formatJson([report], context)]);
    if (task.outputs.html) {
      // Loaded on first use: JSON-only batches never pay for the HTML formatter.
      htmlFormatter ??= (await import('../report/html.js')).format;
      files.push([task.outputs.html, htmlFormatter([report], context)]);
    }
  } catch (error) {
    // A report over V8's string limit (2^29 − 24 characters: a 16 MB file of noisy copy) threw "Invalid string
    // length" and stopped the whole run, summary and dashboard included (review, 2026-12-07): it is this input's error.
    if (error instanceof RangeError && /string length/i.test(error.message)) {
      const n = report.paragraphs.length;
      return failed(`${task.file}: report too large to write (${n} paragraph${n === 1 ? '' : 's'}, over 512 MiB of text): split the file`);
    }
    throw error;
  }
  const written: string[] = [];
  try {
    for (const [path, content] of files) {
      writeAtomic(path, content);
      written.push(path);
    }
  } catch (error) {
    for (const path of written) rmSync(path, { force: true });
    return failed(`${task.file}: cannot write its report (${fsReason(error)})`);
  }
  return outcome;
}

function failed(message: string): BatchOutcome {
  return { verdict: null, machineProbability: null, language: null, counts: emptyCounts(), error: { code: 'internal', message } };
}

function firstLine(error: unknown): string {
  return String((error as Error | undefined)?.message ?? error).split('\n')[0] ?? '';
}
