#!/usr/bin/env node
// wireproof's command line: thin yargs commands over the library; the only place that touches process and exit codes.
import { realpathSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import yargs, { type Argv } from 'yargs';
import { hideBin } from 'yargs/helpers';
import { WireproofError } from '../types.js';
import { batchCommand } from './batch.js';
import type { CheckArgs } from './check.js';
import { compareBuilder } from './compare-options.js';
import { FORMAT_NAMES } from './formatters.js';
import { processIo, type Io } from './io.js';
import { quickCheckArgs } from './quick.js';
import { VERSION } from './version.js';
import { loadedUserModules } from '../util/import.js';
import { fsReason } from '../util/fs.js';

/** The commands' variadic positionals (`<files..>`, `<inputs..>`): lists, though yargs does not declare them as arrays. */
const VARIADIC = new Set(['files', 'inputs']);

/** yargs middleware: every option not declared as a list keeps the last of its repeated values. */
function lastValueWins(argv: Record<string, unknown>, y: { getOptions(): { array: string[] } }): void {
  const lists = new Set([...y.getOptions().array, ...VARIADIC]);
  for (const key of Object.keys(argv)) {
    const value = argv[key];
    if (key !== '_' && Array.isArray(value) && !lists.has(key)) argv[key] = value.at(-1);
  }
}

/** See run. */
export interface RunOptions {
  quick?: boolean;
  check?: (args: CheckArgs, io: Io) => Promise<number>;
}

/** Command names: a first file argument with one of these names keeps its explicit `check`. */
const COMMANDS = new Set(['check', 'compare', 'batch', 'eval']);

/** Options of type number, by every spelling yargs accepts (it also reads the camel-case form). */
const NUMBER_OPTIONS = new Set(['--max-warnings', '--maxWarnings', '--prior', '--concurrency']);
/**
 * File options that an empty value would silently turn off: `check --source "$EN"` with EN unset ran without the
 * source and passed (a review, 2026-12-07), where compare refused it.
 */
const FILE_OPTIONS = new Set(['--source']);

/**
 * The first number option (or of `options`) given an empty or blank value (`--max-warnings ''`, `--prior=`), or
 * undefined. yargs reads such a value as 0, which would turn a mistake into `--max-warnings 0` or a prior of 0; ESLint
 * refuses it.
 */
function emptyNumberOption(argv: readonly string[], options: ReadonlySet<string> = NUMBER_OPTIONS): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const token = argv[i]!;
    if (token === '--') return undefined;
    const eq = token.startsWith('--') ? token.indexOf('=') : -1;
    const name = eq > 0 ? token.slice(0, eq) : token;
    if (!options.has(name)) continue;
    const value = eq > 0 ? token.slice(eq + 1) : argv[i + 1];
    if (value !== undefined && value.trim() === '') return name;
  }
  return undefined;
}

/**
 * The list options, with what a further value of each looks like. yargs read them as arrays that took every
 * following word, so `check --rule typography=off wire.txt` and `check --language fr wire.txt` read the file as a
 * value and had no file (review, 2026-12-07). Each is now one value per flag (`nargs: 1`, repeatable); `listValues`
 * keeps the documented `--language fr en` and `--rule a=off b=off` by taking further words while they look like
 * values: the first other word is a file. A file named like a value goes before the option, or after `--`.
 */
/**
 * A further `--language` word only in a language tag's shape (`fr`, `fra`, `fr-FR`, `fr_CA`; a script of 4 letters and
 * a region of 2 letters or 3 digits may follow: `sr-Latn-RS`, `es-419`), or a comma-separated list of them, so that a
 * dated folder (`afp-2026-02-15`) stays a file. The first value may be any word.
 */
const LANGUAGE_TAG = '[A-Za-z]{2,3}(?:[-_][A-Za-z]{4})?(?:[-_](?:[A-Za-z]{2}|\\d{3}))?';
/** Batch report formats: `json`, `html`, `json,html`. */
const FORMATS = { commands: new Set(['batch']), more: /^(?:json|html)(?:,(?:json|html))*$/ };
const LIST_OPTIONS: ReadonlyMap<string, { commands: ReadonlySet<string>; more: RegExp }> = new Map([
  ['--language', { commands: new Set(['check', 'batch']), more: new RegExp(`^${LANGUAGE_TAG}(?:,${LANGUAGE_TAG})*,?$`) }],
  ['--rule', { commands: new Set(['check', 'batch']), more: /^[a-z0-9-]+=(?:error|warning|info|off)$/ }],
  // Paths: a further .jsonl file is a reference too (check reads .jsonl only as plain text, so a wire is never one);
  // `check wire.txt --references a.jsonl b.jsonl` loaded both before list options were made one value per flag.
  ['--references', { commands: new Set(['check']), more: /\.jsonl$/i }],
  ['--format', FORMATS],
  ['-f', FORMATS],
]);

/**
 * The command yargs will run, for listValues: its first positional word when that is a command name, else check.
 * Before the command is known yargs reads every option without `=` (but `--no-…`) as taking the next word as its
 * value (`--config rc.json batch …`, `--quiet wire.txt batch …` run batch), so such a word is skipped here too; the
 * first command-like word anywhere was wrong (`wire.txt batch -f json html` is check with a file named batch).
 */
export function commandOf(argv: readonly string[]): string {
  for (let i = 0; i < argv.length; i++) {
    const word = argv[i]!;
    if (word.startsWith('-') && word.length > 1) {
      if (!word.includes('=') && !word.startsWith('--no-') && argv[i + 1] !== undefined && !argv[i + 1]!.startsWith('-')) i++;
      continue;
    }
    return COMMANDS.has(word) ? word : 'check';
  }
  return 'check';
}

/**
 * Rewrites the list options of `command` to one `--option=value` per value (see LIST_OPTIONS); `--language fr,en`
 * becomes two. The first word after an option is its value unless it looks like an option; further words only while
 * they look like values. Words marked as files (after `--`, standard input) are never values. An empty value
 * (`--rule=`, `--rule ""`, `--language=`, as an unset shell variable gives) is no value, as yargs' arrays read it.
 */
export function listValues(argv: readonly string[], command: string): string[] {
  const out: string[] = [];
  const isWord = (w: string | undefined): w is string => w !== undefined && !w.startsWith('-') && !w.startsWith('\u0000');
  for (let i = 0; i < argv.length; i++) {
    const token = argv[i]!;
    const eq = token.startsWith('--') ? token.indexOf('=') : -1;
    const name = eq > 0 ? token.slice(0, eq) : token;
    const spec = LIST_OPTIONS.get(name);
    if (spec === undefined || !spec.commands.has(command)) {
      out.push(token);
      continue;
    }
    const values: string[] = [];
    if (eq > 0) values.push(token.slice(eq + 1));
    else if (isWord(argv[i + 1])) values.push(argv[++i]!);
    else {
      // No value: yargs says the option needs one.
      out.push(token);
      continue;
    }
    while (isWord(argv[i + 1]) && spec.more.test(argv[i + 1]!)) values.push(argv[++i]!);
    const long = name === '-f' ? '--format' : name;
    const split = (name === '--language' ? values.flatMap((v) => v.split(',')) : values).filter((v) => v !== '');
    for (const value of split) out.push(`${long}=${value}`);
  }
  return out;
}

/** Stands for "-" (standard input) while yargs parses. */
const STDIN = '\u0000stdin';

/**
 * Marks a word that followed `--` while yargs parses. After `--` every word is a file, as in ESLint
 * (`wireproof check -- -draft.txt`), but yargs would leave such words out of the `<files..>` positionals (they went
 * to `argv._`, and the file was silently not checked). Marked and moved before the options, they read as plain
 * positionals; a command puts them back in place (afterDashes) and unmarks them (unmarkArgs). No real argument
 * starts with a NUL character.
 */
const LITERAL = '\u0000arg:';

/**
 * Every argument as the user typed it: yargs hands the markers over in option values too (`--source -`,
 * `-o -`), not only in positionals; left marked, they reached file names as "\u0000stdin".
 */
function unmarkArgs<T extends object>(args: T): T {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(args)) {
    out[key] = typeof value === 'string' ? unmark(value) : Array.isArray(value) ? value.map((v: unknown) => (typeof v === 'string' ? unmark(v) : v)) : value;
  }
  return out as T;
}

/** Positionals in the order typed: the words that followed `--` were moved first for yargs, and go last again. */
function afterDashes(words: readonly string[]): string[] {
  // A missing positional is undefined here (yargs reports it as well): it stays where it is.
  const marked = (w: string | undefined): boolean => typeof w === 'string' && w.startsWith(LITERAL);
  return [...words.filter((w) => !marked(w)), ...words.filter(marked)];
}

/**
 * The first option word of a command line that the command does not know (`--quite`, `-z`), or undefined. Words after
 * `--` are files, and `--no-x` is the negation of a known `--x`.
 */
function unknownOption(argv: readonly string[], known: ReadonlySet<string>): string | undefined {
  for (const word of argv) {
    if (word.startsWith(LITERAL) || word === STDIN) continue;
    if (/^--[^-]/.test(word)) {
      const name = word.slice(2).split('=')[0]!;
      if (!known.has(name) && !(name.startsWith('no-') && known.has(name.slice(3)))) return `--${name}`;
    } else if (/^-[A-Za-z]/.test(word)) {
      const letters = word.slice(1).split('=')[0]!;
      if (![...letters].every((l) => known.has(l))) return word.split('=')[0]!;
    }
  }
  return undefined;
}

/** ` (did you mean --quiet?)` for a long option one or two edits from a known one, else nothing. */
function closest(typo: string, known: ReadonlySet<string>, negated = false): string {
  if (!typo.startsWith('--')) return '';
  const name = typo.slice(2);
  let best: string | undefined;
  let bestDistance = 3;
  for (const k of known) {
    if (k.length < 2 || /[A-Z]/.test(k)) continue;
    const d = editDistance(name, k);
    if (d < bestDistance) {
      best = k;
      bestDistance = d;
    }
  }
  return best ? ` (did you mean --${negated ? 'no-' : ''}${best}?)` : '';
}

/** Levenshtein distance of two short words. */
function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) row.push(Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1)));
    prev = row;
  }
  return prev[b.length]!;
}

/** A yargs message with the words it quotes as the user typed them (`Unknown argument: -x`). */
function shown(message: string): string {
  return message.replaceAll(STDIN, '-').replaceAll(LITERAL, '');
}

/** A command-line word as the user typed it: `-` for the standard-input marker, the word itself for a marked one. */
function unmark(word: string): string {
  const typed = word.startsWith(LITERAL) ? word.slice(LITERAL.length) : word;
  return typed === STDIN ? '-' : typed;
}

/**
 * Parses arguments and runs a command.
 * @param options for tests, which compare the two ways of reading a command line: `quick: false` always parses with
 * yargs (otherwise the commonest check command lines are read by src/cli/quick.ts); `check` stands in for the check
 * command
 * @returns the exit code: 0 clean, 1 findings, 2 usage or input error
 */
export async function run(args: string[], io: Io = processIo(), options: RunOptions = {}): Promise<number> {
  const empty = emptyNumberOption(args);
  if (empty !== undefined) {
    io.stderr(`wireproof: ${empty} needs a number, not an empty value (see wireproof --help)\n`);
    return 2;
  }
  const emptyFile = emptyNumberOption(args, FILE_OPTIONS);
  if (emptyFile !== undefined) {
    io.stderr(`wireproof: ${emptyFile} needs a file name, not an empty value (see wireproof --help)\n`);
    return 2;
  }
  const quick = options.quick === false ? undefined : quickCheckArgs(args);
  if (quick !== undefined) return runQuick(quick, io, options.check);
  // yargs drops a bare "-" from positionals; carry it through as a token no file name can be.
  let argv = args.map((a) => (a === '-' ? STDIN : a));
  const dashes = argv.indexOf('--');
  // After `--`, `-` is still standard input, marked and moved like the other words so that it keeps its place.
  if (dashes >= 0) argv = [...argv.slice(0, dashes), ...argv.slice(dashes + 1).map((a) => `${LITERAL}${a}`)];
  // Found before the command's name is taken off below: listValues rewrites the list options of this command.
  const command = commandOf(argv);
  // The command named first runs as yargs' default command. yargs renders the whole help text before running a
  // named (non-default) command, to have it ready for errors (yargs lib/command.js, cacheHelpMessage), and our
  // errors never show it: ~10 ms of every `check` at start-up and ~40 ms of every `compare` or `batch` (string widths
  // for the help layout; --cpu-prof, 2026-11-24). Behaviour is the same. Not with --help (the help of that command is
  // wanted), nor when the next word is a command name too (`check compare` checks a file called "compare").
  let direct: string | undefined = 'check';
  if (COMMANDS.has(argv[0] ?? '') && !COMMANDS.has(argv[1] ?? '') && !argv.includes('--help') && !argv.includes('-h')) {
    direct = argv[0];
    argv = argv.slice(1);
  } else if (COMMANDS.has(argv[0] ?? '')) {
    direct = undefined;
  }
  if (dashes >= 0) {
    // The words after `--` go first, before any option: left in place, a list option before `--` (`--language fr --
    // -draft.txt`) took them as its values. The command puts them back after its other files (afterDashes).
    const at = direct === undefined && COMMANDS.has(argv[0] ?? '') ? 1 : 0;
    const marked = argv.filter((a) => a.startsWith(LITERAL));
    const rest = argv.filter((a) => !a.startsWith(LITERAL));
    argv = [...rest.slice(0, at), ...marked, ...rest.slice(at)];
  }
  argv = listValues(argv, command);
  /** A command's names: `$0 …` as well when it is the one to run directly. */
  const names = (name: string, spec: string): string[] => (direct === name ? [`${name}${spec}`, `$0${spec}`] : [`${name}${spec}`]);
  let code = 0;
  let usageError: string | undefined;
  const batch = batchCommand(io, (c) => {
    code = c;
  });
  // The options of the command being parsed, read from its builder (yargs validates positionals before middleware).
  let known: ReadonlySet<string> | undefined;
  const remember = <Y extends Argv>(y: Y): Y => {
    // yargs has getOptions() at run time; its types do not declare it (lastValueWins reads it the same way).
    const o = (y as unknown as { getOptions(): { key: Record<string, unknown>; alias: Record<string, string[]> } }).getOptions();
    const keys = new Set<string>([...Object.keys(o.key), ...Object.values(o.alias).flat()]);
    for (const k of [...keys]) keys.add(k.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase()));
    known = keys;
    return y;
  };
  const parser = yargs(argv)
    .scriptName('wireproof')
    .version(VERSION)
    // As ESLint: -h and -v are --help and --version.
    .alias('version', 'v')
    .strict()
    .exitProcess(false)
    .fail((msg, err) => {
      // An unknown option before the files takes the next word as its value, and yargs then says the files are
      // missing: `check --quite wire.txt` pointed a CI log at the file list instead of the typo (a review, 2026-12-07).
      const typo = !err && /^Not enough non-option arguments/.test(msg) && known ? unknownOption(argv, known) : undefined;
      if (typo) msg = `Unknown option: ${typo}${closest(typo, known!)}`;
      // yargs lists an unknown option twice, as typed and camel-cased (`Unknown arguments: fial-on, fialOn`).
      const unknown = (err as Error | undefined) ? null : /^Unknown arguments?: (.+)$/s.exec(msg);
      if (unknown) {
        const names = unknown[1]!.split(', ');
        const typed = names.filter((n) => !names.some((m) => m !== n && m.includes('-') && m.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase()) === n));
        const words = typed.map((n) => (n.length === 1 ? `-${n}` : `--${n}`));
        // Only when every one was typed as an option: a word too many (`compare a b extra`) keeps yargs' wording.
        // As typed: `--no-quite` is reported by yargs as "quite".
        const typedAs = (w: string): string => (w.startsWith('--') && argv.some((a) => a === `--no-${w.slice(2)}` || a.startsWith(`--no-${w.slice(2)}=`)) ? `--no-${w.slice(2)}` : w);
        const asOption = (w: string): boolean =>
          typedAs(w) !== w || argv.some((a) => a === w || a.startsWith(`${w}=`) || (w.length === 2 && /^-[A-Za-z]+$/.test(a) && a.includes(w[1]!)));
        if (words.every(asOption)) msg = `Unknown option${words.length === 1 ? '' : 's'}: ${words.map(typedAs).join(', ')}${words.length === 1 && known ? closest(words[0]!, known, typedAs(words[0]!) !== words[0]) : ''}`;
      }
      // Throwing stops yargs from running the command after a usage error (it would otherwise still print a report).
      usageError = shown((err ? err.message : msg).replace(/\s*\n\s*/g, ' ').trim());
      throw new WireproofError(`${usageError} (see wireproof --help)`, 'usage');
    })
    // A single-value option given twice (`--fail-on never` in a package script, `-- --fail-on error` appended by a CI
    // job) reached the commands as an array: --fail-on then never failed, other options threw a Node error naming
    // "paths[1]" (review, 2026-12-07). The last value wins, as in ESLint; options declared as lists keep every value.
    // yargs calls middleware with its current instance as second argument; its types declare only the first.
    .middleware(lastValueWins as unknown as (argv: Record<string, unknown>) => void, true)
    .command({
      command: names('check', ' <files..>'),
      describe: 'Report, per paragraph, whether a translated wire is machine-translated, how sure, and why',
      builder: (y) =>
        remember(y
          .positional('files', { type: 'string', array: true, describe: 'Files, folders or quoted globs to check (- for standard input)' })
          .option('format', { alias: 'f', type: 'string', default: 'text', describe: `Output format: ${FORMAT_NAMES.join(', ')}, or a path to a formatter module` })
          .option('output-file', { alias: 'o', type: 'string', requiresArg: true, describe: 'Write the report to this file (atomically) instead of stdout' })
          .option('fail-on', { choices: ['error', 'warning', 'info', 'never'] as const, describe: 'Lowest message severity that makes the exit code 1 (default: error)' })
          .option('quiet', { type: 'boolean', default: false, describe: 'Report errors only' })
          .option('max-warnings', { type: 'number', requiresArg: true, describe: 'Exit 1 when there are more warnings than this (default -1: no limit)' })
          .option('color', { type: 'boolean', describe: 'Force colour on or off (default: on a terminal, unless NO_COLOR is set)' })
          .option('rule', { type: 'string', array: true, nargs: 1, default: [] as string[], describe: 'Set a rule level: <rule-id>=<error|warning|info|off> (repeatable)' })
          .option('language', { type: 'string', array: true, nargs: 1, describe: 'Languages to consider (ISO 639-1), e.g. --language fr en or fr,en' })
          .option('prior', { type: 'number', requiresArg: true, describe: 'Expected share of machine translation (0-1); shifts probabilities by Bayes’ rule' })
          .option('input-format', { choices: ['auto', 'text', 'html'] as const, default: 'auto' as const, describe: 'Treat inputs as text or HTML (default: sniff)' })
          .option('corpora', { type: 'string', requiresArg: true, describe: 'Use this corpora folder instead of the shipped one' })
          .option('config', { type: 'string', requiresArg: true, describe: 'Configuration file (default: search .wireproofrc.json, wireproof.config.js, package.json "wireproof")' })
          .option('baseline', { type: 'string', requiresArg: true, describe: 'Baseline file: findings it lists are accepted and not reported' })
          .option('update-baseline', { type: 'boolean', describe: 'Write the current findings into the --baseline file' })
          .option('source', { type: 'string', requiresArg: true, describe: 'The original-language source (e.g. the English wire): check numbers, names, quotes and paragraphs against it' })
          .option('references', { type: 'string', array: true, nargs: 1, describe: 'Reference phrasing files or folders (JSONL) added to the shipped ones (repeatable)' })
          .option('stdin-filename', { type: 'string', requiresArg: true, describe: 'Name to report standard input (-) under, and to tell its format from (as ESLint)' })),
      handler: async (a) => {
        const checkArgs = a as unknown as CheckArgs;
        // The pipeline loads after argument parsing, so --help, --version and usage errors stay instant.
        const runCheck = options.check ?? (await import('./check.js')).runCheck;
        code = await runCheck(unmarkArgs({ ...checkArgs, files: afterDashes(checkArgs.files) }), io);
      },
    })
    .command({
      command: names('compare', ' <reference> <candidate>'),
      describe: 'Align two versions of a story paragraph by paragraph: status, similarity, word diff, machine share',
      builder: (y) => remember(compareBuilder(y)),
      handler: async (a) => {
        // Loaded on demand: `check` start-up must not pay for jsdiff, aliases and alignment.
        const { runCompare } = await import('./compare.js');
        const compareArgs = a as unknown as import('./compare.js').CompareArgs;
        const [reference, candidate] = afterDashes([compareArgs.reference, compareArgs.candidate]);
        code = await runCompare(unmarkArgs({ ...compareArgs, reference: reference!, candidate: candidate! }), io);
      },
    })
    .command({
      command: names('eval', ''),
      describe: 'Measure calibration and discrimination on a labelled JSONL of human and machine translations (docs/accuracy.md)',
      builder: (y) =>
        y
          .option('data', { type: 'string', requiresArg: true, describe: 'JSONL of the fr-ht-vs-mt-paragraphs schema (default: ../shared/data/fr-ht-vs-mt-paragraphs/paragraphs.jsonl)' })
          .option('out', { type: 'string', requiresArg: true, describe: 'Where to write the JSON figures (default: reports/eval.json in the working folder)' })
          .option('model', { type: 'string', requiresArg: true, describe: 'A model file instead of corpora/models/fr.json' })
          .option('skip-loso', { type: 'boolean', default: false, describe: 'Skip the leave-one-system-out refits (slow)' }),
      handler: async (marked) => {
        const a = unmarkArgs(marked);
        const { runEval } = await import('../eval/index.js');
        const result = await runEval({
          ...(a['data'] ? { data: String(a['data']) } : {}),
          // Relative to the working folder: the library's default (the repository's reports/) would be inside
          // node_modules once installed.
          out: resolve(io.cwd, a['out'] ? String(a['out']) : join('reports', 'eval.json')),
          ...(a['model'] ? { model: String(a['model']) } : {}),
          skipLoso: Boolean(a['skipLoso']),
          log: (l: string) => io.stderr(`${l}\n`),
        });
        if (result.skipped) io.stderr(`${result.message}\n`);
        else io.stdout(result.markdown);
        code = 0;
      },
    })
    .command({
      ...batch,
      builder: ((y: Argv) => remember((batch.builder as (y: Argv) => Argv)(y))) as typeof batch.builder,
      command: names('batch', ' <inputs..>'),
      handler: (a) => batch.handler(unmarkArgs({ ...a, inputs: afterDashes(a.inputs) })),
    })
    .demandCommand(1)
    .help()
    .alias('help', 'h')
    .wrap(null);
  // With a parse callback yargs hands its own output (--help, --version) over instead of printing it through
  // console.log, so it reaches this run's io like every other line (an embedding caller captures it; the bin writes
  // it to stdout as before). Usage errors still go through fail() above.
  let output = '';
  try {
    await parser.parseAsync(argv, {}, (error, _argv, text) => {
      output = text;
      // With a callback, yargs passes an error thrown by a command here instead of to fail(): record it as fail() does
      // (a thrown value without a message fails there too, and is reported below as an internal error).
      if (error && usageError === undefined) {
        try {
          usageError = shown((error as Error).message.replace(/\s*\n\s*/g, ' ').trim());
        } catch {
          usageError = undefined;
        }
      }
    });
    if (output !== '') io.stdout(`${output}\n`);
  } catch (error) {
    if (error instanceof WireproofError) {
      io.stderr(`wireproof: ${error.message}\n`);
      return 2;
    }
    if (usageError === undefined) {
      io.stderr(`wireproof: internal error: ${(error as Error).message}\n`);
      return 2;
    }
  }
  if (usageError !== undefined) {
    io.stderr(`wireproof: ${usageError}\n`);
    return 2;
  }
  return code;
}

/** The check command on arguments read by quickCheckArgs, with its errors reported as run() reports them after yargs. */
async function runQuick(args: CheckArgs, io: Io, check?: RunOptions['check']): Promise<number> {
  try {
    const runCheck = check ?? (await import('./check.js')).runCheck;
    return await runCheck(args, io);
  } catch (error) {
    if (error instanceof WireproofError) {
      io.stderr(`wireproof: ${error.message}\n`);
      return 2;
    }
    // As after yargs: it hands any other error thrown by a command to fail() above, which keeps its message on one
    // line; a thrown value without a message fails there and is reported as an internal error.
    let message: string | undefined;
    try {
      message = (error as Error).message.replace(/\s*\n\s*/g, ' ').trim();
    } catch {
      message = undefined;
    }
    io.stderr(message !== undefined ? `wireproof: ${message}\n` : `wireproof: internal error: ${(error as Error).message}\n`);
    return 2;
  }
}

/** True when this module is the process entry point (through the npm bin symlink or directly), not an import. */
function isEntryPoint(): boolean {
  try {
    return realpathSync(process.argv[1] ?? '') === fileURLToPath(import.meta.url);
  } catch {
    return false;
  }
}

/** Runs the command line of this process and exits with its code (the bin, dist/cli/bin.cjs, calls this). */
export function main(argv: readonly string[] = process.argv): Promise<void> {
  watchStdout();
  return run(hideBin([...argv])).then(
    (code) => exitWhenFlushed(code),
    (error: unknown) => {
      process.stderr.write(`wireproof: internal error: ${(error as Error).message}\n`);
      exitWhenFlushed(2);
    },
  );
}

/**
 * Exits as soon as standard output and standard error have handed everything to the system. wireproof's own work is
 * finished by then (run() awaits every write and the batch pool's shutdown); what a natural exit would still wait for
 * is V8's idle-time garbage collection, about 6 ms of a one-article check (--trace-gc; bench/run.mjs). When a user's
 * formatter or configuration module was loaded, the process ends naturally instead: work it left running (a write
 * it did not await, a timer) still completes, as it did before.
 */
function exitWhenFlushed(code: number): void {
  if (stdoutFailed) code = 2;
  process.exitCode = code;
  if (loadedUserModules()) return;
  process.stdout.write('', (error) => {
    if (error) stdoutError(error);
    process.stderr.write('', () => process.exit(stdoutFailed ? 2 : code));
  });
}

/** Set once writing the report to standard output failed (other than a closed pipe). */
let stdoutFailed = false;

/**
 * A report that could not be written to standard output is lost: say so and exit 2, as `--output-file` does. A
 * full disk (`> /dev/full`, a CI job redirecting to a full volume) used to exit 0 with nothing on stderr (a review,
 * 2026-12-07). A closed pipe (`| head`) is the reader's choice, not an error: it stays quiet, as before.
 */
function stdoutError(error: unknown): void {
  if (stdoutFailed || (error as NodeJS.ErrnoException).code === 'EPIPE') return;
  stdoutFailed = true;
  process.exitCode = 2;
  process.stderr.write(`wireproof: cannot write to standard output (${fsReason(error)})\n`);
}

function watchStdout(): void {
  process.stdout.on('error', stdoutError);
}

if (isEntryPoint()) void main();
