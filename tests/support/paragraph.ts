// Test helpers: build a Paragraph and a DetectorContext from plain text, without running the whole pipeline.
import { loadCorpora } from '../../src/corpora/index.js';
import { splitSentences } from '../../src/segment/sentences.js';
import type { DetectorContext, Paragraph, ParagraphKind, Signal } from '../../src/types.js';

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
