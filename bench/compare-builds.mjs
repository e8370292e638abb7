// Paired start-up comparison of two builds (node bench/compare-builds.mjs RUNS ROOT_A ROOT_B): fresh processes, alternated.
// Whole-process medians move with the host's load by more than a few-millisecond change (docs/performance.md,
// "Measuring"); this times, inside each process, the bin's load step and a first one-article check, A and B in turn,
// and prints each build's medians and the median of the paired differences (B − A). Run it in both orders.
// Each ROOT is a built checkout (dist/cli/bin.cjs), e.g. a worktree of another commit after `npm run build` there.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = join(dirname(fileURLToPath(import.meta.url)), '..');
const [runsArg, ...rootArgs] = process.argv.slice(2);
const runs = Number(runsArg);
const roots = rootArgs.map((r) => resolve(r));
if (!(runs > 0) || roots.length !== 2 || roots.some((r) => !existsSync(join(r, 'dist', 'cli', 'bin.cjs')))) {
  console.error('usage: node bench/compare-builds.mjs RUNS ROOT_A ROOT_B (each ROOT built: dist/cli/bin.cjs)');
  process.exit(2);
}
const seed = join(here, 'seeds', '000_22f5c933d92a2ddd.txt');

/** The probe run in each fresh process: [load step, first check, both], in ms; fails if the code cache is not used. */
const probe = (root) => `const t0 = performance.now();
  const bin = require(${JSON.stringify(join(root, 'dist', 'cli', 'bin.cjs'))}); bin.installImporter();
  const { exports, cacheUsed } = bin.loadBundle();
  if (!cacheUsed) throw new Error('code cache not used');
  const t1 = performance.now();
  const io = { stdout() {}, stderr() {}, env: {}, stdoutIsTTY: false, stderrIsTTY: false, cwd: ${JSON.stringify(here)} };
  exports.run(['check', ${JSON.stringify(seed)}, '--format', 'json'], io).then(() => {
    const t2 = performance.now();
    process.stdout.write(JSON.stringify([t1 - t0, t2 - t1, t2 - t0]));
  });`;

const results = roots.map(() => []);
for (let i = 0; i < runs + 1; i++) {
  for (let j = 0; j < roots.length; j++) {
    const r = spawnSync(process.execPath, ['-e', probe(roots[j])], { cwd: here, encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`${roots[j]}: ${r.stderr}`);
    if (i > 0) results[j].push(JSON.parse(r.stdout)); // the first pair warms the OS file cache
  }
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
roots.forEach((root, j) => {
  const col = (k) => median(results[j].map((x) => x[k])).toFixed(1);
  console.log(`${root}: load ${col(0)} ms, first check ${col(1)} ms, both ${col(2)} ms (medians of ${runs})`);
});
const diff = median(results[1].map((x, i) => x[2] - results[0][i][2]));
console.log(`paired difference, B − A, load + first check: median ${diff.toFixed(2)} ms`);
