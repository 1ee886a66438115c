/** The fit page of the shipped sample in Debian's chromium: every chart drawn offline, no console error. */
import { expect, it } from 'vitest';
import { writeReportDir } from '../../../src/cli/writeReport.js';
import { fitRoles } from '../../../src/fit/fitRoles.js';
import { readCsv } from '../../../src/fit/records/readCsv.js';
import type { RecordsByRole } from '../../../src/fit/records/RoleRecords.js';
import { renderFitHtml } from '../../../src/report/fit/renderFitHtml.js';
import { ROOT } from '../../cli/cli.js';
import { describeInChromium, open } from '../openPage.js';
import { readFileSync } from 'node:fs';

describeInChromium('the fit page in a browser', (browser) => {

  it('should draw the CDF and Q-Q charts of every fitted role offline, with no console error', async () => {
    const byRole: RecordsByRole = new Map();
    const window = { start: Date.UTC(2025, 0, 1) / 1000, end: Date.UTC(2026, 0, 1) / 1000 };
    const source = readCsv(readFileSync(`${ROOT}scenarios/fit/incidents.csv`, 'utf8'), 'scenarios/fit/incidents.csv', new Map(), window, byRole);
    const html = renderFitHtml({ kubesim: '0.1.0', seed: 42, bootstrap: 0, sources: [source], fits: fitRoles(byRole, { seed: 42, bootstrap: 0 }) });
    await writeReportDir('test-output/fit', { 'index.html': html });
    const { errors, requests, charts } = await open(browser(), 'test-output/fit/index.html', 'test-output/fit.png');
    expect(errors).toEqual([]);
    expect(requests).toEqual([]);
    // Three roles fitted, two kinds each, two charts each; the load balancer has too few events.
    expect(charts).toHaveLength(12);
    for (const c of charts) {
      expect(c.rendered, c.id ?? '').toBe('true');
      expect(c.svgs, c.id ?? '').toBe(1);
    }
    const qq = charts.find((c) => c.id === 'qq-etcd-ttf')!;
    expect(qq.marks.symbol).toBe(26); // one point per etcd failure
  });
});
