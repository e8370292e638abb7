// Atomic file writes (temporary file + rename), shared by the CLI, batch workers and the build scripts' callers.
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/** Folders this process has created or found (see writeFileAtomic). */
const madeDirs = new Set<string>();

/**
 * Writes a file atomically: a temporary file in the same folder, then a rename (atomic within one file system on
 * POSIX, rename(2)), so a reader, or a run killed half-way, never sees half a report under its final name.
 * @param path final path
 * @param content text to write (UTF-8)
 */
export function writeFileAtomic(path: string, content: string): void {
  const dir = dirname(path);
  // A batch writes thousands of reports into a few folders: create each folder once per process (mkdir was 7 % of a
  // batch worker's report writing, V8 profile), and again only if it has gone since (ENOENT below).
  if (!madeDirs.has(dir)) {
    mkdirSync(dir, { recursive: true });
    madeDirs.add(dir);
  }
  const tmp = `${path}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  try {
    try {
      writeFileSync(tmp, content);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      mkdirSync(dir, { recursive: true });
      writeFileSync(tmp, content);
    }
    renameSync(tmp, path);
  } catch (error) {
    rmSync(tmp, { force: true });
    throw error;
  }
}
