// Ingest stage entry point: read and decode inputs. The HTML extractor (html.ts) is loaded lazily by read.ts.
export { decodeBytes, normalizeLineEndings, type DecodedText } from './decode.js';
export {
  ingestBytes,
  looksLikeHtml,
  MAX_INPUT_BYTES,
  readFileBytes,
  readInput,
  type IngestOptions,
  type InputFormat,
  type ReadOptions,
} from './read.js';
