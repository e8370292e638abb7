// Benchmark of reference-phrasing matching: starter corpus vs 50,000 synthetic phrasings, per paragraph of the seeds.
// Needs a build (`npm run build`, or `npx tsc -p tsconfig.build.json` for dist/reference alone). Prints figures only:
// speed is measured here, never asserted in tests. Run: node --expose-gc bench/phrasings.mjs [count]
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
// Deterministic generator (from the build): the same 50,000 phrasings on every run.
const { mulberry32: prng } = await import(join(root, 'dist', 'util', 'prng.js'));
const dist = (p) => join(root, 'dist', 'reference', p);
const args = process.argv.slice(2);
const COUNT = Number(args.find((a) => /^\d+$/.test(a)) ?? 50_000);
/** `--profile`: skip the cold start and the scan, and loop on the large index (for node --cpu-prof). */
const PROFILE = args.includes('--profile');
/**
 * `--harsh`: free combinations may be a single common word ("accord", "précise"), which no real phrasing base holds
 * but which every paragraph then contains: shows how cost grows with the number of true matches, not with the corpus.
 */
const HARSH = args.includes('--harsh');
/** `--threshold=0.7`: the similarity threshold of the look-ups (default: findPhrasings' own, 0.6). */
const THRESHOLD = Number(args.find((a) => a.startsWith('--threshold='))?.slice(12) ?? NaN);
const FIND = Number.isFinite(THRESHOLD) ? { language: 'fr', threshold: THRESHOLD } : { language: 'fr' };

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

const ms = (t0) => Number(process.hrtime.bigint() - t0) / 1e6;
const mb = (bytes) => `${(bytes / 1048576).toFixed(1)} MB`;
const gc = () => globalThis.gc?.();

const seedFiles = readdirSync(join(root, 'seeds')).filter((f) => f.endsWith('.txt')).map((f) => join(root, 'seeds', f));
const paragraphs = seedFiles.flatMap((f) => readFileSync(f, 'utf8').split(/\n\s*\n/)).filter((p) => p.trim().length > 0);

/**
 * Synthetic but realistic phrasings, shaped like a large term and formula base: 2–10 words, 1–3 canonical wordings
 * and 0–3 variants. Content words are drawn with Zipf frequencies (exponent 1) from a ranked vocabulary whose head is
 * the real content words of the starter corpus (wire wording, which the seeds share: répondu, demande, directeur,
 * Pentagone…) and whose tail is 40,000 invented French-looking words, as real term bases have (institution and
 * product names, domain terms). 40 % of the wordings are wire templates around an invented name, 40 % are starter
 * wordings with each content word replaced by a Zipf word with probability one half, and 20 % are free Zipf
 * combinations of 2–4 content words with function words between them (nonsense phrases of common words, which a real
 * base would not hold: the hard case for the index). Single-word entries are names only, as in real term bases,
 * unless `--harsh`.
 */
function syntheticPhrasings(count, starter) {
  const rnd = prng(2026);
  // The head is the starter corpus' vocabulary (general wire wording), not the seeds' text: the benchmark's paragraphs
  // must not have written the corpus they are checked against.
  const text = starter.flatMap((p) => [...p.canonical, ...p.variants, p.note ?? '']).join(' ');
  const freq = new Map();
  for (const w of text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []) {
    const key = wordKeys(w)[0];
    if (key === undefined || isStopKey(key) || w.length < 3) continue;
    freq.set(w, (freq.get(w) ?? 0) + 1);
  }
  const real = [...freq.entries()].sort((a, b) => b[1] - a[1]).map(([w]) => w);
  const syll = ['ka', 'lo', 'ver', 'tis', 'mar', 'no', 'dex', 'ra', 'bel', 'sun', 'quo', 'vi', 'zen', 'tor', 'al', 'pha', 'cri', 'gu', 'sel', 'min'];
  const ends = ['', 'tion', 'ment', 'eur', 'ique', 'ale', 'ité', 'aire', 'isme', 'ance'];
  const invent = () => {
    let s = '';
    for (let i = 0, n = 2 + Math.floor(rnd() * 2); i < n; i++) s += syll[Math.floor(rnd() * syll.length)];
    return s + ends[Math.floor(rnd() * ends.length)];
  };
  const tail = Array.from({ length: 40_000 }, invent);
  const vocab = [...real, ...tail];
  // Zipf with exponent 1: rank r with probability ∝ 1/r, sampled through the cumulative harmonic numbers.
  const cumulative = new Float64Array(vocab.length);
  let h = 0;
  for (let r = 0; r < vocab.length; r++) cumulative[r] = h += 1 / (r + 1);
  const zipf = () => {
    const x = rnd() * h;
    let lo = 0;
    let hi = vocab.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid] < x) lo = mid + 1;
      else hi = mid;
    }
    return vocab[lo];
  };
  const name = () => {
    const s = invent();
    return s[0].toUpperCase() + s.slice(1);
  };
  const glue = ['de', 'de la', 'du', 'des', "l'", 'à', 'au', 'pour', 'sur', 'dans', 'en', 'par', 'avec', 'a', 'ont', 'le', 'la', 'les', 'un', 'une'];
  const templates = [
    (o) => `le directeur financier de ${o}`,
    (o) => `${o} n'a pas répondu à une demande de commentaire de ${name()}`,
    (o) => `selon un porte-parole de ${o}`,
    (o) => `l'agence ${o} de régulation des ${zipf()}`,
    (o) => `a déclaré ${o} dans un communiqué`,
    (o) => `les actions de ${o} ont progressé`,
    (o) => `le groupe ${o} basé à ${name()}`,
    (o) => `la banque centrale de ${o}`,
  ];
  // Real formulas reworded: each content word of a starter wording replaced, with probability one half, by a Zipf word.
  const starterForms = starter.flatMap((p) => [...p.canonical, ...p.variants]);
  const reword = () => {
    const words = starterForms[Math.floor(rnd() * starterForms.length)].split(' ');
    let changed = false;
    for (let i = 0; i < words.length; i++) {
      const k = wordKeys(words[i])[0];
      if (k !== undefined && !isStopKey(k) && (rnd() < 0.5 || (!changed && i === words.length - 1))) {
        words[i] = zipf();
        changed = true;
      }
    }
    return words.join(' ');
  };
  const form = () => {
    const r = rnd();
    if (r < 0.4) return templates[Math.floor(rnd() * templates.length)](name());
    if (r < 0.8) return reword();
    const n = (HARSH ? 1 : 2) + Math.floor(rnd() * (HARSH ? 4 : 3));
    const words = [];
    for (let i = 0; i < n; i++) {
      if (i > 0 && rnd() < 0.6) words.push(glue[Math.floor(rnd() * glue.length)]);
      words.push(zipf());
    }
    return words.join(' ').replace(/' /g, "'");
  };
  // Wordings are unique once folded, stemmed and stripped of a leading article, and hold a content word, as
  // loadPhrasings requires of real corpora (the set is also loaded through it, by perParagraphCheck).
  const folded = (f) => {
    const all = wordKeys(f);
    return all.slice(leadingArticles(all));
  };
  const used = new Set(starter.flatMap((p) => [...p.canonical, ...p.variants]).map((f) => folded(f).join(' ')));
  const contentWords = (f) => wordKeys(f).filter((k) => !isStopKey(k)).length;
  const unique = () => {
    for (;;) {
      const f = form();
      // Single-word entries are names only (as in real term bases), unless --harsh.
      if (!HARSH && contentWords(f) < 2 && !/\p{Lu}/u.test(f)) continue;
      const keys = folded(f);
      if (keys.length === 0 || keys.every(isStopKey)) continue;
      const k = keys.join(' ');
      if (!used.has(k)) {
        used.add(k);
        return f;
      }
    }
  };
  const out = [];
  for (let i = 0; i < count; i++) {
    const canonical = Array.from({ length: 1 + Math.floor(rnd() * 3) }, unique);
    const variants = Array.from({ length: Math.floor(rnd() * 4) }, unique);
    out.push({ id: `SYN-${i}`, language: 'fr', canonical, variants, source: 'synthetic', tags: [], evidence: 'bench/phrasings.mjs', file: 'synthetic', line: i + 1 });
  }
  return out;
}

/**
 * Time per paragraph over the seeds' paragraphs for several indexes, measured in interleaved rounds (A, B, A, B …) so
 * that load from other processes on a shared machine hits both alike; reports the median and the minimum round.
 */
function perParagraph(indexes, rounds, cold = false) {
  for (const index of indexes) for (let r = 0; r < 5; r++) for (const p of paragraphs) findPhrasings(p, index, FIND);
  const samples = indexes.map(() => []);
  for (let r = 0; r < rounds; r++) {
    indexes.forEach((index, i) => {
      if (cold) clearWordCache();
      const t0 = process.hrtime.bigint();
      for (const p of paragraphs) findPhrasings(p, index, FIND);
      samples[i].push(ms(t0) / paragraphs.length);
    });
  }
  return indexes.map((index, i) => {
    let candidates = 0;
    let matches = 0;
    for (const p of paragraphs) {
      candidates += candidateForms(index, encodeKeys(index, wordKeys(p)), FIND).length;
      matches += findPhrasings(p, index, FIND).length;
    }
    return { median: median(samples[i]), min: Math.min(...samples[i]), candidates: candidates / paragraphs.length, matches: matches / paragraphs.length };
  });
}

/** Start-up cost in a fresh process: importing the modules, loading and indexing the starter corpus, one paragraph. */
function coldStart() {
  const script = `
    const t0 = performance.now();
    const { loadPhrasings, defaultPhrasingsPath } = await import(${JSON.stringify(dist('phrasings.js'))});
    const { buildPhrasingIndex } = await import(${JSON.stringify(dist('shingle-index.js'))});
    const { findPhrasings } = await import(${JSON.stringify(dist('match.js'))});
    const t1 = performance.now();
    const phrasings = loadPhrasings([defaultPhrasingsPath()]);
    const t2 = performance.now();
    const index = buildPhrasingIndex(phrasings);
    const t3 = performance.now();
    findPhrasings(${JSON.stringify(paragraphs.find((p) => p.includes('demande de commentaire')))}, index);
    const t4 = performance.now();
    console.log(JSON.stringify({ import: t1 - t0, load: t2 - t1, index: t3 - t2, first: t4 - t3 }));`;
  const runs = [];
  for (let i = 0; i < 9; i++) {
    const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], { cwd: root, encoding: 'utf8' });
    if (r.status !== 0) throw new Error(r.stderr);
    runs.push(JSON.parse(r.stdout));
  }
  const pick = (k) => median(runs.slice(1).map((r) => r[k]));
  return { import: pick('import'), load: pick('load'), index: pick('index'), first: pick('first') };
}

const { loadPhrasings, defaultPhrasingsPath } = await import(dist('phrasings.js'));
const { buildPhrasingIndex, candidateForms, encodeKeys } = await import(dist('shingle-index.js'));
const { findPhrasings } = await import(dist('match.js'));
const { wordKeys, isStopKey, clearWordCache, leadingArticles } = await import(dist('tokens.js'));

console.log(`node ${process.version}, ${process.platform} ${process.arch}; ${paragraphs.length} seed paragraphs`);
const cold = PROFILE ? { import: 0, load: 0, index: 0, first: 0 } : coldStart();
console.log(
  `cold start (fresh process, median of 8): import modules ${cold.import.toFixed(1)} ms, load+validate starter ${cold.load.toFixed(1)} ms (stemmer load included), index ${cold.index.toFixed(1)} ms, first paragraph ${cold.first.toFixed(1)} ms`,
);

const starter = loadPhrasings([defaultPhrasingsPath()]);
const starterIndex = buildPhrasingIndex(starter);
const synthetic = syntheticPhrasings(COUNT, starter);
const big = [...starter, ...synthetic];
if (process.env.DUMP) (await import('node:fs')).writeFileSync(process.env.DUMP, JSON.stringify(big));
gc();
const before = process.memoryUsage();
const tb = process.hrtime.bigint();
const bigIndex = buildPhrasingIndex(big);
const buildMs = ms(tb);
gc();
const after = process.memoryUsage();
/** Bytes held by the index's typed arrays (its own and its pair table's), counted directly: GC timing does not blur it. */
function typedBytes(index) {
  let bytes = 0;
  for (const holder of [index, index.scratch, index.pairSlot]) {
    for (const value of Object.values(holder)) if (ArrayBuffer.isView(value)) bytes += value.byteLength;
  }
  return bytes;
}
console.log(
  `index of ${big.length} phrasings (starter + ${COUNT} synthetic), ${bigIndex.formCount} forms, vocabulary ${bigIndex.vocabulary.size}: built in ${buildMs.toFixed(0)} ms, ` +
    `typed arrays ${mb(typedBytes(bigIndex))} (starter: ${(typedBytes(starterIndex) / 1024).toFixed(0)} KB), heap +${mb(after.heapUsed - before.heapUsed)}` +
    `${globalThis.gc ? '' : ' (run with --expose-gc for the heap figure)'}`,
);
if (!PROFILE) {
  const line = (name, r) =>
    `  ${name}: ${r.median.toFixed(4)} ms per paragraph (median; min ${r.min.toFixed(4)}), ${r.candidates.toFixed(1)} candidate forms, ${r.matches.toFixed(1)} matches per paragraph`;
  for (const cold of [false, true]) {
    const [s, b] = perParagraph([starterIndex, bigIndex], 61, cold);
    console.log(
      cold
        ? 'per paragraph, word cache cleared before each round (every word folded and stemmed afresh, as in a run over new text):'
        : 'per paragraph, word cache warm (matching alone):',
    );
    console.log(line(`starter corpus (${starter.length} phrasings, ${starterIndex.formCount} forms)`, s));
    console.log(line(`${big.length} phrasings`, b));
    console.log(`  ratio 50k / starter: ${(b.median / s.median).toFixed(2)}× (median of 61 interleaved rounds), ${(b.min / s.min).toFixed(2)}× (min)`);
  }
}
/**
 * What an editor pays: `check()` per paragraph (segmentation, every detector, scoring, phrasing look-up) with the
 * shipped phrasings alone and with the 50,000 synthetic ones added through `references`, as a newsroom would load its
 * own base. The index is built once per run and cached (its build time is reported above), so this is the steady
 * per-paragraph cost. Interleaved rounds, as above.
 */
async function perParagraphCheck(rounds) {
  const { check } = await import(join(root, 'dist', 'api.js'));
  const dir = mkdtempSync(join(tmpdir(), 'wireproof-bench-'));
  try {
    const file = join(dir, 'synthetic.jsonl');
    writeFileSync(file, synthetic.map(({ file: _f, line: _l, ...entry }) => JSON.stringify(entry)).join('\n') + '\n');
    const text = paragraphs.join('\n\n');
    const configs = [{}, { references: [file] }];
    const counts = [];
    for (const options of configs) counts.push((await check(text, options)).paragraphs.length); // warm-up, index build
    const samples = configs.map(() => []);
    for (let r = 0; r < rounds; r++) {
      for (let i = 0; i < configs.length; i++) {
        const t0 = process.hrtime.bigint();
        await check(text, configs[i]);
        samples[i].push(ms(t0) / counts[i]);
      }
    }
    return samples.map((xs) => ({ median: median(xs), min: Math.min(...xs) }));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (!PROFILE) {
  const [s, b] = await perParagraphCheck(41);
  console.log('per paragraph of check() (whole pipeline, every detector), shipped phrasings vs + synthetic ones loaded with `references`:');
  console.log(`  shipped (${starter.length} phrasings): ${s.median.toFixed(4)} ms per paragraph (median; min ${s.min.toFixed(4)})`);
  console.log(`  + ${COUNT} synthetic (${big.length} phrasings): ${b.median.toFixed(4)} ms per paragraph (median; min ${b.min.toFixed(4)})`);
  console.log(`  ratio: ${(b.median / s.median).toFixed(2)}× (median of 41 interleaved rounds), ${(b.min / s.min).toFixed(2)}× (min)`);
}

if (PROFILE) {
  for (let r = 0; r < 300; r++) for (const p of paragraphs) findPhrasings(p, bigIndex, FIND);
  process.exit(0);
}
const t0 = process.hrtime.bigint();
let scanned = 0;
for (const p of paragraphs.slice(0, 3)) scanned += findPhrasings(p, bigIndex, { ...FIND, exhaustive: true }).length;
console.log(`for scale, a scan of every form (no index): ${(ms(t0) / 3).toFixed(1)} ms per paragraph (${scanned} matches in 3 paragraphs, as with the index)`);
