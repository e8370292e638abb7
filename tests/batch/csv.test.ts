// summary.csv: RFC 4180 quoting survives a round trip; formula-looking cells are defused.
import { describe, expect, test } from '@jest/globals';
import { CSV_COLUMNS, csvText, summaryCsv } from '../../src/batch/csv.js';
import type { BatchEntry } from '../../src/batch/types.js';
import { emptyCounts } from '../../src/batch/types.js';
import { parseCsv } from './helpers.js';

function entry(path: string, extra: Partial<BatchEntry> = {}): BatchEntry {
  return { path, feed: null, report: `${path}.json`, html: null, verdict: 'human', machineProbability: 0.125, language: 'fr', counts: emptyCounts(), error: null, ...extra };
}

describe('csvText', () => {
  test('quotes commas, quotes and line breaks, doubling inner quotes', () => {
    expect(csvText('plain')).toBe('plain');
    expect(csvText('a,b')).toBe('"a,b"');
    expect(csvText('say "hi"')).toBe('"say ""hi"""');
    expect(csvText('two\nlines')).toBe('"two\nlines"');
  });

  test.each(['=1+1', '+33 1 23', '-2', '@SUM(A1)', '\tx', '\rx', '=HYPERLINK("http://evil","x")'])('defuses %j with a leading quote', (v) => {
    const out = csvText(v);
    const cell = out.startsWith('"') ? out.slice(1, -1).replace(/""/g, '"') : out;
    expect(cell).toBe(`'${v}`);
  });
});

describe('summaryCsv', () => {
  test('header, CRLF rows, every cell read back as written (after the guard)', () => {
    const entries = [
      entry('archive/a,b "q".txt'),
      entry('=cmd|calc.txt', { verdict: 'undeclared-machine', machineProbability: 0.97 }),
      entry('feed.jsonl:3', { report: null, verdict: null, machineProbability: null, feed: { file: 'feed.jsonl', line: 3, id: null }, error: { code: 'feed-line', message: 'feed.jsonl:3: invalid JSON, "oops"\nsecond line' } }),
    ];
    const text = summaryCsv(entries);
    expect(text.endsWith('\r\n')).toBe(true);
    const rows = parseCsv(text);
    expect(rows[0]).toEqual([...CSV_COLUMNS]);
    expect(rows).toHaveLength(4);
    for (const r of rows) expect(r).toHaveLength(CSV_COLUMNS.length);
    expect(rows[1]![0]).toBe('archive/a,b "q".txt');
    expect(rows[2]![0]).toBe("'=cmd|calc.txt");
    expect(rows[2]![3]).toBe('undeclared-machine');
    expect(rows[2]![4]).toBe('0.97');
    expect(rows[3]![15]).toBe('feed-line');
    expect(rows[3]![16]).toBe('feed.jsonl:3: invalid JSON, "oops"\nsecond line');
    expect(rows[3]![17]).toBe('3');
    expect(rows[3]![4]).toBe('');
  });
});
