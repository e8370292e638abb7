// Appends one array to another without spreading it into arguments, which overflows the stack on large arrays.

/**
 * `into.push(...items)` for arrays of any length. Spreading passes every item as an argument: a 3 MB file of noisy copy
 * (a few hundred thousand signals) ended `check` with "Maximum call stack size exceeded" (a review, 2026-12-07).
 * @returns `into`
 */
export function append<T>(into: T[], items: readonly T[]): T[] {
  for (const item of items) into.push(item);
  return into;
}
