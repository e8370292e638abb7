// The shipped phrasings' index, built at build time and stored in dist/, so that `check` does not stem the shipped wordings (483) at start-up.
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { jsonlFiles } from '../corpora/load.js';
import { defaultPhrasingsPath, loadPhrasings, type Phrasing } from './phrasings.js';
import { buildPhrasingIndex, PairTable, type PhrasingIndex } from './shingle-index.js';

/**
 * Why: building the index of the shipped corpus was 30 ms of a one-article `check` (V8 profile of the bin), nearly
 * all of it stemming every wording in cold code. The build (scripts/postbuild.mjs) stores the built index; start-up
 * reads it when the shipped files are byte-identical to those it was built from (content hashes), and builds the
 * index as before otherwise (an edited corpus, or `--references`). tests/reference/prebuilt.test.ts checks that a
 * restored index equals a built one, array for array.
 */

/** Format version: a file of another version is ignored. */
const VERSION = 2;

/** Typed arrays of a PhrasingIndex, by field name, with their constructors. */
const ARRAYS = {
  formStart: Int32Array,
  formPhrasing: Int32Array,
  formKind: Uint8Array,
  formLeadingArticle: Uint8Array,
  formRequired: Int32Array,
  keyStart: Int32Array,
  keyData: Int32Array,
  contentStart: Int32Array,
  contentData: Int32Array,
  contentMandatory: Uint8Array,
  formNames: Int32Array,
  contentWordStart: Int32Array,
  contentWordData: Int32Array,
  keyRank: Uint8Array,
  contentWordRank: Uint8Array,
  formNegated: Uint8Array,
  negStart: Int32Array,
  negData: Int32Array,
  keyStop: Uint8Array,
  postingStart: Int32Array,
  postingForms: Int32Array,
  singleStart: Int32Array,
  singleForms: Int32Array,
  pairStart: Int32Array,
  pairForms: Int32Array,
  pairLength: Int32Array,
} as const;
type ArrayField = keyof typeof ARRAYS;

interface Stored {
  version: number;
  /** sha256 of each shipped phrasing file, in load order. */
  hashes: string[];
  formCount: number;
  maxFormLength: number;
  /** Keys in id order. */
  vocabulary: string[];
  formText: string[];
  arrays: Record<ArrayField, string>;
  pairs: { first: string; second: string; slots: string; size: number };
}

function storedPath(): string {
  return join(dirname(fileURLToPath(import.meta.url)), '..', 'phrasings.index.json');
}

function encode(a: ArrayBufferView): string {
  return Buffer.from(a.buffer, a.byteOffset, a.byteLength).toString('base64');
}

function decode<T extends Int32Array | Uint8Array>(text: string, Type: { new (buffer: ArrayBuffer): T; BYTES_PER_ELEMENT: number }): T {
  const bytes = Buffer.from(text, 'base64');
  // A fresh, aligned buffer: a Buffer's own may be a slice of a shared pool at any offset.
  const buffer = new ArrayBuffer(bytes.length);
  new Uint8Array(buffer).set(bytes);
  return new Type(buffer);
}

/** Content hashes of the shipped phrasing files, in load order. */
function shippedHashes(): string[] {
  return jsonlFiles(defaultPhrasingsPath()).map((f) => createHash('sha256').update(readFileSync(f)).digest('hex'));
}

/** Builds the shipped corpus' index and stores it beside dist/'s modules (called by scripts/postbuild.mjs). */
export function writePrebuiltIndex(): string {
  const index = buildPhrasingIndex(loadPhrasings([defaultPhrasingsPath()]));
  const arrays = Object.fromEntries(Object.keys(ARRAYS).map((k) => [k, encode(index[k as ArrayField])])) as Record<ArrayField, string>;
  const pair = index.pairSlot.dump();
  const stored: Stored = {
    version: VERSION,
    hashes: shippedHashes(),
    formCount: index.formCount,
    maxFormLength: index.maxFormLength,
    vocabulary: [...index.vocabulary.keys()],
    formText: [...index.formText],
    arrays,
    pairs: { first: encode(pair.first), second: encode(pair.second), slots: encode(pair.slots), size: pair.size },
  };
  writeFileSync(storedPath(), JSON.stringify(stored));
  return storedPath();
}

/**
 * The index of `phrasings` (the shipped corpus, loaded with `loadPhrasings([defaultPhrasingsPath()])`) from the
 * stored build, or undefined when there is none or it was built from other files.
 */
export function readPrebuiltIndex(phrasings: readonly Phrasing[]): PhrasingIndex | undefined {
  let stored: Stored;
  try {
    stored = JSON.parse(readFileSync(storedPath(), 'utf8')) as Stored;
  } catch {
    return undefined;
  }
  if (stored.version !== VERSION) return undefined;
  const hashes = shippedHashes();
  if (stored.hashes.length !== hashes.length || stored.hashes.some((h, i) => h !== hashes[i])) return undefined;
  const formCount = phrasings.reduce((n, p) => n + p.canonical.length + p.variants.length, 0);
  if (formCount !== stored.formCount) return undefined;
  const arrays = Object.fromEntries(
    Object.entries(ARRAYS).map(([k, Type]) => [k, decode(stored.arrays[k as ArrayField], Type as unknown as { new (b: ArrayBuffer): Int32Array; BYTES_PER_ELEMENT: number })]),
  ) as unknown as { [K in ArrayField]: InstanceType<(typeof ARRAYS)[K]> };
  const vocabulary = new Map(stored.vocabulary.map((k, i) => [k, i]));
  return {
    phrasings,
    formCount,
    formText: stored.formText,
    vocabulary,
    maxFormLength: stored.maxFormLength,
    ...arrays,
    pairSlot: PairTable.restore(
      decode(stored.pairs.first, Int32Array),
      decode(stored.pairs.second, Int32Array),
      decode(stored.pairs.slots, Int32Array),
      stored.pairs.size,
    ),
    scratch: {
      formStamp: new Uint32Array(formCount),
      keyStamp: new Uint32Array(vocabulary.size),
      keyCount: new Int32Array(vocabulary.size),
      formBound: new Float64Array(formCount),
      generation: 0,
    },
  };
}
