// unix formatter: exact `file:line:column: severity rule-id message` lines, nothing else.
import { describe, expect, test } from '@jest/globals';
import { format } from '../../src/report/unix.js';
import { humanReport, makeContext, smallReport, unreadableReport } from './fixtures.js';

const context = makeContext();

describe('unix formatter', () => {
  test('exact output: one line per message, unreadable inputs as input-error at 0:0', () => {
    expect(format([smallReport(), humanReport(), unreadableReport()], context)).toBe(
      [
        'wires/small.txt:3:7: warning calque-lexical Calque of "address": <adresser> | try `régler`',
        'wires/small.txt:1:1: info ric-code Line break',
        'wires/missing.txt:0:0: error input-error no such file',
        '',
      ].join('\n'),
    );
  });

  test('a line break in a file name cannot split a line: control characters become ?', () => {
    const out = format([{ ...smallReport(), file: 'wires/a\nb.txt' }, { ...unreadableReport(), file: 'x\r\n.txt' }], context);
    const lines = out.trimEnd().split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[0]!.startsWith('wires/a?b.txt:3:7: ')).toBe(true);
    expect(lines[2]!.startsWith('x??.txt:0:0: error input-error ')).toBe(true);
  });

  test('escape sequences quoted from the wire reach no terminal: control characters in messages become ? (review)', () => {
    const r = smallReport();
    const evil = { ...r, messages: r.messages.map((m) => ({ ...m, message: `Notice ((\u001b]0;pwned\u0007\u001b[31mTraduction\tautomatisée` })) };
    const out = format([evil], context);
    // eslint-disable-next-line no-control-regex -- control characters are what must not appear
    expect(out).not.toMatch(/[\u0000-\u0009\u000b-\u001f]/);
    expect(out.split('\n')[0]).toBe('wires/small.txt:3:7: warning calque-lexical Notice ((?]0;pwned??[31mTraduction automatisée');
  });

  test('nothing to report: empty output', () => {
    expect(format([humanReport()], context)).toBe('');
    expect(format([], context)).toBe('');
  });

  test('every line matches the errorformat %f:%l:%c: %m', () => {
    const lines = format([smallReport(), unreadableReport()], context).trimEnd().split('\n');
    for (const line of lines) expect(line).toMatch(/^[^:\n]+:\d+:\d+: (error|warning|info) [a-z-]+ .+$/);
  });
});
