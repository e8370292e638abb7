// `wireproof batch INPUT… --out DIR`: one report per input of an archive, plus summaries and a dashboard, on a worker pool.
import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import type { Argv, CommandModule } from 'yargs';
import type { CheckOptions } from '../api.js';
import type { BatchFormat, BatchSummary } from '../batch/types.js';
import { loadConfig } from '../config/load.js';
import type { RuleLevel, Severity } from '../types.js';
import { WireproofError } from '../types.js';
import type { Io } from './io.js';
import { VERSION } from './version.js';
import { importModule } from '../util/import.js';
import { sweepTemporaryFiles } from '../util/fs.js';
import { releaseLock } from '../batch/lock.js';
import { filesStayPut } from '../util/stamp.js';

/** Arguments of `wireproof batch`, as yargs parses them. */
export interface BatchArgs {
  inputs: string[];
  out: string;
  format: string[];
  concurrency?: number;
  cache: boolean;
  failOn?: Severity | 'never';
  quiet: boolean;
  rule: string[];
  language?: string[];
  prior?: number;
  inputFormat: 'auto' | 'text' | 'html';
  corpora?: string;
  config?: string | false;
}

const FAIL_ON: ReadonlyArray<Severity | 'never'> = ['error', 'warning', 'info', 'never'];
const INPUT_FORMATS: ReadonlyArray<BatchArgs['inputFormat']> = ['auto', 'text', 'html'];

/** At most this many unreadable inputs are named on stderr; summary.json and summary.csv list them all. */
const MAX_ERROR_LINES = 20;

/** Parses `--format json,html` (or repeated `--format`) into distinct formats. */
export function parseFormats(values: readonly string[]): BatchFormat[] {
  const out = new Set<BatchFormat>();
  for (const value of values.flatMap((v) => String(v).split(','))) {
    const name = value.trim();
    if (name === 'json' || name === 'html') out.add(name);
    else throw new WireproofError(`--format "${name}": batch writes json, html or json,html`, 'usage');
  }
  if (out.size === 0) throw new WireproofError('--format: give json, html or json,html', 'usage');
  return [...out];
}

/** Whether a summary has findings at or above `failOn` (counts come from the reports, cached or fresh). */
export function hasFindings(summary: BatchSummary, failOn: Severity | 'never'): boolean {
  const t = summary.totals;
  if (failOn === 'never') return false;
  if (failOn === 'error') return t.errors > 0;
  if (failOn === 'warning') return t.errors + t.warnings > 0;
  return t.errors + t.warnings + t.infos > 0;
}

/**
 * Exit code of a batch. Batch is report generation, so findings alone exit 0 unless `--fail-on` (or `failOn` in
 * the configuration) asks otherwise; an input that gave no report exits 2, as an unreadable file does in `check`.
 */
export function batchExitCode(summary: BatchSummary, failOn: Severity | 'never'): number {
  if (summary.totals.unreadable > 0) return 2;
  return hasFindings(summary, failOn) ? 1 : 0;
}

/**
 * Runs the batch command; returns the exit code. Usage and configuration errors are thrown as WireproofError,
 * which the CLI prints as one line and maps to exit code 2.
 *
 * @param args parsed arguments
 * @param io streams, environment, working folder
 */
export async function runBatchCommand(args: BatchArgs, io: Io): Promise<number> {
  // One run: the corpora, references and models read stay as they are until it ends (src/util/stamp.ts).
  filesStayPut();
  if (!args.out) throw new WireproofError('batch needs --out DIR', 'usage');
  if (args.inputs.length === 0) throw new WireproofError('batch needs at least one input (file, folder, glob or .jsonl feed)', 'usage');
  // main.ts carries a bare "-" through yargs as "\u0000stdin"; a batch reads files, never standard input.
  if (args.inputs.some((i) => i === '-' || i.includes('\u0000'))) {
    throw new WireproofError('batch reads files, folders, globs and .jsonl feeds, not standard input (-)', 'usage');
  }
  // Choices are checked here too: when yargs' .fail() handler does not throw, yargs still runs the command after a
  // validation failure (yargs 18, measured), and a batch must not write a whole output folder before saying so.
  if (args.failOn !== undefined && !FAIL_ON.includes(args.failOn)) {
    throw new WireproofError(`--fail-on "${args.failOn}": choose ${FAIL_ON.join(', ')}`, 'usage');
  }
  if (!INPUT_FORMATS.includes(args.inputFormat)) {
    throw new WireproofError(`--input-format "${args.inputFormat}": choose ${INPUT_FORMATS.join(', ')}`, 'usage');
  }
  const formats = parseFormats(args.format);
  const concurrency = args.concurrency ?? availableParallelism();
  if (!Number.isInteger(concurrency) || concurrency < 1) throw new WireproofError(`--concurrency ${args.concurrency}: expected a whole number ≥ 1`, 'usage');

  // Same precedence as `check`: command-line flags, then the configuration file, then defaults.
  const { config, file: configFile } = args.config === false ? { config: {}, file: undefined } : await loadConfig(io.cwd, args.config);
  // Rule ids are checked against the detector registry, which loads the whole pipeline (about 0.2 s): only when
  // there are rule settings to check, so a batch whose reports all come from the cache never loads it.
  let rules: Record<string, RuleLevel> = {};
  if (args.rule.length > 0 || Object.keys(config.rules ?? {}).length > 0) {
    const { checkRuleIds, parseRuleFlags } = await import('./check.js');
    checkRuleIds(config.rules ?? {}, configFile ?? 'config');
    rules = { ...config.rules, ...parseRuleFlags(args.rule) };
  }
  const options: CheckOptions = { rules, format: args.inputFormat };
  const languages = args.language ?? config.languages;
  if (languages) {
    // As check: an unknown code is a usage error naming where it came from, not a silent `und` in every report.
    // Loaded here: this module is imported at every start-up (main.ts), franc's models only when a batch runs.
    const { languageList } = await import('../segment/language.js');
    languageList(languages, args.language ? '--language' : (configFile ?? 'config'));
    options.languages = languages;
  }
  const prior = args.prior ?? config.prior;
  if (prior !== undefined) {
    if (!(prior > 0 && prior < 1)) throw new WireproofError(`--prior ${Number.isNaN(prior) ? '(not a number)' : prior}: expected a number strictly between 0 and 1, e.g. 0.3`, 'usage');
    options.prior = prior;
  }
  // Thresholds change which matches become messages: a batch report must be what `check` prints (docs/batch.md).
  if (config.thresholds) options.thresholds = config.thresholds;
  const corpora = args.corpora ?? config.corpora;
  if (corpora) options.corpora = corpora;
  const failOn = args.failOn ?? config.failOn ?? 'never';

  // A progress bar only on an interactive stderr (cli-progress writes to stderr; never next to data on stdout).
  type Bar = import('cli-progress').SingleBar;
  let bar: Bar | undefined;
  if (io.stderrIsTTY && !args.quiet && io.env['TERM'] !== 'dumb') {
    const { default: cliProgress } = await importModule<{ default: typeof import('cli-progress') }>('cli-progress');
    bar = new cliProgress.SingleBar(
      { stream: process.stderr, format: 'wireproof batch [{bar}] {value}/{total} inputs · {eta_formatted} left', hideCursor: true, clearOnComplete: true },
      cliProgress.Presets.shades_classic,
    );
  }

  const { runBatch, saveInterruptedBatches } = await import('../batch/run.js');
  let started = false;
  let result;
  // Ctrl-C or a CI timeout mid-run: the terminal gets its cursor and line wrap back (the bar hides them), and the
  // temporary files of reports being written go (a review, 2026-12-07: both were left behind).
  const outAbs = resolve(io.cwd, args.out);
  const stopWatching = io.onInterrupt?.(() => {
    if (started) bar!.stop();
    saveInterruptedBatches();
    sweepTemporaryFiles(outAbs, { recursive: true, pid: process.pid });
    releaseLock(outAbs);
  });
  try {
    result = await runBatch({
      inputs: args.inputs,
      outDir: args.out,
      cwd: io.cwd,
      formats,
      check: options,
      references: config.references ?? [],
      concurrency,
      cache: args.cache,
      version: VERSION,
      onProgress: bar
        ? (done, total) => {
            if (!started) {
              bar!.start(total, 0);
              started = true;
            }
            bar!.update(done);
          }
        : undefined,
    });
  } finally {
    stopWatching?.();
    if (started) bar!.stop();
  }
  const { summary } = result;

  const failed = summary.entries.filter((e) => e.error);
  if (!args.quiet) {
    for (const e of failed.slice(0, MAX_ERROR_LINES)) io.stderr(`wireproof: ${oneLine(e.error!.message)}\n`);
    if (failed.length > MAX_ERROR_LINES) io.stderr(`wireproof: … and ${failed.length - MAX_ERROR_LINES} more unreadable inputs (see summary.csv)\n`);
    const kept = result.keptOutside;
    if (kept.length > 0) {
      const which = `${oneLine(kept[0]!)}${kept.length > 1 ? ` and ${kept.length - 1} more` : ''}`;
      io.stderr(`wireproof: ${kept.length} stale report${kept.length === 1 ? '' : 's'} not removed (${which}): a folder on the way is a symbolic link out of ${args.out}\n`);
    }
  }
  const n = summary.totals.reports;
  io.stderr(`${n} report${n === 1 ? '' : 's'} written to ${args.out} (${summary.run.reused} reused from cache, ${summary.totals.unreadable} unreadable)\n`);
  return batchExitCode(summary, failOn);
}

function oneLine(text: string): string {
  return text.replace(/[\r\n]+/g, ' ');
}

/** The `batch` command's options, for yargs. */
export function batchBuilder(y: Argv): Argv<BatchArgs> {
  return y
    .positional('inputs', { type: 'string', array: true, describe: 'Files, folders (searched for .txt, .text, .md, .markdown, .html, .htm, .xhtml), globs, or .jsonl feeds of {"id","text"}' })
    .option('out', { type: 'string', requiresArg: true, demandOption: true, describe: 'Output folder: one report per input, summary.json, summary.csv, index.html' })
    .option('format', { alias: 'f', type: 'string', array: true, nargs: 1, default: ['json'], describe: 'Report formats per input: json, html, or json,html' })
    .option('concurrency', { type: 'number', requiresArg: true, describe: 'Worker threads (default: the number of cores; 1 runs in-process)' })
    .option('cache', { type: 'boolean', default: true, describe: 'Reuse reports of unchanged inputs (DIR/.wireproof-cache.json); --no-cache re-checks all' })
    .option('fail-on', { choices: ['error', 'warning', 'info', 'never'] as const, describe: 'Exit 1 when findings reach this severity (default: never)' })
    .option('quiet', { type: 'boolean', default: false, describe: 'No progress bar, no per-input error lines' })
    .option('rule', { type: 'string', array: true, nargs: 1, default: [] as string[], describe: 'Set a rule level: <rule-id>=<error|warning|info|off> (repeatable)' })
    .option('language', { type: 'string', array: true, nargs: 1, describe: 'Languages to consider (ISO 639-1), e.g. --language fr en or fr,en' })
    .option('prior', { type: 'number', requiresArg: true, describe: 'Expected share of machine translation (0-1)' })
    .option('input-format', { choices: ['auto', 'text', 'html'] as const, default: 'auto' as const, describe: 'Treat inputs as text or HTML (default: sniff)' })
    .option('corpora', { type: 'string', requiresArg: true, describe: 'Use this corpora folder instead of the shipped one' })
    .option('config', { type: 'string', requiresArg: true, describe: 'Configuration file (default: searched as for check)' }) as unknown as Argv<BatchArgs>;
}

/**
 * The `batch` command for yargs. The handler reports its exit code through `done`, as `check`'s handler sets the
 * code main.ts returns: `.command(batchCommand(io, (c) => { code = c; }))`.
 *
 * @param io streams, environment, working folder
 * @param done receives the exit code
 */
export function batchCommand(io: Io, done: (code: number) => void): CommandModule<object, BatchArgs> {
  return {
    command: 'batch <inputs..>',
    describe: 'Check an archive: one report per input under --out, with summary.json, summary.csv and an index.html dashboard',
    builder: batchBuilder as CommandModule<object, BatchArgs>['builder'],
    handler: async (a) => {
      done(await runBatchCommand(a, io));
    },
  };
}
