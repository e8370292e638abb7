// A generic notice (a stock sentence that names no outlet) is reported as unattributed by every human-facing format.
import { describe, expect, test } from '@jest/globals';
import { format as html } from '../../src/report/html.js';
import { format as markdown } from '../../src/report/markdown.js';
import { format as text } from '../../src/report/text.js';
import type { Report } from '../../src/types.js';
import { attribution } from '../../src/util/attribution.js';
import { machineReport, makeContext } from './fixtures.js';

const context = makeContext();

/** The fixture's Reuters notice, re-labelled as Kronen Zeitung's stock sentence. */
function withNotice(generic: boolean): Report {
  const r = machineReport();
  return { ...r, notices: r.notices.map((n) => ({ ...n, id: 'KRONE-EN', agency: 'Kronen Zeitung', language: 'en', generic })) };
}

describe('notice attribution', () => {
  test.each([
    [false, 'Kronen Zeitung'],
    [true, 'unattributed stock wording, seen at Kronen Zeitung'],
  ])('generic %s → %s', (generic, expected) => {
    expect(attribution({ agency: 'Kronen Zeitung', generic })).toBe(expected);
  });

  test('a generic notice is not attributed to its outlet in text, HTML or Markdown', () => {
    const r = withNotice(true);
    expect(text([r], context)).toMatch(/notice: unattributed, line \d+/);
    expect(html([r], context)).toContain('<strong>Notice:</strong> unattributed stock wording, seen at Kronen Zeitung declares machine translation');
    expect(markdown([r], context)).toMatch(/> \*\*Notice\*\* \(line \d+\): unattributed stock wording, seen at Kronen Zeitung declares machine translation/);
  });

  test('a notice that names its publisher is attributed to it', () => {
    const r = withNotice(false);
    expect(text([r], context)).toMatch(/notice: Kronen Zeitung, line \d+/);
    expect(html([r], context)).toContain('<strong>Notice:</strong> Kronen Zeitung declares machine translation');
    expect(markdown([r], context)).toMatch(/> \*\*Notice\*\* \(line \d+\): Kronen Zeitung declares machine translation/);
  });
});
