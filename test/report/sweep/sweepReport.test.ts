import { describe, expect, it } from 'vitest';
import { buildSweepPoints } from '../../../src/cli/sweep/sweepPoints.js';
import { runDigests } from '../../../src/experiment/runDigests.js';
import { summarizeSweep, type Objectives, type SweepSummary } from '../../../src/experiment/sweep/index.js';
import type { Scenario } from '../../../src/scenario/Scenario.js';
import { clusterCost } from '../../../src/report/cost.js';
import { renderSvg } from '../../../src/report/renderSvg.js';
import { recommendationLines, renderSweepCsv, renderSweepHtml, renderSweepMarkdown, renderSweepTerminal, sweepCharts, sweepTable } from '../../../src/report/sweep/index.js';

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

  it('should explain the objective columns of the headroom only where they are shown (with --max-write-p99)', () => {
    // Arrange: the same grid with only an availability objective.
    const bare = sweep({ availability: [{ signal: 'apiWrite', targetPercent: 99.9 }], maxWriteP99Ms: null });
    // Act
    const outputs = [renderSweepTerminal(bare.summary, { color: false }), renderSweepMarkdown(bare.summary), renderSweepHtml(bare, sweepCharts(bare.summary))];
    // Assert: the headroom table is there, its note says nothing of a column that is not.
    for (const text of outputs) {
      expect(text).toContain('Headroom: how many workers each etcd design carries');
      expect(text).not.toContain('--max-write-p99');
      expect(text).not.toMatch(/objective columns?/);
    }
    expect(JSON.stringify(sweepCharts(bare.summary).find((c) => c.id === 'headroom')!.spec)).not.toContain('reaches the objective');
    // With the objective, the columns and their note.
    const withObjective = renderSweepTerminal(summary, { color: false });
    expect(withObjective).toMatch(/Write p99 reaches 60 ms at workers/);
    expect(withObjective).toContain('the objective columns are where the write p99 reaches --max-write-p99');
  });

  it('should draw every chart cleanly (vega-lite warnings fail), saturated points included', async () => {
    for (const s of [summary, saturated(summary)]) {
      const charts = sweepCharts(s);
      expect(charts.map((c) => c.id)).toEqual(['availability-by-size', 'quorum-by-size', 'write-latency', 'cost-by-size', 'cost-vs-availability-1', 'cost-vs-availability-2', 'headroom']);
      for (const c of charts) expect(await renderSvg(c.spec)).toMatch(/^<svg/);
    }
  });

  it('should label a saturated point in the table, the CSV and the latency chart', () => {
    const s = saturated(summary);
    // After the tolerance: availability, trust tag, CI, method, nines, then the saturated latency.
    expect(renderSweepTerminal(s, { color: false })).toMatch(/5\s+5000\s+2 failures\s+.+\s+MC\s+(?:≥ )?\S+\s+saturated\s+120%/);
    expect(renderSweepCsv(s).trim().split('\n').pop()).toMatch(/^5,5000,prod,5,2,[\d.]+,[\d.]+,1\.2,,,true,/);
    expect(JSON.stringify(sweepCharts(s)[2]!.spec)).toContain('"off":"saturated"');
  });

  it('should recommend per worker count and say so in every format', () => {
    expect(summary.given).toEqual(['workers.nodes']);
    const lines = recommendationLines(summary);
    expect(lines[0]).toMatch(/^(Recommendation at every workers\.nodes \(100, 5000\)|Recommendation at workers\.nodes=100): /);
    expect(renderSweepMarkdown(summary)).toContain('## Assumptions of the etcd load and latency model');
    const html = renderSweepHtml({ summary, scenarios }, sweepCharts(summary));
    expect(html).toContain('id="recommendation"');
    expect(html).toContain('Leader capacity: 44,341 writes/s for 3 members');
  });

  it('should add the write p50, and the downtime and outages per year, with -o wide', () => {
    // Act
    const narrow = sweepTable(summary);
    const wide = sweepTable(summary, { wide: true });
    // Assert: three more columns, in their places; the other cells unchanged.
    expect(wide.head.filter((h) => !narrow.head.includes(h))).toEqual(['Write p50', 'Downtime / yr', 'Outages / yr']);
    expect(wide.head.indexOf('Write p50')).toBe(wide.head.indexOf('Write p99') - 1);
    expect(wide.head.slice(-4)).toEqual(['Downtime / yr', 'Outages / yr', 'Cost / month', 'Objectives']);
    wide.rows.forEach((r, i) => {
      const kept = r.cells.filter((_, k) => narrow.head.includes(wide.head[k]!));
      expect(kept).toEqual(narrow.rows[i]!.cells);
      expect(r.cells[wide.head.indexOf('Write p50')]).toMatch(/ ms$|^saturated$/);
    });
  });

  it('should show every grid point with its method, CI and verdict, in the table and the CSV', () => {
    // 2 replications of 2 days: a handful of outages per point, each flagged.
    const { head, rows, flags } = sweepTable(summary);
    expect(head.slice(2, 9)).toEqual(['Tolerates', 'apiWrite', 'Trust', '95% CI', 'Method', 'Nines', 'Write p99']);
    for (const r of rows) {
      expect(r.cells[5]).toMatch(/^(\d[\d.]*–[\d.]+%|95% bound, .*|no CI .*|no outage observed)$/);
      expect(r.cells[6]).toBe('MC');
    }
    // Every flagged point is named under the grid (points with the same reason share a line).
    rows.forEach((r, i) => {
      if (r.cells[4] !== '') expect(flags.join('\n')).toContain(summary.points[i]!.label);
    });
    const csv = renderSweepCsv(summary).trim().split('\n');
    const header = csv[0]!.split(',');
    for (const c of ['method', 'trust', 'ci95Low', 'ci95High', 'bound', 'exact']) expect(header).toContain(`apiWrite.${c}`);
    const at = (name: string) => header.indexOf(name);
    for (const line of csv.slice(1)) {
      const f = line.split(',');
      expect(f[at('apiWrite.method')]).toBe('naive');
      expect(['ok', 'few-outages', 'no-outages', 'dominated', 'single-replication']).toContain(f[at('apiWrite.trust')]);
    }
  });

  it('should say when the recommended design, or a cheaper one it turned down, rests on an untrusted point', () => {
    // Every point of this tiny sweep saw fewer than 10 outages (two replications of two days).
    const text = recommendationLines(summary).join('\n');
    expect(text).toMatch(/^Recommendation at every workers\.nodes \(100, 5000\): etcd\.members=3: the cheapest configuration that meets apiWrite >= 99% and write p99 <= 60 ms\. Its figures rest on thin evidence \(few outages: rough\)/m);
    expect(text).toMatch(/^Caution at every workers\.nodes \(100, 5000\): the cheaper etcd\.members=1 was rejected on thin evidence: it misses apiWrite >= 99% with prod apiWrite [\d.]+% \(95% CI [\d.–]+%; rests on \d outages?: rough\)\./m);
  });

  it('should not caution when every point is trusted', () => {
    const trusted: SweepSummary = {
      ...summary,
      points: summary.points.map((p) => ({
        ...p,
        summary: { ...p.summary, clusters: Object.fromEntries(Object.entries(p.summary.clusters).map(([n, c]) => [n, { ...c, signals: Object.fromEntries(Object.entries(c.signals).map(([k, v]) => [k, { ...v, trust: { level: 'ok', outages: 50, reason: '50 outages observed' } }])) }])) },
      })),
    };
    const text = recommendationLines(trusted).join('\n');
    expect(text).not.toMatch(/Caution|rests on/);
  });

  it('should leave off the front a dearer configuration that the significance test cannot tell from a cheaper one, as the chart does', () => {
    const base = sweep({ availability: [], maxWriteP99Ms: null }).summary;
    // Every point as available as every other within its interval, the dearer a hair better on the mean.
    const close: SweepSummary = {
      ...base,
      points: base.points.map((p, i) => ({
        ...p,
        summary: {
          ...p.summary,
          clusters: Object.fromEntries(
            Object.entries(p.summary.clusters).map(([n, c]) => [
              n,
              { ...c, signals: Object.fromEntries(Object.entries(c.signals).map(([k, v]) => [k, { ...v, bound: null, exact: null, availability: { mean: 0.9999 + i * 1e-7, ci95: [0.9998, 0.99999] as [number, number] } }])) },
            ]),
          ),
        },
      })),
    };
    for (const line of recommendationLines(close).slice(1)) expect(line.match(/\(\$/g), line).toHaveLength(1);
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
