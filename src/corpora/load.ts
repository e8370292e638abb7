// Reads JSONL knowledge files and validates each entry with a zod schema, reporting errors as file:line: path: reason.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { isAbsolute, join, relative } from 'node:path';
import type { z } from 'zod';
import { WireproofError } from '../types.js';
import { jsonErrorMessage } from '../util/json-text.js';
import { append } from '../util/append.js';
import { nestedUnboundedQuantifier } from './literals.js';

/** An entry with the place it was read from, for messages that point users at their data. */
export interface Located<T> {
  entry: T;
  file: string;
  line: number;
}

/**
 * Parses JSONL text: one JSON object per line; blank lines and lines starting with `#` are skipped.
 * Throws a WireproofError naming `file:line` and the field at fault.
 */
export function parseJsonl<S extends z.ZodType>(text: string, file: string, schema: S): Located<z.infer<S>>[] {
  const out: Located<z.infer<S>>[] = [];
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i]!.trim();
    if (raw === '' || raw.startsWith('#')) continue;
    let value: unknown;
    try {
      value = JSON.parse(raw);
    } catch (error) {
      throw new WireproofError(`${file}:${i + 1}: invalid JSON: ${jsonErrorMessage(error)}`, 'corpus', file);
    }
    const result = schema.safeParse(value);
    if (!result.success) {
      const issue = result.error.issues[0]!;
      const path = issue.path.length > 0 ? issue.path.join('.') : '(entry)';
      throw new WireproofError(`${file}:${i + 1}: ${path}: ${issue.message}`, 'corpus', file);
    }
    out.push({ entry: result.data, file, line: i + 1 });
  }
  return out;
}

/**
 * Files that look like corpus data but are not read: JSON of another kind or case (`es.json`, `es.JSONL`, `es.ndjson`)
 * and other data formats. Editor backups (`fr.jsonl~`, `fr.jsonl.bak`), notes (`TODO.txt`, `README.md`) and system
 * files (`Thumbs.db`) are left alone: refusing them failed every check (a second review, 2026-12-08).
 */
const DATA_LIKE = /\.(?:jsonl|json|ndjson|ldjson|jsonc|json5|csv|tsv|ya?ml)$/i;

/** A path as corpus errors name it: from the working folder when inside it. */
function shown(path: string): string {
  const rel = relative(process.cwd(), path);
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : path;
}

/**
 * Lists `.jsonl` files of a file or folder path, sorted for deterministic load order. A folder whose files all have
 * another extension (`house.json`, `notices.ndjson`) is a mistake, not an empty list: it loaded nothing and said
 * nothing (review, 2026-12-07). With `required`, an empty folder is one too (a folder given with --references).
 */
export function jsonlFiles(path: string, options: { required?: boolean; strict?: boolean } = {}): string[] {
  const st = statSync(path, { throwIfNoEntry: false });
  if (!st) throw new WireproofError(`${path}: no such corpus file or folder`, 'corpus', path);
  if (st.isFile()) return [path];
  const names = readdirSync(path).filter((name) => !name.startsWith('.'));
  const files = names.filter((name) => name.endsWith('.jsonl')).sort();
  // In a corpus kind's folder (`strict`), another data file beside .jsonl files is a mistake too: `es.json` or
  // `es.JSONL` beside `fr.jsonl` loaded nothing and said nothing (review, 2026-12-08). A --references folder may be
  // any folder that holds .jsonl files (a desk's project folder).
  const stray = names
    .filter((name) => !name.endsWith('.jsonl') && DATA_LIKE.test(name) && statSync(join(path, name), { throwIfNoEntry: false })?.isFile())
    .sort();
  if (options.strict && files.length > 0 && stray.length > 0) {
    const file = join(path, stray[0]!);
    throw new WireproofError(`${shown(file)}: not read: corpus and reference files end in .jsonl (rename it, or move it out of the folder)`, 'corpus', file);
  }
  if (files.length === 0) {
    const other = names.filter((name) => statSync(join(path, name), { throwIfNoEntry: false })?.isFile()).sort();
    if (other.length > 0) {
      throw new WireproofError(`${path}: no .jsonl file (found ${other[0]}${other.length > 1 ? ` and ${other.length - 1} more` : ''}; corpus and reference files end in .jsonl)`, 'corpus', path);
    }
    if (options.required) throw new WireproofError(`${path}: no .jsonl file in this folder`, 'corpus', path);
  }
  return files.map((name) => join(path, name));
}

/** Loads and validates every JSONL file under `path`; display names are relative to `base`. */
export function loadJsonl<S extends z.ZodType>(path: string, schema: S, base = process.cwd()): Located<z.infer<S>>[] {
  const out: Located<z.infer<S>>[] = [];
  for (const file of jsonlFiles(path, { strict: true })) {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (error) {
      throw new WireproofError(`${file}: cannot read: ${(error as Error).message}`, 'corpus', file);
    }
    append(out, parseJsonl(text, relative(base, file) || file, schema));
  }
  return out;
}

/** Compiles a corpus regex, turning a syntax error into a line-precise corpus error. */
export function compilePattern(source: string, flags: string, where: { file: string; line: number }): RegExp {
  let regex: RegExp;
  try {
    regex = new RegExp(source, flags);
  } catch (error) {
    throw new WireproofError(`${where.file}:${where.line}: pattern: ${(error as Error).message}`, 'corpus', where.file);
  }
  const nested = nestedUnboundedQuantifier(source, flags);
  if (nested !== null) {
    throw new WireproofError(
      `${where.file}:${where.line}: pattern: nested repetition ${JSON.stringify(nested)} can take exponential time on ordinary text; end the inner repetition on a character it cannot match (\`(?:[a-z]+ )+\`), or write the words out`,
      'corpus',
      where.file,
    );
  }
  return regex;
}
