// DIR/summary.csv: one row per input, RFC 4180 quoting, and cells that spreadsheets would run as formulas defused.
import type { BatchEntry } from './types.js';

/** Column names, in order. */
export const CSV_COLUMNS = [
  'path',
  'report',
  'html',
  'verdict',
  'machine_probability',
  'paragraphs',
  'body_paragraphs',
  'machine',
  'likely_machine',
  'uncertain',
  'likely_human',
  'human',
  'errors',
  'warnings',
  'infos',
  'error_code',
  'error_message',
  'feed_line',
  'language',
] as const;

/**
 * Cells a spreadsheet would read as a formula (or as a DDE payload) start with `=`, `+`, `-`, `@`, a tab or a
 * carriage return (OWASP, "CSV Injection"). File names and feed ids are untrusted, so such text cells get a
 * leading `'`, which Excel, LibreOffice and Google Sheets show as text. Numbers are written by us and never start
 * with one of these (probabilities and counts are ≥ 0), so they are left alone.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * Quotes one text cell as RFC 4180 §2 asks: in double quotes when it holds a comma, a quote, CR or LF, with inner
 * quotes doubled; after the formula guard.
 *
 * @param value cell text (untrusted)
 */
export function csvText(value: string): string {
  const guarded = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(guarded) ? `"${guarded.replace(/"/g, '""')}"` : guarded;
}

function num(value: number | null | undefined): string {
  return value === null || value === undefined ? '' : String(value);
}

/**
 * The whole CSV: a header row, then one row per entry, CRLF line ends (RFC 4180 §2.1), UTF-8 with no BOM.
 *
 * @param entries summary entries, in summary order
 */
export function summaryCsv(entries: readonly BatchEntry[]): string {
  const rows = [CSV_COLUMNS.join(',')];
  for (const e of entries) {
    const c = e.counts;
    rows.push(
      [
        csvText(e.path),
        csvText(e.report ?? ''),
        csvText(e.html ?? ''),
        csvText(e.verdict ?? ''),
        num(e.machineProbability),
        num(c.paragraphs),
        num(c.bodyParagraphs),
        num(c.byLabel.machine),
        num(c.byLabel['likely-machine']),
        num(c.byLabel.uncertain),
        num(c.byLabel['likely-human']),
        num(c.byLabel.human),
        num(c.errors),
        num(c.warnings),
        num(c.infos),
        csvText(e.error?.code ?? ''),
        csvText(e.error?.message ?? ''),
        num(e.feed?.line),
        csvText(e.language ?? ''),
      ].join(','),
    );
  }
  return `${rows.join('\r\n')}\r\n`;
}
