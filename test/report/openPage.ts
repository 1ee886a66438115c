/** Opens a report page in Debian's chromium from file:// with the network blocked, and says what it drew (shared by the report browser tests). */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe } from 'vitest';

export const CHROMIUM = '/usr/bin/chromium';

/** Debian's chromium, headless, with nothing that reaches the network on its own. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

/**
 * A suite of browser tests sharing one Chromium, launched before them and closed after; skipped,
 * and saying why in its title, where Chromium is not installed. `browser()` gives the running one.
 */
export function describeInChromium(what: string, tests: (browser: () => Browser) => void): void {
  const present = existsSync(CHROMIUM);
  describe.skipIf(!present)(present ? what : `${what} (skipped: ${CHROMIUM} is absent; CI installs it)`, () => {
    let running: Browser | undefined;
    beforeAll(async () => {
      running = await launchChromium();
    });
    afterAll(async () => {
      await running?.close();
    });
    tests(() => running!);
  });
}

/** The one DOM global used inside the page (the tests compile without the DOM library). */
declare const document: { querySelectorAll(selector: string): Iterable<{ getAttribute(name: string): string | null }> };

/** Opens a page from file:// with the network blocked, waits for every chart, and reports what it saw; `shoot` names the element to photograph (default: the whole page). */
export async function open(browser: Browser, file: string, screenshot: string, shoot?: string) {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const errors: string[] = [];
  const requests: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') errors.push(`${m.type()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  // The page must work offline: anything but the file itself is refused and recorded.
  await page.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith('file:')) return route.continue();
    requests.push(url);
    return route.abort();
  });
  await page.goto(pathToFileURL(resolve(file)).href);
  await page.waitForFunction(() => [...document.querySelectorAll('[data-chart]')].every((el) => el.getAttribute('data-rendered') !== null), undefined, { timeout: 30_000 });
  const charts = await page.$$eval('[data-chart]', (els) =>
    els.map((el) => ({
      id: el.getAttribute('data-chart'),
      rendered: el.getAttribute('data-rendered'),
      svgs: el.querySelectorAll('svg').length,
      // Drawn items of data marks (not axes or legends), by mark type.
      marks: Object.fromEntries(
        ['rect', 'symbol', 'rule', 'text', 'line'].map((t) => [t, el.querySelectorAll(`g.mark-${t}.role-mark > *`).length]),
      ),
    })),
  );
  // Wider than the 1280 px window: the page itself, and any table or chart that scrolls inside its box.
  const overflow = await page.evaluate(() => {
    const d = (globalThis as unknown as { document: { documentElement: { scrollWidth: number }; querySelectorAll(s: string): Iterable<{ closest(s: string): unknown; scrollWidth: number; clientWidth: number; className: string; id: string; parentElement: { id: string; closest(s: string): { id: string } | null } | null }> } }).document;
    const inner = [...d.querySelectorAll('.table-wrap, figure.chart')]
      // Visible ones only: a closed <details> may hold a table one scrolls on purpose.
      .filter((el) => el.closest('details:not([open])') === null && el.scrollWidth > el.clientWidth + 1)
      .map((el) => `${el.className} in #${el.parentElement?.closest('section')?.id ?? '?'}: ${el.scrollWidth} > ${el.clientWidth}`);
    return { page: d.documentElement.scrollWidth, inner };
  });
  if (shoot === undefined) await page.screenshot({ path: screenshot, fullPage: true });
  else await page.locator(shoot).screenshot({ path: screenshot });
  await page.close();
  return { errors, requests, charts, overflow };
}

