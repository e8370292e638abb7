// Whether a file of dist/ was built from the sources as they are now: tests that load built output skip when it is stale.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

function newestInside(dir: string, accept: (name: string) => boolean): number {
  let newest = 0;
  for (const name of readdirSync(dir)) {
    const abs = join(dir, name);
    const st = statSync(abs);
    if (st.isDirectory()) newest = Math.max(newest, newestInside(abs, accept));
    else if (accept(name)) newest = Math.max(newest, st.mtimeMs);
  }
  return newest;
}

/**
 * The absolute path of `file` (relative to the project root) when it exists and is newer than every source under
 * src/ and every corpus file, else null: `npm test` after an edit without `npm run build` must not test old code.
 */
export function freshDist(file: string): string | null {
  const abs = resolve(file);
  if (!existsSync(abs)) return null;
  const built = statSync(abs).mtimeMs;
  const sources = Math.max(newestInside(resolve('src'), (n) => n.endsWith('.ts') || n.endsWith('.cts')), newestInside(resolve('corpora'), (n) => n.endsWith('.jsonl')));
  return sources <= built ? abs : null;
}
