// The knowledge wireproof interprets: one cached loader for every corpus kind under corpora/ (schemas in schemas.ts).
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadModel, type Model } from '../score/model.js';
import { WireproofError } from '../types.js';
import { normalizeText } from '../util/normalize.js';
import { requiredLiterals, unfoldedLiteral } from './literals.js';
import { compilePattern, jsonlFiles, parseJsonl, type Located } from './load.js';
import type {
  CalqueEntry,
  FurnitureEntry,
  GlossHeadEntry,
  NoticeEntry,
  RicStopEntry,
  RicSuffixEntry,
  WireMarkEntry,
} from './schemas.js';
import { corpusSchemas } from './schemas.js';
import { leavesBase } from '../util/relative-path.js';
import { append } from '../util/append.js';
import { StampedCache, stampOf } from '../util/stamp.js';

export type { CalqueEntry, FurnitureEntry, GlossHeadEntry, NoticeEntry, RicStopEntry, RicSuffixEntry, WireMarkEntry } from './schemas.js';

interface Compiled {
  regex: RegExp;
  file: string;
  line: number;
  /**
   * Strings of which every match contains one (literals.ts), found when the corpus was validated; a text holding
   * none cannot match and the regex need not run. Absent: always run it.
   */
  literals?: readonly string[];
}
export interface CompiledNotice extends NoticeEntry, Compiled {}
export interface CompiledCalque extends CalqueEntry, Compiled {}
export interface CompiledFurniture extends FurnitureEntry, Compiled {}
export interface CompiledWireMark extends WireMarkEntry, Compiled {}

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
  /** The fitted intrinsic-style model (corpora/models/fr.json), when the folder has one. */
  model?: Model;
}

/** Each corpus kind: where it lives under the corpora folder, and its schema. */
const KINDS = {
  notices: { path: 'notices', schema: 'NoticeEntry' },
  calques: { path: 'calques', schema: 'CalqueEntry' },
  furniture: { path: 'furniture', schema: 'FurnitureEntry' },
  wireMarks: { path: 'wire-marks', schema: 'WireMarkEntry' },
  ricSuffixes: { path: 'ric/suffixes.jsonl', schema: 'RicSuffixEntry' },
  ricStoplist: { path: 'ric/stoplist.jsonl', schema: 'RicStopEntry' },
  glossHeads: { path: 'glosses', schema: 'GlossHeadEntry' },
} as const;
type Kind = keyof typeof KINDS;

/** A validated entry where it was read, with its pattern's required literals (null: none found) when it has one. */
type LocatedEntry = Located<unknown> & { literals?: string[] | null };

/** Validated entries of every kind, as they were read (before regexes are compiled). */
export type ValidatedCorpora = { [K in Kind]: LocatedEntry[] };

/**
 * Kinds whose patterns get a literal prefilter, with the flags they are compiled with (below, in loadCorpora): calques
 * run on every paragraph, wire marks on every paragraph's head and tail, notices on every document. Most texts hold
 * none of a pattern's literals, so its regex is neither compiled nor run (V8 compiles a regex on first use).
 */
const PREFILTERED: ReadonlyMap<Kind, string> = new Map<Kind, string>([
  ['calques', 'gu'],
  ['wireMarks', 'u'],
  ['notices', 'gu'],
]);

interface RawFile {
  kind: Kind;
  /** Display name, relative to the corpora folder's parent (e.g. corpora/notices/reuters.jsonl). */
  name: string;
  text: string;
}

/** The corpora/ folder shipped with the package (two levels up from src/corpora or dist/corpora). */
export function defaultCorporaRoot(): string {
  return join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'corpora');
}

/**
 * The shipped corpora, validated at build time (scripts/postbuild.mjs) and keyed by a hash of their content: when
 * the files are unchanged, start-up skips zod. Any edit changes the hash, and the files are validated again.
 */
function prevalidatedPath(): string {
  return join(dirname(fileURLToPath(import.meta.url)), '..', 'corpora.validated.json');
}

/** A desk's path as its errors name it: from the working folder, as its files' `file:line` errors are (absolute outside it). */
function shown(path: string): string {
  const name = relative(process.cwd(), path);
  return name !== '' && !leavesBase(name) ? name : path;
}

/** Every folder a corpora folder may hold: the kinds above, and those read by their own modules. */
const FOLDERS: readonly string[] = [...new Set([...Object.values(KINDS).map((k) => k.path.split('/')[0]!), 'phrasings', 'aliases', 'models'])].sort();

/**
 * A desk's folder holds only folders wireproof reads: a misspelled one (`notice/`) was ignored, and a wire that
 * declares its machine translation then read as undeclared, with nothing on stderr; a `models/es.json` was ignored
 * too (a review of other languages, 2026-12-07). Files other than `.jsonl` at the top (a README) are left alone.
 */
function checkLayout(root: string): void {
  const expected = `expected ${FOLDERS.map((f) => `${f}/`).join(', ')}`;
  for (const entry of readdirSync(root, { withFileTypes: true })) {
    if (entry.name.startsWith('.')) continue;
    const path = join(root, entry.name);
    const target = entry.isSymbolicLink() ? statSync(path, { throwIfNoEntry: false }) : undefined;
    // A broken link named like a kind: that kind was silently empty (a second review, 2026-12-07).
    if (entry.isSymbolicLink() && !target) throw new WireproofError(`${shown(path)}: broken symbolic link`, 'corpus', path);
    const folder = entry.isDirectory() || target?.isDirectory() === true;
    if (folder && !FOLDERS.includes(entry.name)) {
      throw new WireproofError(`${shown(path)}: unknown corpus folder (${expected})`, 'corpus', path);
    }
    if (!folder && entry.name.endsWith('.jsonl')) {
      throw new WireproofError(`${shown(path)}: a corpus file belongs in the folder of its kind (${expected})`, 'corpus', path);
    }
    if (folder) checkKindFolder(path, entry.name);
  }
  const models = join(root, 'models');
  if (!existsSync(models)) return;
  for (const name of readdirSync(models)) {
    if (name.endsWith('.json') && name !== 'fr.json') {
      const path = join(models, name);
      throw new WireproofError(`${shown(path)}: not used: the style model is French only (models/fr.json)`, 'corpus', path);
    }
  }
}

/**
 * Inside a kind's folder: no sub-folder (only the folder's own files are read), and in `ric/` only the two files
 * that are read (`ric/desk-suffixes.jsonl` was ignored; a second review, 2026-12-07).
 */
function checkKindFolder(folder: string, name: string): void {
  if (name === 'models') return;
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    if (entry.name.startsWith('.')) continue;
    const path = join(folder, entry.name);
    const target = entry.isSymbolicLink() ? statSync(path, { throwIfNoEntry: false }) : undefined;
    if (entry.isSymbolicLink() && !target) throw new WireproofError(`${shown(path)}: broken symbolic link`, 'corpus', path);
    if (entry.isDirectory() || target?.isDirectory()) {
      throw new WireproofError(`${shown(path)}: sub-folders of a corpus folder are not read (put its files in ${name}/)`, 'corpus', path);
    }
    if (name === 'ric' && entry.name.endsWith('.jsonl') && entry.name !== 'suffixes.jsonl' && entry.name !== 'stoplist.jsonl') {
      throw new WireproofError(`${shown(path)}: not read: ric/ holds suffixes.jsonl and stoplist.jsonl (add your entries to them)`, 'corpus', path);
    }
  }
}

function readRaw(root: string): RawFile[] {
  // A mistyped --corpora must not load nothing: without the notice list, a wire that declares its machine
  // translation would be reported as undeclared (an error). A folder may leave out some kinds, not all of them.
  const st = statSync(root, { throwIfNoEntry: false });
  if (!st) throw new WireproofError(`${root}: corpora folder not found`, 'corpus', root);
  if (!st.isDirectory()) throw new WireproofError(`${root}: not a folder (--corpora names a folder like the shipped corpora/)`, 'corpus', root);
  if (root !== defaultCorporaRoot()) checkLayout(root);
  const kinds = (Object.keys(KINDS) as Kind[]).filter((kind) => existsSync(join(root, KINDS[kind].path)));
  if (kinds.length === 0) {
    // A folder of phrasings/ alone would silently drop every notice (a declared machine translation then reads as
    // undeclared): reference phrasings of one's own go through --references (review, 2026-12-07).
    const expected = [...new Set(Object.values(KINDS).map((k) => k.path.split('/')[0]!))].join('/, ');
    const phrasingsOnly = existsSync(join(root, 'phrasings')) ? '; to add reference phrasings alone, give them with --references' : '';
    throw new WireproofError(`${root}: no corpus files (expected one of ${expected}/${phrasingsOnly})`, 'corpus', root);
  }
  // Shipped files are named from the package (`corpora/notices/reuters.jsonl`, stable for the build-time cache); a
  // desk's --corpora files from the working folder, as reference files are, so that `file:line` opens from where the
  // command ran (`bc/notices/desk.jsonl:3` was relative to the folder's parent; review, 2026-12-07).
  const shipped = root === defaultCorporaRoot();
  const base = shipped ? dirname(root) : process.cwd();
  const files: RawFile[] = [];
  for (const kind of kinds) {
    const path = join(root, KINDS[kind].path);
    for (const file of jsonlFiles(path, { strict: true })) {
      let text: string;
      try {
        text = readFileSync(file, 'utf8');
      } catch (error) {
        throw new WireproofError(`${file}: cannot read: ${(error as Error).message}`, 'corpus', file);
      }
      const name = relative(base, file);
      files.push({ kind, name: shipped || (name !== '' && !leavesBase(name)) ? name || file : file, text });
    }
  }
  return files;
}

function fingerprint(files: readonly RawFile[]): string {
  const h = createHash('sha256');
  for (const f of files) h.update(`${f.kind}\u0000${f.name}\u0000${f.text}\u0000`);
  return h.digest('hex');
}

function validate(files: readonly RawFile[]): ValidatedCorpora {
  const schemas = corpusSchemas();
  const out = Object.fromEntries(Object.keys(KINDS).map((k) => [k, []])) as unknown as ValidatedCorpora;
  for (const f of files) {
    const located: LocatedEntry[] = parseJsonl(f.text, f.name, schemas[KINDS[f.kind].schema]);
    const flags = PREFILTERED.get(f.kind);
    if (flags !== undefined) for (const l of located) l.literals = requiredLiterals((l.entry as { pattern: string }).pattern, flags);
    append(out[f.kind], located);
  }
  // Messages, reports and the drift list name entries by id: within a kind, one id is one entry.
  for (const kind of Object.keys(out) as Kind[]) {
    const seen = new Map<string, LocatedEntry>();
    for (const l of out[kind]) {
      const id = (l.entry as { id?: unknown }).id;
      if (typeof id !== 'string') continue;
      const first = seen.get(id);
      if (first) throw new WireproofError(`${l.file}:${l.line}: id: "${id}" is already used (${first.file}:${first.line})`, 'corpus', l.file);
      seen.set(id, l);
    }
  }
  return out;
}

/**
 * Validates every corpus file under `root` with its schema.
 * @returns the content hash and the validated entries (what the build stores for fast start-up)
 */
export function validateCorpora(root = defaultCorporaRoot()): { fingerprint: string; entries: ValidatedCorpora } {
  const raw = readRaw(root);
  return { fingerprint: fingerprint(raw), entries: validate(raw) };
}

/** Writes the build-time validation of the shipped corpora (called by scripts/postbuild.mjs). */
export function writePrevalidated(): string {
  const target = prevalidatedPath();
  writeFileSync(target, JSON.stringify(validateCorpora()));
  return target;
}

function readPrevalidated(expected: string): ValidatedCorpora | undefined {
  try {
    const pre = JSON.parse(readFileSync(prevalidatedPath(), 'utf8')) as { fingerprint: string; entries: ValidatedCorpora };
    return pre.fingerprint === expected ? pre.entries : undefined;
  } catch {
    return undefined;
  }
}

function compileAll<T extends { pattern: string }>(located: LocatedEntry[], flags: string): (T & Compiled)[] {
  return located.map(({ entry, file, line, literals }) => {
    const e = entry as T;
    const compiled: T & Compiled = { ...e, regex: compilePattern(e.pattern, flags, { file, line }), file, line };
    if (literals) compiled.literals = literals;
    return compiled;
  });
}

/** Loaded corpora by folder; a desk's folder is re-read when a file in it changes (src/util/stamp.ts). */
const cache = new StampedCache<Corpora>();

/** The change stamp of a corpora folder: none for the shipped one (package files do not change under a process). */
function corporaStamp(root: string): string {
  return root === defaultCorporaRoot() ? '' : stampOf([root], 2);
}

/**
 * Every notice matches its own `text`, and every furniture entry its `example`, once folded as the text they run on
 * is (src/util/normalize.ts): a pattern written with capitals or accents (`\\[Traducido automáticamente`) matched
 * nothing, silently, and the wire it was written for lost its verdict (review, 2026-12-07). The shipped corpora are
 * held to this by tests/corpora; a desk's --corpora folder is held to it here.
 */
function ownExamples(corpora: Corpora): void {
  const check = (e: Compiled & { id: string; pattern: string }, sample: string | undefined, field: string): void => {
    if (sample === undefined) return;
    e.regex.lastIndex = 0;
    const ok = e.regex.test(normalizeText(sample));
    e.regex.lastIndex = 0;
    if (!ok) {
      throw new WireproofError(
        `${e.file}:${e.line}: pattern: does not match the entry's own ${field} (patterns run on folded text: lower case, no accents, ' and " for all apostrophes and quotes; docs/corpora.md)`,
        'corpus',
        e.file,
      );
    }
  };
  // Every pattern, whatever its status or kind, is held to folded text: an inferred notice or a calque with a capital
  // matched nothing just as silently (a review of other languages, 2026-12-07).
  const folded = (e: Compiled & { pattern: string }): void => {
    const bad = unfoldedLiteral(e.pattern, e.regex.flags, normalizeText);
    if (bad === undefined) return;
    throw new WireproofError(
      `${e.file}:${e.line}: pattern: ${JSON.stringify(bad)} never matches (patterns run on folded text: lower case, no accents, ' and " for all apostrophes and quotes, one space; docs/corpora.md)`,
      'corpus',
      e.file,
    );
  };
  for (const list of [corpora.notices, corpora.calques, corpora.furniture, corpora.wireMarks]) for (const e of list) folded(e);
  // Only a notice seen verbatim: a partial or inferred entry's `text` is what is known of it (docs/corpora.md).
  for (const n of corpora.notices) if (n.status === 'seen' || n.status === 'seen-second-hand') check(n, n.text, 'text');
  for (const f of corpora.furniture) check(f, f.example, 'example');
  for (const w of corpora.wireMarks) check(w, w.example, 'example');
}

/**
 * Loads every corpus under `root` (cached per root). Throws a WireproofError with `file:line` on bad data.
 * @param root corpora folder; defaults to the one shipped with wireproof
 */
export function loadCorpora(root = defaultCorporaRoot()): Corpora {
  return cache.get(resolve(root), () => corporaStamp(root), () => buildCorpora(root));
}

function buildCorpora(root: string): Corpora {
  const raw = readRaw(root);
  const entries = (root === defaultCorporaRoot() ? readPrevalidated(fingerprint(raw)) : undefined) ?? validate(raw);
  const values = <T>(kind: Kind): T[] => entries[kind].map((l) => l.entry as T);
  // Patterns run on folded text (lower case, no accents): `u` for code points, `g` to find every occurrence.
  const corpora: Corpora = {
    root,
    notices: compileAll<NoticeEntry>(entries.notices, 'gu'),
    calques: compileAll<CalqueEntry>(entries.calques, 'gu'),
    furniture: compileAll<FurnitureEntry>(entries.furniture, 'u'),
    wireMarks: compileAll<WireMarkEntry>(entries.wireMarks, 'u'),
    ricSuffixes: new Set(values<RicSuffixEntry>('ricSuffixes').map((e) => e.suffix)),
    ricStoplist: new Set(values<RicStopEntry>('ricStoplist').map((e) => e.token)),
    glossHeads: values<GlossHeadEntry>('glossHeads').map((e) => e.word),
  };
  // The shipped corpora are held to it by tests/corpora: checking them here cost every start-up ~30 ms (compiling
  // every notice regex the literal prefilter would otherwise skip; review, 2026-12-07).
  if (root !== defaultCorporaRoot()) ownExamples(corpora);
  // A folder without models/ keeps the shipped style model: fitted weights are not knowledge a desk edits, and
  // without them the style evidence vanished silently (a wire went from undeclared-machine 81 % to uncertain 60 %,
  // review 2026-12-07). Turn the rule off (`intrinsic-style: off`) to do without it.
  const own = join(root, 'models', 'fr.json');
  const modelPath = existsSync(own) ? own : join(defaultCorporaRoot(), 'models', 'fr.json');
  if (existsSync(modelPath)) corpora.model = loadModel(modelPath);
  return corpora;
}
