// Markdown formatter: exact output for a small report, and escaping that keeps article text from adding markup.
import { describe, expect, test } from '@jest/globals';
import { escapeMarkdown, format } from '../../src/report/markdown.js';
import { HOSTILE, humanReport, machineReport, makeContext, smallReport, unreadableReport } from './fixtures.js';

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

  test('notices are quoted; no reports gives one line', () => {
    expect(format([machineReport()], context)).toContain(
      '> **Notice** (line 5): Reuters declares machine translation: “((Traduction automatique de Reuters))”',
    );
    expect(format([], context)).toBe('_wireproof: no input._\n');
  });
});
