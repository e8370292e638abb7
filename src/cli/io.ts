// The CLI's contact with the outside: streams, environment, colour decision, atomic file writes.

/** What a command may touch; tests pass fakes. */
export interface Io {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  env: Record<string, string | undefined>;
  stdoutIsTTY: boolean;
  stderrIsTTY: boolean;
  cwd: string;
}

/** The real process streams. */
export function processIo(): Io {
  return {
    stdout: (t) => process.stdout.write(t),
    stderr: (t) => process.stderr.write(t),
    env: process.env,
    stdoutIsTTY: Boolean(process.stdout.isTTY),
    stderrIsTTY: Boolean(process.stderr.isTTY),
    cwd: process.cwd(),
  };
}

/**
 * Colour on a terminal unless NO_COLOR is set and non-empty (https://no-color.org); FORCE_COLOR and --color force it
 * on, --no-color off. Decided once here: picocolors would also switch it on whenever CI is set.
 */
export function useColor(io: Io, flag: boolean | undefined, toFile: boolean): boolean {
  if (flag !== undefined) return flag;
  if (io.env['NO_COLOR']) return false;
  if (io.env['FORCE_COLOR'] !== undefined && io.env['FORCE_COLOR'] !== '0') return true;
  return !toFile && io.stdoutIsTTY && io.env['TERM'] !== 'dumb';
}

export { writeFileAtomic } from '../util/fs.js';
