// unix formatter: `file:line:column: severity rule-id message`, one line per message, for editors' error parsers.
import type { Formatter } from '../types.js';
import { oneLine as safeName, terminalSafe } from '../util/oneline.js';

/**
 * A message on one line: error parsers (Vim errorformat, Emacs compile, efm) read line by line. Its other control
 * characters become `?` as in the text format: a notice quoted with an ESC or OSC sequence from the wire retitled and
 * recoloured the terminal (a review, 2026-12-07).
 */
function oneLine(text: string): string {
  return terminalSafe(text.replace(/\s*(\r\n|[\r\n\u2028\u2029])\s*/g, ' ')).replace(/\t/g, ' ');
}

/**
 * Formats reports as one `file:line:column: severity rule-id message` line per message, and nothing else; an input
 * that could not be read gives `file:0:0: error input-error <reason>`. Empty output when there is nothing to say.
 */
export const format: Formatter = (reports) => {
  const lines: string[] = [];
  for (const r of reports) {
    // A newline in a file name would split the line too (its control characters become `?`, as on stderr).
    const file = safeName(r.file);
    if (r.error) {
      lines.push(`${file}:0:0: error input-error ${oneLine(r.error.message)}`);
      continue;
    }
    for (const m of r.messages) {
      lines.push(`${file}:${m.line}:${m.column}: ${m.severity} ${m.ruleId} ${oneLine(m.message)}`);
    }
  }
  return lines.map((l) => `${l}\n`).join('');
};
