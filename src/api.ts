// Public API: check a text, bytes or a file and get a Report. Never prints, never exits; input errors become reports.
import { join, resolve } from 'node:path';
import { loadCorpora, type Corpora } from './corpora/index.js';
import { detectors } from './detect/index.js';
import { runDetectors } from './detect/run.js';
import { ingestBytes, MAX_INPUT_BYTES, readInput, readSourceOption, tooLarge } from './ingest/read.js';
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
import { messageAsGiven, oneLine, thrownFirstLine } from './util/oneline.js';
import { LineIndex } from './util/positions.js';
import { checkOptionKeys, checkRuleLevel, INGESTED_SHAPE, isIngested, isRecord } from './util/options.js';
import { typeName } from './util/type-name.js';
import { append } from './util/append.js';
import { isUint8Array } from 'node:util/types';

export type * from './types.js';
export { WireproofError } from './types.js';

export interface CheckOptions {
  /**
   * Name to report the input under: `check()`'s text (default `<text>`), or standard input read by `checkFile('-')`
   * (default `<stdin>`; ESLint's `--stdin-filename`), whose format is then also told from the name.
   */
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
  /**
   * Folder that relative paths are read from: the input, `source`, `references` and `corpora` (inputs are still
   * reported as given). Default: the process's.
   */
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
  options = settle(options);
  const resolved: Resolved = {};
  if (options.source !== undefined) {
    const input = typeof options.source === 'string' ? await readSource(options.source, options) : options.source;
    const module = await import('./reference/source.js');
    module.assertSourceText(input);
    resolved.source = { input, module };
  }
  return resolved;
}

/**
 * Reads the source file. Its errors are the caller's (README: "a missing `source` file throws a WireproofError with
 * code `usage`"), name the option, and name the file as the caller gave it (not the path read, resolved against cwd).
 */
async function readSource(given: string, options: CheckOptions): Promise<IngestedText> {
  return readSourceOption(given, inCwd(given, options), options.format ?? 'auto');
}

/** Every rule's metadata, by id: the live objects, for this module's own use. */
function ruleTable(): Record<string, RuleMeta> {
  const out: Record<string, RuleMeta> = { [UNDECLARED_RULE.id]: UNDECLARED_RULE };
  for (const d of detectors) out[d.meta.id] = d.meta;
  for (const m of SOURCE_RULES) out[m.id] = m;
  for (const m of PHRASING_RULES) out[m.id] = m;
  return out;
}

/**
 * Metadata of every rule wireproof can report, by id: a copy. The live objects were returned, and a caller that
 * changed one (`defaultSeverity`, `kinds`) changed every later check in the process (API review, 2026-12-08).
 */
export function rulesMeta(): Record<string, RuleMeta> {
  return structuredClone(ruleTable());
}

/** Runs segment → detect → (reference) → score → report on already-ingested text. */
export function checkIngested(input: IngestedText, options: CheckOptions = {}, corpora?: Corpora, resolved: Resolved = {}): Report {
  // Public, so checked as check() checks (it calls this with options already settled: settling is idempotent).
  options = settle(options);
  if (!isIngested(input)) {
    throw new WireproofError(`checkIngested(input): expected ${INGESTED_SHAPE} (got ${typeName(input)})`, 'usage');
  }
  corpora ??= loadCorpora(options.corpora);
  const languages = options.languages === undefined ? undefined : languageList(options.languages);
  const { paragraphs, language } = segment(input, corpora, languages ? { languages } : {});
  const levels = options.rules ?? {};
  let signals = runDetectors(paragraphs, { language, paragraphs, corpora }, levels);
  if (resolved.source) {
    const { checkSource } = resolved.source.module;
    append(signals, checkSource(paragraphs, resolved.source.input, corpora, { rules: levels, targetLanguage: language }).signals);
  }
  const lines = new LineIndex(input.source, input.format === 'html');
  let drift: Map<number, Drift[]> | undefined;
  if (options.phrasings !== false) {
    const step = referenceStep(paragraphs, language, lines, {
      phrasings: join(corpora.root, 'phrasings'),
      ...(options.references ? { references: options.references } : {}),
      ...options.thresholds,
    });
    // A rule set to `off` neither scores nor reports; drift entries stay (they are measurements, not findings).
    append(signals, step.signals.filter((s) => levels[s.ruleId] !== 'off'));
    drift = step.drift;
  }
  signals = dedupeWording(signals);
  const score = scoreDocument(paragraphs, signals, options.prior === undefined ? {} : { prior: options.prior });
  const messages = buildMessages(score.verdict, score.probability, paragraphs, signals, ruleTable(), levels, lines);
  return buildReport({ input, language, paragraphs, signals, score, messages, lines, ...(drift ? { drift } : {}) });
}

/**
 * Checks a text (or raw bytes, whose encoding is detected).
 * @param input the wire: plain text, HTML, or bytes
 * @returns the report; throws only for configuration errors (bad corpora, bad options)
 */
export async function check(input: string | Uint8Array, options: CheckOptions = {}): Promise<Report> {
  // By its internal slot, not instanceof: a Uint8Array from another realm (a vm context, Jest's sandbox) is bytes too
  // (API review), and an object that only claims the tag (`Symbol.toStringTag`) is not (a second review).
  if (typeof input !== 'string' && !isUint8Array(input)) {
    throw new WireproofError(`check(input): expected a string or a Uint8Array (got ${typeName(input)})`, 'usage');
  }
  if (typeof input !== 'string' && !(input instanceof Uint8Array)) {
    const foreign = input as { buffer: ArrayBuffer; byteOffset: number; byteLength: number };
    input = new Uint8Array(foreign.buffer, foreign.byteOffset, foreign.byteLength);
  }
  options = settle(options);
  const file = options.file ?? '<text>';
  const bytes = typeof input === 'string' ? new TextEncoder().encode(input) : input;
  // A bad --source is the caller's error, not this input's: it throws instead of becoming an error report (before the
  // size check, as checkFile reads the source before the input).
  const resolved = await resolveOptions(options);
  // The limit checkFile and the CLI apply: the pipeline is synchronous, and a 65 MiB paste held the caller's event
  // loop for seconds (review, 2026-12-07).
  if (bytes.length > MAX_INPUT_BYTES) return inputError(file, tooLarge(file, bytes.length, MAX_INPUT_BYTES, 'text'));
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
  if (typeof path !== 'string') throw new WireproofError(`checkFile(path): expected a string (got ${typeName(path)})`, 'usage');
  options = settle(options);
  const file = path === '-' ? (options.file ?? '<stdin>') : path;
  resolved ??= await resolveOptions(options);
  try {
    const ingested = await readInput(inCwd(path, options), { format: options.format ?? 'auto', ...(path === '-' ? { stdinFilename: file } : {}) });
    return checkIngested({ ...ingested, file }, { ...options, file }, loadCorpora(options.corpora), resolved);
  } catch (error) {
    return inputError(file, error);
  }
}

/** Checks several files, in input order; one bad file never stops the others. */
export async function checkFiles(paths: readonly string[], options: CheckOptions = {}): Promise<Report[]> {
  // A string is iterable: without this check each of its characters would be checked as a file.
  if (!Array.isArray(paths)) throw new WireproofError(`checkFiles(paths): expected an array of paths (got ${typeName(paths)})`, 'usage');
  const bad = paths.findIndex((p) => typeof p !== 'string');
  if (bad >= 0) throw new WireproofError(`checkFiles(paths): paths[${bad}]: expected a string (got ${typeName(paths[bad])})`, 'usage');
  // The source and optional modules are read once for the whole run; a bad source is a usage error (exit 2).
  options = settle(options);
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
    // Messages name the path as it was read (resolved against cwd); report it as the user gave it.
    return errorReport(file, error.code, messageAsGiven(error, file));
  }
  if (error instanceof WireproofError) throw error;
  // A failure of wireproof's own on one input is that input's error, as in batch: one 4.4 MB paragraph overflowed the
  // stack, and the run ended on "Maximum call stack size exceeded" with no file named and no other report (review,
  // 2026-12-08).
  return errorReport(file, 'internal', `${oneLine(file)}: internal error: ${thrownFirstLine(error)} (please report it)`);
}


/** Every key of CheckOptions (a Record, so the compiler says when one is added and not listed here). */
const OPTION_KEYS: ReadonlySet<string> = new Set(
  Object.keys({
    file: true, format: true, rules: true, languages: true, prior: true, corpora: true, cwd: true, source: true,
    references: true, phrasings: true, thresholds: true,
  } satisfies Record<keyof CheckOptions, true>),
);

/**
 * Validates the options and resolves their paths (corpora, references; the input and source are read through
 * `inCwd`) against `cwd`, so that every relative path in one call means the same folder.
 */
function settle(options: CheckOptions): CheckOptions {
  checkOptionKeys(options as unknown, OPTION_KEYS, true);
  // A plain copy of the known keys, own or inherited: a spread below would keep own keys only, so an inherited
  // `languages` was honoured without `cwd` and dropped with it.
  const plain: Record<string, unknown> = {};
  for (const key of OPTION_KEYS) {
    const value = (options as Record<string, unknown>)[key];
    if (value !== undefined) plain[key] = value;
  }
  const settled = plain as CheckOptions;
  validateOptions(settled);
  if (!settled.cwd) return settled;
  const cwd = settled.cwd;
  return {
    ...settled,
    ...(settled.corpora !== undefined ? { corpora: resolve(cwd, settled.corpora) } : {}),
    ...(settled.references !== undefined ? { references: settled.references.map((r) => resolve(cwd, r)) } : {}),
  };
}


// Every option is checked for its type: a JavaScript caller's wrong type would otherwise fail later as a TypeError
// or a Node error that names no option, or be used as something else (a string prior compares as a number).
function validateOptions(options: CheckOptions): void {
  for (const key of ['file', 'corpora', 'cwd'] as const) {
    if (options[key] !== undefined && typeof options[key] !== 'string') throw new WireproofError(`${key}: expected a string (got ${typeName(options[key])})`, 'usage');
  }
  // An empty folder name gave the corpus error "`: corpora folder not found`" (API review, 2026-12-08).
  if (options.corpora === '' || options.cwd === '') throw new WireproofError(`${options.corpora === '' ? 'corpora' : 'cwd'}: expected a folder path (got an empty string)`, 'usage');
  if (options.source !== undefined && typeof options.source !== 'string' && !isIngested(options.source)) {
    throw new WireproofError(`source: expected a path or ${INGESTED_SHAPE} (got ${typeName(options.source)})`, 'usage');
  }
  if (options.phrasings !== undefined && typeof options.phrasings !== 'boolean') {
    throw new WireproofError(`phrasings: expected true or false (got ${typeName(options.phrasings)})`, 'usage');
  }
  if (options.format !== undefined && options.format !== 'auto' && options.format !== 'text' && options.format !== 'html') {
    throw new WireproofError(`format: expected "auto", "text" or "html" (got ${JSON.stringify(options.format)})`, 'usage');
  }
  if (options.references !== undefined && !(Array.isArray(options.references) && options.references.every((r) => typeof r === 'string' && r !== ''))) {
    throw new WireproofError('references: expected an array of file or folder paths (none empty)', 'usage');
  }
  if (options.thresholds !== undefined && !isRecord(options.thresholds)) {
    throw new WireproofError(`thresholds: expected an object such as { phrasingMatch: 0.8 } (got ${typeName(options.thresholds)})`, 'usage');
  }
  for (const [key, value] of Object.entries(options.thresholds ?? {})) {
    if (key !== 'phrasingMatch' && key !== 'driftSimilarity') throw new WireproofError(`thresholds.${key}: unknown threshold (known: driftSimilarity, phrasingMatch)`, 'usage');
    // Undefined means the default, as it does for a top-level option.
    if (value === undefined) continue;
    // phrasingMatch: the matcher's floor is 0.05 (match.ts); a lower value was quietly read as 0.05 (review).
    const min = key === 'phrasingMatch' ? 0.05 : 0;
    if (typeof value !== 'number' || !(value >= min && value <= 1)) throw new WireproofError(`thresholds.${key}: expected a number from ${min} to 1 (got ${String(value)})`, 'usage');
  }
  if (options.languages !== undefined) {
    if (!Array.isArray(options.languages)) throw new WireproofError('languages: expected an array of language codes, e.g. ["fr"]', 'usage');
    languageList(options.languages);
  }
  if (options.prior !== undefined && typeof options.prior !== 'number') {
    throw new WireproofError(`prior: expected a number strictly between 0 and 1 (got ${typeName(options.prior)})`, 'usage');
  }
  if (options.prior !== undefined && !(options.prior > 0 && options.prior < 1)) {
    throw new WireproofError(`prior: expected a number strictly between 0 and 1 (got ${options.prior})`, 'usage');
  }
  if (options.rules !== undefined && !isRecord(options.rules)) {
    throw new WireproofError(`rules: expected an object of rule id → level, e.g. { "ric-code": "off" } (got ${typeName(options.rules)})`, 'usage');
  }
  // As the command line and the configuration file: a mistyped rule id must not silently change nothing.
  if (options.rules && Object.keys(options.rules).length > 0) {
    const known = Object.keys(ruleTable()).sort();
    for (const [id, level] of Object.entries(options.rules)) checkRuleLevel(id, level, known);
  }
}
