// The evaluation data set (../shared/data/fr-ht-vs-mt-paragraphs/paragraphs.jsonl or any JSONL of that schema):
// reading, typography normalisation, document-level splits and class weights. Never shipped: it only reads a path.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { normalizeTypography } from '../score/intrinsic.js';
import { WireproofError } from '../types.js';

/** The held-out corpus: never fitted, tuned or selected on; only reported. */
export const HELD_OUT_CORPUS = 'wmt22-generaltest2022';

export const Variant = z.object({
  label: z.enum(['human_translation', 'machine_translation', 'original']),
  producer: z.string(),
  text: z.string(),
});

export const DataRow = z.object({
  id: z.string(),
  corpus: z.string(),
  direction: z.string(),
  doc_id: z.string(),
  origlang: z.string().nullable().optional(),
  para_index: z.number().int(),
  source_text: z.string().nullable().optional(),
  source_lang: z.string().nullable().optional(),
  target_lang: z.string().optional(),
  variants: z.array(Variant),
});
export type DataRow = z.infer<typeof DataRow>;

export type Label = z.infer<typeof Variant>['label'];
export type Split = 'train' | 'calibration' | 'held-out';

/** One French text of the data set. */
export interface Item {
  /** Row id (source paragraph). */
  row: string;
  corpus: string;
  direction: string;
  /** corpus|doc_id: the unit of splitting. */
  doc: string;
  paraIndex: number;
  label: Label;
  producer: string;
  /** Text with typography normalised. */
  text: string;
  /** Source text of the row, typography normalised (null for native French). */
  source: string | null;
  /** 1 = machine translation. */
  y: 0 | 1;
  /** 1 / (number of machine variants of the row) for machine texts, 1 for human ones. */
  w: number;
  split: Split;
}

/** Default location of the data set: ../shared/data next to the repository. */
export function defaultDataPath(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  return resolve(join(here, '..', '..', '..', 'shared', 'data', 'fr-ht-vs-mt-paragraphs', 'paragraphs.jsonl'));
}

/** Whether the data file exists. */
export function hasData(path: string): boolean {
  return existsSync(path);
}

/** A number in [0, 1) from a string: first 8 hex digits of its SHA-256 (stable across platforms). */
export function unitHash(s: string): number {
  return parseInt(createHash('sha256').update(s).digest('hex').slice(0, 8), 16) / 2 ** 32;
}

/** Share of WMT14/WMT21 documents in the training split; the rest is the calibration split. */
export const TRAIN_SHARE = 0.7;
/** Salt of the document split (the "seed"). */
export const SPLIT_SEED = 20260101;

/** Split of a document: WMT22 is always held out; the others by a salted hash of the document id. */
export function splitOf(corpus: string, doc: string, seed = SPLIT_SEED): Split {
  if (corpus === HELD_OUT_CORPUS) return 'held-out';
  return unitHash(`${seed}:${doc}`) < TRAIN_SHARE ? 'train' : 'calibration';
}

/** Reads the JSONL rows (throws on a malformed line, naming it). */
export function readRows(path: string): { rows: DataRow[]; fingerprint: (filter: (r: DataRow) => boolean) => string } {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new WireproofError(`${path}: cannot read (${code === 'EISDIR' ? 'is a directory' : (code ?? (error as Error).message)})`, 'unreadable', path);
  }
  const lines = text.split('\n');
  const rows: DataRow[] = [];
  const raw: string[] = [];
  lines.forEach((line, i) => {
    if (line.trim() === '') return;
    let json: unknown;
    try {
      json = JSON.parse(line);
    } catch (error) {
      throw new WireproofError(`${path}:${i + 1}: invalid JSON (${(error as Error).message})`, 'decode', path);
    }
    const parsed = DataRow.safeParse(json);
    if (!parsed.success) throw new WireproofError(`${path}:${i + 1}: ${parsed.error.issues[0]?.path.join('.')}: ${parsed.error.issues[0]?.message}`, 'decode', path);
    rows.push(parsed.data);
    raw.push(line);
  });
  const fingerprint = (filter: (r: DataRow) => boolean): string => {
    const h = createHash('sha256');
    rows.forEach((r, i) => {
      if (filter(r)) h.update(raw[i]!).update('\n');
    });
    return `sha256:${h.digest('hex')}`;
  };
  return { rows, fingerprint };
}

/** Every French text of the rows, normalised, with label, weight and split. */
export function itemsOf(rows: readonly DataRow[], seed = SPLIT_SEED): Item[] {
  const items: Item[] = [];
  for (const r of rows) {
    const doc = `${r.corpus}|${r.doc_id}`;
    const split = splitOf(r.corpus, doc, seed);
    const machine = r.variants.filter((v) => v.label === 'machine_translation').length;
    const source = r.source_text ? normalizeTypography(r.source_text) : null;
    for (const v of r.variants) {
      const y = v.label === 'machine_translation' ? 1 : 0;
      items.push({
        row: r.id,
        corpus: r.corpus,
        direction: r.direction,
        doc,
        paraIndex: r.para_index,
        label: v.label,
        producer: v.producer,
        text: normalizeTypography(v.text),
        source: v.label === 'original' ? null : source,
        y,
        w: y === 1 ? 1 / machine : 1,
        split,
      });
    }
  }
  return items;
}

/**
 * Fitting weights: within each corpus, negatives are rescaled so that they weigh as much as the positives (equal prior
 * odds), and the two negative types weigh `originalShare` : (1 − originalShare) of that where both exist.
 */
export function fitWeights(items: readonly Item[], originalShare = 0.5): number[] {
  const byCorpus = new Map<string, { pos: number; ht: number; orig: number }>();
  for (const it of items) {
    const c = byCorpus.get(it.corpus) ?? { pos: 0, ht: 0, orig: 0 };
    if (it.y === 1) c.pos += it.w;
    else if (it.label === 'original') c.orig += it.w;
    else c.ht += it.w;
    byCorpus.set(it.corpus, c);
  }
  return items.map((it) => {
    const c = byCorpus.get(it.corpus)!;
    if (it.y === 1) return it.w;
    const both = c.ht > 0 && c.orig > 0;
    if (it.label === 'original') return c.orig > 0 ? (it.w * c.pos * (both ? originalShare : 1)) / c.orig : 0;
    return c.ht > 0 ? (it.w * c.pos * (both ? 1 - originalShare : 1)) / c.ht : 0;
  });
}

/** Corpora names, short. */
export function shortCorpus(corpus: string): string {
  return corpus.replace(/-newstest20\d\d|-generaltest20\d\d/u, '').toUpperCase();
}

/** One article by one producer: its paragraphs' items in order. */
export interface DocumentUnit {
  /** corpus|doc_id. */
  doc: string;
  corpus: string;
  producer: string;
  label: Label;
  y: 0 | 1;
  /** 1 / (number of machine producers of the article) for machine translations, 1 for human texts. */
  w: number;
  split: Split;
  items: Item[];
}

/**
 * Articles rebuilt from items: every paragraph of one document by one producer, in paragraph order. Documents are
 * sorted by id, producers kept in their order of appearance.
 */
export function documentsOf(items: readonly Item[]): DocumentUnit[] {
  const byDoc = new Map<string, Map<string, Item[]>>();
  for (const it of items) {
    const producers = byDoc.get(it.doc) ?? new Map<string, Item[]>();
    const list = producers.get(it.producer) ?? [];
    list.push(it);
    producers.set(it.producer, list);
    byDoc.set(it.doc, producers);
  }
  const out: DocumentUnit[] = [];
  for (const [doc, producers] of [...byDoc].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const machine = [...producers.values()].filter((list) => list[0]!.y === 1).length;
    for (const [producer, list] of producers) {
      const first = list[0]!;
      out.push({
        doc,
        corpus: first.corpus,
        producer,
        label: first.label,
        y: first.y,
        w: first.y === 1 ? 1 / Math.max(1, machine) : 1,
        split: first.split,
        items: [...list].sort((a, b) => a.paraIndex - b.paraIndex),
      });
    }
  }
  return out;
}

/**
 * A document as one evaluation unit for `groups()`: its row is the document (so a human article is compared with the
 * machine translations of the same article) and its weight the document's.
 */
export function itemOfDocument(d: DocumentUnit): Item {
  return {
    row: d.doc,
    corpus: d.corpus,
    direction: d.items[0]?.direction ?? '',
    doc: d.doc,
    paraIndex: 0,
    label: d.label,
    producer: d.producer,
    text: '',
    source: null,
    y: d.y,
    w: d.w,
    split: d.split,
  };
}
