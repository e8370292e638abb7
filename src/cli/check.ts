// `wireproof check FILE…`: one report per input, formatted to stdout or --output-file, ESLint-style exit codes.
import { resolve } from 'node:path';
import { checkFiles, rulesMeta, type CheckOptions } from '../api.js';
import { applyBaseline, makeBaseline, readBaseline } from '../config/baseline.js';
import { loadConfig } from '../config/load.js';
import { reaches } from '../score/messages.js';
import { languageList } from '../segment/language.js';
import { fsReason } from '../util/fs.js';
import { oneLine } from '../util/oneline.js';
import type { FormatContext, Report, RuleLevel, Severity } from '../types.js';
import { WireproofError } from '../types.js';
import { loadFormatter } from './formatters.js';
import { useColor, writeFileAtomic, type Io } from './io.js';
import { expandCheckInputs } from './expand.js';
import { assertNotAnInput, assertOutputName, sameTarget, writeOutputFile } from './output.js';
import { VERSION } from './version.js';
import { filesStayPut } from '../util/stamp.js';

export interface CheckArgs {
  files: string[];
  format: string;
  outputFile?: string;
  failOn?: Severity | 'never';
  quiet: boolean;
  maxWarnings?: number;
  color?: boolean;
  rule: string[];
  language?: string[];
  prior?: number;
  inputFormat: 'auto' | 'text' | 'html';
  corpora?: string;
  config?: string | false;
  baseline?: string;
  updateBaseline?: boolean;
  source?: string;
  references?: string[];
  /** The name standard input (`-`) is reported under (ESLint's --stdin-filename). */
  stdinFilename?: string;
}

/**
 * Checks that configured rule ids exist; a typo must not silently disable nothing. Own keys only: `known.constructor`
 * is inherited, and `"constructor": "off"` passed here and was then refused by check() without the file's name.
 */
export function checkRuleIds(rules: Record<string, RuleLevel>, where: string): void {
  const known = rulesMeta();
  for (const id of Object.keys(rules)) {
    if (!Object.hasOwn(known, id)) throw new WireproofError(`${where}: rules.${id}: unknown rule (known: ${knownList(known)})`, 'config');
  }
}

function knownList(known: Record<string, unknown>): string {
  return Object.keys(known).sort().join(', ');
}

/** Parses `--rule id=level` pairs. */
export function parseRuleFlags(pairs: readonly string[]): Record<string, RuleLevel> {
  const known = rulesMeta();
  const out: Record<string, RuleLevel> = {};
  for (const pair of pairs) {
    const m = /^([a-z0-9-]+)=(error|warning|info|off)$/.exec(pair.trim());
    if (!m) throw new WireproofError(`--rule "${pair}": expected <rule-id>=<error|warning|info|off>`, 'usage');
    if (!Object.hasOwn(known, m[1]!)) {
      throw new WireproofError(`--rule "${pair}": unknown rule "${m[1]}" (known: ${knownList(known)})`, 'usage');
    }
    out[m[1]!] = m[2] as RuleLevel;
  }
  return out;
}

/** Exit code for a set of reports, as ESLint: 2 input errors, 1 findings at or above --fail-on or too many warnings, else 0. */
export function exitCode(reports: readonly Report[], failOn: Severity | 'never', maxWarnings: number, io?: Io, quiet = false): number {
  if (reports.some((r) => r.error)) return 2;
  const messages = reports.flatMap((r) => r.messages);
  if (failOn !== 'never' && messages.some((m) => reaches(m.severity, failOn))) return 1;
  const warnings = messages.filter((m) => m.severity === 'warning').length;
  if (maxWarnings >= 0 && warnings > maxWarnings) {
    // With --quiet the report shows 0 warnings: say how many there were, and where they went (review, 2026-12-07).
    const hidden = quiet ? ', hidden by --quiet' : '';
    io?.stderr(`wireproof found too many warnings (${warnings}${hidden}; maximum: ${maxWarnings}).\n`);
    return 1;
  }
  return 0;
}

/** Runs the check command; returns the exit code. */
export async function runCheck(args: CheckArgs, io: Io): Promise<number> {
  // One run: the corpora, references and models read stay as they are until it ends (src/util/stamp.ts).
  filesStayPut();
  // Command-line flags override the configuration file, which overrides the defaults.
  const { config, file: configFile } = args.config === false ? { config: {}, file: undefined } : await loadConfig(io.cwd, args.config);
  if (config.rules) checkRuleIds(config.rules, configFile ?? 'config');
  const options: CheckOptions = { rules: { ...config.rules, ...parseRuleFlags(args.rule) }, format: args.inputFormat, cwd: io.cwd };
  const languages = args.language ?? config.languages;
  if (languages) {
    // Checked here to name where the codes came from (the library would only say "languages: …").
    languageList(languages, args.language ? '--language' : (configFile ?? 'config'));
    options.languages = languages;
  }
  const prior = args.prior ?? config.prior;
  // yargs reads `--prior abc` as NaN, which the API reported as "(got NaN)" (a review, 2026-12-07).
  if (args.prior !== undefined && !(args.prior > 0 && args.prior < 1)) {
    // Named as the option was given: the API's "prior must be strictly between 0 and 1" did not say which flag.
    throw new WireproofError(`--prior ${Number.isNaN(args.prior) ? '(not a number)' : args.prior}: expected a number strictly between 0 and 1, e.g. 0.3`, 'usage');
  }
  if (prior !== undefined) options.prior = prior;
  if (args.source) {
    // `--source -` reads the original from standard input, which then cannot also be a wire.
    if (args.source === '-' && args.files.includes('-')) throw new WireproofError('only one of the wires and --source may be standard input (-)', 'usage');
    options.source = args.source;
  }
  const references = [...(config.references ?? []), ...(args.references ?? []).map((r) => resolve(io.cwd, r))];
  if (references.length > 0) options.references = references;
  if (config.thresholds) options.thresholds = config.thresholds;
  const corpora = args.corpora ? resolve(io.cwd, args.corpora) : config.corpora;
  if (corpora) options.corpora = corpora;
  const failOn = args.failOn ?? config.failOn ?? 'error';
  // yargs reads `--max-warnings abc` as NaN and `-5` as -5: both are mistakes, not "no limit" (the config file's
  // schema already refuses them).
  if (args.maxWarnings !== undefined && !(Number.isInteger(args.maxWarnings) && args.maxWarnings >= -1)) {
    throw new WireproofError(`--max-warnings ${Number.isNaN(args.maxWarnings) ? "(not a number)" : String(args.maxWarnings)}: expected a whole number ≥ -1 (-1: no limit)`, 'usage');
  }
  const maxWarnings = args.maxWarnings ?? config.maxWarnings ?? -1;
  const baselineFile = args.baseline ? resolve(io.cwd, args.baseline) : config.baseline;
  if (args.updateBaseline && !baselineFile) throw new WireproofError('--update-baseline needs --baseline FILE (or "baseline" in the config file)', 'usage');

  // `check - -` read standard input twice, the second time empty (review, 2026-12-07).
  if (args.files.filter((f) => f === '-').length > 1) throw new WireproofError('standard input (-) is named more than once', 'usage');
  // A report on standard input names `<stdin>`, which a SARIF upload cannot place in the repository (CI review,
  // 2026-12-08): --stdin-filename names it, as in ESLint.
  if (args.stdinFilename !== undefined) {
    if (!args.files.includes('-')) throw new WireproofError('--stdin-filename names standard input: give - among the files', 'usage');
    if (args.stdinFilename.trim() === '') throw new WireproofError('--stdin-filename: expected a file name', 'usage');
    options.file = args.stdinFilename;
  }
  assertOutputName(args.outputFile);
  const inputs = await expandCheckInputs(args.files, io.cwd);
  const paths = inputs.flatMap((i) => ('path' in i ? [i.path] : []));
  // Everything the run reads is an input: the wires, and the source, reference phrasings and configuration.
  const read = [...paths, ...(args.source ? [args.source] : []), ...references, ...(configFile ? [configFile] : []), ...(corpora ? [corpora] : [])];
  // --update-baseline writes the baseline: never over a wire or another input (review, 2026-12-07: a wire named as
  // the baseline was rewritten).
  // A baseline inside a checked folder is fine: a folder's walk never reads .json.
  if (args.updateBaseline && baselineFile) assertNotAnInput(args.baseline ?? baselineFile, read, io.cwd, '--baseline', false);
  if (args.outputFile) {
    // The baseline is an input too: it holds the accepted findings (with --update-baseline it is written as well).
    assertNotAnInput(args.outputFile, [...read, ...(baselineFile ? [baselineFile] : [])], io.cwd);
    // A baseline --update-baseline is about to create does not exist yet, so the check above cannot see it.
    if (args.updateBaseline && baselineFile && sameTarget(args.outputFile, baselineFile, io.cwd)) {
      throw new WireproofError(`--output-file ${oneLine(args.outputFile)}: is the baseline that --update-baseline writes; give another file`, 'usage');
    }
  }
  const formatter = await loadFormatter(args.format, io.cwd);
  const checked = await checkFiles(paths, options);
  let reports = inputs.map((i) => ('path' in i ? checked.shift()! : i.report));
  for (const r of reports) if (r.error) io.stderr(`wireproof: ${r.error.message}\n`);
  let updatedBaseline: string | undefined;
  if (baselineFile) {
    const previous = readBaseline(baselineFile, Boolean(args.updateBaseline));
    const baseline = args.updateBaseline ? makeBaseline(reports, previous, io.cwd) : previous;
    if (args.updateBaseline) updatedBaseline = `${JSON.stringify(baseline, null, 2)}\n`;
    const applied = applyBaseline(reports, baseline, io.cwd);
    reports = applied.reports;
    if (applied.suppressed > 0) io.stderr(`wireproof: ${applied.suppressed} finding(s) accepted by the baseline\n`);
  }
  // --quiet hides output only: the exit code is worked out on every message, as ESLint does (a CI job with
  // `--fail-on warning --quiet` must still fail on a warning).
  const judged = reports;
  // As ESLint's getErrorResults: the shown report counts what it shows (warnings and infos 0).
  if (args.quiet) {
    reports = reports.map((r) => ({ ...r, messages: r.messages.filter((m) => m.severity === 'error'), summary: { ...r.summary, warnings: 0, infos: 0 } }));
  }
  const context: FormatContext = {
    cwd: io.cwd,
    color: useColor(io, args.color, Boolean(args.outputFile)),
    rules: rulesMeta(),
    version: VERSION,
    quiet: Boolean(args.quiet),
  };
  let output: string;
  try {
    output = await formatter(reports, context);
  } catch (error) {
    // V8 caps a string at 2^29 − 24 characters: a report over it (a 16 MB file of noisy copy, 36 bytes of indented JSON
    // per byte of input) threw "Invalid string length", which named neither the file nor a way out (review, 2026-12-07).
    if (error instanceof RangeError && /string length/i.test(error.message)) {
      const biggest = [...reports].sort((a, b) => b.paragraphs.length - a.paragraphs.length)[0];
      const n = biggest?.paragraphs.length ?? 0;
      const which = biggest ? `${oneLine(biggest.file)} (${n} paragraph${n === 1 ? '' : 's'})` : 'the run';
      throw new WireproofError(`the ${String(args.format)} report is too large to write (over 512 MiB of text; largest input ${which}): use --format unix, --quiet, or check fewer or smaller files`, 'usage');
    }
    throw error;
  }
  if (args.outputFile) writeOutputFile(args.outputFile, output, io.cwd, io);
  else io.stdout(output);
  // Written once the report is out: a formatter that throws or an output that cannot be written (exit 2) left the
  // baseline already changed (review, 2026-12-07).
  if (updatedBaseline !== undefined && baselineFile) {
    try {
      writeFileAtomic(baselineFile, updatedBaseline);
    } catch (error) {
      // One line naming the baseline, not Node's message about the temporary file (review, 2026-12-07).
      throw new WireproofError(`--baseline ${oneLine(baselineFile)}: cannot write: ${fsReason(error)}`, 'usage');
    }
    io.stderr(`wireproof: baseline written to ${baselineFile}\n`);
  }
  const code = exitCode(judged, failOn, maxWarnings, io, Boolean(args.quiet));
  if (code === 1 && args.quiet && failOn !== 'never' && failOn !== 'error') {
    // The shown report counts errors only; say why the run failed all the same, as --max-warnings does.
    const hidden = judged.flatMap((r) => r.messages).filter((m) => m.severity !== 'error' && reaches(m.severity, failOn)).length;
    if (hidden > 0) io.stderr(`wireproof: ${hidden} message${hidden === 1 ? '' : 's'} hidden by --quiet reach --fail-on ${failOn}.\n`);
  }
  return code;
}
