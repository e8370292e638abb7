// Whether a path made by path.relative climbs out of its base ("..", "../x"), as opposed to a name like "..draft".
import path from 'node:path';

/**
 * True when `rel` (from `pathApi.relative(base, p)`) leaves `base`: it is `..`, starts with `..` and a separator, or is
 * absolute (another drive on Windows). `rel.startsWith('..')` also took files named `..draft.txt` for outside: SARIF
 * gave them an absolute `file:` URI that GitHub cannot place (review, 2026-12-07).
 */
export function leavesBase(rel: string, pathApi: typeof path.posix = path): boolean {
  if (rel === '..' || pathApi.isAbsolute(rel)) return true;
  return rel.startsWith(`..${pathApi.sep}`) || (pathApi.sep === '\\' && rel.startsWith('../'));
}
