// Text formatter: a scored paragraph's reasons account for its probability, document-wide evidence included.
import { describe, expect, test } from '@jest/globals';
import { percent } from '../../src/util/percent.js';
import { format } from '../../src/report/text.js';
import { declaredReport, humanReport, machineReport, makeContext, smallReport } from './fixtures.js';

const context = makeContext();

/** The reasons line (`↳ …`) printed under the paragraph that starts at `line`, or null when it has none. */
function reasonsOf(out: string, line: number): string | null {
  const rows = out.split('\n');
  const at = rows.findIndex((r) => r.trimStart().startsWith(`${line}:1 `));
  if (at < 0) throw new Error(`no paragraph at line ${line}`);
  const next = rows[at + 1] ?? '';
  return next.trimStart().startsWith('↳ ') ? next.trim().slice(2) : null;
}

describe('text formatter', () => {
  const out = format([declaredReport()], context);

  test('says once, under the verdict, what every scored paragraph receives from the whole document, and from where', () => {
    const rows = out.split('\n');
    expect(rows[1]).toMatch(/^ {2}declared-machine /);
    expect(rows[2]).toBe('  in every scored paragraph: document-wide +8.5 (mt-notice line 3 +6.0; update-note line 7 +2.5)');
  });

  test('a paragraph made machine by the notice says so: the document-wide share comes first, then its own evidence', () => {
    // >99% machine with −0.4 of its own: without the +8.5 the line would contradict its probability.
    expect(out).toMatch(/1:1 {2}headline +█+ >99% machine/);
    expect(reasonsOf(out, 1)).toBe('document-wide +8.5; intrinsic-style -0.4');
    // No signal of its own: the document-wide share is its whole reason, not an empty line.
    expect(reasonsOf(out, 5)).toBe('document-wide +8.5');
  });

  test('a document-scope signal sitting in a scored paragraph is counted in the document-wide share, not listed again', () => {
    expect(reasonsOf(out, 7)).toBe('document-wide +8.5; ric-code “PLTR.O” +0.3');
  });

  // eslint-disable-next-line no-control-regex -- control characters are what is checked for
  const CONTROLS = /[\x00-\x08\x0b-\x1f\x7f-\x9f]/;
  // eslint-disable-next-line no-control-regex -- the formatter's own colour codes
  const SGR = /\x1b\[\d+(?:;\d+)*m/g;

  test('control characters of the input (ESC, OSC, BEL) never reach the terminal: excerpts, messages, file names', () => {
    const base = declaredReport();
    const hostile = {
      ...base,
      file: 'x\x1b[31m.txt',
      paragraphs: base.paragraphs.map((p) => ({ ...p, text: `\x1b[31mROUGE\x1b]0;pwned\x07 ${p.text}` })),
      messages: base.messages.map((m) => ({ ...m, message: `\x1b[2J${m.message}` })),
    };
    const text = format([hostile], makeContext({ color: false }));
    expect(text).not.toMatch(CONTROLS);
    expect(text).toContain('x?[31m.txt');
    expect(text).toContain('?[31mROUGE?]0;pwned? ');
    // With colour, the only escapes are the formatter's own SGR codes.
    const colored = format([hostile], makeContext({ color: true }));
    expect(colored.replace(SGR, '')).not.toMatch(CONTROLS);
  });

  test('bidirectional overrides and isolates of the input never reach the terminal', () => {
    const base = declaredReport();
    const hostile = { ...base, paragraphs: base.paragraphs.map((p) => ({ ...p, text: `Open\u202eAI \u2067x\u2069 ${p.text}` })) };
    const text = format([hostile], makeContext({ color: false }));
    expect(text).not.toMatch(/[\u202a-\u202e\u2066-\u2069]/);
    expect(text).toContain('Open?AI ?x? ');
  });

  test('a report in another language says the style model is French only', () => {
    expect(format([{ ...humanReport(), language: 'pt' }], context).split('\n')[1]).toContain('pt · utf-8 · no style model (French only)');
    expect(format([humanReport()], context)).not.toContain('no style model');
    // A report in another language whose (French) paragraphs the style model scored says nothing of the kind.
    const scored = humanReport();
    const p = scored.paragraphs[0]!;
    const styled = { ...scored, language: 'en', paragraphs: [{ ...p, signals: [...p.signals, { ...(machineReport().paragraphs.find((q) => q.signals.length > 0)!.signals[0]!), ruleId: 'intrinsic-style' }] }] };
    expect(format([styled], context)).not.toContain('no style model');
    // An und document says why it has no style evidence.
    expect(format([{ ...humanReport(), language: 'und' }], context).split('\n')[1]).toContain('und · utf-8 · language not identified: no style model');
  });

  test.each([
    [0.995, '>99%'],
    [0.9949, '99%'],
    [0.9999, '>99%'],
    [1, '100%'],
    [0.004, '<1%'],
    [0.005, '1%'],
    [0.5, '50%'],
    // Never rounded across a band's edge (uncertain 0.795 is not the 80 % of undeclared-machine).
    [0.795, '79%'],
    [0.8, '80%'],
    [0.697, '69%'],
    [0.898, '89%'],
    [0.302, '31%'],
    [0.3, '30%'],
    [0.104, '11%'],
    [0.204, '21%'],
    [0.654, '65%'],
  ])('percent(%d) is %s', (p, expected) => {
    expect(percent(p)).toBe(expected);
  });

  test('a near-certainty is >99%, never a flat 100% (as in Markdown and HTML)', () => {
    expect(out.split('\n')[1]).toMatch(/^ {2}declared-machine >99% /);
    expect(out).not.toMatch(/100%/);
  });

  test('a finding that weighs nothing (wording drift) is a message, not a reason for the probability', () => {
    const r = declaredReport();
    const p = r.paragraphs[0]!;
    p.signals.push({ ...p.signals[0]!, ruleId: 'wording-drift', weight: 0, actual: 'selon Axios' });
    expect(reasonsOf(format([r], context), 1)).toBe('document-wide +8.5; intrinsic-style -0.4');
  });

  test('unscored paragraphs get no reasons line', () => {
    expect(reasonsOf(out, 3)).toBeNull();
  });

  test('a prior is a share of every scored paragraph too', () => {
    const withPrior = format([declaredReport(2.197)], context);
    expect(withPrior.split('\n')[2]).toBe(
      '  in every scored paragraph: prior 90% +2.2; document-wide +8.5 (mt-notice line 3 +6.0; update-note line 7 +2.5)',
    );
    expect(reasonsOf(withPrior, 1)).toBe('prior +2.2; document-wide +8.5; intrinsic-style -0.4');
  });

  test('saturated document evidence says its listed weights do not simply add up', () => {
    const r = declaredReport();
    const update = r.paragraphs[3]!;
    // Four notes of 2.5 count 7.5 (3× the strongest): with the notice's 6.0, 13.5.
    for (const line of [8, 9, 10]) update.signals.push({ ...update.signals[0]!, line, column: 1 });
    for (const p of r.paragraphs) if (p.logOddsParts) p.logOddsParts = { ...p.logOddsParts, document: 13.5 };
    const saturated = format([r], context).split('\n')[2];
    expect(saturated).toBe(
      '  in every scored paragraph: document-wide +13.5 (mt-notice line 3 +6.0; update-note line 7 +2.5; update-note line 8 +2.5; update-note line 9 +2.5; 1 more; repeated marks of a rule saturate)',
    );
  });

  test('document evidence bounded for want of corroboration says so, and why the verdict stays uncertain', () => {
    const r = declaredReport();
    // One inferred note of 1.2 and nothing else: bounded to 0.753 (src/score/combine.ts).
    for (const p of r.paragraphs) {
      p.signals = p.signals.filter((s) => s.scope !== 'document').map((s) => ({ ...s, weight: s.evidence === 'style' ? s.weight : 0 }));
      if (p.logOddsParts) p.logOddsParts = { ...p.logOddsParts, document: 0.753 };
    }
    const note = { ...declaredReport().paragraphs[3]!.signals[0]!, weight: 1.2, data: { status: 'inferred' } };
    r.paragraphs[3]!.signals.push(note);
    const first = r.paragraphs.find((p) => p.machineProbability !== null)!;
    first.label = 'likely-machine';
    r.verdict = 'uncertain';
    r.notices = [];
    const lines = format([r], context).split('\n');
    expect(lines[2]).toBe('  in every scored paragraph: document-wide +0.8 (update-note line 7 +1.2; bounded: not corroborated)');
    expect(lines[3]).toBe('  evidence not corroborated (update-note +1.2): a verdict needs a strong mark, or two kinds of evidence of 0.5 nats or more');
  });

  test('no document-wide evidence, or a report that does not split its log-odds: own reasons only, strongest first', () => {
    for (const r of [humanReport(), smallReport(), machineReport()]) {
      const text = format([r], context);
      expect(text).not.toContain('document-wide');
      expect(text).not.toContain('in every scored paragraph');
    }
    expect(reasonsOf(format([smallReport()], context), 3)).toBe('ric-code “Il” -1.5; calque-lexical “adressé” +0.9');
  });
});
