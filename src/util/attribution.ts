// Who a notice is attributed to, in words: its publisher, or, for a stock sentence any site might print, nobody.

/**
 * The publisher named in messages and reports. A generic notice (corpora field `generic`, e.g. Kronen Zeitung's
 * "This article has been automatically translated") does not identify its publisher, so it is not attributed to the
 * outlet where the wording was first seen.
 */
export function attribution(n: { agency: string; generic: boolean }): string {
  return n.generic ? `unattributed stock wording, seen at ${n.agency}` : n.agency;
}
