// Headless Chromium for page tests: Debian's /usr/bin/chromium through playwright-core, and a watcher for what a page
// must never do (dialogs, network requests, console errors).
import { existsSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';

/** Whether the browser is installed (.ci/run installs it; elsewhere browser tests skip). */
export const chromiumAvailable = existsSync(CHROMIUM);

/**
 * Launches headless Chromium. The background-networking flags matter: without them Chromium's own connections are
 * refused by this machine's closed network (env notes, "Known to work").
 */
export async function launchChromium(): Promise<Browser> {
  const { chromium } = await import('playwright-core');
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/** Records every dialog (dismissed), request and console or page error of a page. */
export function watch(page: Page): { dialogs: string[]; requests: string[]; problems: string[] } {
  const seen = { dialogs: [] as string[], requests: [] as string[], problems: [] as string[] };
  page.on('dialog', (d) => {
    seen.dialogs.push(d.message());
    void d.dismiss();
  });
  page.on('request', (r) => seen.requests.push(r.url()));
  page.on('console', (m) => {
    if (m.type() === 'error') seen.problems.push(m.text());
  });
  page.on('pageerror', (e) => seen.problems.push(e.message));
  return seen;
}
