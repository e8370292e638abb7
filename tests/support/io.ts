// A fake Io for CLI tests: captures stdout/stderr, fixed environment.
import type { Io } from '../../src/cli/io.js';

export interface CapturedIo extends Io {
  out: string[];
  err: string[];
}

export function fakeIo(env: Record<string, string | undefined> = {}, cwd = process.cwd()): CapturedIo {
  const out: string[] = [];
  const err: string[] = [];
  return {
    out,
    err,
    stdout: (t) => out.push(t),
    stderr: (t) => err.push(t),
    env,
    stdoutIsTTY: false,
    stderrIsTTY: false,
    cwd,
  };
}
