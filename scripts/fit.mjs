#!/usr/bin/env node
// npm run fit [-- --data PATH] [--out PATH] [--ablation]: fits corpora/models/fr.json on WMT14 + WMT21 (never WMT22).
// Deterministic: the same data gives a byte-identical model file. Without the data folder it says so and exits 0.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const { values } = parseArgs({
  options: {
    data: { type: 'string' },
    out: { type: 'string', default: resolve(root, 'corpora', 'models', 'fr.json') },
    ablation: { type: 'boolean', default: false },
  },
});

const lib = await import(resolve(root, 'dist', 'eval', 'index.js')).catch((error) => {
  console.error(`wireproof fit: cannot load dist/eval (run \`npm run build\` first): ${error.message}`);
  process.exit(1);
});
const data = values.data ? resolve(values.data) : lib.defaultDataPath();
if (!lib.hasData(data)) {
  console.log(`wireproof fit: no training data at ${data} (research-only data, not shipped); model left unchanged.`);
  process.exit(0);
}

const log = (line) => console.error(line);
if (values.ablation) {
  // Feature and penalty choices, by 5-fold cross-validation by document inside the WMT14/WMT21 training split.
  const { rows } = lib.readRows(data);
  const items = lib.itemsOf(rows.filter((r) => lib.TRAINING_CORPORA.includes(r.corpus)));
  const { DENSE_FEATURES } = await import(resolve(root, 'dist', 'score', 'intrinsic.js'));
  const variants = [
    ['default (hashed word 1–2-grams + char 3–4-grams)', {}],
    ['+ named profile features', { dense: [...DENSE_FEATURES] }],
    ['+ shape 1–4-grams (function words and punctuation kept, other words by form)', { shapeBuckets: 1 << 15 }],
    ['word n-grams only', { charBuckets: 2 }],
    ['char n-grams only', { wordBuckets: 2 }],
    ['l2 = 0.03', { l2: 0.03 }],
    ['l2 = 0.3', { l2: 0.3 }],
    ['l2 = 1', { l2: 1 }],
    ['native French a quarter of the negative weight', { originalShare: 0.25 }],
  ];
  // Two tables: 5-fold cross-validation inside each corpus, and transfer across corpora (fitted on one corpus's
  // training split, scored on the whole other corpus), which is closer to an unseen engine and translator.
  const cols = ['wmt14-newstest2014 / human_translation', 'wmt14-newstest2014 / original', 'wmt21-newstest2021 / human_translation', 'wmt21-newstest2021 / original'];
  const transferCols = cols.map((c) => `${c.startsWith('wmt14') ? 'wmt21-newstest2021' : 'wmt14-newstest2014'} → ${c}`);
  const header = ['WMT14 MT vs HT', 'WMT14 MT vs native', 'WMT21 MT vs HT', 'WMT21 MT vs native'];
  const lines = { cv: [], transfer: [] };
  for (const [name, change] of variants) {
    const config = { ...lib.DEFAULT_CONFIG, ...change };
    const auc = lib.crossValidate(items, config);
    const transfer = lib.crossCorpus(items, config);
    lines.cv.push(`| ${name} | ${cols.map((c) => (auc[c] ?? NaN).toFixed(3)).join(' | ')} |`);
    lines.transfer.push(`| ${name} | ${transferCols.map((c) => (transfer[c] ?? NaN).toFixed(3)).join(' | ')} |`);
    log(`  ${name}`);
  }
  console.log('AUC, 5-fold cross-validation by document inside the training split:\n');
  console.log(`| variant | ${header.join(' | ')} |\n| --- | --- | --- | --- | --- |\n${lines.cv.join('\n')}\n`);
  console.log('AUC, fitted on the other corpus (training split), scored on this corpus (every text):\n');
  console.log(`| variant | ${header.join(' | ')} |\n| --- | --- | --- | --- | --- |\n${lines.transfer.join('\n')}\n`);
  // Each named feature alone, machine vs human translation: the ten whose effect is largest in the weaker corpus
  // while pointing the same way in both.
  const single = lib.namedFeatureAucs(items);
  const [ht14, , ht21] = cols;
  const consistent = (a) => (Math.sign(a[ht14] - 0.5) === Math.sign(a[ht21] - 0.5) ? Math.min(Math.abs(a[ht14] - 0.5), Math.abs(a[ht21] - 0.5)) : 0);
  const ranked = Object.entries(single).sort(([, a], [, b]) => consistent(b) - consistent(a)).slice(0, 10);
  console.log('AUC of single named features (training split), ranked by the effect against human translation that holds in both corpora:\n');
  console.log(`| feature | ${header.join(' | ')} |\n| --- | --- | --- | --- | --- |`);
  for (const [name, a] of ranked) console.log(`| ${name} | ${cols.map((c) => (a[c] ?? NaN).toFixed(3)).join(' | ')} |`);
  process.exit(0);
}

const t0 = Date.now();
const { file } = lib.fitModel(data, lib.DEFAULT_CONFIG, log);
const text = lib.serializeModel(file);
const out = resolve(values.out);
const before = existsSync(out) ? readFileSync(out, 'utf8') : null;
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, text);
console.log(`wrote ${out} (${(Buffer.byteLength(text) / 1024).toFixed(0)} KB, ${((Date.now() - t0) / 1000).toFixed(0)} s)${before === text ? ' — unchanged, byte-identical' : ''}`);
console.log(`calibration: ${JSON.stringify(file.calibration)}`);
for (const [name, f] of Object.entries(file.figures)) console.log(`${name}: AUC ${f.auc} Brier ${f.brier} ECE ${f.ece} (n=${f.n})`);
