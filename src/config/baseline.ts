// Baselines: accept existing findings by fingerprint, so a desk can adopt the linter on a back catalogue.
import { readFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import type { Report } from '../types.js';
import { WireproofError } from '../types.js';
import { jsonErrorMessage, jsonErrorWhere, withoutBom } from '../util/json-text.js';
import { zod } from '../util/zod.js';
import { fsReason } from '../util/fs.js';

/** A baseline file: accepted fingerprints per file (paths relative to the working folder, forward slashes). */
export interface Baseline {
  version: 1;
  files: Record<string, string[]>;
}

function baselineSchema() {
  const z = zod();
  return z.strictObject({ version: z.literal(1), files: z.record(z.string(), z.array(z.string())) });
}

function key(file: string, cwd: string): string {
  return relative(cwd, resolve(cwd, file)).split('\\').join('/') || file;
}

/** Reads a baseline file; a missing file is an empty baseline only when `allowMissing` (for --update-baseline). */
export function readBaseline(path: string, allowMissing = false): Baseline {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (allowMissing && code === 'ENOENT') return { version: 1, files: {} };
    // A missing baseline is an error, not an empty one (a mistyped path would silently accept nothing), but the
    // first run after adding `baseline` to the configuration meets it: say how to create it.
    if (code === 'ENOENT') throw new WireproofError(`${path}: no baseline file yet (create it once with --update-baseline)`, 'config', path);
    throw new WireproofError(`${path}: cannot read baseline: ${fsReason(error)}`, 'config', path);
  }
  let value: unknown;
  try {
    value = JSON.parse(withoutBom(text));
  } catch (error) {
    const where = jsonErrorWhere(error, withoutBom(text));
    throw new WireproofError(`${path}${where ? `:${where}` : ''}: invalid JSON: ${jsonErrorMessage(error)}`, 'config', path);
  }
  const result = baselineSchema().safeParse(value);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    throw new WireproofError(`${path}: ${issue.path.join('.') || '(top level)'}: ${issue.message}`, 'config', path);
  }
  // From the parsed JSON's own entries: the schema's copy assigns keys, and a `__proto__` key set the prototype.
  return { version: 1, files: Object.fromEntries(Object.entries((value as Baseline).files)) };
}

/** Drops messages whose fingerprint the baseline accepts; returns the filtered reports and how many were suppressed. */
export function applyBaseline(reports: Report[], baseline: Baseline, cwd: string): { reports: Report[]; suppressed: number } {
  let suppressed = 0;
  const out = reports.map((r) => {
    // Own keys only: a file named `constructor` or `toString` read Object.prototype's function (CI review, 2026-12-08).
    const k = key(r.file, cwd);
    const accepted = new Set(Object.hasOwn(baseline.files, k) ? baseline.files[k] : []);
    if (accepted.size === 0) return r;
    const messages = r.messages.filter((m) => {
      const keep = !accepted.has(m.fingerprint);
      if (!keep) suppressed++;
      return keep;
    });
    return {
      ...r,
      messages,
      summary: {
        ...r.summary,
        errors: messages.filter((m) => m.severity === 'error').length,
        warnings: messages.filter((m) => m.severity === 'warning').length,
        infos: messages.filter((m) => m.severity === 'info').length,
      },
    };
  });
  return { reports: out, suppressed };
}

/** A baseline accepting every current message of the given reports (files not checked this run are kept). */
export function makeBaseline(reports: readonly Report[], previous: Baseline, cwd: string): Baseline {
  // A Map, not an object: a file named `__proto__` would set the prototype instead of a key.
  const files = new Map<string, string[]>(Object.entries(previous.files));
  for (const r of reports) {
    if (r.error) continue;
    const fps = [...new Set(r.messages.map((m) => m.fingerprint))].sort();
    const k = key(r.file, cwd);
    if (fps.length > 0) files.set(k, fps);
    else files.delete(k);
  }
  const sorted = Object.fromEntries([...files.keys()].sort().map((k) => [k, files.get(k)!]));
  return { version: 1, files: sorted };
}
