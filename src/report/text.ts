// Text formatter for editors: per paragraph its line, a probability bar, the label and the top reasons; then messages.
import pc from 'picocolors';
import type { Formatter, Label, Report, ReportParagraph, Severity } from '../types.js';
import { ellipsis } from '../util/ellipsis.js';
import { oneLine, terminalSafe } from '../util/oneline.js';
import { languageUnknown, loneEvidence, loneEvidenceText, noStyleModel, ownReasons, sharedEvidence, sharedParts, sharedReasons, signed, type SharedEvidence } from './explain.js';
import { percent } from '../util/percent.js';

type Colors = ReturnType<typeof pc.createColors>;

const BAR_CELLS = 10;
const SNIPPET = 60;

/** A 10-cell bar for a probability, with eighth-block precision on the last cell. */
export function bar(p: number): string {
  const eighths = Math.round(p * BAR_CELLS * 8);
  const full = Math.floor(eighths / 8);
  const rest = eighths % 8;
  const partial = rest > 0 ? ' ▏▎▍▌▋▊▉'[rest]! : '';
  return ('█'.repeat(full) + partial).padEnd(BAR_CELLS, '░');
}

function labelColor(c: Colors, label: Label | null): (s: string) => string {
  switch (label) {
    case 'machine':
      return c.red;
    case 'likely-machine':
      return c.yellow;
    case 'likely-human':
      return c.cyan;
    case 'human':
      return c.green;
    default:
      return c.dim;
  }
}

function severityColor(c: Colors, s: Severity): (t: string) => string {
  return s === 'error' ? c.red : s === 'warning' ? c.yellow : c.blue;
}

function snippet(text: string): string {
  const flat = text.replace(/\s+/g, ' ');
  return ellipsis(flat, SNIPPET);
}

/** The prior and document-wide shares first (they are in every scored paragraph's probability), then its own top 3. */
function reasons(p: ReportParagraph, shared: SharedEvidence | null): string {
  const common = sharedReasons(shared, p).map((r) => `${r.what} ${signed(r.weight)}`);
  const own = ownReasons(p).slice(0, 3).map((s) => {
    // Quoted as written: JSON quoting showed `"à \"toutes fins légales\""` to an editor (review, 2026-12-07).
    const what = s.actual ? ` “${ellipsis(s.actual.replace(/\s+/g, ' '), 24)}”` : '';
    return `${s.ruleId}${what} ${signed(s.weight)}`;
  });
  return [...common, ...own].join('; ');
}

/** One line under the verdict: what every scored paragraph receives besides its own evidence, and from where. */
function sharedLine(c: Colors, shared: SharedEvidence): string {
  const parts = sharedParts(shared, ({ signal: s }) => `${s.ruleId} line ${s.line}`);
  return `  ${c.dim('in every scored paragraph:')} ${parts.join('; ')}`;
}

function verdictLine(c: Colors, r: Report): string {
  const prob = r.machineProbability === null ? '  –' : percent(r.machineProbability).padStart(4);
  const color =
    r.verdict === 'declared-machine' || r.verdict === 'undeclared-machine'
      ? c.red
      : r.verdict === 'human'
        ? c.green
        : r.verdict === 'mixed'
          ? c.yellow
          : c.dim;
  const notice = r.notices[0] ? `  ${c.dim(`notice: ${r.notices[0].generic ? 'unattributed' : r.notices[0].agency}, line ${r.notices[0].line}`)}` : '';
  // As in the HTML report: "uncertain" on a Portuguese page is not "read, no evidence" but "no style model".
  const french = noStyleModel(r) ? ' · no style model (French only)' : languageUnknown(r) ? ' · language not identified: no style model' : '';
  return `  ${color(c.bold(r.verdict))} ${prob}  ${c.dim(`${r.language} · ${r.encoding}${french}`)}${notice}`;
}

function formatReport(c: Colors, report: Report, quiet: boolean): string {
  const r = terminalSafe(report);
  const out: string[] = [c.underline(oneLine(r.file))];
  if (r.error) {
    out.push(`  ${c.red('error')}  ${r.error.message}`);
    return out.join('\n');
  }
  out.push(verdictLine(c, r));
  const shared = sharedEvidence(r);
  if (shared) out.push(sharedLine(c, shared));
  const lone = loneEvidence(r);
  if (lone) out.push(`  ${c.dim(loneEvidenceText(lone))}`);
  // --quiet: errors only, as ESLint's stylish; the paragraph table is the reading, not a finding.
  for (const p of quiet ? [] : r.paragraphs) {
    const where = `${p.line}:${p.column}`.padStart(7);
    if (p.machineProbability === null) {
      out.push(`${c.dim(where)}  ${c.dim(p.kind.padEnd(11))} ${' '.repeat(BAR_CELLS + 21)}${c.dim(snippet(p.text))}`);
      continue;
    }
    const color = labelColor(c, p.label);
    const pct = percent(p.machineProbability).padStart(4);
    const why = reasons(p, shared);
    out.push(
      `${c.dim(where)}  ${p.kind.padEnd(11)} ${color(bar(p.machineProbability))} ${pct} ${color((p.label ?? '').padEnd(14))} ${snippet(p.text)}`,
    );
    if (why) out.push(`${' '.repeat(22)}${c.dim(`↳ ${why}`)}`);
  }
  if (r.messages.length > 0) {
    out.push('');
    for (const m of r.messages) {
      const sev = severityColor(c, m.severity)(m.severity.padEnd(7));
      out.push(`${`${m.line}:${m.column}`.padStart(7)}  ${sev} ${m.message}  ${c.dim(m.ruleId)}`);
    }
  }
  return out.join('\n');
}

/** Formats reports for a terminal; colour only when the CLI decided so. */
export const format: Formatter = (reports, context) => {
  const c = pc.createColors(context.color);
  const quiet = Boolean(context.quiet);
  const blocks = reports.filter((r) => !quiet || r.error || r.summary.errors > 0).map((r) => formatReport(c, r, quiet));
  const errors = reports.reduce((n, r) => n + r.summary.errors, 0);
  const warnings = reports.reduce((n, r) => n + r.summary.warnings, 0);
  const infos = reports.reduce((n, r) => n + r.summary.infos, 0);
  const failed = reports.filter((r) => r.error).length;
  const parts = [`${errors} error${errors === 1 ? '' : 's'}`, `${warnings} warning${warnings === 1 ? '' : 's'}`, `${infos} info`];
  if (failed > 0) parts.push(`${failed} unreadable input${failed === 1 ? '' : 's'}`);
  const mark = errors > 0 || failed > 0 ? c.red('✖') : warnings > 0 ? c.yellow('⚠') : c.green('✔');
  return `${blocks.length > 0 ? `${blocks.join('\n\n')}\n\n` : ''}${mark} ${reports.length} file${reports.length === 1 ? '' : 's'}: ${parts.join(', ')}\n`;
};
