// Expands batch inputs (files, folders, globs, JSONL feeds) into a sorted list of items, each with its report stem.
import { lstatSync, readdirSync, statSync, type Dirent, type Stats } from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { glob, isDynamicPattern } from 'tinyglobby';
import { readFileBytes } from '../ingest/read.js';
import { WireproofError } from '../types.js';
import { compareCodeUnits } from '../util/compare.js';
import { assignStems, boundName, commonBase, dropExtension, isInside, mirrorPath, realPathOf, sanitiseId } from './paths.js';
import type { BatchErrorCode } from './types.js';
import { fsReason } from '../util/fs.js';

/**
 * File extensions a folder is searched for (case-insensitive). Plain text and Markdown wires are read as text,
 * HTML pages through the article extractor. JSONL feeds are read only when named (or globbed) explicitly: a folder
 * may hold JSONL that is not a feed (corpora, logs), and guessing would turn each line into a report.
 */
export const FOLDER_EXTENSIONS = ['.txt', '.text', '.md', '.markdown', '.html', '.htm', '.xhtml'];

/** A JSONL feed is read whole; a feed is many articles, so it gets a larger limit than one input (64 MiB). */
export const MAX_FEED_BYTES = 512 * 1024 * 1024;

/** One thing to report on. */
export type InputItem =
  | { kind: 'file'; path: string; abs: string; stem: string }
  | { kind: 'feed-item'; path: string; feed: { file: string; line: number; id: string }; text: string; stem: string }
  | { kind: 'error'; path: string; feed: { file: string; line: number } | null; error: { code: BatchErrorCode; message: string } };

/** What {@link expandInputs} found. */
export interface ExpandedInputs {
  items: InputItem[];
  /** The folder report paths mirror input paths from. */
  base: string;
}

/**
 * What the expansion met. An error holds its reason only: its message is `<shown>: <reason>`, where `shown` is the
 * input as given, or else the path as listed in the summary (relative to the working folder). A folder walk does not
 * know the working folder, and `check` puts the path in front itself (src/cli/expand.ts).
 */
type Found =
  | { kind: 'file'; abs: string }
  | { kind: 'feed'; abs: string }
  | { kind: 'error'; path: string; code: BatchErrorCode; reason: string; shown?: string };

/** Path as shown in summaries and reports: relative to the working folder with forward slashes. */
export function displayPath(abs: string, cwd: string): string {
  const rel = relative(cwd, abs);
  if (rel === '') return '.';
  return isAbsolute(rel) ? abs : rel.split(sep).join('/');
}

/** The leading segments of a glob without magic characters: where its matches' paths are mirrored from. */
function globBase(pattern: string, cwd: string): string {
  const parts = pattern.split('/');
  const fixed: string[] = [];
  for (const part of parts.slice(0, -1)) {
    if (isDynamicPattern(part)) break;
    fixed.push(part);
  }
  const prefix = fixed.join('/');
  return resolve(cwd, prefix === '' && pattern.startsWith('/') ? '/' : prefix || '.');
}

/**
 * Matches of a glob pattern, as the folder walk finds entries: files and links to files, nothing reached through a
 * link to a folder (such links can loop or leave the archive). tinyglobby either follows every link or drops them all,
 * links to files included: `check 'g/*.txt'` said "no files match" for links that `check g` read, while batch's glob
 * entered links to folders that its walk skips (docs audit, 2026-12-07). So links are followed and matches below a
 * linked folder dropped. Shared by `check` and `batch`.
 * @param pattern the glob as given
 * @param cwd folder it is relative to
 * @param options `onlyFiles` as tinyglobby's; `absolute` for absolute paths out (else relative to cwd, as given)
 */
export async function globMatches(pattern: string, cwd: string, options: { onlyFiles: boolean; absolute: boolean }): Promise<string[]> {
  // node_modules is skipped as the folder walk skips it, unless the pattern names it anywhere (`{node_modules,src}/**`).
  const ignore = pattern.includes('node_modules') ? [] : ['**/node_modules/**'];
  const matches = await glob(pattern, { cwd, dot: false, expandDirectories: false, followSymbolicLinks: true, ignore, ...options });
  const base = globBase(pattern, cwd);
  const linked = new Map<string, boolean>();
  const isLink = (dir: string): boolean => {
    let v = linked.get(dir);
    if (v === undefined) {
      v = lstatSync(dir, { throwIfNoEntry: false })?.isSymbolicLink() ?? false;
      linked.set(dir, v);
    }
    return v;
  };
  return matches.filter((m) => {
    const rel = relative(base, resolve(cwd, m));
    if (rel === '' || rel.startsWith('..') || isAbsolute(rel)) return true;
    const folders = rel.split(sep).slice(0, -1);
    let dir = base;
    for (const part of folders) {
      dir = join(dir, part);
      if (isLink(dir)) return false;
    }
    return true;
  });
}

/** `*`, `?` or a brace list (`{a,b}`, `{1..3}`): only a pattern has them. */
const WILDCARD = /[*?]|\{[^{}]*(?:,|\.\.)[^{}]*\}/;
/** A bracket class (`[0-9]`): a pattern's too, but `Wire [1].txt` is as likely a file name. */
const CLASS = /\[[^\]]+\]/;

/**
 * How a word that names nothing is read (for batch and `check` alike). `wildcard`: a pattern, for sure; matching
 * nothing, it says "no files match". `class`: a pattern if it matches something, else a missing file. `null`: a file
 * name, missing. Parentheses alone do not make a pattern: `Wire (1).txt` (a browser's second download) is a file name,
 * and read as an extglob group it would stand for `Wire 1.txt`, a different file, checked without a word.
 */
export function patternKind(word: string): 'wildcard' | 'class' | null {
  if (!isDynamicPattern(word)) return null;
  if (WILDCARD.test(word)) return 'wildcard';
  return CLASS.test(word) ? 'class' : null;
}

function wanted(name: string): boolean {
  const lower = name.toLowerCase();
  return FOLDER_EXTENSIONS.some((ext) => lower.endsWith(ext));
}

/**
 * Walks a folder: hidden entries (`.name`) and the output folder are skipped; symbolic links to files are
 * followed, symbolic links to folders are not (they can loop, and can leave the archive).
 * @param realOut the output folder's real path (see realPathOf): it may be reached through a link (`--out` a link
 *   into the archive), and a link to a file may lead into it; either way the batch would read its own reports
 * @param realDir the real path of `dir`, when known
 */
function walk(dir: string, realOut: string | undefined, out: Found[], realDir?: string): void {
  let entries: Dirent[];
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch (error) {
    out.push({ kind: 'error', path: dir, code: 'unreadable', reason: `cannot list folder (${fsReason(error)})` });
    return;
  }
  // An entry's real path is its folder's and its name (a sub-folder walked into is no link): one realpath per walk.
  const real = realOut === undefined ? dir : (realDir ?? realPathOf(dir));
  const intoOut = (path: string): boolean => realOut !== undefined && isInside(path, realOut);
  for (const entry of entries) {
    if (entry.name.startsWith('.')) continue;
    // Installed packages are never the newsroom's wires: `check .` in a project read 663 dependency READMEs out of 712
    // files, and their warnings failed `--max-warnings 0` (CI review, 2026-12-08). ESLint skips it too.
    if (entry.name === 'node_modules') continue;
    const abs = join(dir, entry.name);
    const realAbs = join(real, entry.name);
    if (intoOut(realAbs)) continue;
    if (entry.isDirectory()) walk(abs, realOut, out, realAbs);
    else if (!wanted(entry.name)) continue;
    else if (entry.isFile()) out.push({ kind: 'file', abs });
    else if (entry.isSymbolicLink()) {
      // The link is followed to see what it names. One that names nothing readable (a missing target, a loop, a
      // folder it may not enter) is listed with why, as a missing or unreadable file is: it looks like a wire, and
      // one such entry must neither stop the walk nor vanish from the summary.
      let target: Stats | undefined;
      try {
        target = statSync(abs, { throwIfNoEntry: false });
      } catch (error) {
        out.push({ kind: 'error', path: abs, ...statFailure(error, 'no such file') });
        continue;
      }
      if (target === undefined) out.push({ kind: 'error', path: abs, code: 'not-found', reason: 'no such file (broken symbolic link)' });
      else if (target.isFile() && !intoOut(realPathOf(abs))) out.push({ kind: 'file', abs });
    }
  }
}

/**
 * Why stat failed, with the code the summary lists, in the words src/ingest/read.ts gives the same failure when the
 * file is read (so `check self.txt` and `check .` say the same): a missing path (or a path through a file) is
 * `not-found`, EACCES `permission denied`, anything else (ELOOP, ENAMETOOLONG…) `cannot read (CODE)`.
 * @param missing the reason a missing path is given
 */
function statFailure(error: unknown, missing: string): { code: 'not-found' | 'unreadable'; reason: string } {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOENT' || code === 'ENOTDIR') return { code: 'not-found', reason: missing };
  if (code === 'EACCES' || code === 'EPERM') return { code: 'unreadable', reason: 'permission denied' };
  return { code: 'unreadable', reason: `cannot read (${fsReason(error)})` };
}

/** Stat that says why it failed instead of throwing (`throwIfNoEntry: false` still throws for ENOTDIR, ELOOP…). */
function tryStat(abs: string): { st: Stats | undefined; error?: unknown } {
  try {
    return { st: statSync(abs, { throwIfNoEntry: false }) };
  } catch (error) {
    return { st: undefined, error };
  }
}

/**
 * The wire files a folder holds, as `check DIR` reads them: the same walk as a batch's (FOLDER_EXTENSIONS, hidden
 * entries skipped, links to files followed, links to folders not), sorted by path in code-unit order.
 * @returns absolute paths, and what could not be read (folders that could not be listed, links naming nothing
 *   readable) with its code and why (the reason alone: the caller names the path)
 */
export function wireFilesIn(dir: string): { files: string[]; unreadable: Array<{ path: string; code: 'not-found' | 'unreadable'; message: string }> } {
  const found: Found[] = [];
  walk(dir, undefined, found);
  const files = found.flatMap((f) => (f.kind === 'error' ? [] : [f.abs])).sort(compareCodeUnits);
  // Sorted too: the walk meets entries in the file system's order, which differs from machine to machine.
  const unreadable = found
    .flatMap((f) => (f.kind === 'error' ? [{ path: f.path, code: f.code === 'not-found' ? ('not-found' as const) : ('unreadable' as const), message: f.reason }] : []))
    .sort((a, b) => compareCodeUnits(a.path, b.path));
  return { files, unreadable };
}

/** File or feed, by extension. */
function classify(abs: string): Found {
  return abs.toLowerCase().endsWith('.jsonl') ? { kind: 'feed', abs } : { kind: 'file', abs };
}

/**
 * Parses a JSONL feed: one `{"id", "text"}` object per line (other keys are ignored, blank lines skipped).
 * A bad line becomes an error item naming its line and why; the other lines go on.
 *
 * @param text the feed, decoded
 * @param feedPath display path of the feed
 */
export function parseFeed(text: string, feedPath: string): Array<{ line: number; id: string; text: string } | { line: number; error: string }> {
  const out: Array<{ line: number; id: string; text: string } | { line: number; error: string }> = [];
  const seen = new Map<string, number>();
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i]!.replace(/\r$/, '');
    if (raw.trim() === '') continue;
    const line = i + 1;
    const bad = (why: string): void => {
      out.push({ line, error: `${feedPath}:${line}: ${why}` });
    };
    let value: unknown;
    try {
      value = JSON.parse(raw);
    } catch (error) {
      bad(`invalid JSON (${(error as Error).message.split('\n')[0]})`);
      continue;
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      bad('expected an object {"id", "text"}');
      continue;
    }
    const { id, text: body } = value as { id?: unknown; text?: unknown };
    const idText = typeof id === 'string' ? id : typeof id === 'number' && Number.isFinite(id) ? String(id) : undefined;
    if (idText === undefined || idText.trim() === '') {
      bad('"id" must be a non-empty string or a number');
      continue;
    }
    if (typeof body !== 'string') {
      bad('"text" must be a string');
      continue;
    }
    const first = seen.get(idText);
    if (first !== undefined) {
      bad(`duplicate id ${JSON.stringify(idText)} (first on line ${first})`);
      continue;
    }
    seen.set(idText, line);
    out.push({ line, id: idText, text: body });
  }
  return out;
}

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/**
 * Expands command-line inputs into items, sorted by path (code-unit order, so the same on every machine), each
 * with a distinct report stem relative to DIR. Missing paths and globs matching nothing become error items, as do
 * folders matched by a glob; inputs inside the output folder are refused (the batch would read its own reports, and
 * write over its inputs), compared by real path, through symbolic links.
 *
 * @param inputs paths, folders, globs or `.jsonl` feeds, as given
 * @param cwd working folder
 * @param outDir absolute output folder (as given, resolved; it may be a link, or lie under one)
 * @param extensions report extensions that will be written (`.json`, `.html`), to keep reserved names free
 * @throws WireproofError (`usage`) for an input inside the output folder
 */
export async function expandInputs(inputs: readonly string[], cwd: string, outDir: string, extensions: readonly string[]): Promise<ExpandedInputs> {
  const found: Found[] = [];
  const bases: string[] = [];
  // Real paths on both sides: `--out` may be a link to an input folder (its reports and index.html were written over
  // the inputs), and an input may be a link into the output folder.
  const realOut = realPathOf(outDir);
  // A glob can match thousands of files in a few folders: each folder's real path is resolved once, and only a match
  // that is itself a link is resolved whole (one realpath per match made expanding 20,000 files 2.6× slower, review).
  const realFolders = new Map<string, string>();
  const realOf = (abs: string): string => {
    let link: boolean | undefined;
    try {
      link = lstatSync(abs, { throwIfNoEntry: false })?.isSymbolicLink();
    } catch {
      // EACCES, ELOOP, ENAMETOOLONG: realPathOf copes, and reading the file later says why it cannot be read.
    }
    if (link !== false) return realPathOf(abs);
    const folder = dirname(abs);
    let real = realFolders.get(folder);
    if (real === undefined) realFolders.set(folder, (real = realPathOf(folder)));
    return join(real, basename(abs));
  };
  const inOut = (abs: string): boolean => isInside(abs, outDir) || isInside(realOf(abs), realOut);
  for (const input of inputs) {
    const abs = resolve(cwd, input);
    const { st, error } = tryStat(abs);
    if (st) {
      if (inOut(abs)) throw new WireproofError(`${input}: is inside the output folder; give another --out`, 'usage');
      if (st.isDirectory()) {
        bases.push(abs);
        walk(abs, realOut, found);
      } else {
        bases.push(dirname(abs));
        found.push(classify(abs));
      }
    } else {
      // A word that names nothing may be a glob (see patternKind).
      const kind = patternKind(input);
      const matches = kind === null ? [] : await globMatches(input, cwd, { absolute: true, onlyFiles: false });
      const kept = matches.map((m) => resolve(m)).filter((m) => !inOut(m));
      if (kept.length > 0) {
        bases.push(globBase(input, cwd));
        for (const m of kept) {
          const match = tryStat(m);
          if (match.error !== undefined) found.push({ kind: 'error', path: m, ...statFailure(match.error, 'no such file') });
          else if (match.st?.isDirectory()) {
            found.push({ kind: 'error', path: m, code: 'is-directory', reason: `is a directory (matched by ${input})` });
          } else found.push(classify(m));
        }
      } else if (kind === 'wildcard') {
        found.push({ kind: 'error', path: input, code: 'not-found', reason: 'no files match', shown: input });
      } else if (error !== undefined) {
        // ENOTDIR (a path through a file), EACCES, ELOOP, ENAMETOOLONG: this input is listed with why, the others go on.
        found.push({ kind: 'error', path: input, ...statFailure(error, 'no such file or folder'), shown: input });
      } else {
        // Missing, brackets or parentheses in its name or not (`Wire (1).txt`, `Wire [1].txt`): as any missing path.
        found.push({ kind: 'error', path: input, code: 'not-found', reason: 'no such file or folder', shown: input });
      }
    }
  }

  // One item per real path, in path order.
  const seen = new Set<string>();
  const unique = found.filter((f) => {
    const key = f.kind === 'error' ? `error:${f.path}:${f.reason}` : f.abs;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  const base = commonBase(bases);
  const keyed = unique.map((f) => ({ f, key: f.kind === 'error' ? (isAbsolute(f.path) ? displayPath(f.path, cwd) : f.path) : displayPath(f.abs, cwd) }));
  keyed.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));

  type Pending =
    | { kind: 'file'; path: string; abs: string; stem: string; full: string }
    | { kind: 'feed-item'; path: string; feed: { file: string; line: number; id: string }; text: string; stem: string; full: string };
  const items: Array<Pending | Extract<InputItem, { kind: 'error' }>> = [];
  for (const { f, key } of keyed) {
    if (f.kind === 'error') {
      items.push({ kind: 'error', path: key, feed: null, error: { code: f.code, message: `${f.shown ?? key}: ${f.reason}` } });
    } else if (f.kind === 'file') {
      const mirror = safeSegments(mirrorPath(base, f.abs));
      items.push({ kind: 'file', path: key, abs: f.abs, stem: boundName(dropExtension(mirror)), full: boundName(mirror) });
    } else {
      let text: string;
      try {
        text = utf8.decode(await readFileBytes(f.abs, MAX_FEED_BYTES));
      } catch (error) {
        const code = error instanceof WireproofError && error.code !== 'usage' && error.code !== 'config' && error.code !== 'corpus' ? error.code : 'decode';
        const message = error instanceof WireproofError ? error.message : `${key}: not valid UTF-8 (a JSONL feed is UTF-8 text, RFC 8259 §8.1)`;
        items.push({ kind: 'error', path: key, feed: null, error: { code, message } });
        continue;
      }
      const folder = dropExtension(safeSegments(mirrorPath(base, f.abs)));
      for (const entry of parseFeed(text, key)) {
        if ('error' in entry) {
          items.push({ kind: 'error', path: `${key}:${entry.line}`, feed: { file: key, line: entry.line }, error: { code: 'feed-line', message: entry.error } });
        } else {
          const stem = `${folder}/${sanitiseId(entry.id)}`;
          items.push({ kind: 'feed-item', path: `${key}#${entry.id}`, feed: { file: key, line: entry.line, id: entry.id }, text: entry.text, stem, full: stem });
        }
      }
    }
  }

  const reportable = items.filter((i): i is Pending => i.kind !== 'error');
  const stems = assignStems(reportable, extensions);
  reportable.forEach((item, i) => {
    item.stem = stems[i]!;
  });
  const out: InputItem[] = items.map((i) => {
    if (i.kind === 'error') return i;
    if (i.kind === 'file') return { kind: 'file', path: i.path, abs: i.abs, stem: i.stem };
    return { kind: 'feed-item', path: i.path, feed: i.feed, text: i.text, stem: i.stem };
  });
  return { items: out, base };
}

/**
 * File names may hold characters that are fine where they were read but not in a report path (a backslash, a
 * newline on Linux); those become `_`. Names are otherwise kept, so reports mirror the archive (report names over 240
 * bytes are cut by boundName).
 */
function safeSegments(rel: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are what is being replaced
  return rel.replace(/[\u0000-\u001f\u007f\\]/g, '_');
}

