// HTML report in headless Chromium: hostile text stays text, nothing runs or loads, evidence opens; saves a screenshot.
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser } from 'playwright-core';
import { CHROMIUM, chromiumAvailable, launchChromium, watch } from '../support/browser.js';
import { format } from '../../src/report/html.js';
import { humanReport, machineReport, makeContext, unreadableReport } from './fixtures.js';

const ARTIFACTS = resolve('tests/artifacts');
const available = chromiumAvailable;
const maybe = available ? test : test.skip;
if (!available) {
  console.warn(`${CHROMIUM} not found: skipping the headless-browser tests of the HTML report (apt-get install chromium).`);
}

let browser: Browser | undefined;
let file = '';

beforeAll(async () => {
  if (!available) return;
  browser = await launchChromium();
  mkdirSync(ARTIFACTS, { recursive: true });
  file = join(ARTIFACTS, 'html-report.html');
  writeFileSync(file, format([machineReport(), humanReport(), unreadableReport()], makeContext()));
});

afterAll(async () => {
  await browser?.close();
});

describe('html report in Chromium', () => {
  maybe('shows hostile text as text, runs and loads nothing, opens evidence on click; screenshot saved', async () => {
    const page = await browser!.newPage({ viewport: { width: 1100, height: 900 } });
    const { dialogs, requests, problems } = watch(page);

    const url = pathToFileURL(file).href;
    await page.goto(url, { waitUntil: 'load' });

    // The literal markup from the article is visible, as text.
    const hostile = page.locator('#r1-p4 p.text');
    await expect(hostile.isVisible()).resolves.toBe(true);
    const text = await hostile.innerText();
    expect(text).toContain('<script>alert(1)</script>');
    expect(text).toContain('<img src=x onerror=alert(1)>');
    expect(text).toContain('<svg onload=alert(1)>');
    expect(text).toContain('"cités" &amp; publiés');

    // Nothing was injected (the expressions run in the page; this project's TypeScript has no DOM types), nothing fired, nothing was fetched but the page itself, no CSP violation.
    const injected = await page.evaluate("document.querySelectorAll('img[onerror], svg[onload], img, iframe').length");
    expect(injected).toBe(0);
    expect(await page.evaluate('document.scripts.length')).toBe(1);
    expect(dialogs).toEqual([]);
    expect(requests).toEqual([url]);
    expect(problems).toEqual([]);

    // Our own script ran (under the CSP): it reveals the toolbar.
    await expect(page.locator('#r1 .toolbar').isVisible()).resolves.toBe(true);

    // Clicking a highlighted span opens the paragraph's evidence and marks the signal's row.
    const details = page.locator('#r1-p5 details.evidence');
    expect(await details.evaluate((d) => d.hasAttribute('open'))).toBe(false);
    await page.locator('#r1-p5 mark.sig a[href="#r1-p5-e0"]').click();
    expect(await details.evaluate((d) => d.hasAttribute('open'))).toBe(true);
    await expect(page.locator('#r1-p5-e0').isVisible()).resolves.toBe(true);
    expect(await page.locator('#r1-p5-e0').getAttribute('class')).toBe('target');

    // Keyboard: focus a summary and press Enter.
    const summary = page.locator('#r1-p4 details.evidence > summary');
    await summary.focus();
    await page.keyboard.press('Enter');
    expect(await page.locator('#r1-p4 details.evidence').evaluate((d) => d.hasAttribute('open'))).toBe(true);
    await expect(page.locator('#r1-p4 table.evidence').getByText('out of range').isVisible()).resolves.toBe(true);

    await page.screenshot({ path: join(ARTIFACTS, 'html-report.png'), fullPage: true });
    expect(existsSync(join(ARTIFACTS, 'html-report.png'))).toBe(true);
    expect(requests).toEqual([url]);
    await page.close();
  });

  maybe('works without JavaScript: evidence opens from its summary', async () => {
    const context = await browser!.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(pathToFileURL(file).href);
    await page.locator('#r1-p5 details.evidence > summary').click();
    expect(await page.locator('#r1-p5 details.evidence').evaluate((d) => d.hasAttribute('open'))).toBe(true);
    await expect(page.locator('#r1-p5-e0').isVisible()).resolves.toBe(true);
    // The toolbar needs the script, so it stays hidden rather than offering dead buttons.
    await expect(page.locator('#r1 .toolbar').isVisible()).resolves.toBe(false);
    await context.close();
  });
});
