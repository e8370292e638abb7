// Public API: check a text, bytes or a file and get a Report. Never prints, never exits; input errors become reports.
import { loadCorpora, type Corpora } from './corpora/index.js';
import { detectors } from './detect/index.js';
import { runDetectors } from './detect/run.js';
import { ingestBytes, readInput } from './ingest/read.js';
import { buildReport, errorReport } from './report/build.js';
import { scoreDocument } from './score/combine.js';
import { buildMessages, UNDECLARED_RULE } from './score/messages.js';
import { toIso3 } from './segment/language.js';
import { segment } from './segment/paragraphs.js';
import type { IngestedText, Report, RuleLevel, RuleMeta } from './types.js';
import { WireproofError } from './types.js';
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
}

/** Metadata of every rule wireproof can report, by id. */
export function rulesMeta(): Record<string, RuleMeta> {
  const out: Record<string, RuleMeta> = { [UNDECLARED_RULE.id]: UNDECLARED_RULE };
  for (const d of detectors) out[d.meta.id] = d.meta;
  return out;
}

/** Runs segment → detect → score → report on already-ingested text. */
export function checkIngested(input: IngestedText, options: CheckOptions = {}, corpora: Corpora = loadCorpora(options.corpora)): Report {
  const languages = options.languages?.map(toIso3);
  const { paragraphs, language } = segment(input, corpora, languages ? { languages } : {});
  const levels = options.rules ?? {};
  const signals = runDetectors(paragraphs, { language, paragraphs, corpora }, levels);
  const score = scoreDocument(paragraphs, signals, options.prior === undefined ? {} : { prior: options.prior });
  const lines = new LineIndex(input.source);
  const messages = buildMessages(score.verdict, paragraphs, signals, rulesMeta(), levels, lines);
  return buildReport({ input, language, paragraphs, signals, score, messages, lines });
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
  try {
    const ingested = await ingestBytes(bytes, file, { format: options.format ?? 'auto' });
    return checkIngested(ingested, options);
  } catch (error) {
    return inputError(file, error);
  }
}

/**
 * Checks a file (`-` for standard input). Unreadable, binary or directory inputs give a report with `error` set.
 */
export async function checkFile(path: string, options: CheckOptions = {}): Promise<Report> {
  validateOptions(options);
  const file = path === '-' ? '<stdin>' : path;
  try {
    const ingested = await readInput(path, { format: options.format ?? 'auto' });
    return checkIngested(ingested, { ...options, file });
  } catch (error) {
    return inputError(file, error);
  }
}

/** Checks several files, in input order; one bad file never stops the others. */
export async function checkFiles(paths: readonly string[], options: CheckOptions = {}): Promise<Report[]> {
  const reports: Report[] = [];
  for (const path of paths) reports.push(await checkFile(path, options));
  return reports;
}

function inputError(file: string, error: unknown): Report {
  if (error instanceof WireproofError && error.code !== 'usage' && error.code !== 'config' && error.code !== 'corpus') {
    return errorReport(file, error.code, error.message);
  }
  throw error;
}

function validateOptions(options: CheckOptions): void {
  if (options.prior !== undefined && !(options.prior > 0 && options.prior < 1)) {
    throw new WireproofError(`prior must be strictly between 0 and 1 (got ${options.prior})`, 'usage');
  }
}
