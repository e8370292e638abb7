// Change stamps of files and folders, and a small cache that uses them: a long-running process notices edited data.
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/**
 * A string that changes when any file at or under the paths (down to `depth` folder levels) is added, removed or
 * rewritten: names, sizes, modification and change times. Caches keyed by path alone served a desk's old references
 * and corpora to a CMS process after the files were edited, even after one was made invalid (API review, 2026-12-08).
 */
export function stampOf(paths: readonly string[], depth = 2): string {
  const out: string[] = [];
  const visit = (path: string, level: number): void => {
    const st = statSync(path, { throwIfNoEntry: false });
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
  for (const path of paths) visit(path, 0);
  return out.join('\n');
}

/**
 * A cache of values built from files: an entry is used only while its stamp is unchanged, and only the `max` most
 * recently stored keys are kept (a process that checks against many desks' folders does not grow without bound:
 * 30 corpora folders had added 22 MiB, 300 reference files 44 MiB; API review, 2026-12-08).
 */
export class StampedCache<V> {
  private readonly entries = new Map<string, { stamp: string; value: V }>();

  constructor(private readonly max = 16) {}

  get(key: string, stamp: string): V | undefined {
    const hit = this.entries.get(key);
    return hit && hit.stamp === stamp ? hit.value : undefined;
  }

  set(key: string, stamp: string, value: V): void {
    this.entries.delete(key);
    this.entries.set(key, { stamp, value });
    if (this.entries.size > this.max) this.entries.delete(this.entries.keys().next().value!);
  }
}
