// Non-overlapping matches kept in priority order: which characters a kept match already covers.

/**
 * Claims [start, end) in `taken` (one byte per character of the text) when none of it is taken yet; returns whether
 * it did. Linear in the span, where testing each candidate against every kept match was quadratic (review,
 * 2026-12-07: 62,500 repeated notice links took 4.9 s, 180,000 instrument codes 32 s).
 */
export function claim(taken: Uint8Array, start: number, end: number): boolean {
  if (taken.subarray(start, end).includes(1)) return false;
  taken.fill(1, start, end);
  return true;
}
