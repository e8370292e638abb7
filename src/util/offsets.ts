// Helpers over OffsetMap: the runs that tie a paragraph's characters to source offsets.
import type { OffsetMap } from '../types.js';

/**
 * Source offset of character `i` of a text mapped by `map`.
 * @param map runs `[textIndex, sourceOffset]`, sorted by textIndex
 */
export function toSource(map: OffsetMap, i: number): number {
  let lo = 0;
  let hi = map.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (map[mid]![0] <= i) lo = mid;
    else hi = mid - 1;
  }
  const run = map[lo] ?? [0, 0];
  return run[1] + (i - run[0]);
}

/** The map of `text.slice(start)`: runs shifted so that index 0 is `start`. */
export function sliceMap(map: OffsetMap, start: number, end: number): Array<[number, number]> {
  const out: Array<[number, number]> = [[0, toSource(map, start)]];
  for (const [t, s] of map) {
    if (t > start && t < end) out.push([t - start, s]);
  }
  return out;
}
