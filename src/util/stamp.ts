// Change stamps of files and folders, and a small cache that uses them: a long-running process notices edited data.
import { readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

/**
 * A string that changes when any file at or under the paths (down to `depth` folder levels) is added, removed or
 * rewritten: names, sizes, modification and change times. Caches keyed by path alone served a desk's old references
 * and corpora to a CMS process after the files were edited, even after one was made invalid (API review, 2026-12-08).
 * Paths are resolved first, so `d1`, `d1/` and its absolute path have one stamp. Never throws: a path that cannot be
 * read stamps as such, and the loader that reads it says why.
 */
export function stampOf(paths: readonly string[], depth = 2): string {
  const out: string[] = [];
  const visit = (path: string, level: number): void => {
    let st;
    try {
      st = statSync(path, { throwIfNoEntry: false });
    } catch (error) {
      // ENOTDIR, ELOOP, EACCES: statSync throws them even with throwIfNoEntry false.
      out.push(`${path}:!${(error as NodeJS.ErrnoException).code ?? 'error'}`);
      return;
    }
    if (!st) {
      out.push(`${path}:-`);
      return;
    }
    out.push(`${path}:${st.size}:${st.mtimeMs}:${st.ctimeMs}:${st.ino}`);
    if (!st.isDirectory() || level >= depth) return;
    let names: string[];
    try {
      names = readdirSync(path).sort();
    } catch {
      return;
    }
    for (const name of names) visit(join(path, name), level + 1);
  };
  for (const path of paths) visit(resolve(path), 0);
  return out.join('\n');
}

/** Whether files may change while this process runs (a library in a service), or not (one command-line run). */
let recheck = true;

/**
 * Says that the files read stay as they are for the rest of the process (a command-line run, a batch worker): each
 * cache then looks at its files once. Stamping on every input made a run over 1,000 inputs with 1,000 reference
 * files 3.6 times slower (a second review, 2026-12-08).
 */
export function filesStayPut(): void {
  recheck = false;
}

/**
 * A cache of values built from files: an entry is used while its files are unchanged, and only the `max` most
 * recently used keys are kept (a process that checks against many desks' folders does not grow without bound: 30
 * corpora folders had added 22 MiB, 300 reference files 44 MiB; API review, 2026-12-08). The files are looked at
 * on every use unless {@link filesStayPut} was called.
 */
export class StampedCache<V> {
  private readonly entries = new Map<string, { stamp: string; value: V }>();

  constructor(private readonly max = 16) {}

  /**
   * The value for `key`, built by `build` when there is none or its files changed.
   * @param stamp the files' current stamp (called only when the entry is due for a look)
   */
  get(key: string, stamp: () => string, build: (stamp: string) => V): V {
    const hit = this.entries.get(key);
    const current = hit && !recheck ? hit.stamp : stamp();
    if (hit && hit.stamp === current) {
      // Most recently used last: the first key is the one to drop (17 desks in turn reloaded on every call; review).
      this.entries.delete(key);
      this.entries.set(key, hit);
      return hit.value;
    }
    const value = build(current);
    this.entries.delete(key);
    this.entries.set(key, { stamp: current, value });
    if (this.entries.size > this.max) this.entries.delete(this.entries.keys().next().value!);
    return value;
  }
}
