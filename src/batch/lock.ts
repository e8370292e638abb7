// One batch at a time per output folder: a lock file in DIR holding the pid of the run that writes there.
import { randomBytes } from 'node:crypto';
import { closeSync, fchmodSync, linkSync, openSync, readFileSync, rmSync, unlinkSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { WireproofError } from '../types.js';
import { fsReason, processRuns } from '../util/fs.js';

/** The lock file inside DIR while a batch writes there (hidden: a later batch over DIR's parent skips it). */
export const LOCK_FILE = '.wireproof-lock';

/** Lock files this process holds: two runs of one process (the API awaited in parallel) share its pid. */
const held = new Set<string>();

/** How long (ms) a new lock is left before it is read back, so that a run taking over a stale lock at the same moment is seen. */
const SETTLE_MS = 30;

/** What a lock file holds: a pid and a newline, nothing else (`12abc` is not pid 12). */
const LOCK_TEXT = /^([1-9][0-9]{0,9})\n$/;

/**
 * Takes DIR for this run. The lock file is made whole beside it and linked into place, which fails if one exists
 * (so no run ever reads a half-written lock), readable by all (another user's run must see it is held). An existing
 * lock is refused when its process runs, when it cannot be read, or when it is this process's; a lock of a process
 * that no longer runs, or that is not a lock (garbage, empty), is taken over. Taking over is a check-then-remove, so
 * two runs doing it at once could both win: each reads its lock back after SETTLE_MS and the loser stops (a second
 * review, 2026-12-07, found both winning 57 times in 60 with a bare check-remove-create).
 * @param shown DIR as the user gave it, for messages
 * @returns a function that gives the folder back (removes the lock if it is still this run's)
 */
export async function lockFolder(outDir: string, shown: string): Promise<() => void> {
  const path = join(outDir, LOCK_FILE);
  const mine = `${process.pid}\n`;
  const busy = (who: string): WireproofError =>
    new WireproofError(`--out ${shown}: ${who} is writing there; wait for it to end or choose another folder`, 'usage');
  const cannot = (error: unknown): WireproofError => new WireproofError(`--out ${shown}: cannot lock the folder (${fsReason(error)})`, 'usage');
  if (held.has(path)) throw busy('another batch of this process');
  const temp = `${path}.${process.pid}-${randomBytes(4).toString('hex')}`;
  try {
    const fd = openSync(temp, 'wx');
    try {
      fchmodSync(fd, 0o644);
      writeSync(fd, mine);
    } finally {
      closeSync(fd);
    }
  } catch (error) {
    rmSync(temp, { force: true });
    throw cannot(error);
  }
  let hardLinks = true;
  try {
    for (let attempt = 0; ; attempt++) {
      try {
        if (hardLinks) linkSync(temp, path);
        else writeFileSync(path, mine, { flag: 'wx', mode: 0o644 });
        break;
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        // A file system without hard links (some network and FUSE mounts): create it in place instead.
        if (hardLinks && (code === 'EPERM' || code === 'ENOTSUP' || code === 'EOPNOTSUPP' || code === 'ENOSYS')) {
          hardLinks = false;
          attempt--;
          continue;
        }
        if (code !== 'EEXIST') throw cannot(error);
      }
      if (attempt >= 3) throw busy('another wireproof batch');
      let text: string;
      try {
        text = readFileSync(path, 'utf8');
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') continue; // gone meanwhile: try again
        // Unreadable (another user's, a folder): held, never removed (it was taken for stale once; a second review).
        throw new WireproofError(`--out ${shown}: cannot read its lock file ${LOCK_FILE} (${fsReason(error)}): if no other batch is writing there, remove it`, 'usage');
      }
      const holder = LOCK_TEXT.exec(text);
      const pid = holder ? Number(holder[1]) : NaN;
      if (holder && (pid === process.pid || processRuns(pid))) throw busy(pid === process.pid ? 'another batch of this process' : `another wireproof batch (process ${pid})`);
      // Stale: removed only if it is still what was read.
      try {
        if (readFileSync(path, 'utf8') === text) unlinkSync(path);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw cannot(error);
      }
    }
  } finally {
    rmSync(temp, { force: true });
  }
  held.add(path);
  await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
  let now = '';
  try {
    now = readFileSync(path, 'utf8');
  } catch {
    // Removed by a run that took it for stale: lost, below.
  }
  if (now !== mine) {
    held.delete(path);
    const other = LOCK_TEXT.exec(now);
    throw busy(other ? `another wireproof batch (process ${other[1]})` : 'another wireproof batch');
  }
  return () => releaseLock(outDir);
}

/** Removes DIR's lock if this process holds it (at the end of a run, or when it is interrupted). */
export function releaseLock(outDir: string): void {
  const path = join(outDir, LOCK_FILE);
  if (!held.delete(path)) return;
  try {
    if (readFileSync(path, 'utf8') === `${process.pid}\n`) rmSync(path, { force: true });
  } catch {
    // Gone already.
  }
}
