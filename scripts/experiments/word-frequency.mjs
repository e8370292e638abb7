#!/usr/bin/env node
// One-off experiment behind docs/accuracy.md "General word frequency": do general French word-frequency features
// separate machine from human translation on the training split? Never reads WMT22 (held out).
// Needs the evaluation data (../shared/data) and the frequency lists, which are not a dependency:
//   npm run build && npm install --no-save @zxcvbn-ts/language-fr@4.1.2 && node scripts/experiments/word-frequency.mjs
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const lib = (path) => import(pathToFileURL(join(root, 'dist', ...path.split('/'))).href);
const { readRows, itemsOf, defaultDataPath, hasData, HELD_OUT_CORPUS, summarize } = await lib('eval/index.js');
const { groups } = await lib('eval/fit.js');
const lists = await import('@zxcvbn-ts/language-fr').catch(() => null);
if (!lists) {
  console.log('word-frequency: @zxcvbn-ts/language-fr is not installed (npm install --no-save @zxcvbn-ts/language-fr@4.1.2); nothing measured.');
  process.exit(0);
}
if (!hasData(defaultDataPath())) {
  console.log(`word-frequency: no evaluation data at ${defaultDataPath()}; nothing measured.`);
  process.exit(0);
}

const ranks = (words) => {
  const m = new Map();
  words.forEach((w, i) => m.has(w) || m.set(w, i + 1));
  return m;
};
const wiki = ranks(lists.dictionary['wikipedia-fr']);
const common = ranks(lists.dictionary['commonWords-fr']);
const { rows } = readRows(defaultDataPath());
const items = itemsOf(rows.filter((r) => r.corpus !== HELD_OUT_CORPUS)).filter((it) => it.split === 'train');

const OUT_OF_LIST = 60000; // beyond both lists' length
function features(text) {
  const words = text.toLowerCase().match(/\p{L}+/gu) ?? [];
  const content = words.filter((w) => w.length > 3);
  const share = (xs, test) => xs.filter(test).length / Math.max(1, xs.length);
  const logRank = (m, w) => Math.log(m.get(w) ?? OUT_OF_LIST);
  const mean = (xs, m) => xs.reduce((s, w) => s + logRank(m, w), 0) / Math.max(1, xs.length);
  const sorted = content.map((w) => logRank(wiki, w)).sort((a, b) => a - b);
  return {
    meanLogRank: mean(words, wiki),
    meanLogRankContent: mean(content, wiki),
    outOfList: share(words, (w) => !wiki.has(w)),
    outOfListContent: share(content, (w) => !wiki.has(w)),
    rareContent: share(content, (w) => (wiki.get(w) ?? Infinity) > 5000),
    frequentContent: share(content, (w) => (wiki.get(w) ?? Infinity) <= 1000),
    commonMeanLogRank: mean(content, common),
    commonOutOfList: share(content, (w) => !common.has(w)),
    medianLogRank: sorted.length ? sorted[sorted.length >> 1] : 0,
    p90LogRank: sorted.length ? sorted[Math.floor(sorted.length * 0.9)] : 0,
  };
}

const values = items.map((it) => features(it.text));
console.log(`${items.length} training-split texts (WMT14, WMT21); AUC with machine translation high:`);
for (const name of Object.keys(values[0])) {
  const cells = [];
  for (const [group, scored] of groups(items.map((item, k) => ({ item, p: values[k][name] })))) cells.push(`${group} ${summarize(scored).auc.toFixed(3)}`);
  console.log(`${name.padEnd(20)} ${cells.join('  ')}`);
}
