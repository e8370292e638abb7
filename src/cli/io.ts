// The CLI's contact with the outside: streams, environment, colour decision, atomic file writes.
import { fstatSync, writeSync } from 'node:fs';

/** What a command may touch; tests pass fakes. */
export interface Io {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  env: Record<string, string | undefined>;
  stdoutIsTTY: boolean;
  stderrIsTTY: boolean;
  cwd: string;
  /**
   * Runs `cleanup` when the process is interrupted (SIGINT, SIGTERM, SIGHUP), then lets the signal end it as it would
   * have (exit status 130, 143 …); returns a function that stops watching. The real process only: tests' fakes leave
   * it out, and a library never touches signals.
   */
  onInterrupt?: (cleanup: () => void) => () => void;
}

const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

function onInterrupt(cleanup: () => void): () => void {
  const handler = (signal: NodeJS.Signals): void => {
    stop();
    try {
      cleanup();
    } finally {
      process.kill(process.pid, signal);
    }
  };
  const stop = (): void => {
    for (const s of SIGNALS) process.removeListener(s, handler);
  };
  for (const s of SIGNALS) process.on(s, handler);
  return stop;
}

/**
 * Writes to standard output when it is a regular file (`> report.json`), with every byte accounted for: Node's stream
 * there takes a short write on a filling disk for success and never reports the error (a second review, 2026-12-07:
 * 28,672 of 252,392 bytes written, exit 0). A failure goes to the stream's `error` listeners, as on a pipe.
 */
function writeToFile(text: string): void {
  const bytes = Buffer.from(text, 'utf8');
  try {
    for (let at = 0; at < bytes.length; ) at += writeSync(1, bytes, at);
  } catch (error) {
    process.stdout.emit('error', error);
  }
}

/** Whether standard output is a regular file. */
function stdoutIsFile(): boolean {
  try {
    return fstatSync(1).isFile();
  } catch {
    return false;
  }
}

/** The real process streams. */
export function processIo(): Io {
  const toFile = stdoutIsFile();
  return {
    stdout: (t) => (toFile ? writeToFile(t) : process.stdout.write(t)),
    stderr: (t) => process.stderr.write(t),
    env: process.env,
    stdoutIsTTY: Boolean(process.stdout.isTTY),
    stderrIsTTY: Boolean(process.stderr.isTTY),
    cwd: process.cwd(),
    onInterrupt,
  };
}

/**
 * Colour on a terminal unless NO_COLOR is set and non-empty (https://no-color.org); --color forces it on, --no-color
 * off. FORCE_COLOR as chalk's supports-color (ESLint's) and Node read it: `1`–`3`, `true` or empty force colour on,
 * `0` or `false` off, even on a terminal (`FORCE_COLOR=false` had turned it on, into `-o` files too; CI review,
 * 2026-12-08). Decided once here: picocolors would also switch it on whenever CI is set.
 */
export function useColor(io: Io, flag: boolean | undefined, toFile: boolean): boolean {
  if (flag !== undefined) return flag;
  if (io.env['NO_COLOR']) return false;
  const force = io.env['FORCE_COLOR'];
  if (force !== undefined) return force === '' || force === 'true' || /^[1-9]\d*$/.test(force);
  return !toFile && io.stdoutIsTTY && io.env['TERM'] !== 'dumb';
}

export { writeFileAtomic } from '../util/fs.js';
