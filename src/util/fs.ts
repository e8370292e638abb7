// Atomic file writes (temporary file + rename), shared by the CLI, batch workers and the build scripts' callers.
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * Writes a file atomically: a temporary file in the same folder, then a rename (atomic within one file system on
 * POSIX, rename(2)), so a reader, or a run killed half-way, never sees half a report under its final name.
 * @param path final path
 * @param content text to write (UTF-8)
 */
export function writeFileAtomic(path: string, content: string): void {
  mkdirSync(dirname(path), { recursive: true });
  const tmp = `${path}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  try {
    writeFileSync(tmp, content);
    renameSync(tmp, path);
  } catch (error) {
    rmSync(tmp, { force: true });
    throw error;
  }
}
