// Where a command's --output-file goes: through symlinks, straight into devices and FIFOs, never over an input.
import { lstatSync, readlinkSync, realpathSync, statSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { WireproofError } from '../types.js';
import { oneLine } from '../util/oneline.js';
import { writeFileAtomic } from '../util/fs.js';

/** Plain words for the errno codes a write meets; the raw code otherwise. */
const REASONS: Record<string, string> = {
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EISDIR: 'is a directory',
  ENOTDIR: 'a parent is not a folder',
  EROFS: 'read-only file system',
  ENOSPC: 'no space left on device',
  EDQUOT: 'disk quota exceeded',
  ENAMETOOLONG: 'name too long',
  ELOOP: 'too many symbolic links',
};

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
        if (!st?.isSymbolicLink()) return current;
        current = resolve(dirname(current), readlinkSync(current));
      }
    } catch {
      // A parent that is not a folder (ENOTDIR) and the like: the write below meets it and says so.
    }
    return current;
  }
}

/** Real path of an input, or undefined when it cannot be resolved (a missing input cannot be overwritten). */
function realInput(path: string, cwd: string): string | undefined {
  if (path === '-') return undefined;
  try {
    return realpathSync(resolve(cwd, path));
  } catch {
    return undefined;
  }
}

/**
 * Refuses an output path that names one of the inputs (inputs are never modified): checked before any work, so a
 * slip such as `check wire.txt -o wire.txt` costs nothing. Paths are compared after following links.
 * @throws WireproofError (`usage`)
 */
export function assertNotAnInput(outputFile: string, inputs: readonly string[], cwd: string): void {
  const target = finalTarget(resolve(cwd, outputFile));
  for (const input of inputs) {
    if (realInput(input, cwd) === target) {
      throw new WireproofError(`--output-file ${oneLine(outputFile)}: is one of the inputs (${oneLine(input)}); inputs are never overwritten`, 'usage');
    }
  }
}

/**
 * Writes a command's output to `--output-file`. A regular file (or a new one) is written atomically, through any
 * symbolic link; a character device or FIFO (`/dev/stdout`, `/dev/null`, a named pipe) is written in place, since
 * renaming over it would replace the device. A failure is one line naming the file and why.
 * @throws WireproofError (`usage`, exit 2)
 */
export function writeOutputFile(outputFile: string, content: string, cwd: string): void {
  const target = finalTarget(resolve(cwd, outputFile));
  try {
    const st = statSync(target, { throwIfNoEntry: false });
    if (st?.isDirectory()) throw Object.assign(new Error('is a directory'), { code: 'EISDIR' });
    if (st && !st.isFile()) writeFileSync(target, content);
    else writeFileAtomic(target, content);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? '';
    throw new WireproofError(`${oneLine(outputFile)}: cannot write the report (${REASONS[code] ?? (code || (error as Error).message)})`, 'usage');
  }
}
