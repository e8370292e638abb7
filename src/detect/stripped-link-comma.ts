// Rule stripped-link-comma: a space left before a comma where a link or hidden markup was stripped (`Claude , a été`).
import type { Detector, Paragraph, RuleMeta, Signal } from '../types.js';
import { makeSignal, overlaps, skipZones } from './util.js';

/**
 * A token (what the stripped link was on), white space, a comma. The token is bounded (≤ 60 characters, no white
 * space or comma) so the match is linear. French and English both put no space before a comma, so any space there is
 * damage; seen as `MSFT.O , Alphabet`, `Claude , a été`, `d'intelligence artificielle , y compris`
 * (provenance-evidence.md §3.4, seeds/000 and seeds/003).
 */
const SPACE_COMMA = /([^\s,;:()[\]{}«“]{1,60})[ \t\r\n\u00a0\u202f\u2009]+,(?!,)/gu;
/** A token ending with a digit. */
const ENDS_DIGIT = /\d$/u;
/** The comma is followed (after optional spaces) by a digit. */
const DIGIT_AFTER = /^[ \t\u00a0\u202f]*\d/u;

/**
 * Weight 0.7 nats (LR ≈ 2). Seen only in machine-translated Reuters French (§3.4: `intelligence artificielle , y
 * compris`, 2026-02-23; seeds 000 and 003), but also after a RIC in HUMAN French Reuters copy (`Microsoft\n\nMSFT.O ,
 * Alphabet`, boursorama 2025-10-29): the link stripping is the republisher's, so the mark is only moderate evidence
 * of machine translation. Human typing slips (`mot , mot`) exist too.
 */
const WEIGHT = 0.7;

/** Rule metadata (id, severity, kinds). */
const meta: RuleMeta = {
  id: 'stripped-link-comma',
  description: 'A space before a comma, left where a link or hidden markup was stripped ("Claude , a été").',
  defaultSeverity: 'warning',
  docs: 'docs/rules/stripped-link-comma.md',
  evidence: 'artefact',
  kinds: ['body', 'headline'],
};

/**
 * stripped-link-comma: flags `word ,` (white space before a comma) in prose. Not in URLs, domains, e-mail addresses
 * or inline code; not between two numbers (`1 , 2 et 3`: a typed list of figures is a human typing habit, not a
 * stripped link, and numbers are never linked on the wire). See docs/rules/stripped-link-comma.md.
 */
export const detector: Detector = {
  meta,
  detect(p: Paragraph): Signal[] {
    const text = p.text;
    if (!/\s,/u.test(text)) return [];
    const skip = skipZones(text);
    const out: Signal[] = [];
    for (const m of text.matchAll(SPACE_COMMA)) {
      const token = m[1]!;
      const start = m.index;
      const end = m.index + m[0].length;
      if (overlaps(skip, start, end)) continue;
      if (ENDS_DIGIT.test(token) && DIGIT_AFTER.test(text.slice(end))) continue;
      out.push(
        makeSignal(meta, p, {
          start,
          end,
          weight: WEIGHT,
          message: `Space before a comma after "${token}": a link or hidden markup was probably stripped here`,
          expected: [`${token},`],
          data: { token },
        }),
      );
    }
    return out;
  },
};

export default detector;
