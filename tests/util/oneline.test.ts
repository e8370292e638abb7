// printable(): text quoted from a file into a one-line message keeps no raw byte, control or line break, and stays short.
import { describe, expect, test } from '@jest/globals';
import { oneLine, printable } from '../../src/util/oneline.js';

describe('printable', () => {
  test.each([
    ['Unexpected token \'x\', "xyz" is not valid JSON', 'Unexpected token \'x\', "xyz" is not valid JSON'],
    ['é, « », 😀 and 中文 stay', 'é, « », 😀 and 中文 stay'],
    ['a\uFFFD\uFFFD\uFFFDb', 'a?b'], // a run of undecodable bytes is one ?
    ['a\u001b[31mb', 'a?[31mb'], // no escape sequence reaches the terminal
    ['line\nbreak\r\n\tand\u0000nul', 'line?break?and?nul'],
    ['C1\u0085 and DEL\u007f', 'C1? and DEL?'],
    ['sep\u2028par\u2029', 'sep?par?'],
    ['bidi\u202e txt\u2066', 'bidi? txt?'],
    ['lone \ud800 and \udc00 surrogates', 'lone ? and ? surrogates'],
  ])('%j → %j', (text, expected) => {
    expect(printable(text)).toBe(expected);
  });

  test('long text is cut to the bound with an ellipsis', () => {
    expect(printable('x'.repeat(500), 40)).toBe(`${'x'.repeat(39)}…`);
    expect(printable('\uFFFD'.repeat(500), 40)).toBe('?');
  });
});

describe('oneLine', () => {
  test('control characters and bidirectional overrides and isolates of a file name become ?', () => {
    expect(oneLine('x\nnope\u202e.txt\u2067')).toBe('x?nope?.txt?');
    expect(oneLine('dépêche 1.txt')).toBe('dépêche 1.txt');
  });
});
