// Hand-built reports for the formatter tests: positions consistent with a small source text, plus hostile article text.
import type {
  Drift,
  FormatContext,
  Label,
  Message,
  ParagraphKind,
  Report,
  ReportParagraph,
  ReportedSignal,
  RuleMeta,
  Severity,
} from '../../src/types.js';

/** Article text that would run script if any formatter forgot to escape it. */
export const HOSTILE =
  'Selon la source, <script>alert(1)</script> puis <img src=x onerror=alert(1)> et <svg onload=alert(1)> ' +
  'ont été "cités" &amp; publiés sur https://evil.example/pixel.png | `code` *gras* _souligné_ [lien](x).';

function rule(id: string, description: string, defaultSeverity: RuleMeta['defaultSeverity'], evidence: RuleMeta['evidence']): RuleMeta {
  return { id, description, defaultSeverity, docs: `docs/rules/${id}.md`, evidence, kinds: ['body', 'headline'] };
}

/** The rule table the tests format with; `mystery-rule` is left out on purpose (a rule unknown to the run). */
export const RULES: Record<string, RuleMeta> = {
  'ric-code': rule('ric-code', 'A Reuters instrument code left in the text. Machine translation keeps them verbatim.', 'warning', 'artefact'),
  'mt-notice': rule('mt-notice', 'A machine-translation notice. The wire declares how it was translated.', 'info', 'notice'),
  'calque-lexical': rule('calque-lexical', 'An English calque in French wording.', 'warning', 'lexical'),
  'undeclared-machine': rule('undeclared-machine', 'The evidence says machine translation, and no notice declares it.', 'error', 'notice'),
};

/** A format context rooted at `/repo`. */
export function makeContext(overrides: Partial<FormatContext> = {}): FormatContext {
  return { cwd: '/repo', color: false, rules: RULES, version: '0.1.0', ...overrides };
}

interface ParaSpec {
  index: number;
  line: number;
  offset: number;
  kind: ParagraphKind;
  text: string;
  probability: number | null;
  label?: Label;
}

/** A single-line paragraph at column 1. */
export function para(spec: ParaSpec): ReportParagraph {
  return {
    index: spec.index,
    line: spec.line,
    column: 1,
    endLine: spec.line,
    endColumn: spec.text.length,
    offset: spec.offset,
    endOffset: spec.offset + spec.text.length,
    kind: spec.kind,
    text: spec.text,
    language: spec.kind === 'metadata' ? 'und' : 'fr',
    languageConfidence: spec.kind === 'metadata' ? 0 : 0.9,
    machineProbability: spec.probability,
    label: spec.probability === null ? null : (spec.label ?? 'uncertain'),
    logOdds: spec.probability === null ? null : Math.log(spec.probability / (1 - spec.probability)),
    signals: [],
  };
}

/** A signal on `p.text.slice(start, end)`, positioned as the report builder would. */
export function sig(
  p: ReportParagraph,
  start: number,
  end: number,
  ruleId: string,
  weight: number,
  message: string,
  extra: Partial<ReportedSignal> = {},
): ReportedSignal {
  return {
    ruleId,
    weight,
    message,
    line: p.line,
    column: start + 1,
    endLine: p.line,
    endColumn: end,
    offset: p.offset + start,
    endOffset: p.offset + end,
    scope: 'paragraph',
    evidence: 'lexical',
    actual: p.text.slice(start, end),
    ...extra,
  };
}

/** A message on `p.text.slice(start, end)`; `fingerprint` stands for the hash of rule id and paragraph text. */
export function msg(
  p: ReportParagraph | null,
  start: number,
  end: number,
  ruleId: string,
  severity: Severity,
  message: string,
  extra: Partial<Message> = {},
): Message {
  const line = p?.line ?? 1;
  return {
    ruleId,
    severity,
    message,
    line,
    column: start + 1,
    endLine: line,
    endColumn: end,
    paragraph: p?.index ?? 0,
    fingerprint: `fp-${ruleId}-${p?.index ?? 0}`,
    ...extra,
  };
}

function summary(paragraphs: ReportParagraph[], messages: Message[]): Report['summary'] {
  const byLabel: Record<Label, number> = { machine: 0, 'likely-machine': 0, uncertain: 0, 'likely-human': 0, human: 0 };
  for (const p of paragraphs) if (p.label) byLabel[p.label] += 1;
  return {
    paragraphs: paragraphs.length,
    bodyParagraphs: paragraphs.filter((p) => p.kind === 'body').length,
    byLabel,
    errors: messages.filter((m) => m.severity === 'error').length,
    warnings: messages.filter((m) => m.severity === 'warning').length,
    infos: messages.filter((m) => m.severity === 'info').length,
  };
}

/** The Reuters notice of a fixture, read in paragraph `notice`. */
function reutersNotice(notice: ReportParagraph): Report['notices'][number] {
  return {
    id: 'RTR-FR-AUTO-1', agency: 'Reuters', language: 'fr', declares: 'machine-translation', status: 'seen', generic: false,
    paragraph: notice.index, line: notice.line, column: 1, endLine: notice.line, endColumn: notice.text.length, text: notice.text,
  };
}

/**
 * A machine-translated wire with a notice, overlapping and out-of-range signals, drift (aligned and not), messages of
 * every severity, a message of an unknown rule and a document-level message. `shift` moves everything down by that
 * many lines (and offsets accordingly), as an unrelated edit above would.
 */
export function machineReport(shift = 0, file = 'wires/afp-2026-02-15.txt'): Report {
  const o = shift * 1; // one "\n" per inserted line
  const meta = para({ index: 1, line: 1 + shift, offset: 0 + o, kind: 'metadata', text: 'date 2026-02-15', probability: null });
  const headline = para({
    index: 2, line: 3 + shift, offset: 17 + o, kind: 'headline',
    text: 'Le Premier ministre annonce un plan', probability: 0.62, label: 'uncertain',
  });
  const notice = para({
    index: 3, line: 5 + shift, offset: 54 + o, kind: 'notice',
    text: '((Traduction automatique de Reuters))', probability: null,
  });
  const hostile = para({ index: 4, line: 7 + shift, offset: 93 + o, kind: 'body', text: HOSTILE, probability: 0.93, label: 'machine' });
  const bodyText = 'Le gouvernement a fait savoir mardi qu’il allait <RIC.PA> adresser le problème.';
  const body = para({
    index: 5, line: 9 + shift, offset: 93 + o + HOSTILE.length + 2, kind: 'body',
    text: bodyText, probability: 0.78, label: 'likely-machine',
  });
  const human = para({
    index: 6, line: 11 + shift, offset: body.endOffset + 2, kind: 'body',
    text: 'Les syndicats, eux, n’y croient guère.', probability: 0.04, label: 'human',
  });

  const scriptAt = HOSTILE.indexOf('<script>');
  const scriptEnd = HOSTILE.indexOf('</script>') + '</script>'.length;
  hostile.signals = [
    sig(hostile, scriptAt, scriptEnd, 'calque-lexical', 1.4, 'Calque: "<script>" & friends'),
    // Overlaps the first: the page must show each character once.
    sig(hostile, scriptAt + 8, HOSTILE.indexOf(' puis'), 'ric-code', 0.6, 'Overlapping <b>evidence</b>'),
    // Out of range: must be listed, never highlighted, never crash.
    sig(hostile, HOSTILE.length - 5, HOSTILE.length + 40, 'ric-code', 0.3, 'out of range', { actual: undefined }),
    sig(hostile, 0, 5, 'mt-notice', 2.1, 'Notice in the same document', { scope: 'document', offset: notice.offset, endOffset: notice.endOffset, actual: undefined }),
  ];
  const ricAt = bodyText.indexOf('<RIC.PA>');
  body.signals = [
    sig(body, ricAt, ricAt + 8, 'ric-code', 1.2, 'Instrument code <RIC.PA> left in the text'),
    sig(body, bodyText.indexOf('adresser'), bodyText.indexOf('adresser') + 'adresser le problème'.length, 'calque-lexical', 0.9,
      'Calque of "address the problem"', { expected: ['régler le problème', 's’attaquer au problème'] }),
    sig(body, 0, 2, 'human-ish', -0.4, 'Idiomatic opening'),
  ];
  const drift: Drift[] = [
    {
      referenceId: 'REF-<x>', kind: 'canonical', similarity: 0.81, line: body.line, column: 1,
      text: bodyText, expected: 'Le gouvernement a annoncé mardi',
      changes: [
        { op: 'equal', text: 'Le gouvernement ' },
        { op: 'delete', text: 'a annoncé' },
        { op: 'insert', text: 'a fait <i>savoir</i>' },
        { op: 'equal', text: ' mardi' },
      ],
    },
    {
      referenceId: 'REF-2', kind: 'machine-variant', similarity: 0.2, line: body.line, column: 1,
      text: bodyText, expected: 'Texte sans <u>rapport</u>', changes: null,
    },
  ];
  body.drift = drift;

  const paragraphs = [meta, headline, notice, hostile, body, human];
  const messages: Message[] = [
    msg(null, 0, 1, 'undeclared-machine', 'error', 'Machine translation without a notice', { line: 1 + shift, endLine: 1 + shift }),
    msg(notice, 0, notice.text.length, 'mt-notice', 'info', 'Notice: Reuters machine translation'),
    msg(hostile, scriptAt, scriptEnd, 'mystery-rule', 'warning', 'Unknown rule saw <script>alert(1)</script> | here'),
    msg(body, ricAt, ricAt + 8, 'ric-code', 'warning', 'Instrument code <RIC.PA> left in the text', {
      suggestions: ['retirer le code'],
    }),
  ];
  return {
    file,
    language: 'fr',
    encoding: 'utf-8',
    format: 'text',
    verdict: 'declared-machine',
    machineProbability: 0.97,
    notices: [reutersNotice(notice)],
    paragraphs,
    messages,
    summary: summary(paragraphs, messages),
  };
}

/** A short human wire with no messages. */
export function humanReport(file = '/repo/wires/human wire.txt'): Report {
  const p = para({ index: 1, line: 1, offset: 0, kind: 'body', text: 'Un texte écrit par une personne.', probability: 0.05, label: 'human' });
  return {
    file, language: 'fr', encoding: 'utf-8', format: 'text', verdict: 'human', machineProbability: 0.05,
    notices: [], paragraphs: [p], messages: [], summary: summary([p], []),
  };
}

/** An input that could not be read. */
export function unreadableReport(file = 'wires/missing.txt'): Report {
  return {
    file, language: 'und', encoding: 'unknown', format: 'text', verdict: 'unknown', machineProbability: null,
    notices: [], paragraphs: [], messages: [], summary: summary([], []),
    error: { code: 'not-found', message: 'no such file' },
  };
}

/** A small report for exact-output tests: two paragraphs, two messages, hostile characters in one. */
export function smallReport(): Report {
  const a = para({ index: 1, line: 1, offset: 0, kind: 'headline', text: 'Titre | <b>gras</b>', probability: 0.5, label: 'uncertain' });
  const bText = 'Il a `adressé` le *problème* & _vite_ [ici].';
  const b = para({ index: 2, line: 3, offset: 21, kind: 'body', text: bText, probability: 0.912, label: 'machine' });
  const at = bText.indexOf('adressé');
  b.signals = [
    sig(b, at, at + 7, 'calque-lexical', 0.9, 'Calque'),
    sig(b, 0, 2, 'ric-code', -1.5, 'Strong human cue'),
  ];
  const messages = [
    msg(b, at, at + 7, 'calque-lexical', 'warning', 'Calque of "address": <adresser> | try `régler`', { suggestions: ['régler'] }),
    msg(a, 0, 5, 'ric-code', 'info', 'Line\nbreak'),
  ];
  return {
    file: 'wires/small.txt', language: 'fr', encoding: 'utf-8', format: 'text', verdict: 'mixed', machineProbability: 0.7,
    notices: [], paragraphs: [a, b], messages, summary: summary([a, b], messages),
  };
}

/**
 * A declared machine translation whose paragraphs are `machine` mostly because of document-wide evidence, as real
 * reports are: a notice (+6.0) and an update note (+2.5, sitting in a body paragraph) raise every scored paragraph by
 * +8.5, so the headline is `machine` with only −0.4 of its own and the first body paragraph has no signal at all.
 * `prior` adds a prior's log-odds to every scored paragraph.
 */
export function declaredReport(prior = 0): Report {
  const headline = para({
    index: 1, line: 1, offset: 0, kind: 'headline', text: 'Le Pentagone menace de couper Anthropic', probability: 0.9997, label: 'machine',
  });
  const notice = para({
    index: 2, line: 3, offset: headline.endOffset + 2, kind: 'notice', text: '((Traduction automatisée par Reuters))', probability: null,
  });
  const quiet = para({
    index: 3, line: 5, offset: notice.endOffset + 2, kind: 'body', text: 'Les autres entreprises étaient OpenAI, Google et xAI.', probability: 0.9998, label: 'machine',
  });
  const updateText = 'Le groupe PLTR.O a publié ses comptes (Ajoute des détails)';
  const update = para({ index: 4, line: 7, offset: quiet.endOffset + 2, kind: 'body', text: updateText, probability: 0.9998, label: 'machine' });
  headline.signals = [
    sig(headline, 0, headline.text.length, 'intrinsic-style', -0.439, 'Style of the paragraph', { evidence: 'style', actual: undefined }),
  ];
  notice.signals = [
    sig(notice, 0, notice.text.length, 'mt-notice', 6, 'Machine-translation notice (Reuters, fr)', { scope: 'document', evidence: 'notice' }),
  ];
  const noteAt = updateText.indexOf('(Ajoute');
  update.signals = [
    sig(update, noteAt, updateText.length, 'update-note', 2.5, 'Update note translated word for word', { scope: 'document', evidence: 'artefact' }),
    sig(update, 10, 16, 'ric-code', 0.3, 'Reuters instrument code "PLTR.O" left in the text', { evidence: 'artefact' }),
  ];
  const scored: Array<[ReportParagraph, number]> = [[headline, -0.439], [quiet, 0], [update, 0.3]];
  for (const [p, own] of scored) {
    p.logOddsParts = { prior, document: 8.5, paragraph: own };
    p.logOdds = Math.round((prior + 8.5 + own) * 1000) / 1000;
    p.machineProbability = Math.min(0.999, Math.round(1000 / (1 + Math.exp(-p.logOdds))) / 1000); // as roundProbability
  }
  const paragraphs = [headline, notice, quiet, update];
  const messages = [
    msg(notice, 0, notice.text.length, 'mt-notice', 'info', 'Machine-translation notice (Reuters, fr)'),
    msg(update, 10, 16, 'ric-code', 'warning', 'Reuters instrument code "PLTR.O" left in the text'),
  ];
  return {
    file: 'wires/declared.txt', language: 'fr', encoding: 'utf-8', format: 'text', verdict: 'declared-machine', machineProbability: 0.999,
    notices: [reutersNotice(notice)],
    paragraphs,
    messages,
    summary: summary(paragraphs, messages),
  };
}
