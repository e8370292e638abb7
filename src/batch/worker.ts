// Piscina worker entry (compiled to dist/batch/worker.js): checks one input per task; corpora load once per thread.
import { processTask } from './task.js';

/**
 * Piscina calls the default export once per task. The corpora are loaded on the first task and kept by
 * loadCorpora's per-root cache for the thread's lifetime, so each worker parses them once.
 */
export default processTask;
