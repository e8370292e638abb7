// Wire datelines: the place, date and agency that open a wire story.

/**
 * A wire dateline at the start of a text: "PARIS, 15 février (Reuters) -", "20 novembre (Reuters) -",
 * "Feb 14 (Reuters) –", "WASHINGTON/SAN FRANCISCO, Jan 29 (Reuters) -" (provenance-evidence.md §3.1). The match is
 * the dateline with its dash and the spaces after it. Read by segmentation (a dateline opens a paragraph, it never
 * continues a hard-wrapped line) and by source–target consistency (its date and place belong to the wire, not the
 * story, and translations often drop or move them).
 */
export const DATELINE =
  /^(?:[\p{Lu}][\p{L}\p{M} .,'’/-]{0,60}?,?\s+)?(?:\p{L}{3,9}\.?\s+\d{1,2}|\d{1,2}\s+\p{L}{3,9}\.?)?\s*\((?:Reuters|AFP|AP|Bloomberg|Reuters Breakingviews|IFR)\)\s*[-–—]\s*/u;
