import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeReportDir } from '../../src/cli/writeReport.js';
import { renderCompareFiles, renderReportFiles } from '../../src/report/reportFiles.js';
import { compareInput, rows, scenario, summary, trace } from './fixtures.js';

/** The one DOM global used inside the page (the tests compile without the DOM library). */
declare const document: { querySelectorAll(selector: string): Iterable<{ getAttribute(name: string): string | null }> };

const CHROMIUM = '/usr/bin/chromium';
const hasChromium = existsSync(CHROMIUM);
const title = hasChromium ? 'report pages in a browser' : `report pages in a browser (skipped: ${CHROMIUM} is absent; CI installs it)`;

/** Opens a page from file:// with the network blocked, waits for every chart, and reports what it saw. */
async function open(browser: Browser, file: string, screenshot: string) {
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
  await page.screenshot({ path: screenshot, fullPage: true });
  await page.close();
  return { errors, requests, charts };
}

describe.skipIf(!hasChromium)(title, () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    });
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('should draw every chart of the report offline, with no console error', async () => {
    await writeReportDir('test-output/report', await renderReportFiles({ scenario, summary, rows, trace, traceReplication: 0 }));
    const { errors, requests, charts } = await open(browser, 'test-output/report/index.html', 'test-output/report.png');
    expect(errors).toEqual([]);
    expect(requests).toEqual([]);
    expect(charts.map((c) => c.id)).toEqual(['availability', 'outages', 'timeline', 'cost']);
    for (const c of charts) {
      expect(c.rendered, c.id).toBe('true');
      expect(c.svgs, c.id).toBe(1);
    }
    const by = Object.fromEntries(charts.map((c) => [c.id, c.marks]));
    expect(by['availability']!.symbol).toBe(10); // a dot per signal of prod and staging
    expect(by['outages']!.symbol).toBe(20); // mean and p99 per signal
    expect(by['timeline']!.rect).toBe(8 + 6 + 30 + 1 + 2); // down spans, leaders, signals, thin ticks
    expect(by['timeline']!.rule).toBe(9); // 3 faults in 3 strips
    expect(by['cost']!.rect).toBe(4);
  });

  it('should draw the compare page offline, with no console error', async () => {
    await writeReportDir('test-output/compare', await renderCompareFiles(compareInput));
    const { errors, requests, charts } = await open(browser, 'test-output/compare/index.html', 'test-output/compare.png');
    expect(errors).toEqual([]);
    expect(requests).toEqual([]);
    expect(charts.map((c) => [c.id, c.rendered, c.svgs])).toEqual([
      ['cost-vs-availability', 'true', 1],
      ['availability', 'true', 1],
      ['cost', 'true', 1],
    ]);
    expect(charts[0]!.marks.symbol).toBe(compareInput.entries.length);
    expect(charts[1]!.marks.symbol).toBe(compareInput.entries.length * 5);
  });
});
