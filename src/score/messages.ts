// Turns signals and the verdict into lint messages with severities, suggestions and stable fingerprints.
import { createHash, type Hash } from 'node:crypto';
import type { Message, Paragraph, RuleLevel, RuleMeta, Severity, Signal, Verdict } from '../types.js';
import { normalizeText } from '../util/normalize.js';
import { toSource } from '../util/offsets.js';
import type { LineIndex } from '../util/positions.js';
import { compareCodeUnits } from '../util/compare.js';
import { percent } from '../util/percent.js';

/** The document-level rule raised when a document is machine-translated without saying so. */
export const UNDECLARED_RULE: RuleMeta = {
  id: 'undeclared-machine-translation',
  description: 'The document shows evidence of machine translation but carries no machine-translation notice.',
  defaultSeverity: 'error',
  docs: 'docs/rules/undeclared-machine-translation.md',
  evidence: 'artefact',
  kinds: [],
};

const SEVERITY_RANK: Record<Severity, number> = { info: 0, warning: 1, error: 2 };

/** True when `severity` is at least `threshold`. */
export function reaches(severity: Severity, threshold: Severity): boolean {
  return SEVERITY_RANK[severity] >= SEVERITY_RANK[threshold];
}

/** The part of a fingerprint's hash that depends on the rule and the paragraph (the same for all its messages). */
function prefixHash(ruleId: string, foldedParagraph: string): Hash {
  return createHash('sha256').update(`${ruleId}\u0000${foldedParagraph}\u0000`);
}

/** Completes a copy of a prefix hash with the matched text and its occurrence. */
function finish(prefix: Hash, actual: string, occurrence: number): string {
  return prefix.copy().update(`${normalizeText(actual)}\u0000${occurrence}`).digest('hex').slice(0, 32);
}

/** Stable fingerprint: rule id, the paragraph's folded text and the matched text; line moves do not change it. */
export function fingerprint(ruleId: string, paragraphText: string, actual = '', occurrence = 0): string {
  return finish(prefixHash(ruleId, normalizeText(paragraphText)), actual, occurrence);
}

/**
 * `fingerprint` for many messages of one document, the same hash without folding and hashing the whole paragraph
 * again for each message: the prefix hash is computed once per rule and paragraph and copied. Per message it was
 * quadratic: a 174,000-character paragraph with 6,001 messages took 19.4 s, 0.31 s after
 * (`node bench/run.mjs long-paragraph`, 2026-11-24).
 */
function fingerprinter(): (ruleId: string, p: Paragraph, actual: string, occurrence: number) => string {
  const folded = new Map<number, string>();
  const prefixes = new Map<string, Hash>();
  return (ruleId, p, actual, occurrence) => {
    const key = `${ruleId}\u0000${p.index}`;
    let prefix = prefixes.get(key);
    if (!prefix) {
      let text = folded.get(p.index);
      if (text === undefined) folded.set(p.index, (text = normalizeText(p.text)));
      prefix = prefixHash(ruleId, text);
      prefixes.set(key, prefix);
    }
    return finish(prefix, actual, occurrence);
  };
}

/**
 * Builds lint messages. Evidence FOR machine translation (weight > 0) becomes a message, and so does a weight-0
 * signal of a rule whose findings are editorial problems (`RuleMeta.messages === 'finding'`: wording-drift, the
 * source rules). Evidence of human work (weight < 0) is reported in signals, and as an info message only when its
 * rule is off by default and the user gave it a level.
 */
export function buildMessages(
  verdict: Verdict,
  probability: number | null,
  paragraphs: readonly Paragraph[],
  signals: readonly Signal[],
  rules: Readonly<Record<string, RuleMeta>>,
  levels: Readonly<Record<string, RuleLevel>>,
  lines: LineIndex,
): Message[] {
  const messages: Message[] = [];
  const level = (id: string): RuleLevel => levels[id] ?? rules[id]?.defaultSeverity ?? 'warning';
  // Evidence of human work becomes a message only when asked for: a rule that is off as a message by default
  // (house-phrasing, intrinsic-style) given a level explicitly. `--rule house-phrasing=info` printed nothing while
  // docs/rules/house-phrasing.md calls it "off as a message by default" (review, 2026-12-07).
  const asked = (id: string): boolean => levels[id] !== undefined && levels[id] !== 'off' && rules[id]?.defaultSeverity === 'off';
  const undeclared = level(UNDECLARED_RULE.id);
  if (verdict === 'undeclared-machine' && undeclared !== 'off') {
    messages.push({
      ruleId: UNDECLARED_RULE.id,
      severity: undeclared,
      // The probability and a plain remedy: "have it translated" read as "translate it again" (an editor's review).
      message: `Probably machine-translated (${percent(probability ?? 1)} for the whole document) and no machine-translation notice: add the notice, or have a translator revise the text.`,
      line: 1,
      column: 1,
      endLine: 1,
      endColumn: 1,
      paragraph: 0,
      // A finding about the whole document: its fingerprint is the rule's alone (baselines key it by file), so it
      // survives a paragraph added on top or an edited lede; it used to hash the first text paragraph.
      fingerprint: fingerprint(UNDECLARED_RULE.id, ''),
    });
  }
  const byIndex = new Map(paragraphs.map((p) => [p.index, p]));
  // Occurrences are counted per rule, paragraph TEXT and matched text (two paragraphs with the same text share the
  // count, so their fingerprints differ). Texts are keyed by a small number: a key holding the paragraph's text made
  // each Map look-up hash the whole paragraph.
  const textIds = new Map<string, number>();
  for (const p of paragraphs) if (!textIds.has(p.text)) textIds.set(p.text, textIds.size);
  const seen = new Map<string, number>();
  const print = fingerprinter();
  for (const s of signals) {
    if ((s.weight < 0 && !asked(s.ruleId)) || (s.weight === 0 && rules[s.ruleId]?.messages !== 'finding')) continue;
    // Evidence of human work is listed, never a problem: info whatever the level (`--rule intrinsic-style=error` made
    // human copy fail a CI run; review, 2026-12-07).
    const severity = level(s.ruleId) === 'off' ? 'off' : s.weight < 0 ? 'info' : level(s.ruleId);
    if (severity === 'off') continue;
    const p = byIndex.get(s.paragraph);
    if (!p) continue;
    const start = lines.point(toSource(p.offsets, s.start));
    const end = lines.point(lines.lastUnit(toSource(p.offsets, Math.max(s.start, s.end - 1))));
    const actual = s.actual ?? p.text.slice(s.start, s.end);
    const key = `${s.ruleId}\u0000${textIds.get(p.text)!}\u0000${actual}`;
    const occurrence = seen.get(key) ?? 0;
    seen.set(key, occurrence + 1);
    const message: Message = {
      ruleId: s.ruleId,
      severity,
      message: s.message,
      line: start.line,
      column: start.column,
      endLine: end.line,
      endColumn: end.column,
      paragraph: p.index,
      fingerprint: print(s.ruleId, p, actual, occurrence),
    };
    if (s.expected && s.expected.length > 0) message.suggestions = s.expected;
    messages.push(message);
  }
  return messages.sort((a, b) => a.line - b.line || a.column - b.column || compareCodeUnits(a.ruleId, b.ruleId));
}
