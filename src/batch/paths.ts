// Output paths of a batch: mirror input paths under DIR, turn feed ids into safe file names, and never leave DIR.
import { createHash } from 'node:crypto';
import { realpathSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, posix, relative, resolve, sep } from 'node:path';
import { WireproofError } from '../types.js';
import { leavesBase } from '../util/relative-path.js';

/**
 * Names a batch writes at the top of DIR itself; a report may never take one of them (an input `summary.txt` at
 * the root of the archive would otherwise overwrite `summary.json`).
 */
export const RESERVED_TOP_LEVEL = new Set(['summary.json', 'summary.csv', 'index.html', '.wireproof-cache.json']);

/**
 * Windows device names: `CON`, `CON.json` … cannot be created or opened as files on Windows (Win32 "Naming Files,
 * Paths, and Namespaces": "Do not use the following reserved names for the name of a file"), whatever the extension.
 * The superscript digits are in the same list since Windows 11 documentation revisions.
 */
const WINDOWS_DEVICE = /^(?:con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³]|conin\$|conout\$)(?:\..*)?$/i;

/** Longest file name stem we emit, in UTF-8 bytes: 255 is the common limit (ext4, APFS, NTFS in UTF-16 units). */
const MAX_STEM_BYTES = 120;

/** Characters kept verbatim in an id-derived file name: letters and digits of any script, `.`, `_`, `-`. */
const SAFE_CHAR = /[\p{L}\p{N}._-]/u;

/**
 * Turns an arbitrary feed id into one safe path segment (no folder separators, no `..`, no hidden name, no device
 * name, no control characters, bounded length). An id that had to change gets a short hash of the original so that
 * two ids never meet on one name by accident (`a/b` and `a_b` stay apart).
 *
 * @param id the id as found in the feed
 * @returns a file name stem, without extension
 */
export function sanitiseId(id: string): string {
  const nfc = id.normalize('NFC');
  let out = '';
  for (const ch of nfc) out += SAFE_CHAR.test(ch) ? ch : '_';
  // Runs of dots are never meaningful in an id and only look like `..`; fold them, then runs of `_`.
  out = out.replace(/\.{2,}/g, '_').replace(/_+/g, '_');
  // A leading dot would hide the file (and `.`/`..` would be folders); trailing dots and spaces vanish on Windows.
  out = out.replace(/^\.+/, (dots) => '_'.repeat(dots.length)).replace(/[. ]+$/, '');
  if (out === '' || out === '_') out = 'item';
  if (WINDOWS_DEVICE.test(out)) out = `_${out}`;
  const changed = out !== id;
  if (Buffer.byteLength(out) > MAX_STEM_BYTES) out = truncateUtf8(out, MAX_STEM_BYTES - 13);
  if (changed || out.length < nfc.length) out = `${out}-${shortHash(id)}`;
  return out;
}

/** First 12 hex digits of sha256: enough to keep distinct ids apart in one archive (48 bits). */
export function shortHash(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 12);
}

/** Longest report file name stem, in UTF-8 bytes: `.json`, `.html` or `~12` still fit under NAME_MAX (255 bytes). */
const MAX_NAME_BYTES = 240;

/**
 * Bounds the file name of a report stem (its last segment; folders are mirrored from real ones): a longer name is cut
 * at a character boundary and gets a short hash of the whole name, so that two long names never meet. An input name
 * of 251 bytes or more, legal on ext4, gave a report name over 255 bytes, which could not be written.
 */
export function boundName(stem: string): string {
  const slash = stem.lastIndexOf('/');
  const name = stem.slice(slash + 1);
  if (Buffer.byteLength(name) <= MAX_NAME_BYTES) return stem;
  return `${stem.slice(0, slash + 1)}${truncateUtf8(name, MAX_NAME_BYTES - 13)}-${shortHash(name)}`;
}

function truncateUtf8(text: string, maxBytes: number): string {
  let out = '';
  let bytes = 0;
  for (const ch of text) {
    const n = Buffer.byteLength(ch);
    if (bytes + n > maxBytes) break;
    out += ch;
    bytes += n;
  }
  return out;
}

/**
 * Checks a report path relative to DIR and returns it absolute. Rejects what could land outside DIR or somewhere
 * surprising: empty paths, absolute paths, drive letters, backslashes, NUL and other control characters, `.` and
 * `..` segments. The final `resolve` check is a second wall in case a rule above is ever loosened.
 *
 * @param outDir absolute output folder
 * @param rel forward-slash path relative to it
 * @throws WireproofError (`usage`) when the path is not safe
 */
export function safeJoin(outDir: string, rel: string): string {
  const bad = (why: string): never => {
    throw new WireproofError(`refusing output path ${JSON.stringify(rel)}: ${why}`, 'usage');
  };
  if (rel === '') bad('empty');
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is being refused
  if (/[\u0000-\u001f\u007f]/.test(rel)) bad('control character');
  if (rel.includes('\\')) bad('backslash');
  if (isAbsolute(rel) || posix.isAbsolute(rel) || /^[A-Za-z]:/.test(rel)) bad('absolute');
  const segments = rel.split('/');
  if (segments.some((s) => s === '' || s === '.' || s === '..')) bad('empty, "." or ".." segment');
  const abs = resolve(outDir, ...segments);
  const back = relative(outDir, abs);
  if (back === '' || leavesBase(back) || back.split(sep).includes('..')) bad('outside the output folder');
  return abs;
}

/** Whether `child` is `parent` or inside it (absolute, resolved paths). */
export function isInside(child: string, parent: string): boolean {
  const rel = relative(parent, child);
  return rel === '' || !leavesBase(rel);
}

/**
 * The real path of an absolute path, existing or not yet created: symbolic links are resolved in the longest part
 * that exists and the rest is appended (`outlink/new` → `/…/in/new` when `outlink` leads to `in`). Whether a path is
 * inside the output folder is decided on these: compared as written, a link to the input folder given as `--out`
 * passed for another folder, and a batch wrote its reports and dashboard over its inputs.
 * @param abs an absolute, resolved path
 */
export function realPathOf(abs: string): string {
  const rest: string[] = [];
  for (let current = abs; ; ) {
    try {
      return join(realpathSync(current), ...rest);
    } catch {
      // Missing (or a dangling link, or not reachable): its folder decides where it would be created.
      const parent = dirname(current);
      if (parent === current) return abs;
      rest.unshift(basename(current));
      current = parent;
    }
  }
}

/** The deepest folder containing all of `dirs` (absolute paths). */
export function commonBase(dirs: readonly string[]): string {
  if (dirs.length === 0) return resolve('.');
  let parts = resolve(dirs[0]!).split(sep);
  for (const d of dirs.slice(1)) {
    const other = resolve(d).split(sep);
    let i = 0;
    while (i < parts.length && i < other.length && parts[i] === other[i]) i++;
    parts = parts.slice(0, i);
  }
  // On POSIX the root splits into ['', ''] → '' joined; keep it a path.
  return parts.length <= 1 ? `${parts[0] ?? ''}${sep}` : parts.join(sep);
}

/** A path relative to `base`, with forward slashes, each segment kept as is (they come from real file names). */
export function mirrorPath(base: string, abs: string): string {
  return relative(base, abs).split(sep).join('/');
}

/** The stem of a mirrored input path: its last extension dropped (`2026-01/wire-0001.txt` → `2026-01/wire-0001`). */
export function dropExtension(rel: string): string {
  const slash = rel.lastIndexOf('/');
  const dot = rel.lastIndexOf('.');
  return dot > slash + 1 ? rel.slice(0, dot) : rel;
}

/**
 * Gives every input a distinct report stem (path without extension) relative to DIR, deterministically:
 * 1. the preferred stem (input path without its extension);
 * 2. inputs whose stems meet (case-insensitively, as on macOS and Windows file systems), or meet a reserved name,
 *    or meet a folder another report lives in, all keep their full name (`wire.txt` → `wire.txt.json`);
 * 3. anything still meeting gets `~2`, `~3` … in input order.
 *
 * @param candidates per input, the preferred stem and the full-name fallback (both relative to DIR)
 * @param extensions the extensions that will be appended (`.json`, `.html`), to check reserved names
 * @returns one stem per input, in the same order
 */
export function assignStems(candidates: readonly { stem: string; full: string }[], extensions: readonly string[]): string[] {
  const fold = (s: string): string => s.normalize('NFC').toLowerCase();
  const reserved = (stem: string): boolean => extensions.some((ext) => RESERVED_TOP_LEVEL.has(fold(`${stem}${ext}`)));
  const folders = new Set<string>();
  const addFolders = (stem: string): void => {
    const parts = fold(stem).split('/');
    for (let i = 1; i < parts.length; i++) folders.add(parts.slice(0, i).join('/'));
  };
  const count = new Map<string, number>();
  for (const c of candidates) {
    count.set(fold(c.stem), (count.get(fold(c.stem)) ?? 0) + 1);
    addFolders(c.stem);
  }
  const clashes = (stem: string): boolean => reserved(stem) || extensions.some((ext) => folders.has(fold(`${stem}${ext}`)));
  const first = candidates.map((c) => ((count.get(fold(c.stem)) ?? 0) > 1 || clashes(c.stem) ? c.full : c.stem));
  const used = new Set<string>();
  return first.map((stem) => {
    let out = stem;
    for (let n = 2; used.has(fold(out)) || clashes(out); n++) out = `${stem}~${n}`;
    used.add(fold(out));
    return out;
  });
}
