// One batch at a time per output folder: a lock file in DIR holding the pid of the run that writes there.
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { WireproofError } from '../types.js';
import { fsReason, processRuns } from '../util/fs.js';

/** The lock file inside DIR while a batch writes there (hidden: a later batch over DIR's parent skips it). */
export const LOCK_FILE = '.wireproof-lock';

/**
 * Takes DIR for this run: a lock file holding this process's pid, created exclusively. One left by a process that no
 * longer runs (killed outright) is taken over; one of a live process is a usage error naming it.
 * @returns a function that gives the folder back (removes the lock if it is still this run's)
 */
export function lockFolder(outDir: string, shown: string): () => void {
  const path = join(outDir, LOCK_FILE);
  const mine = `${process.pid}\n`;
  // Two runs of this process (the API awaited in parallel) share its pid: they are told apart here.
  if (held.has(path)) throw new WireproofError(`--out ${shown}: another batch of this process is writing there; wait for it to end or choose another folder`, 'usage');
  for (let attempt = 0; ; attempt++) {
    try {
      writeFileSync(path, mine, { flag: 'wx' });
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw new WireproofError(`--out ${shown}: cannot lock the folder (${fsReason(error)})`, 'usage');
      // Another run took over a stale lock between our look and our try, twice: it is writing there.
      if (attempt > 2) throw new WireproofError(`--out ${shown}: another wireproof batch is writing there; wait for it to end or choose another folder`, 'usage');
    }
    let holder = NaN;
    try {
      holder = Number.parseInt(readFileSync(path, 'utf8'), 10);
    } catch {
      // Removed meanwhile: try again.
    }
    if (Number.isInteger(holder) && holder > 0 && holder !== process.pid && processRuns(holder)) {
      throw new WireproofError(`--out ${shown}: another wireproof batch (process ${holder}) is writing there; wait for it to end or choose another folder`, 'usage');
    }
    rmSync(path, { force: true });
  }
  held.add(path);
  return () => releaseLock(outDir);
}

/** Lock files this process holds. */
const held = new Set<string>();

/** Removes DIR's lock if this process holds it (at the end of a run, or when it is interrupted). */
export function releaseLock(outDir: string): void {
  const path = join(outDir, LOCK_FILE);
  held.delete(path);
  try {
    if (readFileSync(path, 'utf8') === `${process.pid}\n`) rmSync(path, { force: true });
  } catch {
    // Gone already.
  }
}

