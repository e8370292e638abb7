// Benchmarks (npm run bench): whole-process time of one `wireproof check`, in-process cost per paragraph, language identification against franc, allocation.
// Speed is measured here, never asserted in timed tests. Needs a build (`npm run build`, done by `npm ci`).
import { spawnSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const cli = join(root, JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).bin.wireproof); // the installed command
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
  // The bin compiles the bundled CLI from the V8 code cache written at build time (src/cli/bin.cts); say whether it could.
  if (cli.endsWith('.cjs')) {
    const probe = spawnSync(process.execPath, ['-e', `process.stdout.write(String(require(${JSON.stringify(cli)}).loadBundle().cacheUsed))`], { encoding: 'utf8' });
    console.log(`  code cache used by the bin: ${probe.stdout === 'true' ? 'yes' : `no (${probe.stdout || probe.stderr.trim()})`}`);
  }
}

/**
 * Where a one-article check's start-up goes, per step (medians over fresh processes): Node's own start until the bin
 * runs, then the bin's steps (read bundle and cache, compile restoring the code cache, evaluate the bundle), then the
 * first `check` and the same check again in the same process (the difference is cold code and loading data).
 */
function benchStartupSteps(runs = 15) {
  if (!cli.endsWith('.cjs')) return;
  const script = `const t0 = performance.now(); const marks = [['node', t0]];
    const bin = require(${JSON.stringify(cli)}); bin.installImporter();
    const { exports } = bin.loadBundle(undefined, { marks });
    const io = { stdout() {}, stderr() {}, env: {}, stdoutIsTTY: false, stderrIsTTY: false, cwd: ${JSON.stringify(root)} };
    const args = ['check', ${JSON.stringify(seeds[0])}, '--format', 'json'];
    exports.run(args, io).then(() => { marks.push(['first check', performance.now()]); return exports.run(args, io); }).then(() => {
      marks.push(['second check', performance.now()]);
      process.stdout.write(JSON.stringify(marks.map(([k, t], i) => [k, i ? t - marks[i - 1][1] : t])));
    });`;
  const steps = new Map();
  for (let i = 0; i < runs + 1; i++) {
    const r = spawnSync(process.execPath, ['-e', script], { cwd: root, encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`startup probe failed: ${r.stderr}`);
    if (i === 0) continue; // warm-up: the OS file cache
    for (const [k, ms] of JSON.parse(r.stdout)) steps.set(k, [...(steps.get(k) ?? []), ms]);
  }
  console.log(`check start-up by step, median ms of ${runs} processes: ${[...steps].map(([k, v]) => `${k} ${median(v).toFixed(1)}`).join(', ')}`);
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

/**
 * One long paragraph full of findings (an unsplit feed dump): how check() scales with findings per paragraph. Message
 * fingerprints were quadratic here: 2,000 units (174,000 characters, 6,001 messages) took 19.4 s before 7af2105.
 */
async function benchLongParagraph() {
  const { check } = await import(join(root, 'dist', 'api.js'));
  const unit = "Le débat porte sur l' élimination des dépenses de Palantir PLTR.O , a dit le ministre. ";
  for (const n of [250, 500, 1000, 2000]) {
    const text = unit.repeat(n);
    const t0 = process.hrtime.bigint();
    const report = await check(text);
    const ms = Number(process.hrtime.bigint() - t0) / 1e6;
    console.log(`long paragraph: ${text.length} characters, ${report.messages.length} messages: ${ms.toFixed(0)} ms`);
  }
}

/**
 * One article of many repeated findings-rich paragraphs (a feed that repeats a story): time should grow linearly with
 * the paragraphs. Matching overlapping wording once scanned the whole document per finding: 8,000 paragraphs (2.5 MB)
 * took 240 s.
 */
async function benchRepeatedParagraphs() {
  const { check } = await import(join(root, 'dist', 'api.js'));
  const first = readFileSync(join(root, 'seeds', '003_86d609dcec19a228.txt'), 'utf8').split('\n')[0];
  for (const n of [1000, 2000, 4000, 8000]) {
    const text = Array.from({ length: n }, () => first).join('\n\n');
    const t0 = process.hrtime.bigint();
    const report = await check(text);
    const ms = Number(process.hrtime.bigint() - t0) / 1e6;
    console.log(`repeated paragraphs: ${n} paragraphs, ${text.length} characters, ${report.messages.length} messages: ${ms.toFixed(0)} ms`);
  }
}

/**
 * `compare` of two long versions (a day's feed dump against its edited copy). Two kinds of paragraphs: *distinct*, 40
 * words drawn from the seeds' vocabulary (they share function words, as stories do), for 1,000 and 3,000 paragraphs a
 * side; and *near-identical*, three sentences drawn from the same 18 seed sentences, the worst case (most pairs are
 * alike enough to need an edit distance), for 100 and 300. The candidate edits a word in 30 % of the paragraphs and
 * moves 5 %.
 */
async function benchCompareMany() {
  const { compare } = await import(join(root, 'dist', 'compare-api.js'));
  const { mulberry32 } = await import(join(root, 'dist', 'util', 'prng.js'));
  const texts = seeds.flatMap((f) => readFileSync(join(root, f), 'utf8').split(/\n\s*\n/)).filter((p) => p.length > 120 && !p.includes('rtrsauto'));
  const vocabulary = [...new Set(texts.join(' ').split(/\s+/u))];
  const sentences = texts.flatMap((p) => p.split(/(?<=[.!?])\s+/u)).filter((x) => x.length > 40);
  const cases = [
    ['distinct', 1000, (pick) => Array.from({ length: 40 }, () => pick(vocabulary)).join(' ') + '.'],
    ['distinct', 3000, (pick) => Array.from({ length: 40 }, () => pick(vocabulary)).join(' ') + '.'],
    ['near-identical', 100, (pick) => `${pick(sentences)} ${pick(sentences)} ${pick(sentences)}`],
    ['near-identical', 300, (pick) => `${pick(sentences)} ${pick(sentences)} ${pick(sentences)}`],
  ];
  for (const [kind, n, paragraph] of cases) {
    const rnd = mulberry32(n);
    const pick = (xs) => xs[Math.floor(rnd() * xs.length)];
    const reference = Array.from({ length: n }, (_, i) => `${paragraph(pick)} (${i + 1})`);
    const candidate = reference.map((p) => (rnd() < 0.3 ? p.replace(/\b(le|la|les)\b/u, 'un') : p));
    for (let k = 0; k < n / 20; k++) {
      const [moved] = candidate.splice(Math.floor(rnd() * candidate.length), 1);
      candidate.splice(Math.floor(rnd() * candidate.length), 0, moved);
    }
    const t0 = process.hrtime.bigint();
    const c = await compare(reference.join('\n\n'), candidate.join('\n\n'));
    const ms = Number(process.hrtime.bigint() - t0) / 1e6;
    const s = c.summary;
    console.log(`compare, ${kind}: ${n} paragraphs a side: ${ms.toFixed(0)} ms (${s.unchanged} unchanged, ${s.edited} edited, ${s.moved} moved)`);
  }
}

/**
 * HTML extraction of a hostile page: byline-marked elements nested n deep. Each byline candidate's subtree is walked,
 * so they are read only on pages shallow enough for Readability; read before that guard, 8,000 levels took 126 s.
 */
async function benchNestedHtml() {
  const { extractHtml } = await import(join(root, 'dist', 'ingest', 'html.js'));
  for (const n of [1000, 2000, 4000, 8000]) {
    const page = `<html><body>${'<div class="author">'.repeat(n)}Jean${'</div>'.repeat(n)}<p>${'La croissance a été révisée. '.repeat(5)}</p></body></html>`;
    const t0 = process.hrtime.bigint();
    extractHtml(page);
    console.log(`nested byline markup: ${n} levels, ${page.length} characters: ${(Number(process.hrtime.bigint() - t0) / 1e6).toFixed(0)} ms`);
  }
  // Plain nesting, closed and unclosed: htmlparser2's open-element stack is innermost first, so depth × elements
  // (start tags past 512 levels are blanked before parsing since 0.4.7).
  for (const n of [25000, 50000, 100000]) {
    for (const [what, page] of [
      ['closed', `${'<div>'.repeat(n)}<p>Le texte profond de la dépêche.</p>${'</div>'.repeat(n)}`],
      ['unclosed', `${'<div>'.repeat(n)}<p>Le texte profond de la dépêche.</p>`],
    ]) {
      const t0 = process.hrtime.bigint();
      extractHtml(page);
      console.log(`nested divs, ${what}: ${n} levels, ${page.length} characters: ${(Number(process.hrtime.bigint() - t0) / 1e6).toFixed(0)} ms`);
    }
  }
}

/**
 * One paragraph of one sentence repeated (a feed dump without line breaks): every copy matches a phrasing, all in one
 * paragraph. Quadratic in 0.4.6 (440 KB 6.3 s) and a stack overflow at 4.4 MB (review, 2026-12-08).
 */
async function benchDenseParagraph() {
  const { check } = await import(join(root, 'dist', 'api.js'));
  for (const n of [10000, 50000, 100000]) {
    const text = "Le journal a d'abord rapporté la nouvelle. ".repeat(n);
    const t0 = process.hrtime.bigint();
    const report = await check(text);
    console.log(`dense paragraph: ${n} sentences, ${text.length} characters, ${report.messages.length} messages: ${(Number(process.hrtime.bigint() - t0) / 1e6).toFixed(0)} ms`);
  }
}

/** Language identification: wireproof's `languageScores` against franc's own `francAll` on the same texts and lists. */
async function benchLanguage() {
  const { languageScores } = await import(join(root, 'dist', 'segment', 'trigrams.js'));
  const { DEFAULT_LANGUAGES } = await import(join(root, 'dist', 'segment', 'language.js'));
  const { francAll } = await import('franc');
  const paragraphs = seeds.flatMap((f) => readFileSync(join(root, f), 'utf8').split(/\n\s*\n/)).filter((p) => p.trim().length > 40);
  const short = paragraphs.map((p) => p.slice(0, 240));
  const doc = paragraphs.join('\n').slice(0, 2000);
  const time = (fn, texts, rounds) => {
    for (let r = 0; r < 100; r++) for (const t of texts) fn(t);
    const t0 = process.hrtime.bigint();
    for (let r = 0; r < rounds; r++) for (const t of texts) fn(t);
    return Number(process.hrtime.bigint() - t0) / 1e3 / rounds / texts.length;
  };
  const ours = (t) => languageScores(t, DEFAULT_LANGUAGES, 10);
  const theirs = (t) => francAll(t, { only: [...DEFAULT_LANGUAGES], minLength: 10 });
  console.log(
    `language identification, µs per call (6 languages): 240-character paragraph ${time(ours, short, 1000).toFixed(1)} ` +
      `(francAll ${time(theirs, short, 1000).toFixed(1)}), 2,000-character document ${time(ours, [doc], 1000).toFixed(1)} (francAll ${time(theirs, [doc], 1000).toFixed(1)})`,
  );
}

/** Bytes `check()` allocates per paragraph (V8 sampling heap profiler, objects collected by GC included). */
async function benchAllocation() {
  const { check } = await import(join(root, 'dist', 'api.js'));
  const { Session } = await import('node:inspector/promises');
  const texts = seeds.map((f) => readFileSync(join(root, f), 'utf8'));
  for (let r = 0; r < 20; r++) for (const t of texts) await check(t);
  const session = new Session();
  session.connect();
  await session.post('HeapProfiler.startSampling', { samplingInterval: 8192, includeObjectsCollectedByMajorGC: true, includeObjectsCollectedByMinorGC: true });
  let paragraphs = 0;
  for (let r = 0; r < 100; r++) for (const t of texts) paragraphs += (await check(t)).paragraphs.length;
  const { profile } = await session.post('HeapProfiler.stopSampling');
  session.disconnect();
  let bytes = 0;
  const walk = (n) => {
    bytes += n.selfSize;
    for (const c of n.children) walk(c);
  };
  walk(profile.head);
  console.log(`check allocates about ${(bytes / paragraphs / 1024).toFixed(0)} KB per paragraph (sampled over ${paragraphs} paragraphs of the seeds)`);
}

console.log(`node ${process.version}, ${process.platform} ${process.arch}`);
if (want('check')) benchCheckProcess();
if (want('startup')) benchStartupSteps();
if (want('paragraph')) await benchPerParagraph();
if (want('long-paragraph')) await benchLongParagraph();
if (want('nested-html')) await benchNestedHtml();
if (want('repeated-paragraphs')) await benchRepeatedParagraphs();
if (want('dense-paragraph')) await benchDenseParagraph();
if (want('compare-many')) await benchCompareMany();
if (want('language')) await benchLanguage();
if (want('alloc')) await benchAllocation();
