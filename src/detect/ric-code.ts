// Rule ric-code: Reuters instrument codes (PLTR.O, .SPX, LCOc1, EUR=) left in the text when links were stripped.
import type { Detector, DetectorContext, Paragraph, RuleMeta, Signal } from '../types.js';
import { makeSignal, overlaps, skipZones, type Range } from './util.js';
import { claim } from '../util/claims.js';

/**
 * Equity RIC: a root of one to six capitals or digits, optionally one lower-case share-class letter (`SIEGn`,
 * `VOLCARb`, `IBMq`; provenance-evidence.md §3.4), a dot, and a one- to three-letter exchange suffix that must be
 * in corpora/ric/suffixes.jsonl. Not preceded by a letter, digit, dot, `@`, `/` or `-` (so not inside a domain or a
 * path); not followed by a letter or digit, nor by `.` + letter (`U.S.A`, `S.A.S.`).
 */
const EQUITY = /(?<![\p{L}\p{N}_.@/\\-])([A-Z0-9]{1,6}[a-z]?)\.([A-Z]{1,3})(?![\p{L}\p{N}_&])(?!\.[\p{L}\p{N}])/gu;
/** Index RIC: "All major equity indices always start with a dot" (LSEG, §3.4): `.SPX`, `.DJI`, `.IXIC`, `.FCHI`. */
const INDEX = /(?<=^|[\s(<[,;:])\.[A-Z][A-Z0-9]{1,7}(?![\p{L}\p{N}_])(?!\.[\p{L}\p{N}])/gu;
/** Continuous futures: `LCOc1`, `CLc1` (§3.4). */
const FUTURE = /(?<![\p{L}\p{N}_.])[A-Z]{1,4}c[1-9]\d?(?![\p{L}\p{N}_])/gu;
/** Currency RICs: `EUR=` (LSEG, §3.4), crosses `EURJPY=`, Treasury yields `US10YT=RR`. */
const FX = /(?<![\p{L}\p{N}_=])(?:[A-Z]{3}(?:[A-Z]{3})?=(?:RR|R|X)?|US\d{1,2}YT=RR)(?![\p{L}\p{N}_=])/gu;
/** Story ids of the old wire: `[ID:L5N0OV09R]`, `[ID:nL6N0OE1VJ]` (§3.4). */
const STORY_ID = /\[ID:[A-Za-z0-9]{6,16}\]/gu;
/** What every EQUITY and INDEX match holds: a dot before a capital letter. */
const DOT_CAPITAL = /\.[A-Z]/;
/** What every FUTURE match holds: a capital, `c` and a digit from 1 (`LCOc1`). */
const CONTRACT_MONTH = /[A-Z]c[1-9]/;
/** The old angle-bracket form, with a stray space: `< VOLCARb.ST>` (§3.4). */
const ANGLE_BEFORE = /<\s?$/u;
const ANGLE_AFTER = /^\s?>/u;

type RicKind = 'equity' | 'index' | 'future' | 'fx' | 'story-id';

/**
 * Weight 0.3 nats (likelihood ratio ≈ 1.35). A RIC marks Reuters wire origin, not machine translation: it appears in
 * machine-translated French (`Palantir Technologies PLTR.O`, boursorama 2026-02-03) and in HUMAN French Reuters copy
 * (`Nvidia NVDA.O`, boursorama 2025-10-29; provenance-evidence.md §3.4). It is slightly positive only because most
 * Reuters French copy republished since 2025 in the evidence is machine-translated (six notices vs one human story),
 * while non-Reuters human copy never carries RICs. Saturation (docs/scoring.md) keeps ten codes from adding up.
 */
const WEIGHT = 0.3;

const KIND_LABEL: Record<RicKind, string> = {
  equity: 'equity',
  index: 'index',
  future: 'futures',
  fx: 'currency',
  'story-id': 'story id',
};

function isDigits(s: string): boolean {
  return /^\d+$/u.test(s);
}

/** Whether an equity-shaped token is a RIC, given the suffix list, the stop-list and the text right after it. */
function isEquityRic(root: string, suffix: string, after: string, suffixes: ReadonlySet<string>, stop: ReadonlySet<string>): boolean {
  if (!suffixes.has(suffix)) return false;
  if (stop.has(`${root}.${suffix}`)) return false;
  // Numeric roots are Asian codes of four to six digits (7011.T, 0005.HK, 005930.KS); "3.A" is a section number.
  if (isDigits(root) && root.length < 4) return false;
  if (suffix.length === 1) {
    // A one-letter "suffix" glued to an elision or to a capitalised word is a missing space after a full stop, in
    // French copy: `le PS.L'ancien ministre`, `à la BCE.A Francfort` (editor's review, 2026-12-07). A code is followed
    // by a space and a lower-case word, punctuation or a bracket (`NVDA.O a dépassé`, `(PLTR.O)`).
    if (/^['’]\p{L}/u.test(after)) return false;
    // A capitalised word after `.A` is the sentence French opens with `A` for `À`; after `.O` or `.N` it is a name
    // (`NVDA.O Jensen Huang`, a third review).
    if (suffix === 'A' && root.length > 1 && /^\s\p{Lu}\p{Ll}/u.test(after)) return false;
  }
  if (root.length === 1 && suffix.length === 1) {
    // Single-letter root and suffix: initials ("U.S.", "J.F. Kennedy") unless used like a code (`Ford F.N a`, `C.N,`).
    if (after.startsWith('.')) return false;
    if (/^\s*\p{Lu}/u.test(after)) return false;
  }
  return true;
}

/** Rule metadata (id, severity, kinds). */
const meta: RuleMeta = {
  id: 'ric-code',
  description: 'A Reuters instrument code (RIC) such as PLTR.O or .SPX is left in the text: Reuters wire copy whose links were stripped.',
  defaultSeverity: 'warning',
  docs: 'docs/rules/ric-code.md',
  evidence: 'artefact',
  kinds: ['body', 'headline'],
};

/**
 * ric-code: Reuters instrument codes (`PLTR.O`, `MSFT.O`, `SIEGn.DE`, `7011.T`, `(GE.N)`, `< VOLCARb.ST>`, `.SPX`,
 * `LCOc1`, `EUR=`, `[ID:…]`) that survive in republished copy once their links are stripped
 * (provenance-evidence.md §3.4). One signal per code. They show the text is Reuters wire copy, which is only weak
 * evidence of machine translation. See docs/rules/ric-code.md.
 */
export const detector: Detector = {
  meta,
  detect(p: Paragraph, context: DetectorContext): Signal[] {
    const text = p.text;
    if (!/[A-Z]/u.test(text)) return [];
    const { ricSuffixes, ricStoplist } = context.corpora;
    const skip = skipZones(text);
    const found: (Range & { kind: RicKind; code: string })[] = [];
    // Characters already taken by a code (src/util/claims.ts).
    const taken = new Uint8Array(text.length);
    const add = (start: number, end: number, kind: RicKind, code: string): void => {
      if (overlaps(skip, start, end)) return;
      if (ricStoplist.has(code)) return;
      if (claim(taken, start, end)) found.push({ start, end, kind, code });
    };
    // Each expression runs only on a text holding what any of its matches holds (a dot before a capital, `=`, …):
    // V8 compiles an expression on first use, and these, with their Unicode lookarounds, took 0.2–0.5 ms each to
    // compile in a fresh process (2026-11-24); most paragraphs hold no code at all. Same matches.
    if (DOT_CAPITAL.test(text)) {
      for (const m of text.matchAll(EQUITY)) {
        const root = m[1]!;
        const suffix = m[2]!;
        const end = m.index + m[0].length;
        if (isEquityRic(root, suffix, text.slice(end, end + 3), ricSuffixes, ricStoplist)) add(m.index, end, 'equity', m[0]);
      }
      for (const m of text.matchAll(INDEX)) add(m.index, m.index + m[0].length, 'index', m[0]);
    }
    if (CONTRACT_MONTH.test(text)) for (const m of text.matchAll(FUTURE)) add(m.index, m.index + m[0].length, 'future', m[0]);
    if (text.includes('=')) for (const m of text.matchAll(FX)) add(m.index, m.index + m[0].length, 'fx', m[0]);
    if (text.includes('[ID:')) for (const m of text.matchAll(STORY_ID)) add(m.index, m.index + m[0].length, 'story-id', m[0]);
    found.sort((a, b) => a.start - b.start);
    return found.map((f) => {
      let { start, end } = f;
      let form = 'inline';
      // `< VOLCARb.ST>`: report the brackets too, they are part of the artefact.
      const before = ANGLE_BEFORE.exec(text.slice(Math.max(0, start - 2), start));
      const after = ANGLE_AFTER.exec(text.slice(end, end + 2));
      if (before && after) {
        start -= before[0].length;
        end += after[0].length;
        form = 'angle-bracket';
      } else if (text[start - 1] === '(' && text[end] === ')') {
        form = 'parenthesised';
      }
      return makeSignal(meta, p, {
        start,
        end,
        weight: WEIGHT,
        message: `Reuters instrument code (RIC, ${KIND_LABEL[f.kind]}) "${f.code}" left in the text: wire copy whose link was stripped`,
        data: { code: f.code, kind: f.kind, form },
      });
    });
  },
};

export default detector;
