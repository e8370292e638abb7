// Piscina worker entry (compiled to dist/batch/worker.js): checks a group of inputs per task; corpora load once per thread.
import type { BatchOutcome, BatchTask } from './types.js';
import { processTask } from './task.js';
import { filesStayPut } from '../util/stamp.js';

// A worker serves one batch run: the files it reads stay as they are (src/util/stamp.ts).
filesStayPut();

/**
 * Piscina calls the default export once per task, here a group of inputs checked in turn (run.ts's `GROUP`). The
 * corpora are loaded on the first one and kept by loadCorpora's per-root cache for the thread's lifetime, so each
 * worker parses them once.
 */
export default async function processGroup(tasks: BatchTask[]): Promise<BatchOutcome[]> {
  const out: BatchOutcome[] = [];
  for (const task of tasks) out.push(await processTask(task));
  return out;
}
