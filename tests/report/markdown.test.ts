// Markdown formatter: exact output for a small report, and escaping that keeps article text from adding markup.
import { describe, expect, test } from '@jest/globals';
import { escapeMarkdown, format } from '../../src/report/markdown.js';
import { declaredReport, HOSTILE, humanReport, machineReport, makeContext, smallReport, unreadableReport } from './fixtures.js';

const context = makeContext();

describe('markdown formatter', () => {
  test('exact output for a small report and an unreadable input', () => {
    expect(format([smallReport(), unreadableReport()], context)).toBe(
      [
        '**wireproof**: 2 files, 0 errors, 1 warning, 1 info, 1 unreadable',
        '',
        '### wires/small.txt: mixed, 70%',
        '',
        '| Line | Kind | Label | Machine | Top reasons | Text |',
        '| ---: | --- | --- | ---: | --- | --- |',
        '| 1 | headline | uncertain | 50% |  | Titre \\| &lt;b&gt;gras&lt;/b&gt; |',
        '| 3 | body | machine | 91% | `ric-code` “Il” -1.5; `calque-lexical` “adressé” +0.9 | Il a \\`adressé\\` le \\*problème\\* &amp; \\_vite\\_ \\[ici\\]. |',
        '',
        '**Messages**',
        '',
        '- **warning** `calque-lexical` (line 3, column 7): Calque of "address": &lt;adresser&gt; \\| try \\`régler\\` (suggested: “régler”)',
        '- **info** `ric-code` (line 1, column 1): Line break',
        '',
        '### wires/missing.txt: unreadable',
        '',
        '> **Error** (not-found): no such file',
        '',
      ].join('\n'),
    );
  });

  test('escapes the characters that open markup or end a table cell', () => {
    expect(escapeMarkdown('a|b<c>d`e*f_g[h]i&amp;~\\')).toBe('a\\|b&lt;c&gt;d\\`e\\*f\\_g\\[h\\]i&amp;amp;\\~\\\\');
    expect(escapeMarkdown('two\nlines\r\nhere')).toBe('two lines here');
    // A wire's escape sequences and bidirectional overrides, in a message or a file name (review, 2026-12-07).
    expect(escapeMarkdown('ansi\u001b[2J\u001b]0;pwned\u0007\tOpen\u202eAI.txt')).toBe('ansi?\\[2J?\\]0;pwned? Open?AI.txt');
  });

  test('hostile article text cannot inject HTML or break the table', () => {
    const out = format([machineReport()], context);
    expect(out).not.toMatch(/<script|<img|<svg/i);
    // Every table row keeps its six cells: no unescaped pipe slipped in from the text.
    const rows = out.split('\n').filter((l) => l.startsWith('| '));
    for (const row of rows) expect(row.replace(/\\\|/g, '').split('|')).toHaveLength(8);
    // The long hostile paragraph is cut to a snippet, then escaped (never cut inside an entity).
    expect(out).toContain('| Selon la source, &lt;script&gt;alert(1)&lt;/script&gt; puis &lt;img src=x … |');
    expect(escapeMarkdown(HOSTILE)).toContain('\\`code\\` \\*gras\\* \\_souligné\\_ \\[lien\\](x)');
  });

  test('a hostile file name is escaped in the heading', () => {
    const out = format([humanReport('wires/<b>*x*</b>|.txt')], context);
    expect(out).toContain('### wires/&lt;b&gt;\\*x\\*&lt;/b&gt;\\|.txt: human, 5%');
  });

  test('document-wide evidence: said once above the table, and first among each scored paragraph’s reasons', () => {
    const out = format([declaredReport()], context);
    expect(out).toContain(
      [
        '> **Notice** (line 3): Reuters declares machine translation: “((Traduction automatisée par Reuters))”',
        '',
        '**In every scored paragraph**: document-wide +8.5 (`mt-notice` line 3 +6.0; `update-note` line 7 +2.5)',
        '',
        '| Line | Kind | Label | Machine | Top reasons | Text |',
      ].join('\n'),
    );
    // >99% machine with −0.4 of its own: the +8.5 is what makes the row add up.
    expect(out).toContain('| 1 | headline | machine | >99% | document-wide +8.5; `intrinsic-style` -0.4 | Le Pentagone menace de couper Anthropic |');
    expect(out).toContain('| 5 | body | machine | >99% | document-wide +8.5 | Les autres entreprises étaient OpenAI, Google et xAI. |');
    // The update note sitting in this paragraph is in the +8.5, not listed a second time.
    expect(out).toContain('| 7 | body | machine | >99% | document-wide +8.5; `ric-code` “PLTR.O” +0.3 | Le groupe PLTR.O');
    // The unscored notice keeps its own evidence, with no share.
    expect(out).toContain('| 3 | notice | – | – | `mt-notice` “((Traduction automatisé…” +6.0 |');
  });

  test('a prior is shown as a share of every scored paragraph', () => {
    const out = format([declaredReport(2.197)], context);
    expect(out).toContain('**In every scored paragraph**: prior 90% +2.2; document-wide +8.5 (`mt-notice` line 3 +6.0;');
    expect(out).toContain('| prior +2.2; document-wide +8.5; `intrinsic-style` -0.4 |');
  });

  test('notices are quoted; no reports gives one line', () => {
    expect(format([machineReport()], context)).toContain(
      '> **Notice** (line 5): Reuters declares machine translation: “((Traduction automatique de Reuters))”',
    );
    expect(format([], context)).toBe('_wireproof: no input._\n');
  });
});
