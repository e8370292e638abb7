// Where a command's --output-file goes: through symlinks, straight into devices and FIFOs, never over an input.
import { fstatSync, lstatSync, readlinkSync, realpathSync, statSync, writeFileSync, type Stats } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { WireproofError } from '../types.js';
import { oneLine } from '../util/oneline.js';
import { fsReason, sweepTemporaryFiles, writeFileAtomic } from '../util/fs.js';
import type { Io } from './io.js';

/** The process's own standard streams, by the names a CI script gives them (`-o /dev/stdout`). */
const STREAMS: ReadonlyMap<string, 'stdout' | 'stderr'> = new Map([
  ['/dev/stdout', 'stdout'],
  ['/dev/fd/1', 'stdout'],
  ['/proc/self/fd/1', 'stdout'],
  ['/dev/stderr', 'stderr'],
  ['/dev/fd/2', 'stderr'],
  ['/proc/self/fd/2', 'stderr'],
]);

/**
 * `stdout` or `stderr` when --output-file names the process's own stream. Those are written through the command's
 * streams, not opened again: reopening /dev/stdout fails when it is a pipe (its /proc link names no file), and
 * truncates a file the shell opened for appending (`>> log`).
 */
export function standardStream(outputFile: string, cwd: string): 'stdout' | 'stderr' | undefined {
  return STREAMS.get(resolve(cwd, outputFile));
}

/**
 * The file a path finally names: symbolic links are followed (writing a report "to" a link must update what it points
 * at, not replace the link with a regular file), a dangling link gives its target.
 */
function finalTarget(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    let current = path;
    try {
      for (let hops = 0; hops < 40; hops++) {
        const st = lstatSync(current, { throwIfNoEntry: false });
        if (!st?.isSymbolicLink()) return st ? current : inRealFolder(current);
        current = resolve(dirname(current), readlinkSync(current));
      }
    } catch {
      // A parent that is not a folder (ENOTDIR) and the like: the write below meets it and says so.
    }
    return current;
  }
}

/** A file not yet written, named in its folder's real path (`lnk/new.json` → `/…/sub/new.json`). */
function inRealFolder(path: string): string {
  try {
    return join(realpathSync(dirname(path)), basename(path));
  } catch {
    return path;
  }
}

/**
 * Whether two paths name the same file, existing or not yet written: through symbolic links, to the file and to its
 * folders. (--output-file against a baseline that --update-baseline is about to create.)
 */
export function sameTarget(a: string, b: string, cwd: string): boolean {
  return finalTarget(resolve(cwd, a)) === finalTarget(resolve(cwd, b));
}

function sameFile(a: Stats | undefined, b: Stats | undefined): boolean {
  return a !== undefined && b !== undefined && a.dev === b.dev && a.ino === b.ino;
}

function statOrUndefined(path: string): Stats | undefined {
  try {
    return statSync(path, { throwIfNoEntry: false });
  } catch {
    return undefined;
  }
}

/** `--output-file ''` (an unset variable) is a usage error: it wrote to stdout (review, 2026-12-07). */
export function assertOutputName(outputFile: string | undefined): void {
  if (outputFile === '') throw new WireproofError('--output-file "": empty file name (leave the option out to write to stdout)', 'usage');
}

/**
 * Refuses an output path that names one of the inputs (inputs are never modified): checked before any work, so a
 * slip such as `check wire.txt -o wire.txt` costs nothing. Inputs are the files checked, and the files and folders a
 * run reads besides (source, reference phrasings, configuration): the output may be none of them, nor inside an
 * input folder. `-` (standard input) is compared by device and inode, so `check - -o in.txt < in.txt` is refused.
 * @param option the option named in the error (`--baseline` when --update-baseline is about to write it)
 * @param insideFolders also refuse a path inside an input folder (a report there would be read as a wire next time)
 * @throws WireproofError (`usage`)
 */
export function assertNotAnInput(outputFile: string, inputs: readonly string[], cwd: string, option = '--output-file', insideFolders = true): void {
  if (standardStream(outputFile, cwd)) return;
  const target = finalTarget(resolve(cwd, outputFile));
  const targetStat = statOrUndefined(target);
  const refuse = (input: string): never => {
    throw new WireproofError(`${option} ${oneLine(outputFile)}: is one of the inputs (${oneLine(input)}); inputs are never overwritten`, 'usage');
  };
  for (const input of inputs) {
    if (input === '-') {
      let stdin: Stats | undefined;
      try {
        stdin = fstatSync(0);
      } catch {
        stdin = undefined;
      }
      if (stdin?.isFile() && sameFile(stdin, targetStat)) refuse('standard input');
      continue;
    }
    let real: string;
    try {
      real = realpathSync(resolve(cwd, input));
    } catch {
      continue; // a missing input cannot be overwritten; reading it reports it
    }
    if (real === target) refuse(input);
    if (insideFolders && statOrUndefined(real)?.isDirectory() && (target.startsWith(`${real}/`) || target === real)) refuse(input);
  }
}

/**
 * Writes a command's output to `--output-file`. A regular file (or a new one) is written atomically, through any
 * symbolic link; a character device or FIFO (`/dev/null`, a named pipe) is written in place, since renaming over it
 * would replace the device. The process's own streams go to `streams` (see {@link standardStream}). A failure is one
 * line naming the file and why.
 * @throws WireproofError (`usage`, exit 2)
 */
export function writeOutputFile(outputFile: string, content: string, cwd: string, streams: Pick<Io, 'stdout' | 'stderr'>): void {
  const stream = standardStream(outputFile, cwd);
  if (stream) {
    streams[stream](content);
    return;
  }
  const given = resolve(cwd, outputFile);
  try {
    const st = statOrUndefined(given);
    if (st?.isDirectory()) throw Object.assign(new Error('is a directory'), { code: 'EISDIR' });
    if (st && !st.isFile()) writeFileSync(given, content);
    else {
      const target = finalTarget(given);
      // What a run killed mid-write left beside the report (its pid is gone): tidied before writing again.
      sweepTemporaryFiles(dirname(target));
      writeFileAtomic(target, content, { keepMode: true });
    }
  } catch (error) {
    throw new WireproofError(`${oneLine(outputFile)}: cannot write the report (${fsReason(error)})`, 'usage');
  }
}
