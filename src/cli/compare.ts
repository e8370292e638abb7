// `wireproof compare REFERENCE CANDIDATE`: aligns two versions of a story and reports their wording drift.
import { resolve } from 'node:path';
import type { CommandModule } from 'yargs';
import { loadCorpora } from '../corpora/index.js';
import { readInput } from '../ingest/read.js';
import { compare, type CompareOptions } from '../reference/compare.js';
import { SOURCE_RULES } from '../reference/source-rules.js';
import { formatComparisonJson } from '../report/compare-json.js';
import { formatComparisonText } from '../report/compare-text.js';
import { WireproofError, type Comparison } from '../types.js';
import { compareBuilder } from './compare-options.js';
import { useColor, type Io } from './io.js';
import { assertNotAnInput, assertOutputName, writeOutputFile } from './output.js';
import { messageAsGiven, oneLine } from '../util/oneline.js';

export interface CompareArgs {
  reference: string;
  candidate: string;
  format: 'text' | 'json';
  outputFile?: string;
  referenceIsMachine?: boolean;
  /** The original-language source of the candidate (source-* rules). */
  source?: string;
  color?: boolean;
  inputFormat?: 'auto' | 'text' | 'html';
  corpora?: string;
  verbose?: boolean;
  /** Exit 1 when a finding reaches this severity (`never`, the default: the comparison is the output). */
  failOn?: 'error' | 'warning' | 'info' | 'never';
}

/** An input error as one line naming the file as the user gave it (messageAsGiven), prefixed with it if need be. */
function namedError(error: unknown, file: string): WireproofError {
  const line = (error instanceof WireproofError ? messageAsGiven(error, file) : (error as Error).message).split('\n')[0]!;
  const named = line.startsWith(`${oneLine(file)}:`) ? line : `${oneLine(file)}: ${line}`;
  return new WireproofError(named, error instanceof WireproofError ? error.code : 'unreadable', file);
}

/** Reads a file relative to the command's working folder (io.cwd, as `check` does); reports name it as given. */
async function read(path: string, format: CompareArgs['inputFormat'], cwd: string): Promise<Awaited<ReturnType<typeof readInput>>> {
  const at = path === '-' ? path : resolve(cwd, path);
  try {
    const ingested = await readInput(at, { format: format ?? 'auto' });
    return path === '-' ? ingested : { ...ingested, file: path };
  } catch (error) {
    throw namedError(error, path);
  }
}

/**
 * Runs the compare command and writes its output; input and usage errors are thrown as WireproofError (one line,
 * naming the file), for the caller to print and map to exit code 2.
 */
export async function executeCompare(args: CompareArgs, io: Io): Promise<Comparison> {
  // yargs reports a missing positional or a bad choice to .fail() and still runs the handler: check again here.
  if (typeof args.reference !== 'string' || typeof args.candidate !== 'string' || args.reference === '' || args.candidate === '') {
    throw new WireproofError('compare needs two files: wireproof compare <reference> <candidate>', 'usage');
  }
  if ([args.reference, args.candidate, args.source].filter((f) => f === '-').length > 1) {
    throw new WireproofError('only one of reference, candidate and --source may be standard input (-)', 'usage');
  }
  if (args.format !== 'text' && args.format !== 'json') throw new WireproofError(`unknown format "${String(args.format)}" for compare (choose text or json)`, 'usage');
  if (args.failOn !== undefined && !['error', 'warning', 'info', 'never'].includes(args.failOn)) {
    throw new WireproofError(`--fail-on: expected error, warning, info or never (got ${String(args.failOn)})`, 'usage');
  }
  // Inputs, corpora and the output are all resolved against the command's working folder, as in `check`.
  assertOutputName(args.outputFile);
  if (args.outputFile) {
    const read = [args.reference, args.candidate, ...(args.source ? [args.source] : []), ...(args.corpora ? [args.corpora] : [])];
    assertNotAnInput(args.outputFile, read, io.cwd);
  }
  const corpora = loadCorpora(args.corpora === undefined ? undefined : resolve(io.cwd, args.corpora));
  const reference = await read(args.reference, args.inputFormat, io.cwd);
  const candidate = await read(args.candidate, args.inputFormat, io.cwd);
  const options: CompareOptions = {};
  if (args.referenceIsMachine !== undefined) options.referenceIsMachine = args.referenceIsMachine;
  if (args.source !== undefined) {
    // Named as check names it ("source: missing.en.txt: no such file"), to tell it from a missing version.
    try {
      options.source = await read(args.source, args.inputFormat, io.cwd);
    } catch (error) {
      if (error instanceof WireproofError) throw new WireproofError(`source: ${error.message}`, 'usage', error.file);
      throw error;
    }
  }
  const comparison = await compare(reference, candidate, options, corpora);
  const output =
    args.format === 'json'
      ? formatComparisonJson(comparison)
      : formatComparisonText(comparison, { color: useColor(io, args.color, Boolean(args.outputFile)), verbose: Boolean(args.verbose) });
  if (args.outputFile) writeOutputFile(args.outputFile, output, io.cwd, io);
  else io.stdout(output);
  return comparison;
}

const RANK = { info: 1, warning: 2, error: 3 } as const;

/**
 * Whether a comparison fails `--fail-on`: a `--source` finding at or above the level (the source rules' default
 * severity, `warning`), or a dropped notice, counted as an error — the copy to publish no longer declares the machine
 * translation its feed declared, as `check` makes an undeclared machine translation an error. A CI job could not fail
 * on either (an editor's review of compare, 2026-12-07: exit 0 with "cinq (5) where the source has four (4)").
 */
export function comparisonFails(comparison: Comparison, failOn: CompareArgs['failOn']): boolean {
  if (failOn === undefined || failOn === 'never') return false;
  const floor = RANK[failOn];
  if (comparison.summary.noticeDropped && RANK.error >= floor) return true;
  const severity = new Map(SOURCE_RULES.map((r) => [r.id, r.defaultSeverity]));
  return (comparison.source?.signals ?? []).some((s) => {
    const level = severity.get(s.ruleId);
    return level !== undefined && level !== 'off' && RANK[level] >= floor;
  });
}

/**
 * Runs the compare command.
 * @returns the exit code: 0 done (differences are the output, not a failure), 1 a finding reaches `--fail-on`, 2 usage
 *   or input error (one line on stderr naming the file)
 */
export async function runCompare(args: CompareArgs, io: Io): Promise<number> {
  try {
    const comparison = await executeCompare(args, io);
    return comparisonFails(comparison, args.failOn) ? 1 : 0;
  } catch (error) {
    if (error instanceof WireproofError) {
      io.stderr(`wireproof: ${error.message}\n`);
      return 2;
    }
    throw error;
  }
}

/**
 * The yargs command module for `compare <reference> <candidate>`. Input errors are thrown as WireproofError, which
 * `run` (src/cli/main.ts) prints on one line and maps to exit code 2; `onCode` receives 0 on success.
 * @param io streams, environment and working folder
 * @param onCode receives the exit code when the command completes
 */
export function compareCommand(io: Io, onCode: (code: number) => void = () => undefined): CommandModule {
  return {
    command: 'compare <reference> <candidate>',
    describe: 'Align two versions of a story paragraph by paragraph: status, similarity, word diff, machine share',
    builder: (y) => compareBuilder(y),
    handler: async (argv) => {
      const comparison = await executeCompare(argv as unknown as CompareArgs, io);
      onCode(comparisonFails(comparison, (argv as unknown as CompareArgs).failOn) ? 1 : 0);
    },
  };
}
