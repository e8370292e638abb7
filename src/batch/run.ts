// Runs a batch: expand inputs, reuse cached reports, check the rest on a worker pool, write summaries and dashboard.
import { accessSync, constants, existsSync, lstatSync, mkdirSync, readFileSync, rmdirSync, rmSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { CheckOptions } from '../api.js';
import { defaultCorporaRoot, loadCorpora } from '../corpora/index.js';
import { renderDashboard } from '../report/dashboard.js';
import { WireproofError } from '../types.js';
import { CACHE_FILE, cachedOutcome, cacheKey, fingerprintFolder, readCache, serialiseCache, sha256, stableStringify, stampsMatch, stampsOf, type CacheEntry } from './cache.js';
import { summaryCsv } from './csv.js';
import { expandInputs, type InputItem } from './inputs.js';
import { isInside, realPathOf, safeJoin } from './paths.js';
import { readInput } from './read.js';
import type { BatchEntry, BatchFormat, BatchOutcome, BatchSummary, BatchTask, BatchTotals } from './types.js';
import { emptyCounts, VERDICTS } from './types.js';
import { fsReason, sweepTemporaryFiles, writeFileAtomic as writeAtomic } from '../util/fs.js';
import { lockFolder } from './lock.js';
import { compareCodeUnits } from '../util/compare.js';
import { importModule } from '../util/import.js';

/** Options of {@link runBatch}. */
export interface BatchOptions {
  /** Files, folders, globs and `.jsonl` feeds, as given on the command line. */
  inputs: readonly string[];
  /** Output folder (relative to `cwd` or absolute); created when missing. */
  outDir: string;
  cwd: string;
  /** Report formats to write per input; default `['json']`. */
  formats?: readonly BatchFormat[];
  /** Rules, languages, prior, corpora and input format, as for `check`. */
  check?: CheckOptions;
  /**
   * Reference phrasing files or folders from the configuration (relative to `cwd` or absolute): every input is checked
   * against them, as `check` does, and their content is part of the cache key.
   */
  references?: readonly string[];
  /** Worker threads; 1 checks everything on the main thread. */
  concurrency: number;
  /** Reuse reports of unchanged inputs (default true). When false the cache file is removed, as ESLint does. */
  cache?: boolean;
  /** wireproof's version: in the cache key and the summary. */
  version: string;
  /**
   * Compiled worker module. Default: `worker.js` beside this module, which exists in dist/ but not when running
   * from TypeScript sources (Jest), where everything then runs in-process. `null` never starts workers.
   */
  workerFile?: string | null;
  /** Fewer inputs to check than this run in-process: starting threads costs more than it saves. Default 16. */
  poolThreshold?: number;
  /** Called after each input, with the number done and the total. */
  onProgress?: (done: number, total: number) => void;
  /** How often (ms) the cache is saved while reports are written; default 5,000 (tests set 0: after every report). */
  checkpointMs?: number;
}

/** What {@link runBatch} returns. */
export interface BatchResult {
  summary: BatchSummary;
  /** Absolute output folder. */
  outDir: string;
  /**
   * Reports of an earlier run (paths relative to DIR) that were not removed although stale: a folder on their way is
   * a symbolic link that leads out of DIR, and nothing outside DIR is ever removed.
   */
  keptOutside: string[];
}

/** Inputs to check before worker threads are worth starting (each thread loads the pipeline and corpora once). */
export const DEFAULT_POOL_THRESHOLD = 16;

/** The batches running in this process: what each saves when the process is interrupted. */
const running = new Set<() => void>();

/**
 * Saves the cache of every batch running in this process, as it stands (reports written so far): for the CLI when
 * it is interrupted (Ctrl-C, SIGTERM), before it ends. Synchronous; never throws.
 */
export function saveInterruptedBatches(): void {
  for (const save of running) save();
}

/** At most this long (ms) without an event-loop turn on the main thread, so that signals are handled. */
const TURN_MS = 50;

/** How often (ms) the cache is saved while reports are being written: a few hundred reports apart at batch speed. */
const CHECKPOINT_MS = 5000;

/**
 * Node options for the worker threads: the process's own, with require(esm) turned off where Node has it. piscina
 * loads the worker with require() first and falls back to import(); on Node 20.20 require() of the ESM worker
 * aborted the whole process once in a full test run ("Assertion failed: facade->InstantiateModule(context,
 * LinkRequireFacadeWithOriginal)", src/module_wrap.cc, 2026-11-24). Refused, require() throws ERR_REQUIRE_ESM and
 * piscina imports the worker as an ES module. Only where the flag exists: a worker refuses an unknown one.
 */
function workerExecArgv(): string[] {
  const flag = '--no-experimental-require-module';
  return process.allowedNodeEnvironmentFlags.has(flag) ? [...process.execArgv, flag] : [...process.execArgv];
}

/**
 * The compiled worker, when there is one: `worker.js` beside this module (tsc's dist/batch/, or dist/bundle/ where
 * scripts/postbuild.mjs bundles the bin, wireproof.cjs, and the worker), else dist/batch/worker.js seen from a
 * sibling folder. Null when running from TypeScript sources.
 */
export function defaultWorkerFile(): string | null {
  const here = fileURLToPath(import.meta.url);
  if (!here.endsWith('.js') && !here.endsWith('.cjs')) return null;
  for (const file of [join(dirname(here), 'worker.js'), join(dirname(here), '..', 'batch', 'worker.js')]) {
    if (existsSync(file)) return file;
  }
  return null;
}

/**
 * Inputs per pool task. One article is a few milliseconds of work, and each task costs a message each way and a
 * wake-up: piscina's postMessage and atomicsWaitLoop were 5 % of a worker's time with one input per task (V8 profile
 * of bench/batch.mjs).
 */
const GROUP = 4;

interface Job {
  task: BatchTask;
  done: (outcome: BatchOutcome) => void;
}

/**
 * Hands tasks to the main thread or to a piscina pool. The choice waits until enough work has been seen: a batch
 * whose inputs are nearly all cached never pays for starting threads.
 */
class Dispatcher {
  private mode: 'undecided' | 'inline' | 'pool' = 'undecided';
  private buffer: Job[] = [];
  /** Jobs waiting to fill a group for the pool. */
  private group: Job[] = [];
  private readonly inflight = new Set<Promise<void>>();
  private pool: import('piscina').Piscina<BatchTask[], BatchOutcome[]> | undefined;
  private process: ((task: BatchTask) => Promise<BatchOutcome>) | undefined;
  private fatal: unknown;
  threads = 0;

  constructor(
    private readonly workerFile: string | null,
    private readonly concurrency: number,
    private readonly threshold: number,
  ) {
    if (!workerFile || concurrency <= 1) this.mode = 'inline';
  }

  async add(job: Job): Promise<void> {
    this.throwIfFatal();
    if (this.mode === 'undecided') {
      this.buffer.push(job);
      if (this.buffer.length < this.threshold) return;
      await this.startPool();
      await this.flush();
      return;
    }
    await this.dispatch(job);
  }

  async finish(): Promise<void> {
    try {
      if (this.mode === 'undecided') this.mode = 'inline';
      await this.flush();
      await this.runGroup();
      await Promise.all(this.inflight);
      this.throwIfFatal();
    } finally {
      await this.pool?.destroy();
    }
  }

  /** Stops the pool without waiting for queued work (the run is failing anyway). */
  async abort(): Promise<void> {
    this.buffer = [];
    this.group = [];
    await this.pool?.destroy();
    this.pool = undefined;
  }

  private async flush(): Promise<void> {
    const jobs = this.buffer;
    this.buffer = [];
    for (const job of jobs) await this.dispatch(job);
  }

  private async startPool(): Promise<void> {
    const { Piscina } = await importModule<typeof import('piscina')>('piscina');
    this.pool = new Piscina<BatchTask[], BatchOutcome[]>({
      filename: pathToFileURL(this.workerFile!).href,
      minThreads: this.concurrency,
      maxThreads: this.concurrency,
      // A second task waits inside each worker, so a worker never idles while the main thread is busy reading the
      // next input: the worker threads' profiles showed piscina's atomicsWaitLoop at 4.7 % of their time with one.
      concurrentTasksPerWorker: 2,
      execArgv: workerExecArgv(),
    });
    this.threads = this.concurrency;
    this.mode = 'pool';
  }

  private async dispatch(job: Job): Promise<void> {
    this.throwIfFatal();
    if (this.mode === 'inline') {
      this.process ??= (await import('./task.js')).processTask;
      job.done(await this.process(job.task));
      return;
    }
    this.group.push(job);
    if (this.group.length >= GROUP) await this.runGroup();
  }

  /** Sends the waiting group to the pool. */
  private async runGroup(): Promise<void> {
    if (this.group.length === 0 || !this.pool) return;
    const jobs = this.group;
    this.group = [];
    // Bounded in-flight work: file bytes wait in the reader, not in the pool's queue.
    while (this.inflight.size >= this.concurrency * 2) await Promise.race(this.inflight);
    this.throwIfFatal();
    // Bytes move to the worker, not copied; each buffer once (a transfer list may not name one twice).
    const transferList = [...new Set(jobs.flatMap(({ task }) => (typeof task.input === 'string' ? [] : [task.input.buffer as ArrayBuffer])))];
    const p: Promise<void> = this.pool
      .run(
        jobs.map((j) => j.task),
        { transferList },
      )
      .then(
        (outcomes) => jobs.forEach((job, i) => job.done(outcomes[i]!)),
        (error: unknown) => {
          this.fatal ??= error;
        },
      )
      .finally(() => this.inflight.delete(p));
    this.inflight.add(p);
  }

  private throwIfFatal(): void {
    if (this.fatal !== undefined) throw this.fatal;
  }
}

/** A stable digest of whatever may be at a path (file or folder); missing paths hash as empty. */
function fingerprintPath(path: string): string {
  const st = statSync(path, { throwIfNoEntry: false });
  return st?.isFile() ? sha256(readFileSync(path)) : fingerprintFolder(path);
}

function totalsOf(entries: readonly BatchEntry[]): BatchTotals {
  const byVerdict = Object.fromEntries(VERDICTS.map((v) => [v, 0])) as BatchTotals['byVerdict'];
  const totals: BatchTotals = { inputs: entries.length, reports: 0, unreadable: 0, byVerdict, paragraphs: 0, bodyParagraphs: 0, errors: 0, warnings: 0, infos: 0 };
  for (const e of entries) {
    if (e.error) {
      totals.unreadable++;
      continue;
    }
    totals.reports++;
    if (e.verdict) byVerdict[e.verdict]++;
    totals.paragraphs += e.counts.paragraphs;
    totals.bodyParagraphs += e.counts.bodyParagraphs;
    totals.errors += e.counts.errors;
    totals.warnings += e.counts.warnings;
    totals.infos += e.counts.infos;
  }
  return totals;
}

/**
 * Removes a file we wrote in an earlier run, then its folders up to DIR while they are empty.
 * @param inside whether a folder's real path is inside DIR's (see runBatch)
 * @returns false when the file is there but was kept: its folder is a symbolic link (or lies under one) leading out of
 *   DIR, put there since the report was written
 */
function removeStale(outDir: string, rel: string, inside: (dir: string) => boolean): boolean {
  let abs: string;
  try {
    abs = safeJoin(outDir, rel);
  } catch {
    return true; // a hand-edited cache must never make us delete outside DIR
  }
  // The path is inside DIR as written; a link among its folders could still make it name a file elsewhere.
  if (!inside(dirname(abs))) return !exists(abs);
  rmSync(abs, { force: true });
  for (let dir = dirname(abs); dir !== outDir && isInside(dir, outDir); dir = dirname(dir)) {
    try {
      rmdirSync(dir);
    } catch {
      break;
    }
  }
  return true;
}

/** Whether anything is at a path, a dangling link included. */
function exists(path: string): boolean {
  try {
    return lstatSync(path, { throwIfNoEntry: false }) !== undefined;
  } catch {
    return false;
  }
}

/**
 * Runs a batch and writes everything under the output folder: one report per input (mirroring input paths),
 * summary.json, summary.csv, index.html and the cache. Unreadable inputs are listed, never fatal.
 *
 * @param options what to check, where to write, how
 * @returns the summary (as written to summary.json) and the absolute output folder
 * @throws WireproofError `usage` (bad output folder, input inside it), `config`/`corpus` (bad corpora)
 */
export async function runBatch(options: BatchOptions): Promise<BatchResult> {
  const started = performance.now();
  const startedAt = new Date().toISOString();
  const outDir = resolve(options.cwd, options.outDir);
  // Output folder problems are one line naming the folder and why (never Node's text): exit 2 before any work.
  const cannot = (what: string, error: unknown): WireproofError => new WireproofError(`--out ${options.outDir}: ${what} (${fsReason(error)})`, 'usage');
  let st;
  try {
    st = statSync(outDir, { throwIfNoEntry: false });
  } catch (error) {
    throw cannot('cannot reach the folder', error); // a parent is a file (ENOTDIR), a link loop, a locked parent
  }
  if (st && !st.isDirectory()) throw new WireproofError(`--out ${options.outDir}: exists and is not a folder`, 'usage');
  const formats: BatchFormat[] = (['json', 'html'] as const).filter((f) => (options.formats ?? ['json']).includes(f));
  if (formats.length === 0) throw new WireproofError('no report format: choose json, html or json,html', 'usage');
  const extensions = formats.map((f) => `.${f}`);

  const { items } = await expandInputs(options.inputs, options.cwd, outDir, extensions);
  try {
    mkdirSync(outDir, { recursive: true });
  } catch (error) {
    throw cannot('cannot create the folder', error);
  }
  try {
    // A folder that exists but cannot be written would fail every report, then the summary: say so once, now.
    accessSync(outDir, constants.W_OK | constants.X_OK);
  } catch (error) {
    throw cannot('cannot write in the folder', error);
  }
  // One run at a time per folder: two runs into the same DIR each wrote a summary of its own inputs, the last one won,
  // and the other's reports stayed unlisted, never removed (a review, 2026-12-07).
  const release = await lockFolder(outDir, options.outDir);
  let interrupted: (() => void) | undefined;
  try {
    // Reports are written and removed only where DIR's real path leads: a sub-folder of DIR replaced by a symbolic link
    // to another folder would otherwise have reports written there, and stale ones deleted there. One realpath per
    // report folder (a batch writes thousands of reports into a few folders).
    const realOut = realPathOf(outDir);
    const insideCache = new Map<string, boolean>();
    const inside = (dir: string): boolean => {
      let ok = insideCache.get(dir);
      if (ok === undefined) insideCache.set(dir, (ok = isInside(realPathOf(dir), realOut)));
      return ok;
    };

    // Settings that change a report's content. Fail-on and output formats do not, so they stay out of the key.
    const checkOptions: CheckOptions = { ...options.check };
    // Reference phrasings change reports: they go to the check, not only into the cache key (they were once only hashed,
    // so batch reports lacked the drift `check` found against them).
    const references = [...new Set([...(checkOptions.references ?? []), ...(options.references ?? [])].map((r) => resolve(options.cwd, r)))];
    if (references.length > 0) checkOptions.references = references;
    else delete checkOptions.references;
    const corporaRoot = resolve(options.cwd, checkOptions.corpora ?? defaultCorporaRoot());
    checkOptions.corpora = corporaRoot;
    const corporaFingerprint = fingerprintFolder(corporaRoot);
    const configHash = sha256(
      stableStringify({
        rules: checkOptions.rules ?? {},
        languages: checkOptions.languages ?? null,
        prior: checkOptions.prior ?? null,
        format: checkOptions.format ?? 'auto',
        // Left out when unset (stableStringify drops undefined), so caches written before thresholds counted stay valid.
        thresholds: checkOptions.thresholds,
        references: references.map((r) => ({ path: r, hash: fingerprintPath(r) })),
      }),
    );

    // What a run killed mid-write left (temporary files of processes that no longer run): it never becomes a report.
    sweepTemporaryFiles(outDir, { recursive: true });
    const useCache = options.cache ?? true;
    const cachePath = join(outDir, CACHE_FILE);
    const oldCache = useCache ? readCache(cachePath).entries : {};
    if (!useCache) rmSync(cachePath, { force: true });
    const newCache = new Map<string, CacheEntry>();
    const produced = new Set<string>();
    // The cache is also written every CHECKPOINT_MS while reports are written, so that an interrupted run keeps what it
    // did (it re-checked everything next time). Safe at any moment: an entry is added once its files are written, and
    // an older entry whose report a worker is rewriting no longer matches its stamps.
    let lastCheckpoint = performance.now();
    const checkpoint = (now = false, pending: ReadonlyMap<string, string[]> = new Map()): void => {
      if (!useCache || (!now && performance.now() - lastCheckpoint < (options.checkpointMs ?? CHECKPOINT_MS))) return;
      const merged = new Map<string, CacheEntry>(Object.entries(oldCache));
      for (const [stem, entry] of newCache) merged.set(stem, entry);
      // Inputs still being checked: a worker may write their reports even after this. Listed with a key and stamps
      // that never match, the next run checks them again and removes what it no longer asks for.
      for (const [stem, files] of pending) {
        const old = oldCache[stem];
        const all = [...new Set([...(old?.files ?? []), ...files])];
        merged.set(stem, { key: '0'.repeat(64), files: all, stamps: all.map(() => [-1, -1]), outcome: old?.outcome ?? { verdict: null, machineProbability: null, language: null, counts: emptyCounts(), error: null } });
      }
      try {
        writeAtomic(cachePath, serialiseCache(merged));
      } catch {
        // Only work saved for next time: the final write reports a folder that cannot be written.
      }
      lastCheckpoint = performance.now();
    };
    // An interrupted run saves what it finished since the last checkpoint (saveInterruptedBatches); otherwise its
    // reports of a format the next run does not ask for were in no cache, and never removed (a second review). The
    // reports of inputs still being checked (a worker may have written them, or write them yet) are listed for the
    // next run to replace or remove (a third review found 16 left behind with --concurrency 2).
    const inFlight = new Map<string, string[]>();
    interrupted = (): void => checkpoint(true, inFlight);
    running.add(interrupted);

    const workerFile = options.workerFile === undefined ? defaultWorkerFile() : options.workerFile;
    const dispatcher = new Dispatcher(workerFile, Math.max(1, Math.floor(options.concurrency)), options.poolThreshold ?? DEFAULT_POOL_THRESHOLD);
    const entries: BatchEntry[] = new Array<BatchEntry>(items.length);
    let corporaChecked = false;
    let done = 0;
    let reused = 0;
    let checked = 0;
    const progress = (): void => {
      done++;
      options.onProgress?.(done, items.length);
    };

    const errorEntry = (item: InputItem, code: NonNullable<BatchOutcome['error']>['code'], message: string): BatchEntry => ({
      path: item.path,
      feed: item.kind === 'file' ? null : item.feed ? { file: item.feed.file, line: item.feed.line, id: 'id' in item.feed ? item.feed.id : null } : null,
      report: null,
      html: null,
      verdict: null,
      machineProbability: null,
      language: null,
      counts: emptyCounts(),
      error: { code, message },
    });

    try {
      let lastTurn = performance.now();
      for (let index = 0; index < items.length; index++) {
        // Work on this thread (reused reports, checks in-process) resolves in microtasks only: give the event loop a
        // turn now and then, or a Ctrl-C or a CI job's SIGTERM waits for the end of the run (a second review,
        // 2026-12-07, after the CLI began to listen for them).
        if (performance.now() - lastTurn > TURN_MS) {
          await new Promise((resolve) => setImmediate(resolve));
          lastTurn = performance.now();
        }
        const item = items[index]!;
        if (item.kind === 'error') {
          entries[index] = errorEntry(item, item.error.code, item.error.message);
          progress();
          continue;
        }
        let input: Uint8Array | string;
        if (item.kind === 'file') {
          try {
            input = await readInput(item.abs);
          } catch (error) {
            const code = error instanceof WireproofError && error.code !== 'usage' && error.code !== 'config' && error.code !== 'corpus' ? error.code : 'unreadable';
            const raw = (error as Error).message;
            const message = raw.startsWith(`${item.abs}: `) ? `${item.path}${raw.slice(item.abs.length)}` : raw;
            entries[index] = errorEntry(item, code, message);
            progress();
            continue;
          }
        } else input = item.text;

        const rel: Partial<Record<BatchFormat, string>> = {};
        const abs: Partial<Record<BatchFormat, string>> = {};
        try {
          for (const f of formats) {
            rel[f] = `${item.stem}.${f}`;
            abs[f] = safeJoin(outDir, rel[f]!);
          }
        } catch (error) {
          // Stems are sanitised when inputs are expanded; this is the second wall, and one odd name never stops the run.
          entries[index] = errorEntry(item, 'internal', `${item.path}: ${(error as Error).message}`);
          progress();
          continue;
        }
        // Before the cache too: a report reused there would be one outside DIR, listed as if it were inside.
        const away = formats.find((f) => !inside(dirname(abs[f]!)));
        if (away !== undefined) {
          entries[index] = errorEntry(item, 'internal', `${item.path}: cannot write its report (${rel[away]} leads out of the output folder through a symbolic link)`);
          progress();
          continue;
        }
        const files = formats.map((f) => rel[f]!);
        const key = cacheKey({ version: options.version, configHash, corpora: corporaFingerprint, file: item.path, content: sha256(input) });
        const base = {
          path: item.path,
          feed: item.kind === 'feed-item' ? { file: item.feed.file, line: item.feed.line, id: item.feed.id } : null,
          report: rel.json ?? null,
          html: rel.html ?? null,
        };
        const old = oldCache[item.stem];
        if (old && old.key === key && old.outcome.error) {
          // Binary or undecodable last time, same bytes now: still so, without loading the pipeline to find out.
          entries[index] = { ...base, report: null, html: null, ...cachedOutcome(old) };
          newCache.set(item.stem, { key, files: [], stamps: [], outcome: old.outcome });
          progress();
          continue;
        }
        const stamps = old && old.key === key ? stampsMatch(outDir, old, files) : null;
        if (old && stamps) {
          entries[index] = { ...base, ...cachedOutcome(old) };
          newCache.set(item.stem, { key, files, stamps, outcome: old.outcome });
          for (const f of files) produced.add(f);
          reused++;
          progress();
          continue;
        }
        // A broken corpus is a configuration error for the whole run, reported once, here, before any work is handed out
        // (an error thrown in a worker loses its class on the way back). Not before: a run whose reports all come from
        // the cache never loads the corpora (about 0.1 s).
        if (!corporaChecked) {
          loadCorpora(corporaRoot);
          // Bad reference phrasings are a configuration error too: found here, on the main thread, for the same reason.
          if (references.length > 0) {
            const [{ loadPhrasingIndex }, { defaultPhrasingsPath }] = await Promise.all([import('../reference/shingle-index.js'), import('../reference/phrasings.js')]);
            loadPhrasingIndex([defaultPhrasingsPath(), ...references]);
          }
          corporaChecked = true;
        }
        const task: BatchTask = { file: item.path, input, options: checkOptions, outputs: abs, cwd: options.cwd, version: options.version };
        inFlight.set(item.stem, files);
        await dispatcher.add({
          task,
          done: (outcome) => {
            inFlight.delete(item.stem);
            checked++;
            if (outcome.error) {
              entries[index] = { ...base, report: null, html: null, ...outcome };
              const { code, message } = outcome.error;
              // The content alone decides these: the same bytes will be binary (or undecodable) next time too.
              if (code === 'binary' || code === 'decode') newCache.set(item.stem, { key, files: [], stamps: [], outcome: { ...outcome, error: { code, message } } });
            } else {
              entries[index] = { ...base, ...outcome };
              const written = stampsOf(outDir, files);
              if (written) newCache.set(item.stem, { key, files, stamps: written, outcome: { ...outcome, error: null } });
              for (const f of files) produced.add(f);
            }
            checkpoint();
            progress();
          },
        });
      }
    } catch (error) {
      await dispatcher.abort();
      throw error;
    }
    await dispatcher.finish();
    await new Promise((resolve) => setImmediate(resolve));

    // Reports of inputs that are gone (or no longer readable, or of a format no longer asked) are removed.
    const keptOutside: string[] = [];
    for (const entry of Object.values(oldCache)) for (const f of entry.files) if (!produced.has(f) && !removeStale(outDir, f, inside)) keptOutside.push(f);

    const summary: BatchSummary = {
      summaryVersion: 1,
      formats,
      totals: totalsOf(entries),
      entries,
      run: {
        version: options.version,
        startedAt,
        durationMs: Math.round(performance.now() - started),
        concurrency: Math.max(1, Math.floor(options.concurrency)),
        threads: dispatcher.threads,
        reused,
        checked,
        cache: useCache,
        configHash,
        corporaFingerprint,
      },
    };
    const write = (name: string, content: string): void => {
      try {
        writeAtomic(join(outDir, name), content);
      } catch (error) {
        throw cannot(`cannot write ${name}`, error);
      }
    };
    write('summary.json', `${JSON.stringify(summary, null, 2)}\n`);
    write('summary.csv', summaryCsv(entries));
    write('index.html', renderDashboard(summary));
    if (useCache) write(CACHE_FILE, serialiseCache(newCache));
    return { summary, outDir, keptOutside: keptOutside.sort(compareCodeUnits) };
  } finally {
    if (interrupted) running.delete(interrupted);
    release();
  }
}

