// Reference phrasings: the schema of corpora/phrasings/*.jsonl (approved wording and known machine renderings) and its loader.
import { createHash } from 'node:crypto';
import { readFileSync, realpathSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { jsonlFiles, parseJsonl } from '../corpora/load.js';
import { WireproofError } from '../types.js';
import { zod } from '../util/zod.js';
import { isStopKey, leadingArticles, wordKeys } from './tokens.js';
import { knownLanguageCodes } from '../segment/language.js';
import { leavesBase } from '../util/relative-path.js';

/**
 * One reference phrasing (docs/references.md): a recurring wire formula or term, the wording house style wants
 * (`canonical`), the renderings machine translation is known to produce instead (`variants`), the English it
 * translates (`source`) and where the wording was seen (`evidence`).
 */
export interface PhrasingEntry {
  id: string;
  language: string;
  canonical: string[];
  variants: string[];
  source: string;
  tags: string[];
  note?: string;
  evidence: string;
}

/** The zod schema of a phrasing entry, built on first use (zod loads only when a file has to be validated). */
export function phrasingEntrySchema() {
  const z = zod();
  const Id = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, 'ids are letters, digits, dot, dash or underscore');
  const Form = z.string().trim().min(1, 'a wording cannot be empty').max(400, 'a wording is a formula, not a paragraph (max 400 characters)');
  return z.strictObject({
    id: Id,
    language: z.string().refine((code) => code === 'any' || knownLanguageCodes().has(code), { message: 'an ISO 639-1 code wireproof can identify (fr, en, de, es, it, pt …) or "any"' }),
    canonical: z.array(Form).min(1, 'give at least one approved wording'),
    variants: z.array(Form),
    source: z.string().min(1, 'give the English formula it translates'),
    tags: z.array(z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'tags are lower-case kebab-case')),
    note: z.string().optional(),
    evidence: z.string().min(4, 'cite where it was seen or why: a URL or a file'),
  });
}

/**
 * Hashes of phrasing files validated when wireproof was built (scripts/postbuild.mjs): a file whose content hash is
 * listed is parsed without zod at start-up; any other file (edited, or the user's) is validated.
 */
function prevalidatedFile(): string {
  return join(dirname(fileURLToPath(import.meta.url)), '..', 'phrasings.validated.json');
}

let prevalidated: Set<string> | undefined;

function isPrevalidated(hash: string): boolean {
  if (!prevalidated) {
    try {
      prevalidated = new Set(JSON.parse(readFileSync(prevalidatedFile(), 'utf8')) as string[]);
    } catch {
      prevalidated = new Set();
    }
  }
  return prevalidated.has(hash);
}

function contentHash(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** Validates the shipped phrasings and records their hashes (called by scripts/postbuild.mjs). */
export function writePhrasingsPrevalidated(): string {
  loadPhrasings([defaultPhrasingsPath()]);
  const hashes = jsonlFiles(defaultPhrasingsPath()).map((f) => contentHash(readFileSync(f, 'utf8')));
  writeFileSync(prevalidatedFile(), JSON.stringify(hashes));
  return prevalidatedFile();
}

/** Parses a JSONL file already validated at build time (same line numbering as parseJsonl). */
function parseTrusted(text: string): { entry: PhrasingEntry; line: number }[] {
  const out: { entry: PhrasingEntry; line: number }[] = [];
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i]!.trim();
    if (raw === '' || raw.startsWith('#')) continue;
    out.push({ entry: JSON.parse(raw) as PhrasingEntry, line: i + 1 });
  }
  return out;
}

/** A phrasing with the place it was read from, so that messages can point users at their data. */
export interface Phrasing extends PhrasingEntry {
  file: string;
  line: number;
}

/**
 * Tag of entries whose canonical wording is also what machine translation produces (names, titles, terms such as
 * "le Pentagone" or "directeur général"): meeting it is no evidence of house editing, so `house-phrasing` stays silent.
 */
export const NEUTRAL_TAG = 'neutral';

/** The corpora/phrasings folder shipped with wireproof (two levels up from src/reference or dist/reference). */
export function defaultPhrasingsPath(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  return join(here, '..', '..', 'corpora', 'phrasings');
}

/** Name shown in messages: relative to the working folder when the file is under it, else the path as found. */
function displayName(file: string, base: string): string {
  const rel = relative(base, file);
  return rel !== '' && !leavesBase(rel) ? rel : file;
}

function corpusError(file: string, line: number, message: string): WireproofError {
  return new WireproofError(`${file}:${line}: ${message}`, 'corpus', file);
}

/** Where each folded wording was first defined, across entries: `file:line` and the field path. */
type FormPlaces = Map<string, { id: string; at: string; path: string }>;

/**
 * Checks what zod cannot see: every wording has a content word, and no two wordings — of one entry or of two — are the same
 * once folded, stemmed and stripped of a leading article (what matching compares, see tokens.ts). A variant equal to a canonical wording would make one text both approved and machine-made;
 * the same wording in two entries would make the reported id depend on load order.
 */
function checkForms(p: Phrasing, places: FormPlaces): void {
  const forms: [string, string][] = [
    ...p.canonical.map((f, i): [string, string] => [f, `canonical.${i}`]),
    ...p.variants.map((f, i): [string, string] => [f, `variants.${i}`]),
  ];
  for (const [form, path] of forms) {
    const all = wordKeys(form, p.language === 'any' ? 'fr' : p.language);
    if (all.length === 0) throw corpusError(p.file, p.line, `${path}: "${form}" has no word to match`);
    const keys = all.slice(leadingArticles(all));
    // A wording of function words only ("l'AI" folds to the auxiliary "ai") would match every sentence.
    if (keys.every(isStopKey)) throw corpusError(p.file, p.line, `${path}: "${form}" has only function words (articles, auxiliaries, prepositions)`);
    const k = `${p.language}\u0000${keys.join(' ')}`;
    const other = places.get(k);
    if (other !== undefined) {
      const where = other.id === p.id ? other.path : `${other.path} of "${other.id}" (${other.at})`;
      throw corpusError(p.file, p.line, `${path}: "${form}" is the same wording as ${where} once case, accents, inflection and a leading article are folded`);
    }
    places.set(k, { id: p.id, at: `${p.file}:${p.line}`, path });
  }
}

/**
 * Loads reference phrasings from JSONL files or folders of `.jsonl` files (sorted by name; blank and `#` lines
 * skipped). Throws a WireproofError (code `corpus`) whose message starts with `file:line:` for invalid JSON, a field
 * that fails the schema, a wording without content words, two wordings (of one entry or across entries) that fold to the same
 * words, or an id defined twice across all the paths (the message names both places). A file reached twice (by real
 * path) is read once.
 * @param paths files or folders; pass `[defaultPhrasingsPath()]` for the shipped corpus
 * @param base folder that file names in messages are relative to (default: the working folder)
 * @returns the entries in load order
 */
export function loadPhrasings(paths: string[], base = process.cwd()): Phrasing[] {
  const out: Phrasing[] = [];
  const where = new Map<string, string>();
  const places: FormPlaces = new Map();
  const read = new Set<string>();
  for (const path of paths) {
    for (const file of jsonlFiles(path, { required: true })) {
      if (!statSync(file).isFile()) continue;
      // A file given twice (the same path, another spelling or link of it, or a folder and a file in it) is read once,
      // under the name it was first met by: read again, each of its ids would clash with itself.
      const real = realpathSync(file);
      if (read.has(real)) continue;
      read.add(real);
      const name = displayName(file, base);
      let text: string;
      try {
        text = readFileSync(file, 'utf8');
      } catch (error) {
        throw new WireproofError(`${name}: cannot read: ${(error as Error).message}`, 'corpus', name);
      }
      const trusted = isPrevalidated(contentHash(text));
      const parsed = trusted ? parseTrusted(text) : parseJsonl(text, name, phrasingEntrySchema());
      for (const { entry, line } of parsed) {
        const p: Phrasing = { ...entry, file: name, line };
        const first = where.get(p.id);
        if (first !== undefined) throw corpusError(name, line, `id: duplicate id "${p.id}" (first defined at ${first})`);
        where.set(p.id, `${name}:${line}`);
        // A file validated at build time passed these checks then; its content has not changed since.
        if (!trusted || paths.length > 1) checkForms(p, places);
        out.push(p);
      }
    }
  }
  return out;
}
