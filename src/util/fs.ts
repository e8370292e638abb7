// Atomic file writes (temporary file + rename) and plain words for why a file system call failed, shared by the CLI and batch workers.
import { randomBytes } from 'node:crypto';
import { chmodSync, mkdirSync, readdirSync, renameSync, rmSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** Plain words for the errno codes file system calls meet (--output-file, batch reports, folder walks). */
const REASONS: Readonly<Record<string, string>> = {
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EISDIR: 'is a directory',
  ENOTDIR: 'a parent is not a folder',
  EEXIST: 'a parent is not a folder', // mkdir of a parent that exists as a file
  ENOENT: 'no such file or folder',
  EROFS: 'read-only file system',
  ENOSPC: 'no space left on device',
  EDQUOT: 'disk quota exceeded',
  EFBIG: 'file too large',
  ENAMETOOLONG: 'name too long',
  ELOOP: 'too many symbolic links',
};

/**
 * Why a file system call failed, in a few words for a one-line message: plain words for the usual errno codes, the
 * raw code for the others, the first line of the message for an error without a code. Never Node's own text, which
 * repeats the absolute path.
 */
export function fsReason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code !== undefined) return REASONS[code] ?? code;
  return String((error as Error | undefined)?.message ?? error).split('\n')[0] ?? 'error';
}

/** Folders this process has created or found (see writeFileAtomic). */
const madeDirs = new Set<string>();

/**
 * The temporary name a file is written under before its rename: in the same folder (rename(2) is atomic only within
 * one file system), hidden (a later batch over the folder skips it), unique across processes and worker threads (the
 * pid and 48 random bits), and at most 24 bytes whatever the final name. It used to be the final name plus a suffix,
 * which took a legal 250-byte report name over NAME_MAX (255 bytes): ENAMETOOLONG for a file that could be written.
 */
export function tempNameFor(path: string): string {
  return join(dirname(path), `.${process.pid.toString(36)}-${randomBytes(6).toString('hex')}.tmp`);
}

/**
 * Writes a file atomically: a temporary file in the same folder (see tempNameFor), then a rename (atomic within one
 * file system on POSIX, rename(2)), so a reader, or a run killed half-way, never sees half a report under its final
 * name. On failure the temporary file is removed and the error thrown.
 * @param path final path
 * @param content text to write (UTF-8)
 * @param options `keepMode`: a file that exists keeps its permissions (`-o` over a report made private with chmod
 *   600 came back 644; a review, 2026-12-07)
 */
export function writeFileAtomic(path: string, content: string, options: { keepMode?: boolean } = {}): void {
  const dir = dirname(path);
  // A batch writes thousands of reports into a few folders: create each folder once per process (mkdir was 7 % of a
  // batch worker's report writing, V8 profile), and again only if it has gone since (ENOENT below).
  if (!madeDirs.has(dir)) {
    mkdirSync(dir, { recursive: true });
    madeDirs.add(dir);
  }
  const tmp = tempNameFor(path);
  try {
    try {
      writeFileSync(tmp, content);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      mkdirSync(dir, { recursive: true });
      writeFileSync(tmp, content);
    }
    if (options.keepMode) {
      const existing = statSync(path, { throwIfNoEntry: false });
      if (existing) chmodSync(tmp, existing.mode & 0o7777);
    }
    renameSync(tmp, path);
  } catch (error) {
    rmSync(tmp, { force: true });
    throw error;
  }
}

/** A temporary name of tempNameFor: the writing process's pid (base 36) and 48 random bits. */
const TEMP_NAME = /^\.([0-9a-z]{1,8})-[0-9a-f]{12}\.tmp$/;

/** Whether a process with this pid runs (one of another user counts: EPERM). */
export function processRuns(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Removes the temporary files writeFileAtomic leaves when a process is killed mid-write (SIGKILL, or SIGTERM during a
 * synchronous write): those of `pid` when given (this process, on its way out), else those of processes that no
 * longer run. A run interrupted while writing a 77 MB report left it beside the report (a review, 2026-12-07). Only
 * names of that exact shape are touched, never through a symbolic link; errors are ignored (it only tidies).
 * @param dir the folder (and, with `recursive`, its subfolders)
 * @returns how many files were removed
 */
export function sweepTemporaryFiles(dir: string, options: { recursive?: boolean; pid?: number } = {}): number {
  let removed = 0;
  const live = new Map<number, boolean>();
  const walk = (folder: string): void => {
    let entries;
    try {
      entries = readdirSync(folder, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      if (e.isDirectory()) {
        if (options.recursive) walk(join(folder, e.name));
        continue;
      }
      const m = TEMP_NAME.exec(e.name);
      if (!m || !e.isFile()) continue;
      const pid = parseInt(m[1]!, 36);
      const stale = options.pid !== undefined ? pid === options.pid : !(live.get(pid) ?? live.set(pid, processRuns(pid)).get(pid)!);
      if (!stale) continue;
      try {
        unlinkSync(join(folder, e.name));
        removed++;
      } catch {
        // Gone already, or not ours to remove: tidying only.
      }
    }
  };
  walk(dir);
  return removed;
}
