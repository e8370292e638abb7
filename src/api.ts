// Public API: check a text, bytes or a file and get a Report. Never prints, never exits; input errors become reports.
import { resolve } from 'node:path';
import { loadCorpora, type Corpora } from './corpora/index.js';
import { detectors } from './detect/index.js';
import { runDetectors } from './detect/run.js';
import { ingestBytes, readInput } from './ingest/read.js';
import { buildReport, errorReport } from './report/build.js';
import { dedupeWording, scoreDocument } from './score/combine.js';
import { buildMessages, UNDECLARED_RULE } from './score/messages.js';
import { languageList } from './segment/language.js';
import { PHRASING_RULES } from './reference/phrasing-signals.js';
import { SOURCE_RULES } from './reference/source-rules.js';
import { referenceStep } from './reference/step.js';
import { segment } from './segment/paragraphs.js';
import type { Drift, IngestedText, Report, RuleLevel, RuleMeta } from './types.js';
import { WireproofError } from './types.js';
import { oneLine } from './util/oneline.js';
import { LineIndex } from './util/positions.js';

export type * from './types.js';
export { WireproofError } from './types.js';

export interface CheckOptions {
  /** Name to report the input under. Default `<text>`. */
  file?: string;
  /** Input format; `auto` sniffs HTML. */
  format?: 'auto' | 'text' | 'html';
  /** Per-rule level overrides (`off` disables a rule). */
  rules?: Record<string, RuleLevel>;
  /** Languages to consider (ISO 639-1 or 639-3); default fr, en, de, es, it, pt. */
  languages?: string[];
  /** Expected share of machine translation in the archive (0–1); probabilities are shifted by Bayes' rule. */
  prior?: number;
  /** A corpora folder to use instead of the shipped one. */
  corpora?: string;
  /** Folder that relative input paths are read from (they are still reported as given). Default: the process's. */
  cwd?: string;
  /** The original-language source (a path, or already-ingested text): enables the source-* consistency rules. */
  source?: string | IngestedText;
  /** Reference phrasing files or folders (JSONL) added to the shipped ones (docs/references.md). */
  references?: string[];
  /** Set false to skip reference phrasings altogether. */
  phrasings?: boolean;
  /** Matching thresholds (0–1). */
  thresholds?: { phrasingMatch?: number; driftSimilarity?: number };
}

/** Modules and inputs resolved before the synchronous pipeline runs (loaded only when an option needs them). */
export interface Resolved {
  source?: { input: IngestedText; module: typeof import('./reference/source.js') };
}

/** Reads what the options point at (the source file) and loads the modules they need. */
export async function resolveOptions(options: CheckOptions): Promise<Resolved> {
  const resolved: Resolved = {};
  if (options.source !== undefined) {
    const input =
      typeof options.source === 'string'
        ? { ...(await readInput(inCwd(options.source, options), { format: options.format ?? 'auto' })), file: options.source }
        : options.source;
    resolved.source = { input, module: await import('./reference/source.js') };
  }
  return resolved;
}

/** Metadata of every rule wireproof can report, by id. */
export function rulesMeta(): Record<string, RuleMeta> {
  const out: Record<string, RuleMeta> = { [UNDECLARED_RULE.id]: UNDECLARED_RULE };
  for (const d of detectors) out[d.meta.id] = d.meta;
  for (const m of SOURCE_RULES) out[m.id] = m;
  for (const m of PHRASING_RULES) out[m.id] = m;
  return out;
}

/** Runs segment → detect → (reference) → score → report on already-ingested text. */
export function checkIngested(
  input: IngestedText,
  options: CheckOptions = {},
  corpora: Corpora = loadCorpora(options.corpora),
  resolved: Resolved = {},
): Report {
  const languages = options.languages === undefined ? undefined : languageList(options.languages);
  const { paragraphs, language } = segment(input, corpora, languages ? { languages } : {});
  const levels = options.rules ?? {};
  let signals = runDetectors(paragraphs, { language, paragraphs, corpora }, levels);
  if (resolved.source) {
    const { sourceSignals, segmentSource } = resolved.source.module;
    signals.push(...sourceSignals(paragraphs, segmentSource(resolved.source.input, corpora), { corpora, rules: levels }).signals);
  }
  const lines = new LineIndex(input.source);
  let drift: Map<number, Drift[]> | undefined;
  if (options.phrasings !== false) {
    const step = referenceStep(paragraphs, language, lines, {
      ...(options.references ? { references: options.references } : {}),
      ...options.thresholds,
    });
    // A rule set to `off` neither scores nor reports; drift entries stay (they are measurements, not findings).
    signals.push(...step.signals.filter((s) => levels[s.ruleId] !== 'off'));
    drift = step.drift;
  }
  signals = dedupeWording(signals);
  const score = scoreDocument(paragraphs, signals, options.prior === undefined ? {} : { prior: options.prior });
  const messages = buildMessages(score.verdict, paragraphs, signals, rulesMeta(), levels, lines);
  return buildReport({ input, language, paragraphs, signals, score, messages, lines, ...(drift ? { drift } : {}) });
}

/**
 * Checks a text (or raw bytes, whose encoding is detected).
 * @param input the wire: plain text, HTML, or bytes
 * @returns the report; throws only for configuration errors (bad corpora, bad options)
 */
export async function check(input: string | Uint8Array, options: CheckOptions = {}): Promise<Report> {
  validateOptions(options);
  const file = options.file ?? '<text>';
  const bytes = typeof input === 'string' ? new TextEncoder().encode(input) : input;
  // A bad --source is the caller's error, not this input's: it throws instead of becoming an error report.
  const resolved = await resolveOptions(options);
  try {
    const ingested = await ingestBytes(bytes, file, { format: options.format ?? 'auto' });
    return checkIngested(ingested, options, loadCorpora(options.corpora), resolved);
  } catch (error) {
    return inputError(file, error);
  }
}

/**
 * Checks a file (`-` for standard input). Unreadable, binary or directory inputs give a report with `error` set.
 */
export async function checkFile(path: string, options: CheckOptions = {}, resolved?: Resolved): Promise<Report> {
  validateOptions(options);
  const file = path === '-' ? '<stdin>' : path;
  resolved ??= await resolveOptions(options);
  try {
    const ingested = await readInput(inCwd(path, options), { format: options.format ?? 'auto' });
    return checkIngested({ ...ingested, file }, { ...options, file }, loadCorpora(options.corpora), resolved);
  } catch (error) {
    return inputError(file, error);
  }
}

/** Checks several files, in input order; one bad file never stops the others. */
export async function checkFiles(paths: readonly string[], options: CheckOptions = {}): Promise<Report[]> {
  // The source and optional modules are read once for the whole run; a bad source is a usage error (exit 2).
  const resolved = await resolveOptions(options);
  const reports: Report[] = [];
  for (const path of paths) reports.push(await checkFile(path, options, resolved));
  return reports;
}

function inCwd(path: string, options: CheckOptions): string {
  return path === '-' || !options.cwd ? path : resolve(options.cwd, path);
}

function inputError(file: string, error: unknown): Report {
  if (error instanceof WireproofError && error.code !== 'usage' && error.code !== 'config' && error.code !== 'corpus') {
    // Messages name the path as it was read (resolved against cwd); report it as the user gave it. The prefix is
    // matched whole, not up to the first colon: a path may contain one (`wire:2026.txt`). Control characters stay
    // replaced (oneLine), so the diagnostic remains one line.
    const read = error.file !== undefined ? `${oneLine(error.file)}:` : undefined;
    const message = read !== undefined && error.message.startsWith(read) ? `${oneLine(file)}:${error.message.slice(read.length)}` : error.message;
    return errorReport(file, error.code, message);
  }
  throw error;
}

const LEVELS = new Set(['error', 'warning', 'info', 'off']);

function validateOptions(options: CheckOptions): void {
  if (options.languages !== undefined) {
    if (!Array.isArray(options.languages)) throw new WireproofError('languages: expected an array of language codes, e.g. ["fr"]', 'usage');
    languageList(options.languages);
  }
  if (options.prior !== undefined && !(options.prior > 0 && options.prior < 1)) {
    throw new WireproofError(`prior must be strictly between 0 and 1 (got ${options.prior})`, 'usage');
  }
  // As the command line and the configuration file: a mistyped rule id must not silently change nothing.
  if (options.rules && Object.keys(options.rules).length > 0) {
    const known = rulesMeta();
    for (const [id, level] of Object.entries(options.rules)) {
      if (!Object.hasOwn(known, id)) throw new WireproofError(`rules.${id}: unknown rule (known: ${Object.keys(known).sort().join(', ')})`, 'usage');
      if (!LEVELS.has(level)) throw new WireproofError(`rules.${id}: level must be error, warning, info or off (got ${JSON.stringify(level)})`, 'usage');
    }
  }
}
