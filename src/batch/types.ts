// Shapes of a batch run: the work handed to a worker, what it hands back, and DIR/summary.json.
import type { CheckOptions } from '../api.js';
import type { Label, Verdict } from '../types.js';

/** Report formats a batch can write per input. */
export type BatchFormat = 'json' | 'html';

/**
 * Why an input gave no report: the codes of {@link Report.error}, plus `feed-line` (a JSONL line that is not a
 * `{"id", "text"}` object) and `internal` (wireproof itself failed on this input; the run goes on).
 */
export type BatchErrorCode = 'not-found' | 'is-directory' | 'unreadable' | 'binary' | 'decode' | 'too-large' | 'feed-line' | 'internal';

/** Per-input counts, as in a report's `summary`. */
export interface BatchCounts {
  paragraphs: number;
  bodyParagraphs: number;
  byLabel: Record<Label, number>;
  errors: number;
  warnings: number;
  infos: number;
}

/** What checking one input produced: enough to list it, without the report itself. */
export interface BatchOutcome {
  verdict: Verdict | null;
  machineProbability: number | null;
  /** The document's language as the report gives it (`fr`, `und` …); null without a report. */
  language: string | null;
  counts: BatchCounts;
  error: { code: BatchErrorCode; message: string } | null;
}

/** One line of summary.json (and of summary.csv and the dashboard's table). */
export interface BatchEntry extends BatchOutcome {
  /** The input: its path relative to the working folder (forward slashes), or `feed.jsonl#id`, or `feed.jsonl:7` for a bad line. */
  path: string;
  /** For a feed item or a bad feed line: the feed (as `path`) and the 1-based line. */
  feed: { file: string; line: number; id: string | null } | null;
  /** JSON report, relative to DIR with forward slashes; null when none was written (unreadable input, or not asked). */
  report: string | null;
  /** HTML report, relative to DIR; null unless `--format html` was asked and the input was readable. */
  html: string | null;
}

/** Totals over a run. */
export interface BatchTotals {
  inputs: number;
  /** Inputs with a report (written this run or reused from the cache). */
  reports: number;
  /** Inputs that gave no report (unreadable files, bad feed lines, internal failures). */
  unreadable: number;
  byVerdict: Record<Verdict, number>;
  paragraphs: number;
  bodyParagraphs: number;
  errors: number;
  warnings: number;
  infos: number;
}

/** Facts about this run. The timing and concurrency fields live only here, so everything else is reproducible. */
export interface BatchRunInfo {
  version: string;
  startedAt: string;
  durationMs: number;
  concurrency: number;
  /** Worker threads actually started (0 when everything ran in-process). */
  threads: number;
  /** Inputs whose report came from the cache. */
  reused: number;
  /** Inputs checked this run. */
  checked: number;
  cache: boolean;
  /** Hash of the settings that change reports (rules, prior, languages, thresholds, references, input format). */
  configHash: string;
  /** Hash of the corpora folder's files. */
  corporaFingerprint: string;
}

/** DIR/summary.json. */
export interface BatchSummary {
  /** Version of this file's shape. */
  summaryVersion: 1;
  formats: BatchFormat[];
  totals: BatchTotals;
  entries: BatchEntry[];
  run: BatchRunInfo;
}

/** One unit of work for a worker (or for the main thread when the batch is small). */
export interface BatchTask {
  /** Display name, becomes the report's `file`. */
  file: string;
  /** Raw bytes of a file (moved, not copied, to the worker), or the text of a feed item. */
  input: Uint8Array | string;
  options: CheckOptions;
  /** Absolute paths to write, per format. */
  outputs: Partial<Record<BatchFormat, string>>;
  /** For the HTML report's context. */
  cwd: string;
  version: string;
}

/** The empty per-label counts. */
export function emptyByLabel(): Record<Label, number> {
  return { machine: 0, 'likely-machine': 0, uncertain: 0, 'likely-human': 0, human: 0 };
}

/** Counts of an input without a report. */
export function emptyCounts(): BatchCounts {
  return { paragraphs: 0, bodyParagraphs: 0, byLabel: emptyByLabel(), errors: 0, warnings: 0, infos: 0 };
}

/** The verdicts, in the order they are listed everywhere. */
export const VERDICTS: readonly Verdict[] = ['declared-machine', 'undeclared-machine', 'mixed', 'uncertain', 'human', 'unknown'];
