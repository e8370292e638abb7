// Rule calque: calques and anglicisms from corpora/calques/ (literal renderings typical of machine translation).
import type { CompiledCalque } from '../corpora/index.js';
import { sameCase } from '../util/case.js';
import { ruleLanguage } from '../segment/language.js';
import type { Detector, DetectorContext, Paragraph, RuleMeta, Signal } from '../types.js';
import { markTrigrams, mayContain, trigramHashes } from './trigram-filter.js';
import { fold, makeSignal, matchFolded, overlaps, skipZones } from './util.js';

/** Rule metadata (id, severity, kinds). */
const meta: RuleMeta = {
  id: 'calque',
  description: 'A calque or anglicism typical of translation from English ("toile de fond fertile", "avant le marché", "impacter").',
  defaultSeverity: 'info',
  docs: 'docs/rules/calque.md',
  evidence: 'lexical',
  // No language gate: each entry runs on paragraphs of its own language (entriesFor), so a desk's calques/es.jsonl
  // fires on Spanish copy. With the gate `languages: ['fr']` they never ran (review, 2026-12-07).
  kinds: ['body', 'headline'],
};

/** At most this many matches per entry and paragraph (saturation caps the weight anyway; docs/scoring.md). */
const PER_ENTRY = 5;

interface Hit {
  start: number;
  end: number;
  length: number;
  entry: CompiledCalque;
}

/**
 * Entries of the paragraph's rule language (its own when franc is sure of it, else the document's:
 * segment/language.ts) and `any`, per calque list: asked once per paragraph.
 */
const byLanguages = new WeakMap<readonly CompiledCalque[], Map<string, CompiledCalque[]>>();

function entriesFor(all: readonly CompiledCalque[], language: string): CompiledCalque[] {
  let cache = byLanguages.get(all);
  if (!cache) {
    cache = new Map();
    byLanguages.set(all, cache);
  }
  let entries = cache.get(language);
  if (!entries) {
    entries = all.filter((e) => e.language === 'any' || e.language === language);
    cache.set(language, entries);
  }
  return entries;
}

/** Each literal list's trigram hashes, computed on first use. */
const literalHashes = new WeakMap<readonly string[], Uint16Array[]>();

/** Whether `text` (last given to markTrigrams) holds one of the literals. */
function holdsAny(text: string, literals: readonly string[]): boolean {
  let hashes = literalHashes.get(literals);
  if (!hashes) {
    hashes = literals.map(trigramHashes);
    literalHashes.set(literals, hashes);
  }
  for (let i = 0; i < literals.length; i++) if (mayContain(hashes[i]!) && text.includes(literals[i]!)) return true;
  return false;
}

/**
 * calque: runs every calque entry of the paragraph's language on its folded text (src/util/normalize.ts) and maps
 * matches back. The weight is the entry's: 0.2–0.8 for calques seen in machine-translated Reuters French
 * (`toile de fond fertile`, `avant le marché`, provenance-evidence.md §4.3), 0.1–0.3 for textbook anglicisms, which
 * are about as frequent in human translations (datasets.md §1 caveat 5). Overlapping matches keep the longer, then
 * the heavier entry. `expected` carries the entry's suggestions. See docs/rules/calque.md.
 */
export const detector: Detector = {
  meta,
  detect(p: Paragraph, context: DetectorContext): Signal[] {
    const entries = entriesFor(context.corpora.calques, ruleLanguage(p, context.language));
    if (entries.length === 0 || p.text.trim() === '') return [];
    const n = fold(p.text);
    markTrigrams(n.text);
    const skip = skipZones(p.text);
    const hits: Hit[] = [];
    for (const entry of entries) {
      // Most paragraphs hold none of an entry's required literals: skip its regex (corpora/literals.ts).
      if (entry.literals && !holdsAny(n.text, entry.literals)) continue;
      for (const m of matchFolded(n, entry.regex, PER_ENTRY)) {
        if (!overlaps(skip, m.start, m.end)) hits.push({ start: m.start, end: m.end, length: m.folded.length, entry });
      }
    }
    hits.sort((a, b) => b.length - a.length || b.entry.weight - a.entry.weight);
    const kept: Hit[] = [];
    for (const h of hits) if (!kept.some((k) => k.start < h.end && h.start < k.end)) kept.push(h);
    kept.sort((a, b) => a.start - b.start);
    return kept.map(({ start, end, entry }) =>
      makeSignal(meta, p, {
        start,
        end,
        weight: entry.weight,
        message: entry.english && !entry.message.includes(entry.english) ? `${entry.message} (English: "${entry.english}")` : entry.message,
        expected: entry.suggestions.map((s) => sameCase(s, p.text.slice(start, end))),
        data: { id: entry.id, status: entry.status },
      }),
    );
  },
};

export default detector;
