// The knowledge wireproof interprets: schemas of each corpus kind under corpora/, and one cached loader for all of them.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { compilePattern, loadJsonl } from './load.js';

/** Where an entry's evidence stands (docs/corpora.md): seen verbatim, quoted by a third party, partly seen, or inferred. */
export const Status = z.enum(['seen', 'seen-second-hand', 'partial', 'inferred', 'normative']);

const Id = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, 'ids are letters, digits, dot, dash or underscore');
const Lang = z.string().regex(/^(?:[a-z]{2}|any)$/, 'an ISO 639-1 code or "any"');
const Source = z.string().min(4, 'cite where it was seen: a URL or a file');

/** A machine-translation (or AI) notice. `pattern` runs on folded text (see src/util/normalize.ts). */
export const NoticeEntry = z.strictObject({
  id: Id,
  agency: z.string().min(1),
  language: Lang,
  declares: z.enum(['machine-translation', 'ai-assistance']),
  text: z.string(),
  pattern: z.string().min(1),
  weight: z.number().min(0).max(10),
  status: Status,
  source: Source,
  note: z.string().optional(),
});
export type NoticeEntry = z.infer<typeof NoticeEntry>;

/** A calque or literal rendering typical of machine translation. `pattern` runs on folded text. */
export const CalqueEntry = z.strictObject({
  id: Id,
  language: Lang,
  pattern: z.string().min(1),
  english: z.string().optional(),
  message: z.string().min(1),
  suggestions: z.array(z.string()).default([]),
  weight: z.number().min(-5).max(5),
  status: Status,
  source: Source,
  note: z.string().optional(),
});
export type CalqueEntry = z.infer<typeof CalqueEntry>;

/** Page furniture, bylines and metadata lines: they classify paragraphs, they are not evidence. Runs on folded text. */
export const FurnitureEntry = z.strictObject({
  id: Id,
  language: Lang,
  kind: z.enum(['chrome', 'byline', 'metadata']),
  pattern: z.string().min(1),
  example: z.string().optional(),
  status: Status,
  source: Source,
  note: z.string().optional(),
});
export type FurnitureEntry = z.infer<typeof FurnitureEntry>;

/** Wire marks: credit lines and update notes, with the provenance their wording reveals. Runs on folded text. */
export const WireMarkEntry = z.strictObject({
  id: Id,
  language: Lang,
  kind: z.enum(['credit', 'update-note']),
  provenance: z.enum(['machine', 'human', 'source']),
  pattern: z.string().min(1),
  weight: z.number().min(-5).max(5),
  example: z.string().optional(),
  status: Status,
  source: Source,
  note: z.string().optional(),
});
export type WireMarkEntry = z.infer<typeof WireMarkEntry>;

/** RIC exchange suffixes (Reuters instrument codes). */
export const RicSuffixEntry = z.strictObject({
  suffix: z.string().regex(/^[A-Za-z]{1,3}$/),
  exchange: z.string().min(1),
  status: Status,
  source: Source,
});
/** Tokens shaped like RICs that are not (U.S., S.A. …). */
export const RicStopEntry = z.strictObject({
  token: z.string().min(2),
  reason: z.string().min(1),
  source: Source,
});

/** An English head noun of institution names (Board, Administration …), for English names glossed in French. */
export const GlossHeadEntry = z.strictObject({
  word: z.string().min(2),
  source: Source,
});

export interface CompiledNotice extends NoticeEntry {
  regex: RegExp;
  file: string;
  line: number;
}
export interface CompiledCalque extends CalqueEntry {
  regex: RegExp;
  file: string;
  line: number;
}
export interface CompiledFurniture extends FurnitureEntry {
  regex: RegExp;
  file: string;
  line: number;
}
export interface CompiledWireMark extends WireMarkEntry {
  regex: RegExp;
  file: string;
  line: number;
}

/** All loaded knowledge. */
export interface Corpora {
  root: string;
  notices: CompiledNotice[];
  calques: CompiledCalque[];
  furniture: CompiledFurniture[];
  wireMarks: CompiledWireMark[];
  ricSuffixes: Set<string>;
  ricStoplist: Set<string>;
  glossHeads: string[];
}

/** The corpora/ folder shipped with the package (two levels up from src/corpora or dist/corpora). */
export function defaultCorporaRoot(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  return join(here, '..', '..', 'corpora');
}

const cache = new Map<string, Corpora>();

function compileAll<T extends { pattern: string }>(
  located: { entry: T; file: string; line: number }[],
  flags: string,
): (T & { regex: RegExp; file: string; line: number })[] {
  return located.map(({ entry, file, line }) => ({
    ...entry,
    regex: compilePattern(entry.pattern, flags, { file, line }),
    file,
    line,
  }));
}

function optional<T>(path: string, load: (p: string) => T[]): T[] {
  return existsSync(path) ? load(path) : [];
}

/**
 * Loads every corpus under `root` (cached per root). Throws a WireproofError with `file:line` on bad data.
 * @param root corpora folder; defaults to the one shipped with wireproof
 */
export function loadCorpora(root = defaultCorporaRoot()): Corpora {
  const hit = cache.get(root);
  if (hit) return hit;
  const base = dirname(root);
  // Patterns run on folded text (lower case, no accents): `u` for code points, `g` to find every occurrence.
  const corpora: Corpora = {
    root,
    notices: compileAll(optional(join(root, 'notices'), (p) => loadJsonl(p, NoticeEntry, base)), 'gu'),
    calques: compileAll(optional(join(root, 'calques'), (p) => loadJsonl(p, CalqueEntry, base)), 'gu'),
    furniture: compileAll(optional(join(root, 'furniture'), (p) => loadJsonl(p, FurnitureEntry, base)), 'u'),
    wireMarks: compileAll(optional(join(root, 'wire-marks'), (p) => loadJsonl(p, WireMarkEntry, base)), 'u'),
    ricSuffixes: new Set(
      optional(join(root, 'ric', 'suffixes.jsonl'), (p) => loadJsonl(p, RicSuffixEntry, base)).map((l) => l.entry.suffix),
    ),
    ricStoplist: new Set(
      optional(join(root, 'ric', 'stoplist.jsonl'), (p) => loadJsonl(p, RicStopEntry, base)).map((l) => l.entry.token),
    ),
    glossHeads: optional(join(root, 'glosses'), (p) => loadJsonl(p, GlossHeadEntry, base)).map((l) => l.entry.word),
  };
  cache.set(root, corpora);
  return corpora;
}
