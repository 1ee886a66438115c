import { describe, expect, it } from 'vitest';
import { buildSweepPoints } from '../../../src/cli/sweep/sweepPoints.js';
import { runDigests } from '../../../src/experiment/runDigests.js';
import { summarizeSweep, type Objectives, type SweepSummary } from '../../../src/experiment/sweep/index.js';
import type { Scenario } from '../../../src/scenario/Scenario.js';
import { clusterCost } from '../../../src/report/cost.js';
import { renderSvg } from '../../../src/report/renderSvg.js';
import { recommendationLines, renderSweepCsv, renderSweepHtml, renderSweepMarkdown, renderSweepTerminal, sweepCharts } from '../../../src/report/sweep/index.js';

const TEXT = `apiVersion: kubesim/v1
kind: Scenario
metadata: { name: tiny }
spec:
  horizon: 2d
  replications: 2
  seed: 3
  datacenters: [{ name: a }, { name: b }, { name: c }]
  failures: { etcd: { mttf: 1d, mttr: 2h } }
  clusters:
    - { name: prod, model: multi-master, etcd: { members: 3, topology: external }, workers: { nodes: 10 } }
`;

function sweep(objectives: Objectives = { availability: [{ signal: 'apiWrite', targetPercent: 99 }], maxWriteP99Ms: 60 }): { summary: SweepSummary; scenarios: Scenario[] } {
  const parameters = [
    { path: 'etcd.members', values: [1, 3, 5] },
    { path: 'workers.nodes', values: [100, 5000] },
  ];
  const { name, points } = buildSweepPoints({ file: 'tiny.yaml', text: TEXT }, parameters, {});
  const digests = points.map((p) => runDigests(p.scenario, [0, 1]).digests);
  return { summary: summarizeSweep({ scenario: name, parameters, objectives, points }, digests, clusterCost), scenarios: points.map((p) => p.scenario) };
}

/** The same summary with the last point's etcd saturated, to draw what the default assumptions never reach. */
function saturated(s: SweepSummary): SweepSummary {
  const last = s.points[s.points.length - 1]!;
  const prod = last.etcd['prod']!;
  return { ...s, points: [...s.points.slice(0, -1), { ...last, etcd: { prod: { ...prod, utilisation: 1.2, write: { kind: 'saturated', excessWritesPerSecond: 100 } } } }] };
}

describe('the sweep report', () => {
  const { summary, scenarios } = sweep();

  it('should draw every chart cleanly (vega-lite warnings fail), saturated points included', async () => {
    for (const s of [summary, saturated(summary)]) {
      const charts = sweepCharts(s);
      expect(charts.map((c) => c.id)).toEqual(['availability-by-size', 'quorum-by-size', 'write-latency', 'cost-by-size', 'cost-vs-availability-1', 'cost-vs-availability-2']);
      for (const c of charts) expect(await renderSvg(c.spec)).toMatch(/^<svg/);
    }
  });

  it('should label a saturated point in the table, the CSV and the latency chart', () => {
    const s = saturated(summary);
    expect(renderSweepTerminal(s, { color: false })).toMatch(/5\s+5000\s+2 failures\s+\S+\s+\S+\s+saturated\s+120%/);
    expect(renderSweepCsv(s).trim().split('\n').pop()).toMatch(/^5,5000,prod,5,2,[\d.]+,[\d.]+,1\.2,,,true,/);
    expect(JSON.stringify(sweepCharts(s)[2]!.spec)).toContain('"off":"saturated"');
  });

  it('should recommend per worker count and say so in every format', () => {
    expect(summary.given).toEqual(['workers.nodes']);
    const lines = recommendationLines(summary);
    expect(lines[0]).toBe('At workers.nodes=100:');
    expect(renderSweepMarkdown(summary)).toContain('## Assumptions of the etcd load and latency model');
    const html = renderSweepHtml({ summary, scenarios }, sweepCharts(summary));
    expect(html).toContain('id="recommendation"');
    expect(html).toContain('Leader capacity: 44,341 writes/s for 3 members');
  });

  it('should list the Pareto front per worker count when no objectives are given', () => {
    const lines = recommendationLines(sweep({ availability: [], maxWriteP99Ms: null }).summary);
    expect(lines[0]).toMatch(/^No objectives given/);
    expect(lines.slice(1).map((l) => l.slice(0, 60))).toEqual([
      'Pareto front of cost against apiWrite at workers.nodes=100: ',
      'Pareto front of cost against apiWrite at workers.nodes=5000:',
    ]);
  });
});
