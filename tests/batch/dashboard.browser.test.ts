// Batch dashboard in headless Chromium: filters and sorting work, hostile names stay text, nothing loads; screenshot saved.
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser } from 'playwright-core';
import { CHROMIUM, chromiumAvailable, launchChromium, watch } from '../support/browser.js';
import type { BatchEntry, BatchSummary } from '../../src/batch/types.js';
import { emptyByLabel, VERDICTS } from '../../src/batch/types.js';
import { renderDashboard } from '../../src/report/dashboard.js';
import type { Verdict } from '../../src/types.js';

const ARTIFACTS = resolve('tests/artifacts');
const available = chromiumAvailable;
const maybe = available ? test : test.skip;
if (!available) console.warn(`${CHROMIUM} not found: skipping the headless-browser test of the batch dashboard.`);

/** A month of wires with a spread of verdicts, one hostile name and one unreadable scan. */
function summary(): BatchSummary {
  const verdicts: Array<[Verdict, number]> = [
    ['declared-machine', 0.97], ['undeclared-machine', 0.88], ['human', 0.08], ['mixed', 0.56], ['human', 0.14], ['declared-machine', 0.995],
    ['uncertain', 0.47], ['human', 0.03], ['undeclared-machine', 0.79], ['human', 0.21], ['declared-machine', 0.93], ['mixed', 0.62],
    ['human', 0.11], ['declared-machine', 0.99], ['uncertain', 0.38], ['human', 0.06], ['undeclared-machine', 0.83], ['human', 0.17],
  ];
  const entries: BatchEntry[] = verdicts.map(([verdict, p], i) => {
    const id = String(i + 1).padStart(4, '0');
    const body = 4 + ((i * 5) % 8);
    return {
      path: `archive/2026-03/wire-${id}.txt`,
      feed: null,
      report: `2026-03/wire-${id}.json`,
      html: `2026-03/wire-${id}.html`,
      verdict,
      machineProbability: p,
      language: 'fr',
      counts: { paragraphs: body + 3, bodyParagraphs: body, byLabel: emptyByLabel(), errors: verdict === 'undeclared-machine' ? 1 : 0, warnings: (i * 7) % 4, infos: 0 },
      error: null,
    };
  });
  entries.push({
    path: 'archive/2026-03/<img src=x onerror=alert(1)>.txt',
    feed: null,
    report: '2026-03/%3Cimg.json',
    html: null,
    verdict: 'human',
    machineProbability: 0.09,
    language: 'fr',
    counts: { paragraphs: 5, bodyParagraphs: 4, byLabel: emptyByLabel(), errors: 0, warnings: 0, infos: 0 },
    error: null,
  });
  entries.push({
    path: 'archive/2026-03/scan-0001.txt',
    feed: null,
    report: null,
    html: null,
    verdict: null,
    machineProbability: null,
    language: null,
    counts: { paragraphs: 0, bodyParagraphs: 0, byLabel: emptyByLabel(), errors: 0, warnings: 0, infos: 0 },
    error: { code: 'binary', message: 'archive/2026-03/scan-0001.txt: binary file (NUL byte at offset 12)' },
  });
  const byVerdict = Object.fromEntries(VERDICTS.map((v) => [v, entries.filter((e) => !e.error && e.verdict === v).length])) as Record<Verdict, number>;
  const ok = entries.filter((e) => !e.error);
  return {
    summaryVersion: 1,
    formats: ['json', 'html'],
    totals: {
      inputs: entries.length,
      reports: ok.length,
      unreadable: 1,
      byVerdict,
      paragraphs: ok.reduce((n, e) => n + e.counts.paragraphs, 0),
      bodyParagraphs: ok.reduce((n, e) => n + e.counts.bodyParagraphs, 0),
      errors: ok.reduce((n, e) => n + e.counts.errors, 0),
      warnings: ok.reduce((n, e) => n + e.counts.warnings, 0),
      infos: 0,
    },
    entries,
    run: { version: '0.1.0', startedAt: '2026-03-31T18:00:00.000Z', durationMs: 812, concurrency: 2, threads: 2, reused: 0, checked: 20, cache: true, configHash: 'c', corporaFingerprint: 'f' },
  };
}

let browser: Browser | undefined;
let file = '';

beforeAll(async () => {
  if (!available) return;
  browser = await launchChromium();
  mkdirSync(ARTIFACTS, { recursive: true });
  file = join(ARTIFACTS, 'dashboard.html');
  writeFileSync(file, renderDashboard(summary()));
});

afterAll(async () => {
  await browser?.close();
});

describe('batch dashboard in Chromium', () => {
  maybe('filters by verdict and text, sorts by probability, runs and loads nothing else; screenshot saved', async () => {
    const page = await browser!.newPage({ viewport: { width: 1000, height: 760 } });
    const { dialogs, requests, problems } = watch(page);
    const url = pathToFileURL(file).href;
    await page.goto(url, { waitUntil: 'load' });

    const visible = async (): Promise<number> => page.locator('#inputs tbody tr:visible').count();
    expect(await visible()).toBe(20);
    await expect(page.locator('#shown').innerText()).resolves.toBe('Showing 20 of 20');

    await page.selectOption('#f-verdict', 'undeclared-machine');
    expect(await visible()).toBe(3);
    await page.selectOption('#f-verdict', '');
    await page.fill('#f-search', 'scan');
    expect(await visible()).toBe(1);
    await expect(page.locator('#inputs tbody tr:visible .reason').innerText()).resolves.toContain('binary file');
    await page.fill('#f-search', '');
    await page.click('button.card[data-verdict="declared-machine"]');
    expect(await visible()).toBe(4);
    await page.click('button.card[data-verdict="declared-machine"]');
    expect(await visible()).toBe(20);

    // Sorting by probability, twice: descending first shows the >99% wire.
    await page.click('button[data-col="2"]');
    await page.click('button[data-col="2"]');
    await expect(page.locator('#inputs tbody tr').first().locator('td.path').innerText()).resolves.toBe('archive/2026-03/wire-0006.txt');
    await expect(page.locator('th[aria-sort="descending"]').innerText()).resolves.toContain('Machine probability');

    // The hostile file name is text; nothing ran, nothing loaded but the page itself, no CSP violation.
    await expect(page.getByText('<img src=x onerror=alert(1)>.txt').count()).resolves.toBe(1);
    expect(await page.evaluate("document.querySelectorAll('img, iframe, object, embed').length")).toBe(0);
    expect(dialogs).toEqual([]);
    expect(requests).toEqual([url]);
    expect(problems).toEqual([]);

    await page.click('button[data-col="2"]');
    await page.screenshot({ path: join(ARTIFACTS, 'dashboard.png') });
    await page.close();
  });
});
