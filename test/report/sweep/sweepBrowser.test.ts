/** The sweep page in Debian's chromium at 1280 px: every chart drawn offline, nothing wider than the window; a screenshot for people to look at. */
import { expect, it } from 'vitest';
import { buildSweepPoints } from '../../../src/cli/sweep/sweepPoints.js';
import { writeReportDir } from '../../../src/cli/writeReport.js';
import { runDigests } from '../../../src/experiment/runDigests.js';
import { summarizeSweep } from '../../../src/experiment/sweep/index.js';
import { clusterCost } from '../../../src/report/cost.js';
import { renderSweepFiles } from '../../../src/report/sweep/index.js';
import { describeInChromium, open } from '../openPage.js';


/** The planning question in small: 4 worker counts × 3 sizes × 2 topologies, a short horizon. */
const TEXT = `apiVersion: kubesim/v1
kind: Scenario
metadata: { name: planning, description: "From 100 to 2,000 workers: 3, 5 or 7 members, stacked or external?" }
spec:
  horizon: 3d
  replications: 2
  seed: 7
  datacenters: [{ name: dc-a }, { name: dc-b }, { name: dc-c }]
  failures: { etcd: { mttf: 2d, mttr: 2h }, controlPlane: { mttf: 3d, mttr: 1h } }
  clusters:
    - { name: prod, model: multi-master, controlPlane: { nodes: 7 }, etcd: { members: 3, topology: external }, workers: { nodes: 10 } }
`;

describeInChromium('the sweep page in a browser', (browser) => {

  it('should draw every chart with nothing wider than 1280 px, and save a screenshot', async () => {
    // Arrange: the 24-point grid, two replications of three days each.
    const parameters = [
      { path: 'workers.nodes', values: [100, 500, 1000, 2000] },
      { path: 'etcd.members', values: [3, 5, 7] },
      { path: 'etcd.topology', values: ['stacked', 'external'] },
    ];
    const { name, points } = buildSweepPoints({ file: 'planning.yaml', text: TEXT }, parameters, {});
    const digests = points.map((p) => runDigests(p.scenario, [0, 1]).digests);
    const summary = summarizeSweep({ scenario: name, parameters, objectives: { availability: [{ signal: 'apiWrite', targetPercent: 99 }], maxWriteP99Ms: 100 }, points }, digests, clusterCost);
    await writeReportDir('test-output/sweep', await renderSweepFiles({ summary, scenarios: points.map((p) => p.scenario) }));
    // Act
    const { errors, requests, charts, overflow } = await open(browser(), 'test-output/sweep/index.html', 'test-output/sweep.png');
    // Assert
    expect(errors).toEqual([]);
    expect(requests).toEqual([]);
    for (const c of charts) {
      expect(c.rendered, c.id ?? '').toBe('true');
      expect(c.svgs, c.id ?? '').toBe(1);
    }
    expect(charts.map((c) => c.id)).toContain('headroom');
    expect(overflow.page).toBeLessThanOrEqual(1280);
    expect(overflow.inner).toEqual([]);
  }, 120_000);
});
