// Assembles the Report for one input from the pipeline's results: positions resolved, probabilities, messages, counts.
import { round, type DocumentScore } from '../score/combine.js';
import type {
  Drift,
  IngestedText,
  InputErrorCode,
  Label,
  Message,
  Paragraph,
  Report,
  ReportedNotice,
  ReportedSignal,
  Signal,
} from '../types.js';
import { toSource } from '../util/offsets.js';
import type { LineIndex } from '../util/positions.js';

const LABELS: Label[] = ['machine', 'likely-machine', 'uncertain', 'likely-human', 'human'];

function reportSignal(s: Signal, p: Paragraph, lines: LineIndex): ReportedSignal {
  const offset = toSource(p.offsets, s.start);
  const last = lines.lastUnit(toSource(p.offsets, Math.max(s.start, s.end - 1)));
  const a = lines.point(offset);
  const b = lines.point(last);
  const out: ReportedSignal = {
    ruleId: s.ruleId,
    weight: s.weight,
    message: s.message,
    line: a.line,
    column: a.column,
    endLine: b.line,
    endColumn: b.column,
    offset,
    endOffset: last + 1,
    scope: s.scope,
    evidence: s.evidence,
  };
  if (s.actual !== undefined) out.actual = s.actual;
  if (s.expected !== undefined) out.expected = s.expected;
  if (s.data !== undefined) out.data = s.data;
  return out;
}

export interface BuildInput {
  input: IngestedText;
  language: string;
  paragraphs: readonly Paragraph[];
  signals: readonly Signal[];
  score: DocumentScore;
  messages: Message[];
  lines: LineIndex;
  drift?: ReadonlyMap<number, Drift[]>;
}

/** Builds the report of a checked input. */
export function buildReport(b: BuildInput): Report {
  const bySignalParagraph = new Map<number, Signal[]>();
  for (const s of b.signals) {
    const list = bySignalParagraph.get(s.paragraph) ?? [];
    list.push(s);
    bySignalParagraph.set(s.paragraph, list);
  }
  const byLabel = Object.fromEntries(LABELS.map((l) => [l, 0])) as Record<Label, number>;
  const paragraphs = b.paragraphs.map((p, i) => {
    const score = b.score.paragraphs[i]!;
    if (score.label) byLabel[score.label]++;
    const signals = (bySignalParagraph.get(p.index) ?? [])
      .map((s) => reportSignal(s, p, b.lines))
      .sort((x, y) => Math.abs(y.weight) - Math.abs(x.weight) || x.offset - y.offset);
    const out: Report['paragraphs'][number] = {
      index: p.index,
      line: p.start.line,
      column: p.start.column,
      endLine: p.end.line,
      endColumn: p.end.column,
      offset: p.start.offset,
      endOffset: p.end.offset + 1,
      kind: p.kind,
      text: p.text,
      language: p.language,
      languageConfidence: p.languageConfidence,
      machineProbability: score.probability,
      label: score.label,
      logOdds: score.logOdds,
      // Only scored paragraphs have log-odds to explain: the prior and the document-wide evidence are in each of them.
      ...(score.logOdds === null
        ? {}
        : {
            logOddsParts: {
              prior: round(b.score.priorLogOdds),
              document: round(b.score.documentLogOdds),
              paragraph: round(score.localLogOdds),
            },
          }),
      signals,
    };
    const drift = b.drift?.get(p.index);
    if (drift) out.drift = drift;
    return out;
  });
  const notices: ReportedNotice[] = b.paragraphs
    .filter((p) => p.notice)
    .map((p) => {
      const n = p.notice!;
      const a = b.lines.point(n.start);
      const z = b.lines.point(n.end - 1);
      return {
        id: n.id,
        agency: n.agency,
        language: n.language,
        declares: n.declares,
        status: n.status,
        generic: n.generic,
        paragraph: p.index,
        line: a.line,
        column: a.column,
        endLine: z.line,
        endColumn: z.column,
        text: n.text,
      };
    });
  return {
    file: b.input.file,
    language: b.language,
    encoding: b.input.encoding,
    format: b.input.format,
    verdict: b.score.verdict,
    machineProbability: b.score.probability,
    notices,
    paragraphs,
    messages: b.messages,
    summary: {
      paragraphs: paragraphs.length,
      bodyParagraphs: b.paragraphs.filter((p) => p.kind === 'body').length,
      byLabel,
      errors: b.messages.filter((m) => m.severity === 'error').length,
      warnings: b.messages.filter((m) => m.severity === 'warning').length,
      infos: b.messages.filter((m) => m.severity === 'info').length,
    },
  };
}

/** The report of an input that could not be read: no paragraphs, the reason in `error`. */
export function errorReport(file: string, code: InputErrorCode, message: string): Report {
  return {
    file,
    language: 'und',
    encoding: 'unknown',
    format: 'text',
    verdict: 'unknown',
    machineProbability: null,
    notices: [],
    paragraphs: [],
    messages: [],
    summary: {
      paragraphs: 0,
      bodyParagraphs: 0,
      byLabel: { machine: 0, 'likely-machine': 0, uncertain: 0, 'likely-human': 0, human: 0 },
      errors: 0,
      warnings: 0,
      infos: 0,
    },
    error: { code, message },
  };
}
