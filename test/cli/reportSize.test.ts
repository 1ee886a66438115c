/** The default scenario's report stays small enough to open and to mail: index.html under 1 MB, every chart file under 300 KB (issue 14). */
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './cli.js';
import { kubesimInProcess } from './inProcess.js';

const PAGE_LIMIT = 1_000_000;
const CHART_LIMIT = 300_000;

describe('the size of the default report', () => {
  it('should write index.html under 1 MB and each chart file under 300 KB, zoom panels included', async () => {
    // Arrange / Act: exactly what `npm start` runs (a year, 50 replications, replication 0 traced).
    const out = join(ROOT, 'test-output', 'report-size');
    const r = await kubesimInProcess(['run', 'scenarios/default.yaml', '--out', out]);
    expect(r.code, r.stderr).toBe(0);

    // Assert
    expect(statSync(join(out, 'index.html')).size).toBeLessThan(PAGE_LIMIT);
    const charts = readdirSync(join(out, 'charts'));
    // The four faults of default.yaml each get a zoom panel, beside the year-long timeline.
    expect(charts).toEqual(expect.arrayContaining(['timeline.svg', 'zoom-fault-1.svg', 'zoom-fault-2.svg', 'zoom-fault-3.svg', 'zoom-fault-4.svg']));
    const sizes = Object.fromEntries(charts.map((f) => [f, statSync(join(out, 'charts', f)).size]));
    expect(Object.entries(sizes).filter(([, size]) => size >= CHART_LIMIT)).toEqual([]);
  });
});
