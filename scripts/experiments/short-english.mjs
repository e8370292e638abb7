#!/usr/bin/env node
// Experiment behind the short-sentence route of untranslated-english: how many short English sentences does it find
// that franc alone misses, and how many French sentences does it wrongly call English? WMT14 English originals are the
// positives; every French text of the evaluation data (human, machine, native) the negatives, reported per corpus
// (WMT22 only reported: the thresholds were read off WMT14 and WMT21). Needs ../shared/data; says so and exits 0 without.
//   npm run build && node scripts/experiments/short-english.mjs
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const lib = (path) => import(pathToFileURL(join(root, 'dist', ...path.split('/'))).href);
const { sentenceEvidence, isEnglish } = await lib('detect/untranslated-english.js');
const { splitSentences } = await lib('segment/sentences.js');
const data = join(root, '..', 'shared', 'data');
const csvPath = join(data, 'wmt14-enfr-newstest2014-deepl-google', 'sentences.csv');
const jsonlPath = join(data, 'fr-ht-vs-mt-paragraphs', 'paragraphs.jsonl');
if (!existsSync(csvPath) || !existsSync(jsonlPath)) {
  console.log(`short-english: no evaluation data at ${data}; nothing measured.`);
  process.exit(0);
}

/** RFC 4180 rows. */
function parseCsv(text) {
  const rows = [];
  let row = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else cell += c;
  }
  if (cell || row.length) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}

const letters = (t) => (t.match(/\p{L}/gu) ?? []).length;
const band = (t) => (letters(t) < 60 ? 'under 60 letters' : letters(t) < 120 ? '60–119 letters' : '120 letters or more');
const SETTINGS = [[3, 0.3], [3, 0.25], [2, 0.25], [4, 0.3], [3, 0.2]];
const old = (e) => e.guess !== null && e.guess.language === 'en' && e.guess.confidence >= 0.5 && e.words >= 5;

const label = ([m, f]) => `≥ ${m} words, ≥ ${f * 100} %`;
const tally = (c, e) => {
  c.n++;
  if (old(e)) c.old++;
  SETTINGS.forEach((x, i) => {
    if (isEnglish(e, ...x)) c.now[i]++;
  });
};
const fresh = () => ({ n: 0, old: 0, now: SETTINGS.map(() => 0) });
const row = (c) => [c.old, ...c.now].map((k) => `${k} (${((100 * k) / c.n).toFixed(1)} %)`).join(' | ');
console.log(`| | sentences | franc alone | ${SETTINGS.map(label).join(' | ')} |`);
console.log(`| --- | --- | --- | ${SETTINGS.map(() => '---').join(' | ')} |`);

// Positives: every WMT14 English original (sentences and headlines), judged as if inside French copy.
const english = parseCsv(readFileSync(csvPath, 'utf8')).slice(1).map((r) => r[0]).filter((t) => t && t.trim());
const pos = new Map();
for (const t of english) {
  const k = band(t);
  if (!pos.has(k)) pos.set(k, fresh());
  tally(pos.get(k), sentenceEvidence(t, 'fr'));
}
for (const k of ['under 60 letters', '60–119 letters', '120 letters or more']) {
  const c = pos.get(k);
  if (c) console.log(`| English (WMT14 originals), ${k} | ${c.n} | ${row(c)} |`);
}

// Negatives: every French sentence of every variant, per corpus and label.
const neg = new Map();
const examples = [];
for (const line of readFileSync(jsonlPath, 'utf8').split('\n')) {
  if (!line.trim()) continue;
  const r = JSON.parse(line);
  for (const v of r.variants) {
    const key = `${r.corpus} ${v.label}`;
    if (!neg.has(key)) neg.set(key, fresh());
    for (const s of splitSentences(v.text, 'fr')) {
      const t = v.text.slice(s.start, s.end);
      const e = sentenceEvidence(t, 'fr');
      tally(neg.get(key), e);
      if (SETTINGS.some((x) => isEnglish(e, ...x)) && examples.length < 40) examples.push(`${key}: ${t.trim().slice(0, 160)}`);
    }
  }
}
for (const [k, c] of [...neg].sort()) console.log(`| French, ${k} | ${c.n} | ${row(c)} |`);
console.log('\nFrench sentences called English under any setting (up to 40):');
for (const x of examples) console.log(`  ${x}`);
