// The batch cache (DIR/.wireproof-cache.json): which reports are still valid for unchanged inputs, config and corpora.
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type * as ZodModule from 'zod';
import { zod } from '../util/zod.js';
import type { BatchOutcome } from './types.js';

/** Name of the cache file inside DIR (hidden, so a later batch over DIR's parent skips it). */
export const CACHE_FILE = '.wireproof-cache.json';

/**
 * 2 (0.4.5): entries carry their files' stamps. A version-1 cache is ignored (one full re-check after the upgrade):
 * its entries could not be told from reports an interrupted run had overwritten (a review, 2026-12-07).
 * 3 (0.4.6): outcomes carry the document's language, which summary.csv and the dashboard list.
 */
const CACHE_VERSION = 3;

/**
 * The cache file's schema, built on first use: only a run that finds a cache file loads zod (about 95 modules,
 * 40–50 ms on the main thread before any worker starts; CPU profile of bench/batch.mjs, 2026-11-24).
 */
function buildSchema(z: typeof ZodModule.z) {
  const Counts = z.object({
    paragraphs: z.number(),
    bodyParagraphs: z.number(),
    byLabel: z.object({ machine: z.number(), 'likely-machine': z.number(), uncertain: z.number(), 'likely-human': z.number(), human: z.number() }),
    errors: z.number(),
    warnings: z.number(),
    infos: z.number(),
  });

  const Entry = z.object({
    key: z.string().regex(/^[0-9a-f]{64}$/),
    /** Report files written for this entry, relative to DIR. */
    files: z.array(z.string()),
    /**
     * Each file's size and modification time (ms) when this run wrote it: a report rewritten since (by a run with
     * other settings that was interrupted before it wrote its own cache) is not this entry's any more.
     */
    stamps: z.array(z.tuple([z.number(), z.number()])),
    outcome: z.object({
      verdict: z.enum(['declared-machine', 'undeclared-machine', 'human', 'mixed', 'uncertain', 'unknown']).nullable(),
      machineProbability: z.number().min(0).max(1).nullable(),
      language: z.string().max(35).nullable(),
      counts: Counts,
      /** Only errors that the content alone decides (binary bytes, undecodable text) are cached. */
      error: z.object({ code: z.enum(['binary', 'decode']), message: z.string() }).nullable(),
    }),
  });

  return z.object({
    cacheVersion: z.literal(CACHE_VERSION),
    /** Per report stem (relative to DIR). */
    entries: z.record(z.string(), Entry),
  });
}

let schema: ReturnType<typeof buildSchema> | undefined;

export type CacheData = ZodModule.infer<ReturnType<typeof buildSchema>>;
export type CacheEntry = CacheData['entries'][string];

/**
 * Reads the cache. A missing, corrupt or foreign-version cache is an empty one: the cache only ever saves work,
 * so it must never be the reason a batch fails (ESLint treats an unreadable `.eslintcache` the same way).
 */
export function readCache(path: string): CacheData {
  let value: unknown;
  try {
    value = JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return { cacheVersion: CACHE_VERSION, entries: {} };
  }
  schema ??= buildSchema(zod());
  const result = schema.safeParse(value);
  return result.success ? result.data : { cacheVersion: CACHE_VERSION, entries: {} };
}

/** The cache file's text: entries sorted by stem, so it is as reproducible as the reports. */
export function serialiseCache(entries: ReadonlyMap<string, CacheEntry>): string {
  const sorted = [...entries.keys()].sort().map((k) => [k, entries.get(k)!] as const);
  return `${JSON.stringify({ cacheVersion: CACHE_VERSION, entries: Object.fromEntries(sorted) })}\n`;
}

/** Size and modification time of each file (DIR-relative), or null when one is missing or not a file. */
export function stampsOf(dir: string, files: readonly string[]): [number, number][] | null {
  const out: [number, number][] = [];
  for (const f of files) {
    const st = statSync(join(dir, f), { throwIfNoEntry: false });
    if (!st?.isFile()) return null;
    out.push([st.size, st.mtimeMs]);
  }
  return out;
}

/**
 * The stamps of `files` when the entry's files are still the ones it recorded (same size and modification time), or
 * null. `files` are among the entry's (a format no longer asked is dropped): their stamps are the recorded ones.
 */
export function stampsMatch(dir: string, entry: CacheEntry, files: readonly string[]): [number, number][] | null {
  const now = stampsOf(dir, entry.files);
  if (now === null || now.length !== entry.stamps.length) return null;
  if (!now.every(([size, mtime], i) => size === entry.stamps[i]![0] && mtime === entry.stamps[i]![1])) return null;
  const out: [number, number][] = [];
  for (const f of files) {
    const i = entry.files.indexOf(f);
    if (i < 0) return null;
    out.push(now[i]!);
  }
  return out;
}

/** sha256 hex of text or bytes. */
export function sha256(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

/** JSON with object keys sorted at every level, so equal settings always hash alike whatever their key order. */
export function stableStringify(value: unknown): string {
  if (value === undefined) return 'null';
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(stableStringify).join(',')}]`;
  const obj = value as Record<string, unknown>;
  const keys = Object.keys(obj)
    .filter((k) => obj[k] !== undefined)
    .sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${stableStringify(obj[k])}`).join(',')}}`;
}

/**
 * Fingerprint of a folder: sha256 over every file's relative path and content, in sorted order (hidden files too:
 * anything the loader might read counts). Computed once per run; a missing folder hashes as empty.
 *
 * @param root folder (the corpora, or a references folder)
 */
export function fingerprintFolder(root: string): string {
  const hash = createHash('sha256');
  const files: string[] = [];
  const walk = (dir: string): void => {
    let names;
    try {
      names = readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const d of names) {
      const abs = join(dir, d.name);
      if (d.isDirectory()) walk(abs);
      else files.push(abs);
    }
  };
  walk(root);
  for (const file of files.map((f) => relative(root, f).split(sep).join('/')).sort()) {
    let content: Buffer;
    try {
      content = readFileSync(join(root, file));
    } catch {
      continue;
    }
    hash.update(`${file}\u0000${content.length}\u0000`);
    hash.update(content);
  }
  return hash.digest('hex');
}

/**
 * The cache key of one input: wireproof's version, the settings hash, the corpora fingerprint, the input's
 * display name (it is written into the report) and the hash of its content. Any change re-checks the input.
 */
export function cacheKey(parts: { version: string; configHash: string; corpora: string; file: string; content: string }): string {
  return sha256(stableStringify(parts));
}

/** A cache entry's outcome, as the summary lists it. */
export function cachedOutcome(entry: CacheEntry): BatchOutcome {
  return { ...entry.outcome, counts: { ...entry.outcome.counts, byLabel: { ...entry.outcome.counts.byLabel } } };
}
