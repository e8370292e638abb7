// The `compare` command's options, kept apart from its implementation so `check` start-up does not load it.
import type { Argv } from 'yargs';

/** Declares the command's positionals and options on a yargs instance. */
export function compareBuilder<T>(y: Argv<T>): Argv<T> {
  return y
    .positional('reference', { type: 'string', demandOption: true, describe: 'The earlier version: the machine-translated feed copy, or the previous writethru (- for standard input)' })
    .positional('candidate', { type: 'string', demandOption: true, describe: 'The later version: the copy about to be published (- for standard input)' })
    .option('format', { alias: 'f', choices: ['text', 'json'] as const, default: 'text' as const, describe: 'Output format' })
    .option('output-file', { alias: 'o', type: 'string', requiresArg: true, describe: 'Write the comparison to this file (atomically) instead of stdout' })
    .option('reference-is-machine', { type: 'boolean', describe: 'Treat the reference as machine-translated (default: when it carries a notice), so candidate paragraphs inherit provenance' })
    .option('source', { type: 'string', requiresArg: true, describe: 'The original-language source of the candidate: also check numbers, names, quotes and paragraphs against it' })
    .option('color', { type: 'boolean', describe: 'Force colour on or off (default: on a terminal, unless NO_COLOR is set)' })
    .option('input-format', { choices: ['auto', 'text', 'html'] as const, default: 'auto' as const, describe: 'Treat inputs as text or HTML (default: sniff)' })
    .option('corpora', { type: 'string', requiresArg: true, describe: 'Use this corpora folder instead of the shipped one' })
    .option('verbose', { type: 'boolean', default: false, describe: 'Print unchanged paragraphs in full' })
    .option('fail-on', {
      choices: ['error', 'warning', 'info', 'never'] as const,
      // A bare --fail-on (an empty $LEVEL in CI) is a usage error, as in check; it passed as `true` and never failed.
      requiresArg: true,
      default: 'never' as const,
      describe: 'Exit 1 when a --source finding, or a dropped notice (error), reaches this severity (default: never, the comparison is the output)',
    }) as unknown as Argv<T>;
}

