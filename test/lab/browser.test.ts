/** The quorum lab in a real browser (Debian's chromium), opened from file:// with no network. */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundleLab } from '../../src/cli/labBundle.js';
import { shippedLessons } from '../../src/cli/labLessons.js';
import { labPage } from '../../src/lab/labPage.js';

const CHROMIUM = '/usr/bin/chromium';
const PAGE = 'test-output/lab/index.html';

describe.skipIf(!existsSync(CHROMIUM))(`the quorum lab in chromium (skipped: ${CHROMIUM} is not installed; apt-get install chromium)`, () => {
  let browser: Browser;
  let page: Page;
  const errors: string[] = [];
  const requests: string[] = [];

  beforeAll(async () => {
    mkdirSync('test-output/lab', { recursive: true });
    writeFileSync(PAGE, labPage(await bundleLab(), { lessons: shippedLessons() }));
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    });
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    page.on('pageerror', (e) => errors.push(String(e)));
    page.on('request', (r) => {
      if (!r.url().startsWith('file:') && !r.url().startsWith('data:')) requests.push(r.url());
    });
    await page.goto(pathToFileURL(resolve(PAGE)).href);
    await page.waitForSelector('body[data-ready="true"]');
  });

  afterAll(async () => {
    await browser?.close();
  });

  const status = async (id: string) => {
    const el = page.locator(`#status-${id}`);
    return { ok: await el.getAttribute('data-ok'), text: (await el.innerText()).replace(/\s+/g, ' ') };
  };
  /** Full-page screenshots from the top: the toolbar is sticky and would be drawn where the page was scrolled. */
  const screenshot = async (path: string, height?: number) => {
    await page.evaluate('window.scrollTo(0, 0)');
    await page.screenshot({ path, fullPage: true, ...(height ? { clip: { x: 0, y: 0, width: 1280, height } } : {}) });
  };
  const now = async () => Number(await page.locator('body').getAttribute('data-now'));

  it('should start with three healthy members over three datacenters and show the arithmetic', async () => {
    expect(await page.locator('[data-member]').count()).toBe(3);
    expect(await page.locator('[data-role="leader"]').count()).toBe(1);
    const arithmetic = (await page.locator('#arithmetic').innerText()).replace(/\s+/g, ' ');
    expect(arithmetic).toContain('quorum = ⌊n/2⌋ + 1 = ⌊3/2⌋ + 1 = 2');
    expect(arithmetic).toContain('failures tolerated = n − quorum = 3 − 2 = 1');
    expect(await status('writes')).toMatchObject({ ok: 'true' });
  });

  it('should show quorum lost and writes failing when two of three members are down', async () => {
    await page.click('[data-advance="10"]');
    await page.click('[data-member="2"]');
    expect(await status('quorum')).toMatchObject({ ok: 'true' });
    await page.click('[data-advance="10"]');
    await page.click('[data-member="3"]');
    expect(await page.locator('[data-member="3"]').getAttribute('data-state')).toBe('down');
    expect(await status('quorum')).toEqual({ ok: 'false', text: 'QUORUM LOST 1 of 3 in touch, 2 needed' });
    expect(await status('writes')).toMatchObject({ ok: 'false', text: expect.stringContaining('FAILING') });
    await page.click('[data-advance="10"]');
    // Check-quorum: the leader has stepped down; no election can succeed without a quorum.
    expect(await status('leader')).toEqual({ ok: 'false', text: 'LEADER none no quorum: no election can succeed' });
    expect(await page.locator('#log').innerText()).toContain('QUORUM LOST');
    await screenshot('test-output/lab-quorum-lost.png');
  });

  it('should bring writes back after the election once a member recovers', async () => {
    await page.click('[data-member="2"]');
    expect(await status('quorum')).toMatchObject({ ok: 'true' });
    // Quorum is back at once; the election takes one to two election timeouts.
    expect(await status('writes')).toMatchObject({ ok: 'false', text: expect.stringContaining('waiting for an election') });
    expect(await status('leader')).toMatchObject({ text: 'LEADER none election under way' });
    await page.click('[data-advance="2"]');
    await page.click('[data-advance="2"]');
    expect(await status('writes')).toMatchObject({ ok: 'true', text: expect.stringContaining('working') });
    expect(await status('leader')).toMatchObject({ ok: 'true', text: expect.stringMatching(/^LEADER etcd-[12] term 2$/) });
    expect(await page.locator('#log').innerText()).toContain('API writes work again');
    await screenshot('test-output/lab.png');
  });

  it('should step back to quorum lost and forward again', async () => {
    const t = await now();
    await page.click('#back');
    await page.click('#back');
    await page.click('#back');
    expect(await status('writes')).toMatchObject({ ok: 'false' });
    expect(await page.locator('[data-member="2"]').getAttribute('data-state')).toBe('down');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    expect(await now()).toBe(t);
    expect(await status('writes')).toMatchObject({ ok: 'true' });
  });

  it('should keep the steps across a change of member count, and undo the change with Back', async () => {
    const t = await now();
    await page.click('[data-members="4"]');
    expect(await page.locator('[data-member]').count()).toBe(4);
    expect(await now()).toBe(t);
    // The same steps with four members: etcd-3 is still down, 3 of 4 in touch, a quorum of 3.
    expect(await page.locator('[data-member="3"]').getAttribute('data-state')).toBe('down');
    expect(await status('quorum')).toEqual({ ok: 'true', text: 'QUORUM held 3 of 4 in touch, 3 needed' });
    expect(await page.locator('#history').innerText()).toContain('4 members, 3 datacenters');
    await page.click('#back');
    expect(await page.locator('[data-member]').count()).toBe(3);
    expect(await now()).toBe(t);
    await page.click('#forward');
    expect(await page.locator('[data-member]').count()).toBe(4);
    await page.click('#back');
  });

  it('should elect on the majority side when the network cuts the leader off, and lose quorum with 4 of 5 up', async () => {
    await page.click('#reset');
    await page.click('[data-members="5"]'); // dc-a: etcd-1, etcd-4; dc-b: etcd-2, etcd-5; dc-c: etcd-3
    expect(await page.locator('[data-member]').count()).toBe(5);
    expect((await page.locator('#arithmetic').innerText()).replace(/\s+/g, ' ')).toContain('failures tolerated = n − quorum = 5 − 3 = 2');
    await page.click('[data-advance="10"]');
    await page.click('[data-select-dc="dc-a"]');
    await page.click('#cut');
    expect(await page.locator('[data-member="1"]').getAttribute('data-role')).toBe('stale leader');
    expect(await status('writes')).toMatchObject({ ok: 'false', text: expect.stringContaining('the leader is cut off') });
    await page.click('[data-advance="10"]');
    expect(await status('writes')).toMatchObject({ ok: 'true' });
    expect(await page.locator('[data-role="leader"]').getAttribute('data-member')).toMatch(/^[235]$/);
    // Three members on the majority side; one more crash there and four of five up is not enough.
    const victim = (await page.locator('[data-role="leader"]').getAttribute('data-member')) === '5' ? '2' : '5';
    await page.click(`[data-member="${victim}"]`);
    await page.click('[data-advance="2"]');
    expect(await status('quorum')).toEqual({ ok: 'false', text: 'QUORUM LOST 2 of 5 in touch, 3 needed' });
    expect(await status('writes')).toMatchObject({ ok: 'false' });
    await page.click('[data-zoom="recent"]');
    expect(await page.locator('#log').innerText()).toMatch(/network partition \[dc-a\][^\n]*: 5 of 5 members up, split 3 \| 2/);
    // docs/lab.png is this picture (docs/teaching.md, "In a browser").
    await screenshot('test-output/lab-partition.png', 1320);
    await page.click('#heal');
    await page.click('[data-advance="10"]');
    expect(await status('quorum')).toMatchObject({ ok: 'true', text: 'QUORUM held 4 of 5 in touch, 3 needed' });
    expect(await status('writes')).toMatchObject({ ok: 'true' });
    expect(await page.locator('#history').innerText()).toContain('heal the network');
  });

  it('should reopen exactly the same situation from its link in a fresh page', async () => {
    await page.click('[data-member="1"]');
    await page.click('[data-advance="2"]');
    await page.click('#back'); // the link keeps the undone step too, and the cursor before it
    const url = page.url();
    expect(url).toMatch(/#v=1&c=m3d3p1s1&s=.*@m5d3p1s1.*&at=\d+$/);
    expect(await page.locator('#link').inputValue()).toBe(url);
    const snapshot = async (p: Page) => ({
      now: await p.locator('body').getAttribute('data-now'),
      board: await p.locator('#board').innerHTML(),
      status: await p.locator('#status').innerText(),
      history: await p.locator('#history').innerHTML(),
      log: await p.locator('#log').innerText(),
      yaml: await p.locator('#yaml').textContent(),
    });
    const fresh = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const other = await fresh.newPage();
    other.on('request', (r) => {
      if (!r.url().startsWith('file:') && !r.url().startsWith('data:')) requests.push(r.url());
    });
    await other.goto(url);
    await other.waitForSelector('body[data-ready="true"]');
    expect(await snapshot(other)).toEqual(await snapshot(page));
    // A broken link says so and starts afresh.
    await other.goto(url.replace(/#.*/, '#v=1&s=x12'));
    await other.waitForSelector('body[data-ready="true"]');
    expect(await other.locator('#notice').innerText()).toContain("step 'x12': expected 1 to 9, found 12");
    await fresh.close();
  });

  it('should drive 3, 4 and 5 members side by side with the same steps: losing 2, only 5 keep quorum', async () => {
    await page.goto(`${pathToFileURL(resolve(PAGE)).href}#v=1&c=m3d3p1s1`);
    await page.waitForSelector('body[data-ready="true"]');
    await page.locator('#compare-add button', { hasText: '4 members' }).click();
    await page.locator('#compare-add button', { hasText: '4 members' }).click(); // the preset is one more than this cluster's: 4 again
    await page.selectOption('[data-compare-members="1"]', '5');
    expect(await page.locator('#compare [data-column]').count()).toBe(3);
    await page.click('[data-advance="10"]');
    await page.keyboard.press('2');
    await page.click('[data-advance="10"]');
    await page.keyboard.press('3');
    await page.click('[data-advance="10"]');
    const fact = (col: number, f: string) => page.locator(`[data-column="${col}"] [data-fact="${f}"]`);
    expect(await fact(0, 'quorum').getAttribute('data-ok')).toBe('false');
    expect(await fact(1, 'quorum').getAttribute('data-ok')).toBe('false');
    expect(await fact(2, 'quorum').getAttribute('data-ok')).toBe('true');
    expect(await fact(2, 'writes').getAttribute('data-ok')).toBe('true');
    // Differences from the first column are marked; the 4-member cluster differs in nothing.
    expect(await page.locator('[data-column="1"] .differs').count()).toBe(0);
    expect(await fact(2, 'quorum').getAttribute('class')).toContain('differs');
    expect(await page.locator('[data-column="1"] .arith').innerText()).toContain('n = 4, quorum = ⌊4/2⌋ + 1 = 3, tolerates 1; now 2 in touch: lost');
    expect(await page.locator('[data-column="2"] .arith').innerText()).toContain('now 3 in touch: held');
    expect(await page.locator('[data-column="0"] [data-member-state="down"]').count()).toBe(2);
    expect(page.url()).toContain('&vs=m4d3p1s1;m5d3p1s1');
    await page.locator('#side-by-side').screenshot({ path: 'test-output/lab-side-by-side.png' });
  });

  it('should show pre-vote on and off side by side: without it, a healed member forces an election', async () => {
    // etcd-3 cut off for 30 s, then healed; the same steps with pre-vote off in the second column.
    await page.goto(`${pathToFileURL(resolve(PAGE)).href}#v=1&c=m3d3p1s1&s=w10,c3,w30,h,w10&vs=m3d3p0s1`);
    await page.waitForSelector('[data-column="1"]');
    const fact = (col: number) => page.locator(`[data-column="${col}"] [data-fact="writesDown"]`);
    expect(await fact(0).innerText()).toContain('never');
    expect(await fact(1).innerText()).toMatch(/Writes failed so far\s+2\.81s ≠ differs/);
    expect(await page.locator('[data-column="1"] h3').innerText()).toBe('3 members, 3 datacenters, pre-vote off, seed 1');
  });

  it('should play a lesson through: predict, see the simulated answer and its explanation, get a score', async () => {
    await page.goto(`${pathToFileURL(resolve(PAGE)).href}#v=1&l=02-lose-two-of-three`);
    await page.waitForSelector('#lesson [data-phase="question"]');
    const lesson = page.locator('#lesson');
    expect(await lesson.innerText()).toContain('etcd-2 crashes.');
    expect(await lesson.innerText()).toContain('10s later, will etcd hold its quorum?');
    // Before the answer, the board shows the state just before the step: nothing given away.
    expect(await page.locator('[data-tile="2"]').getAttribute('data-state')).toBe('up');
    await page.keyboard.press('1'); // "Yes: quorum held"
    expect(await lesson.locator('.verdict').innerText()).toContain('✓ Right');
    expect(await lesson.locator('[data-answer]').innerText()).toBe('Yes: quorum held');
    expect(await page.locator('[data-tile="2"]').getAttribute('data-state')).toBe('down');
    await page.keyboard.press('ArrowRight');
    expect(await lesson.innerText()).toContain('etcd-3 crashes too');
    await page.getByRole('button', { name: 'Yes: writes work' }).click();
    expect(await lesson.locator('.verdict').innerText()).toContain('✗ Not quite');
    expect(await lesson.locator('.explain').innerText()).toContain('One of three is not a majority');
    expect(await status('writes')).toMatchObject({ ok: 'false' });
    await screenshot('test-output/lab-lesson.png', 900);
    await page.keyboard.press('Enter');
    expect(await lesson.locator('.question').innerText()).toBe('From now, how long until API writes work (again)?');
    await page.keyboard.press('2'); // "Under 2 seconds (one election)"
    expect(await lesson.locator('.verdict').innerText()).toContain('✓ Right');
    expect(await lesson.locator('.because').innerText()).toContain('writes work again after 959ms');
    await page.click('#next');
    expect(await page.locator('#score').getAttribute('data-right')).toBe('2');
    expect(await page.locator('#score').innerText()).toBe('You predicted 2 of 3 right.');
    expect(page.url()).toContain('&l=02-lose-two-of-three&ls=3&la=0.0.1');
    await screenshot('test-output/lab-lesson-score.png', 900);
  });

  it('should show both clusters of a two-cluster lesson side by side', async () => {
    await page.selectOption('#lesson-pick', '03-even-size-trap');
    await page.waitForSelector('#lesson [data-phase="question"]');
    expect(await page.locator('#compare [data-column]').count()).toBe(2);
    await page.click('#reveal');
    await page.click('#next');
    await page.keyboard.press('4'); // Neither
    expect(await page.locator('#lesson .verdict').innerText()).toContain('✓ Right');
    expect(await page.locator('[data-column="1"] [data-fact="quorum"]').getAttribute('data-ok')).toBe('false');
  });

  /** axe-core's serious and critical violations on the page as it stands, one line each. */
  const axeViolations = async (): Promise<string[]> => {
    if (!(await page.evaluate('typeof axe !== "undefined"'))) await page.addScriptTag({ content: readFileSync('node_modules/axe-core/axe.min.js', 'utf8') });
    const result = (await page.evaluate('axe.run(document, { resultTypes: ["violations"] })')) as {
      violations: { id: string; impact: string | null; help: string; nodes: { target: string[] }[] }[];
    };
    return result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.impact} ${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')})`);
  };

  it('should be operable from the keyboard alone in presenter mode, and have no serious accessibility violation', async () => {
    expect(await axeViolations()).toEqual([]); // a lesson's score page, with two clusters side by side
    await page.goto(`${pathToFileURL(resolve(PAGE)).href}#v=1&c=m5d3p1s1&vs=m3d2p1s1`);
    await page.waitForSelector('[data-column="1"]');
    expect(await axeViolations()).toEqual([]); // free play with a comparison
    await page.keyboard.press('p');
    expect(await page.locator('body').getAttribute('class')).toContain('presenter');
    expect(page.url()).toContain('&p=1');
    await page.keyboard.press('t');
    await page.keyboard.press('1');
    await page.keyboard.press('2');
    await page.keyboard.press('T');
    expect(await status('quorum')).toEqual({ ok: 'true', text: 'QUORUM held 3 of 5 in touch, 3 needed' });
    expect(await page.locator('[data-column="1"] [data-fact="quorum"]').getAttribute('data-ok')).toBe('false');
    await page.keyboard.press('?');
    expect(await page.locator('#help').isVisible()).toBe(true);
    expect(await page.locator('#help').innerText()).toContain('presenter mode on / off');
    expect(await axeViolations()).toEqual([]); // presenter mode, the keys panel open
    await page.keyboard.press('Escape');
    expect(await page.locator('#help').isVisible()).toBe(false);
    await screenshot('test-output/lab-presenter.png', 1100);
    // A lesson from the keyboard: l to the picker, arrows to choose, then numbers and arrows.
    await page.keyboard.press('l');
    await page.keyboard.press('ArrowDown'); // lesson 1
    await page.waitForSelector('#lesson [data-phase="question"]');
    await page.keyboard.press('Escape'); // leave the picker (keys in a list are the list's)
    await page.locator('body').focus();
    expect(await axeViolations()).toEqual([]); // a lesson's question, its choices
    await page.keyboard.press('1');
    expect(await page.locator('#lesson').getAttribute('aria-label')).toBe('Lesson');
    expect(await page.locator('#lesson .verdict').innerText()).toContain('✓ Right');
    await screenshot('test-output/lab-presenter-lesson.png', 1100);
    expect(await axeViolations()).toEqual([]); // presenter mode in a lesson
    await page.keyboard.press('p');
  });

  it('should run with no console error and no network request', () => {
    expect(errors).toEqual([]);
    expect(requests).toEqual([]);
  });
});
