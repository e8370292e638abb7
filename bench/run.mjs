// Benchmarks (npm run bench): whole-process time of one `wireproof check`, and in-process cost per paragraph.
// Speed is measured here, never asserted in timed tests. Needs a build (`npm run build`, done by `npm ci`).
import { spawnSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const cli = join(root, 'dist', 'bundle', 'main.js'); // the bin (package.json)
const seeds = readdirSync(join(root, 'seeds')).filter((f) => f.endsWith('.txt')).map((f) => join('seeds', f));
const only = process.argv.slice(2);
const want = (name) => only.length === 0 || only.includes(name);

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

function percentile(xs, p) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(p * s.length))];
}

/** Whole-process time of one check of one seed (Node start-up included), as an editor or CI would see it. */
function benchCheckProcess(runs = 21) {
  const times = [];
  // Node's own start-up, measured in the same rounds: on a shared machine it moves with the host's load too.
  const bare = [];
  for (let i = 0; i < runs + 2; i++) {
    const t0 = process.hrtime.bigint();
    const r = spawnSync(process.execPath, [cli, 'check', seeds[0], '--format', 'json'], { cwd: root, encoding: 'utf8' });
    const ms = Number(process.hrtime.bigint() - t0) / 1e6;
    if (r.status !== 0 && r.status !== 1) throw new Error(`check failed (${r.status}): ${r.stderr}`);
    const t1 = process.hrtime.bigint();
    spawnSync(process.execPath, ['-e', '0']);
    const nodeMs = Number(process.hrtime.bigint() - t1) / 1e6;
    if (i >= 2) {
      times.push(ms); // two warm-up runs fill the OS file cache
      bare.push(nodeMs);
    }
  }
  console.log(`check one seed, whole process: median ${median(times).toFixed(1)} ms, p90 ${percentile(times, 0.9).toFixed(1)} ms, min ${Math.min(...times).toFixed(1)} ms (${runs} runs)`);
  console.log(`  for reference, \`node -e 0\` in the same rounds: median ${median(bare).toFixed(1)} ms`);
}

/** In-process cost per paragraph: a long synthetic wire built from the seeds' paragraphs, checked repeatedly. */
async function benchPerParagraph() {
  const { check } = await import(join(root, 'dist', 'api.js'));
  const paragraphs = seeds.flatMap((f) => readFileSync(join(root, f), 'utf8').split(/\n\s*\n/)).filter((p) => p.trim().length > 40);
  const text = Array.from({ length: 40 }, (_, i) => paragraphs[i % paragraphs.length]).join('\n\n');
  await check(text); // warm-up: corpora load, JIT
  const runs = 20;
  const t0 = process.hrtime.bigint();
  let count = 0;
  for (let i = 0; i < runs; i++) count += (await check(text)).paragraphs.length;
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  console.log(`check in process: ${(ms / count).toFixed(3)} ms per paragraph (${count} paragraphs, ${(count / (ms / 1000)).toFixed(0)} paragraphs/s)`);
}

console.log(`node ${process.version}, ${process.platform} ${process.arch}`);
if (want('check')) benchCheckProcess();
if (want('paragraph')) await benchPerParagraph();
