// `npm run eval` / runEval: measures the real pipeline's body-paragraph machineProbability on human and machine
// translations (typography normalised, each paragraph checked on its own), per corpus and negative type, with WMT22
// apart as the held-out test; leave-one-system-out refits; WMT22 documents; the two seeds; source-aware evidence.
import { mkdirSync, readdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkIngested } from '../api.js';
import { loadCorpora, type Corpora } from '../corpora/index.js';
import { detector as intrinsicStyle } from '../detect/intrinsic-style.js';
import { fitPlatt } from '../score/calibrate.js';
import { loadModel, defaultModelPath, scoreParagraph, type Model } from '../score/model.js';
import { TEXT_KINDS } from '../segment/paragraphs.js';
import type { IngestedText, Verdict } from '../types.js';
import { WireproofError } from '../types.js';
import { defaultDataPath, documentsOf, fitWeights, hasData, HELD_OUT_CORPUS, itemOfDocument, itemsOf, readRows, type DocumentUnit, type Item } from './data.js';
import { calibrate, DEFAULT_CONFIG, groups, probabilityOf, scoreWith, train, TRAINING_CORPORA, type FitConfig } from './fit.js';
import { fitLogistic, toRows } from './lr.js';
import { balance, bandFigures, reliability, summarize, type BandFigure, type ReliabilityBin, type Scored, type Summary } from './metrics.js';
import { SOURCE_FEATURES, sourceFeatures } from './source.js';

export interface EvalOptions {
  /** JSONL of the fr-ht-vs-mt-paragraphs schema; default ../shared/data/fr-ht-vs-mt-paragraphs/paragraphs.jsonl. */
  data?: string;
  /** Where to write the JSON figures (default reports/eval.json); the Markdown goes next to it (.md). */
  out?: string;
  /** Model file to evaluate (default: the shipped corpora/models/fr.json). */
  model?: string;
  /** Skip the leave-one-system-out refits (they take a few minutes). */
  skipLoso?: boolean;
  /** Seed files (plain text wires) to report verdicts for; default seeds/*.txt of the repository. */
  seeds?: string[];
  /** Progress lines (default: none). */
  log?: (line: string) => void;
}

export type EvalResult =
  | { skipped: true; message: string }
  | { skipped: false; markdown: string; json: Record<string, unknown>; out: string };

interface GroupFigures extends Summary {
  reliability: ReliabilityBin[];
  bands: BandFigure[];
}

const RULES = { typography: 'off' } as const;

function repoRoot(): string {
  return resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
}

interface PipelineScore {
  /** Probability of the scored text paragraph (the longest body paragraph, else a headline), or null. */
  paragraph: number | null;
  /** Document probability. */
  document: number | null;
  verdict: Verdict;
  bodyParagraphs: number;
  /** Rules (other than intrinsic-style) with a signal on a text paragraph, each once. */
  rules: string[];
}

/** Runs the real pipeline on one text (plain-text ingest, typography rule off since typography was normalised). */
function pipeline(text: string, corpora: Corpora, file = '<eval>', rules: Record<string, 'off'> = RULES): PipelineScore {
  const input: IngestedText = { file, source: text, encoding: 'utf-8', format: 'text' };
  const report = checkIngested(input, { rules }, corpora);
  const paragraphs = report.paragraphs.map((p) => ({ kind: p.kind, text: p.text, p: p.machineProbability }));
  const fired = new Set<string>();
  // A signal counted under another rule (dedupeWording: same words, weaker) is not counted as its rule firing.
  for (const p of report.paragraphs) {
    if (TEXT_KINDS.has(p.kind)) for (const signal of p.signals) if (signal.data?.['countedUnder'] === undefined) fired.add(signal.ruleId);
  }
  const body = paragraphs.filter((p) => p.kind === 'body' && p.p !== null);
  const text_ = paragraphs.filter((p) => TEXT_KINDS.has(p.kind as 'body') && p.p !== null);
  const pick = (body.length > 0 ? body : text_).reduce<(typeof paragraphs)[number] | null>((a, b) => (a && a.text.length >= b.text.length ? a : b), null);
  fired.delete(intrinsicStyle.meta.id);
  return { paragraph: pick?.p ?? null, document: report.machineProbability, verdict: report.verdict, bodyParagraphs: body.length, rules: [...fired].sort() };
}

function figures(group: readonly Scored[]): GroupFigures {
  return { ...summarize(group), reliability: reliability(group), bands: bandFigures(group) };
}

const f3 = (x: number | null | undefined): string => (x === null || x === undefined || Number.isNaN(x) ? '–' : x.toFixed(3));
const pct = (x: number | null | undefined): string => (x === null || x === undefined || Number.isNaN(x) ? '–' : `${(100 * x).toFixed(1)} %`);

function groupName(name: string): string {
  return name
    .replace('wmt14-newstest2014', 'WMT14 en→fr')
    .replace('wmt21-newstest2021', 'WMT21 de→fr')
    .replace('wmt22-generaltest2022', 'WMT22 de→fr')
    .replace('human_translation', 'MT vs human translation')
    .replace('original', 'MT vs native French');
}

/** A corpus / label column: "WMT14 en→fr: human translation". */
function columnName(column: string): string {
  const [corpus = '', label = ''] = column.split(' / ');
  const labels: Record<string, string> = { human_translation: 'human translation', machine_translation: 'machine translation', original: 'native French' };
  return `${groupName(corpus)}: ${labels[label] ?? label}`;
}

function summaryTable(rows: [string, Summary][]): string {
  const lines = ['| group | texts (MT / human) | AUC | Brier | ECE (10 bins) |', '| --- | --- | --- | --- | --- |'];
  for (const [name, s] of rows) lines.push(`| ${name} | ${s.positives} / ${s.negatives} | ${f3(s.auc)} | ${f3(s.brier)} | ${f3(s.ece)} |`);
  return lines.join('\n');
}

function reliabilityTable(bins: readonly ReliabilityBin[]): string {
  const lines = ['| predicted | texts | weight share | mean predicted | observed MT share |', '| --- | --- | --- | --- | --- |'];
  const total = bins.reduce((s, b) => s + b.weight, 0);
  for (const b of bins) {
    if (b.count === 0) continue;
    lines.push(`| ${b.from.toFixed(1)}–${b.to.toFixed(1)} | ${b.count} | ${pct(b.weight / total)} | ${f3(b.predicted)} | ${f3(b.observed)} |`);
  }
  return lines.join('\n');
}

function bandTable(bands: readonly BandFigure[]): string {
  const lines = ['| band | share of texts | precision | recall |', '| --- | --- | --- | --- |'];
  for (const b of bands) lines.push(`| ${b.band} | ${pct(b.share)} | ${pct(b.precision)} | ${pct(b.recall)} |`);
  return lines.join('\n');
}

interface Scores {
  item: Item;
  /** Model alone (detector weight only). */
  model: number;
  /** Full pipeline. */
  p: number;
  /** Rules other than intrinsic-style that fired on the text. */
  rules: readonly string[];
}

/**
 * How often each rule other than the style model fires, per corpus and label: the share of texts (weighted as in the
 * figures: a source paragraph's machine variants share one unit) with at least one of its signals. The rules' weights
 * come from observed provenance, not from this data; this table shows how they behave on it.
 */
function ruleShares(scores: readonly Scores[]): Record<string, Record<string, number>> {
  const totals = new Map<string, number>();
  const hits = new Map<string, Map<string, number>>();
  for (const s of scores) {
    const column = `${s.item.corpus} / ${s.item.label}`;
    totals.set(column, (totals.get(column) ?? 0) + s.item.w);
    for (const rule of s.rules) {
      const byColumn = hits.get(rule) ?? new Map<string, number>();
      byColumn.set(column, (byColumn.get(column) ?? 0) + s.item.w);
      hits.set(rule, byColumn);
    }
  }
  const columns = [...totals.keys()].sort();
  const out: Record<string, Record<string, number>> = {};
  for (const rule of [...hits.keys()].sort()) {
    out[rule] = Object.fromEntries(columns.map((c) => [c, Math.round((1e5 * (hits.get(rule)!.get(c) ?? 0)) / totals.get(c)!) / 1e5]));
  }
  return out;
}

/** Leave-one-system-out: refit without one MT system, calibrate without it, test on it (calibration split / WMT22). */
function leaveOneSystemOut(items: readonly Item[], heldOut: readonly Item[], config: FitConfig, log: (s: string) => void): Record<string, unknown>[] {
  const systems = [...new Set(items.filter((it) => it.y === 1).map((it) => `${it.corpus}\t${it.producer}`))].sort();
  const out: Record<string, unknown>[] = [];
  for (const key of systems) {
    const [corpus, system] = key.split('\t') as [string, string];
    const t0 = Date.now();
    const keep = (it: Item): boolean => it.y === 0 || it.producer !== system;
    const trainSet = items.filter((it) => it.split === 'train' && keep(it));
    const calSet = items.filter((it) => it.split === 'calibration' && keep(it));
    const trained = train(trainSet, fitWeights(trainSet, config.originalShare), config);
    const map = calibrate(
      calSet.map((it) => scoreWith(trained, it.text)),
      calSet,
      fitWeights(calSet, config.originalShare),
      config.calibration,
    );
    const test = items.filter((it) => it.split === 'calibration' && it.corpus === corpus && (it.producer === system || it.label === 'human_translation'));
    const scored = (set: readonly Item[]): Scored[] =>
      balance(set.map((it) => ({ p: probabilityOf(trained, map, it.text, config), y: it.y, w: it.w })));
    const s = summarize(scored(test));
    const row: Record<string, unknown> = { corpus, system, calibrationSplit: s };
    const same = heldOut.filter((it) => (it.y === 1 && it.producer === system) || it.label === 'human_translation');
    if (same.some((it) => it.y === 1)) row['wmt22'] = summarize(scored(same));
    out.push(row);
    log(`  leave-one-system-out ${system} (${corpus}): AUC ${f3(s.auc)} (${((Date.now() - t0) / 1000).toFixed(0)} s)`);
  }
  return out;
}

/** Source-aware evidence: a small logistic regression on source-mirroring features (+ the style score), WMT14/21. */
function sourceAware(scores: readonly Scores[], model: Model, log: (s: string) => void): Record<string, unknown> {
  const usable = scores.filter((s) => s.item.source !== null && s.item.label !== 'original');
  const raw = (s: Scores): number[] => sourceFeatures(s.item.source!, s.item.text);
  const styleScore = (s: Scores): number => scoreParagraph(model, s.item.text).score ?? 0;
  const feats = new Map<Scores, number[]>();
  for (const s of usable) feats.set(s, raw(s));
  const trainSet = usable.filter((s) => s.item.split === 'train');
  const calSet = usable.filter((s) => s.item.split === 'calibration');
  const testSet = usable.filter((s) => s.item.split === 'held-out');
  const result: Record<string, unknown> = { features: [...SOURCE_FEATURES] };
  for (const withStyle of [false, true]) {
    // With the style score, the stack is fitted on the calibration split: on the training split the style score is
    // in-sample (overfitted); its calibration-split figures are then in-sample too, only WMT22 is a fair test.
    const fitSet = withStyle ? calSet : trainSet;
    const vec = (s: Scores): number[] => (withStyle ? [...feats.get(s)!, styleScore(s)] : feats.get(s)!);
    const dim = SOURCE_FEATURES.length + (withStyle ? 1 : 0);
    const trainVecs = fitSet.map(vec);
    const mean = Array.from({ length: dim }, (_, j) => trainVecs.reduce((a, v) => a + v[j]!, 0) / trainVecs.length);
    const sd = Array.from({ length: dim }, (_, j) => Math.sqrt(trainVecs.reduce((a, v) => a + (v[j]! - mean[j]!) ** 2, 0) / trainVecs.length) || 1);
    const sparse = (v: number[]) => ({ indices: Int32Array.from(v.map((_, j) => j)), values: Float64Array.from(v.map((x, j) => (x - mean[j]!) / sd[j]!)) });
    const rows = toRows(trainVecs.map(sparse), dim);
    const fit = fitLogistic(rows, fitSet.map((s) => s.item.y), fitWeights(fitSet.map((s) => s.item)), { l2: 1 });
    const lin = (s: Scores): number => {
      const v = sparse(vec(s));
      let z = fit.intercept;
      for (let j = 0; j < dim; j++) z += v.values[j]! * fit.coefficients[j]!;
      return z;
    };
    const platt = withStyle ? { a: 1, b: 0 } : fitPlatt(calSet.map(lin), calSet.map((s) => s.item.y), fitWeights(calSet.map((s) => s.item)));
    const prob = (s: Scores): number => 1 / (1 + Math.exp(-(platt.a * lin(s) + platt.b)));
    const byCorpus: Record<string, Summary> = {};
    const cal = withStyle ? ' (in-sample)' : '';
    for (const [name, set] of [
      [`calibration split${cal}, WMT14 en→fr`, calSet.filter((s) => s.item.corpus === 'wmt14-newstest2014')],
      [`calibration split${cal}, WMT21 de→fr`, calSet.filter((s) => s.item.corpus === 'wmt21-newstest2021')],
      ['held-out WMT22 de→fr', testSet],
    ] as const) {
      byCorpus[name] = summarize(balance(set.map((s) => ({ p: prob(s), y: s.item.y, w: s.item.w }))));
    }
    result[withStyle ? 'sourcePlusStyle' : 'sourceOnly'] = {
      coefficients: Object.fromEntries([...SOURCE_FEATURES, ...(withStyle ? ['style.score'] : [])].map((n, j) => [n, Number(fit.coefficients[j]!.toFixed(3))])),
      figures: byCorpus,
    };
    log(`  source-aware${withStyle ? ' + style' : ''}: WMT22 AUC ${f3(byCorpus['held-out WMT22 de→fr']!.auc)}`);
  }
  return result;
}

/** Articles rebuilt from items (every paragraph of one document by one producer, joined by blank lines), with their text. */
function documents(items: readonly Item[]): (DocumentUnit & { text: string })[] {
  return documentsOf(items).map((d) => ({ ...d, text: d.items.map((it) => it.text).join('\n\n') }));
}

/**
 * Runs the evaluation. Without the data file it returns `{ skipped: true }` with a message (CI has no data).
 */
export async function runEval(options: EvalOptions = {}): Promise<EvalResult> {
  const log = options.log ?? (() => {});
  const data = options.data ?? defaultDataPath();
  if (!hasData(data)) {
    // Absent data (CI, an installed package, or a --data path that does not exist) is said, not an error: the
    // message names the path. Data that exists but cannot be read, or holds no rows, is an input error (exit 2).
    return { skipped: true, message: `wireproof eval: no evaluation data at ${data} (research-only data, not shipped); nothing evaluated.` };
  }
  const { rows, fingerprint } = readRows(data);
  const items = itemsOf(rows);
  if (items.length === 0) throw new WireproofError(`${data}: no evaluation rows (expected JSONL of the fr-ht-vs-mt-paragraphs schema)`, 'decode', data);

  const modelPath = options.model ?? defaultModelPath();
  const model = loadModel(modelPath);
  const corpora: Corpora = { ...loadCorpora(), model } as Corpora;
  const mode = 'checkIngested (intrinsic-style registered)';
  log(`model ${modelPath}; pipeline: ${mode}`);
  const t0 = Date.now();
  const scores: Scores[] = items.map((item, k) => {
    if (k > 0 && k % 1000 === 0) log(`  checked ${k} / ${items.length} paragraphs`);
    const run = pipeline(item.text, corpora);
    const m = scoreParagraph(model, item.text);
    const weight = Math.abs(m.logOdds) < model.minWeight ? 0 : m.logOdds;
    return { item, model: 1 / (1 + Math.exp(-weight)), p: run.paragraph ?? 0.5, rules: run.rules };
  });
  const perParagraphMs = (Date.now() - t0) / items.length;
  log(`checked ${items.length} paragraphs (${perParagraphMs.toFixed(2)} ms each)`);

  // Training corpora: only the calibration split is reported (its texts never trained the weights).
  const reported = scores.filter((s) => s.item.split === 'calibration' || s.item.split === 'held-out');
  const pipelineGroups = groups(reported.map((s) => ({ ...s, p: s.p })));
  const modelGroups = groups(reported.map((s) => ({ ...s, p: s.model })));
  const paragraphFigures: Record<string, { pipeline: GroupFigures; model: GroupFigures }> = {};
  for (const [name, group] of pipelineGroups) {
    paragraphFigures[name] = { pipeline: figures(group), model: figures(modelGroups.get(name)!) };
  }
  const pooled = groups(reported.filter((s) => s.item.split === 'calibration').map((s) => ({ ...s, item: { ...s.item, corpus: 'calibration split (WMT14 + WMT21)' } })));

  // WMT22 per system (pipeline).
  const wmt22 = scores.filter((s) => s.item.split === 'held-out');
  const systems = [...new Set(wmt22.filter((s) => s.item.y === 1).map((s) => s.item.producer))].sort();
  const perSystem: Record<string, Summary> = {};
  for (const system of systems) {
    const set = wmt22.filter((s) => s.item.producer === system || s.item.label === 'human_translation');
    perSystem[system] = summarize(balance(set.map((s) => ({ p: s.p, y: s.item.y, w: 1 }))));
  }

  // Documents: WMT22 held out; the training corpora's calibration split for comparison (the shipped model's own scores).
  log('documents …');
  const docs = documents(items.filter((it) => it.split === 'held-out')).map((d) => ({ ...d, run: pipeline(d.text, corpora, `wmt22:${d.doc}:${d.producer}`) }));
  const docGroups: Record<string, GroupFigures> = {};
  for (const negative of ['human_translation', 'original'] as const) {
    const set = docs.filter((d) => d.label === negative || d.y === 1).map((d) => ({ p: d.run.document ?? 0.5, y: d.y, w: d.w }));
    if (set.some((s) => s.y === 0)) docGroups[negative] = figures(balance(set));
  }
  const calibrationDocs = documents(items.filter((it) => it.split === 'calibration')).map((d) => ({
    item: itemOfDocument(d),
    p: pipeline(d.text, corpora, `${d.doc}:${d.producer}`).document ?? 0.5,
  }));
  const calibrationDocGroups = Object.fromEntries([...groups(calibrationDocs)].map(([k, g]) => [k, summarize(g)]));
  const verdicts: Record<string, Record<string, number>> = {};
  for (const d of docs) {
    const key = d.label;
    verdicts[key] ??= {};
    verdicts[key][d.run.verdict] = (verdicts[key][d.run.verdict] ?? 0) + 1;
  }

  // Seeds.
  const seedFiles = options.seeds ?? (existsSync(join(repoRoot(), 'seeds')) ? readdirSync(join(repoRoot(), 'seeds')).filter((f) => f.endsWith('.txt')).sort().map((f) => join(repoRoot(), 'seeds', f)) : []);
  const seeds = seedFiles.map((file) => {
    const run = pipeline(readFileSync(file, 'utf8'), corpora, file, {});
    return { file: file.startsWith(repoRoot()) ? file.slice(repoRoot().length + 1) : file, verdict: run.verdict, machineProbability: run.document, bodyParagraphs: run.bodyParagraphs };
  });

  // Leave-one-system-out and source-aware evidence.
  const fitItems = items.filter((it) => TRAINING_CORPORA.includes(it.corpus));
  const heldOutItems = items.filter((it) => it.split === 'held-out');
  const config: FitConfig = { ...DEFAULT_CONFIG, dense: model.features.dense };
  let loso: Record<string, unknown>[] = [];
  if (!options.skipLoso) {
    log('leave-one-system-out refits …');
    loso = leaveOneSystemOut(fitItems, heldOutItems, config, log);
  }
  log('source-aware evidence …');
  const source = sourceAware(scores, model, log);

  const json: Record<string, unknown> = {
    data: { path: data, fingerprint: fingerprint(() => true), texts: items.length },
    model: { path: modelPath, trainingCorpora: model.training.corpora, fingerprint: model.training.fingerprint, calibration: model.calibration },
    pipeline: mode,
    normalisation: 'typography normalised (U+00A0/U+202F → space, ’ → \', « » “ ” → ", no space before : ; ! ?, spaces collapsed); typography rule off',
    perParagraphMs,
    paragraphs: paragraphFigures,
    pooledCalibrationSplit: Object.fromEntries([...pooled].map(([k, g]) => [k, figures(g)])),
    wmt22PerSystem: perSystem,
    documents: { wmt22: docGroups, verdicts, calibrationSplit: calibrationDocGroups },
    ruleShares: ruleShares(scores),
    seeds,
    leaveOneSystemOut: loso,
    sourceAware: source,
  };
  const markdown = renderMarkdown(json, paragraphFigures, pooled, perSystem, docGroups, verdicts, seeds, loso, source);
  const out = resolve(options.out ?? join(repoRoot(), 'reports', 'eval.json'));
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, `${JSON.stringify(json, null, 2)}\n`);
  writeFileSync(out.replace(/\.json$/u, '') + '.md', markdown);
  return { skipped: false, markdown, json, out };
}

function renderMarkdown(
  json: Record<string, unknown>,
  paragraphFigures: Record<string, { pipeline: GroupFigures; model: GroupFigures }>,
  pooled: Map<string, Scored[]>,
  perSystem: Record<string, Summary>,
  docGroups: Record<string, GroupFigures>,
  verdicts: Record<string, Record<string, number>>,
  seeds: { file: string; verdict: string; machineProbability: number | null; bodyParagraphs: number }[],
  loso: Record<string, unknown>[],
  source: Record<string, unknown>,
): string {
  const names = Object.keys(paragraphFigures);
  const training = names.filter((n) => !n.startsWith(HELD_OUT_CORPUS));
  const heldOut = names.filter((n) => n.startsWith(HELD_OUT_CORPUS));
  const md: string[] = [];
  md.push('# wireproof evaluation', '');
  md.push(`Data: \`${(json['data'] as { path: string }).path}\` (${(json['data'] as { texts: number }).texts} texts). Pipeline: ${json['pipeline']}.`);
  md.push(`Each paragraph is checked on its own, ${json['normalisation']}. Classes are balanced (each source paragraph's machine variants share one unit of weight; the two classes weigh the same).`, '');
  md.push('## Paragraphs, training corpora (calibration split: weights never saw these documents; the calibration map was fitted on them)', '');
  md.push(summaryTable(training.map((n) => [`${groupName(n)} — pipeline`, paragraphFigures[n]!.pipeline] as [string, Summary])));
  md.push('');
  md.push(summaryTable(training.map((n) => [`${groupName(n)} — style model alone`, paragraphFigures[n]!.model] as [string, Summary])));
  md.push('');
  for (const [name, group] of pooled) {
    md.push(`### ${groupName(name)} (pipeline)`, '', reliabilityTable(reliability(group)), '', bandTable(bandFigures(group)), '');
  }
  md.push('## HELD OUT: WMT22 de→fr (never fitted, tuned or selected on)', '');
  md.push(summaryTable(heldOut.map((n) => [`${groupName(n)} — pipeline`, paragraphFigures[n]!.pipeline] as [string, Summary])));
  md.push('');
  md.push(summaryTable(heldOut.map((n) => [`${groupName(n)} — style model alone`, paragraphFigures[n]!.model] as [string, Summary])));
  md.push('');
  for (const n of heldOut) {
    md.push(`### ${groupName(n)} (pipeline)`, '', reliabilityTable(paragraphFigures[n]!.pipeline.reliability), '', bandTable(paragraphFigures[n]!.pipeline.bands), '');
  }
  md.push('### WMT22 per machine-translation system (pipeline, against the human translations)', '');
  md.push(summaryTable(Object.entries(perSystem)));
  md.push('');
  md.push('## HELD OUT: WMT22 documents (all paragraphs of one article by one producer)', '');
  md.push(summaryTable(Object.entries(docGroups).map(([k, g]) => [`documents: MT vs ${k === 'original' ? 'native French' : 'human translation'}`, g] as [string, Summary])));
  md.push('');
  md.push('| producer | ' + ['declared-machine', 'undeclared-machine', 'mixed', 'uncertain', 'human', 'unknown'].join(' | ') + ' |');
  md.push('| --- | --- | --- | --- | --- | --- | --- |');
  for (const [label, counts] of Object.entries(verdicts)) {
    md.push(`| ${label} | ${['declared-machine', 'undeclared-machine', 'mixed', 'uncertain', 'human', 'unknown'].map((v) => counts[v] ?? 0).join(' | ')} |`);
  }
  md.push('');
  const calibrationDocs = (json['documents'] as { calibrationSplit: Record<string, Summary> }).calibrationSplit;
  md.push('## Documents, training corpora (calibration split; the shipped model scored them, so its engines were seen)', '');
  md.push(summaryTable(Object.entries(calibrationDocs).map(([k, g]) => [`documents: ${groupName(k)}`, g] as [string, Summary])));
  md.push('');
  const shares = json['ruleShares'] as Record<string, Record<string, number>>;
  const shareColumns = [...new Set(Object.values(shares).flatMap((c) => Object.keys(c)))].sort();
  if (shareColumns.length > 0) {
    md.push('## How often each rule fires (share of paragraphs with a signal; weights come from provenance, not from this data)', '');
    md.push(`| rule | ${shareColumns.map(columnName).join(' | ')} |`, `| --- |${' --- |'.repeat(shareColumns.length)}`);
    for (const [rule, byColumn] of Object.entries(shares)) md.push(`| ${rule} | ${shareColumns.map((c) => pct(byColumn[c] ?? 0)).join(' | ')} |`);
    md.push('');
  }
  md.push('## Seeds (raw files, typography kept, every rule on)', '');
  md.push('| file | verdict | document machineProbability | body paragraphs |', '| --- | --- | --- | --- |');
  for (const s of seeds) md.push(`| ${s.file} | ${s.verdict} | ${f3(s.machineProbability)} | ${s.bodyParagraphs} |`);
  md.push('');
  if (loso.length > 0) {
    md.push('## Leave-one-system-out (style model refitted and recalibrated without the system, tested on it)', '');
    md.push('| system | corpus | AUC (calibration split) | ECE | WMT22 same-named system: AUC | ECE |', '| --- | --- | --- | --- | --- | --- |');
    for (const r of loso) {
      const c = r['calibrationSplit'] as Summary;
      const w = r['wmt22'] as Summary | undefined;
      md.push(`| ${r['system']} | ${groupName(String(r['corpus'])).split(' ')[0]} | ${f3(c.auc)} | ${f3(c.ece)} | ${w ? f3(w.auc) : '–'} | ${w ? f3(w.ece) : '–'} |`);
    }
    md.push('');
  }
  md.push('## Source-aware evidence (evaluated only; not in the product)', '');
  md.push('| model | group | AUC | Brier | ECE |', '| --- | --- | --- | --- | --- |');
  for (const key of ['sourceOnly', 'sourcePlusStyle']) {
    const block = source[key] as { figures: Record<string, Summary> } | undefined;
    if (!block) continue;
    for (const [name, s] of Object.entries(block.figures)) md.push(`| ${key === 'sourceOnly' ? 'source features' : 'source features + style score'} | ${name} | ${f3(s.auc)} | ${f3(s.brier)} | ${f3(s.ece)} |`);
  }
  md.push('');
  return md.join('\n');
}
