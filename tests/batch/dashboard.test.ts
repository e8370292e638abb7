// Dashboard (pure function): escaping of paths and messages, relative encoded links, counts, histogram, no network.
import { describe, expect, test } from '@jest/globals';
import type { BatchEntry, BatchSummary } from '../../src/batch/types.js';
import { emptyCounts } from '../../src/batch/types.js';
import { renderDashboard } from '../../src/report/dashboard.js';

function entry(path: string, extra: Partial<BatchEntry> = {}): BatchEntry {
  return { path, feed: null, report: null, html: null, verdict: 'human', machineProbability: 0.1, language: 'fr', counts: emptyCounts(), error: null, ...extra };
}

/** A summary with hostile names, an unreadable input and a spread of probabilities. */
export function sampleSummary(): BatchSummary {
  const entries: BatchEntry[] = [
    entry('archive/2026-01/wire-0001.txt', { report: '2026-01/wire-0001.json', html: '2026-01/wire-0001.html', verdict: 'declared-machine', machineProbability: 0.998 }),
    entry('archive/<script>alert(1)</script>.txt', { report: '<script>alert(1)</script>.json', verdict: 'undeclared-machine', machineProbability: 0.91 }),
    entry('feed.jsonl#a"b\'c<img src=x onerror=alert(1)>', { report: 'feed/a_b_c_img_src_x_onerror_alert_1_-0123456789ab.json', verdict: 'mixed', machineProbability: 0.55 }),
    entry('archive/100% #1?.txt', { report: '100% #1?.json', verdict: 'human', machineProbability: 0.03 }),
    entry('archive/short.txt', { report: 'short.json', verdict: 'unknown', machineProbability: null }),
    entry('archive/photo.bin', { verdict: null, machineProbability: null, error: { code: 'binary', message: 'archive/photo.bin: binary <b>data</b>' } }),
  ];
  return {
    summaryVersion: 1,
    formats: ['json', 'html'],
    totals: {
      inputs: 6,
      reports: 5,
      unreadable: 1,
      byVerdict: { 'declared-machine': 1, 'undeclared-machine': 1, mixed: 1, uncertain: 0, human: 1, unknown: 1 },
      paragraphs: 0,
      bodyParagraphs: 0,
      errors: 1,
      warnings: 2,
      infos: 0,
    },
    entries,
    run: { version: '0.1.0', startedAt: '2026-01-01T00:00:00.000Z', durationMs: 1234, concurrency: 2, threads: 2, reused: 0, checked: 5, cache: true, configHash: 'x', corporaFingerprint: 'y' },
  };
}

describe('renderDashboard', () => {
  const html = renderDashboard(sampleSummary());

  test('a standalone page: CSP meta, one inline script, nothing loaded', () => {
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html).toContain(`http-equiv="Content-Security-Policy" content="default-src 'none'`);
    expect(html.match(/<script/g)).toHaveLength(1);
    expect(html).not.toMatch(/<[a-z]+[^>]*\s(?:src|srcset|data|poster)=/i);
    expect(html).not.toMatch(/<link\b|@import|url\(/i);
    expect(html).not.toMatch(/https?:\/\//);
  });

  test('paths and messages are escaped, never markup', () => {
    expect(html).not.toContain('<script>alert(1)</script>');
    expect(html).not.toContain('<img src=x');
    expect(html).not.toContain('<b>data</b>');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('a&quot;b&#39;c&lt;img src=x onerror=alert(1)&gt;');
    expect(html).toContain('&lt;b&gt;data&lt;/b&gt;');
  });

  test('links are relative, percent-encoded per segment, HTML report preferred', () => {
    expect(html).toContain('<a href="2026-01/wire-0001.html">archive/2026-01/wire-0001.txt</a>');
    expect(html).toContain('href="2026-01/wire-0001.json"');
    expect(html).toContain('href="100%25%20%231%3F.json"');
    expect(html).toContain('href="%3Cscript%3Ealert(1)%3C/script%3E.json"');
    expect(html).not.toMatch(/href="(?:\/|[a-z]+:)/);
  });

  test('counts per verdict, unreadable with its reason, histogram of 4 probabilities', () => {
    expect(html).toMatch(/data-verdict="unreadable"><span class="n">1<\/span>/);
    expect(html).toMatch(/data-verdict="uncertain" disabled><span class="n">0<\/span>/);
    expect(html).toContain('<code>binary</code>');
    expect(html).toContain('Machine-translation probability of 4 documents (1 with too little text to say)');
    expect(html).toContain('90–100%: 2 documents');
    expect(html).toContain('0–10%: 1 document<');
    expect(html).toContain('&gt;99%');
  });

  test('no timing in the page: it depends only on reproducible fields', () => {
    const other = sampleSummary();
    other.run = { ...other.run, durationMs: 99, startedAt: '2030-01-01T00:00:00.000Z', concurrency: 1, threads: 0 };
    expect(renderDashboard(other)).toBe(html);
  });

  test('an empty batch still renders', () => {
    const empty = sampleSummary();
    empty.entries = [];
    empty.totals = { ...empty.totals, inputs: 0, reports: 0, unreadable: 0 };
    expect(renderDashboard(empty)).toContain('No input was found.');
  });
});

describe('dashboard legend', () => {
  test('a folded legend says what each verdict means, in the header; human is "written or translated"', () => {
    const html = renderDashboard(sampleSummary());
    const header = /<header>[\s\S]*?<\/header>/.exec(html)![0];
    expect(header).toContain('<details class="legend-box"><summary>How to read this report</summary>');
    for (const term of ['Uncertain', 'Unknown', 'Human (written or translated)', 'Paragraph labels']) expect(header).toContain(`<dt>${term}</dt>`);
    expect(html).toContain('<span class="what">Human (written or translated)</span>');
  });
});
