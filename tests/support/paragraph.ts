// Test helpers: build a Paragraph and a DetectorContext from plain text, without running the whole pipeline.
import { loadCorpora } from '../../src/corpora/index.js';
import { splitSentences } from '../../src/segment/sentences.js';
import type { Detector, DetectorContext, Paragraph, ParagraphKind, Signal } from '../../src/types.js';

/** A single-line paragraph starting at line 1, column 1. */
export function makeParagraph(text: string, kind: ParagraphKind = 'body', index = 1): Paragraph {
  const lines = text.split('\n');
  const last = lines[lines.length - 1]!;
  return {
    index,
    kind,
    text,
    start: { line: 1, column: 1, offset: 0 },
    end: { line: lines.length, column: Math.max(1, last.length), offset: Math.max(0, text.length - 1) },
    offsets: [[0, 0]],
    sentences: splitSentences(text, 'fr'),
    language: 'fr',
    languageConfidence: 1,
  };
}

/** A context over the shipped corpora. */
export function makeContext(paragraphs: Paragraph[] = [], language = 'fr'): DetectorContext {
  return { language, paragraphs, corpora: loadCorpora() };
}

/** Compact rendering of a signal for table assertions: `start-end ruleId actual`. */
export function show(signal: Signal, text: string): string {
  return `${signal.start}-${signal.end} ${signal.ruleId} ${JSON.stringify(text.slice(signal.start, signal.end))}`;
}

/** Runs one detector on a one-paragraph French text and renders its signals with `show`. */
export function runOn(detector: Detector, text: string, context: DetectorContext = makeContext()): string[] {
  return detector.detect(makeParagraph(text), context).map((s) => show(s, text));
}

/** The `show` string a rule must produce for `fragment` of `text` (its first occurrence). */
export function expectedAt(ruleId: string, text: string, fragment: string): string {
  const i = text.indexOf(fragment);
  if (i === -1) throw new Error(`${fragment} not in ${text}`);
  return `${i}-${i + fragment.length} ${ruleId} ${JSON.stringify(fragment)}`;
}
