// The arguments of the commonest command lines (`check FILE… [--format F] [--output-file F] [--quiet]`) read without yargs, exactly as yargs reads them.
import type { CheckArgs } from './check.js';

/**
 * Why: yargs is the command line's parser, and stays its only definition (src/cli/main.ts). But parsing one command
 * line with it, cold, is a good part of a one-article check's start-up: setting up the four commands, running the
 * check builder's seventeen options, validation. Skipping it for the command line below took 7.9 ms off the median
 * in-process time of a check (60 alternated fresh processes, 2026-11-24). Only a handful of shapes are read here;
 * anything else (another option, a repeated one, `--`, `--help`, a value that starts with `-`, no file) returns
 * undefined and yargs reads it. tests/cli/quick.test.ts checks, on a table and on random command lines, that every
 * answer equals what yargs hands the check command, and that `run` prints the same either way.
 */

/** Command names that are not `check`: a command line naming one is yargs'. */
const OTHER_COMMANDS = new Set(['compare', 'batch', 'eval']);

/** The value options read here, by every spelling yargs accepts for them (aliases from main.ts). */
const VALUE_OPTIONS: ReadonlyMap<string, 'format' | 'outputFile'> = new Map([
  ['--format', 'format'],
  ['-f', 'format'],
  ['--output-file', 'outputFile'],
  ['-o', 'outputFile'],
]);

/**
 * The check command's arguments for `argv` (after the node and script paths), as yargs would give them to the
 * handler in src/cli/main.ts; undefined when yargs must read this command line.
 */
export function quickCheckArgs(argv: readonly string[]): CheckArgs | undefined {
  let i = argv[0] === 'check' ? 1 : 0;
  const files: string[] = [];
  const values: { format?: string; outputFile?: string } = {};
  let quiet: boolean | undefined;
  for (; i < argv.length; i++) {
    const token = argv[i]!;
    if (token === '-' || !token.startsWith('-')) {
      // A file. A command name (`check compare`), `help` (yargs shows its help for a last word `help`), an empty
      // word and anything yargs might read as other than a plain string are left to yargs.
      if (token === '' || token === 'check' || token === 'help' || OTHER_COMMANDS.has(token) || !isPlainWord(token)) return undefined;
      files.push(token);
      continue;
    }
    if (token === '--quiet') {
      if (quiet !== undefined) return undefined;
      quiet = true;
      continue;
    }
    const eq = token.startsWith('--') ? token.indexOf('=') : -1;
    const name = eq > 0 ? token.slice(0, eq) : token;
    const key = VALUE_OPTIONS.get(name);
    if (key === undefined || values[key] !== undefined) return undefined;
    let value: string | undefined;
    if (eq > 0) value = token.slice(eq + 1);
    else value = argv[++i];
    // yargs-parser strips a pair of quotes around a `--key=value` value (`--format='json'`): such values are its.
    if (value === undefined || value === '' || value.startsWith('-') || /^['"]/.test(value) || !isPlainWord(value)) return undefined;
    values[key] = value;
  }
  if (files.length === 0) return undefined;
  const args: CheckArgs = { files, format: values.format ?? 'text', quiet: quiet ?? false, rule: [], inputFormat: 'auto' };
  if (values.outputFile !== undefined) args.outputFile = values.outputFile;
  return args;
}

/** What yargs-parser might read as a number (its isNumber, and a little more) or a boolean. */
const NUMBER_LIKE = /^[-+]?(?:\d+(?:\.\d*)?|\.\d+)(?:e[-+]?\d+)?$|^0x[0-9a-f]+$|^(?:true|false)$/i;

/**
 * Words yargs keeps as they are (2024-11-24-wire.txt is one; 2024 is not): no white space or control character,
 * nothing a parser might take for a number or a boolean.
 */
function isPlainWord(word: string): boolean {
  return !/[\s\p{Cc}]/u.test(word) && !NUMBER_LIKE.test(word);
}
