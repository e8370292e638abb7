// One global (`g`) copy per pattern, made once: for running `exec` loops over patterns compiled without the flag.

const copies = new WeakMap<RegExp, RegExp>();

/**
 * `regex` itself when it has the `g` flag, else its global copy, made on first use and kept as long as `regex` is.
 * Callers reset `lastIndex` before and after their loop (the copy is shared). Making a fresh copy on every call (the
 * corpus wire marks and furniture patterns, per paragraph) cost about 1 % of a batch worker's time in V8's RegExp
 * constructor and compilation-cache lookups (perf profile of bench/batch.mjs, 2026-11-24).
 */
export function globalRegex(regex: RegExp): RegExp {
  if (regex.global) return regex;
  let copy = copies.get(regex);
  if (!copy) {
    copy = new RegExp(regex.source, `${regex.flags}g`);
    copies.set(regex, copy);
  }
  return copy;
}
