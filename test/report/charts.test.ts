import { compile } from 'vega-lite';
import { describe, expect, it } from 'vitest';
import { availabilityPoints, availabilitySpec } from '../../src/report/charts/availabilitySpec.js';
import { costBreakdownSpec } from '../../src/report/charts/costBreakdownSpec.js';
import { costVsAvailabilitySpec } from '../../src/report/charts/costVsAvailabilitySpec.js';
import { outageSpec } from '../../src/report/charts/outageSpec.js';
import { timelineSpec } from '../../src/report/charts/timelineSpec.js';
import { compareCharts, reportCharts } from '../../src/report/reportCharts.js';
import { compileSpec, renderSvg } from '../../src/report/renderSvg.js';
import { compareInput, flaggedSummary, rows, scenario, signal, summary, trace } from './fixtures.js';
import { allTexts, axisTitles, countItems, svgMarks, titleTexts } from './svg.js';

describe('chart specs', () => {
  it('should compile every chart of both pages with no vega-lite warning', () => {
    // Arrange
    const charts = [...reportCharts({ scenario, summary, rows, trace }), ...compareCharts(compareInput)];
    // Act / Assert: compileSpec throws on any warning; compile itself must produce a vega spec.
    for (const c of charts) expect(() => compileSpec(c.spec), c.id).not.toThrow();
    for (const c of charts) expect(compile(c.spec).spec.marks?.length, c.id).toBeGreaterThan(0);
  });

  it('should draw the timeline: a down bar per interval, leaders, signals and one rule per fault', async () => {
    const svg = await renderSvg(timelineSpec(trace));
    const rects = svgMarks(svg).filter((m) => m.type === 'rect');
    expect(rects.map((m) => m.items)).toEqual([
      // Down spans: prod etcd-1, worker-3, cp-3, etcd-3; dc-c; staging cp-1, etcd-1; the partition.
      8,
      // No tick: no component was down for less than 0.4% of the horizon.
      0,
      // Leaders: prod etcd-1, none (1.2 s), etcd-2; staging etcd-1, none, etcd-1 again.
      6,
      // The 1.2 s without a prod leader also gets a tick, or it would be thinner than a pixel.
      1,
      // Signals: one up bar per lane (10), and each outage adds two (the down span and the up
      // span after it): prod apiWrite twice, apiRead, scheduling, workloads once; staging 5 once.
      10 + 2 * (2 + 1 + 1 + 1) + 2 * 5,
      // Ticks for the 1.2 s apiWrite and 16 s scheduling outages.
      2,
    ]);
    expect(countItems(svg, 'rule')).toBe(3 * 3); // three faults, a rule in each of three strips
    expect(axisTitles(svg)).toContain('Simulated time (hours)');
    expect(titleTexts(svg)).toContain('Timeline of one replication');
    expect(allTexts(svg)).toEqual(expect.arrayContaining(['prod/etcd-1', 'network partition', 'prod etcd leader', 'staging/apiWrite', 'no leader']));
  });

  it('should draw availability as one dot and one CI bar per signal, on a nines axis labelled in percent', async () => {
    const svg = await renderSvg(availabilitySpec(availabilityPoints(summary)));
    expect(countItems(svg, 'symbol')).toBe(10);
    expect(countItems(svg, 'rule')).toBe(10);
    expect(axisTitles(svg)).toContain('Availability (in nines: 3 = 99.9%, 4 = 99.99%)');
    expect(allTexts(svg)).toEqual(expect.arrayContaining(['99.9%', '99.99%', '99.9987%', 'prod', 'staging']));
  });

  it('should draw a bound as a triangle at the bound and give no bar to a point without an interval', async () => {
    const points = availabilityPoints(flaggedSummary);
    const svg = await renderSvg(availabilitySpec(points));
    expect(countItems(svg, 'symbol')).toBe(10);
    // prod etcdQuorum (a bound) and apiRead (one replication) get no bar.
    expect(countItems(svg, 'rule')).toBe(8);
    expect(allTexts(svg)).toEqual(expect.arrayContaining(['≥ 99.99993%, no outages', '99.9930%, 1 replication', '99.975% IS', '99.989%, dominated']));
    expect(allTexts(svg).join(' ')).not.toMatch(/100%|never down/);
  });

  it('should draw outage lengths: box plots, a tick per replication with an outage, mean and p99 markers', async () => {
    const svg = await renderSvg(outageSpec(summary, rows));
    const withOutage = rows.filter((r) => r.outages > 0).length;
    expect(svgMarks(svg).filter((m) => m.type === 'rect').length).toBeGreaterThan(0);
    // Ticks are rects too: sum of rect items covers the box plots' boxes and the ticks.
    expect(countItems(svg, 'rect')).toBeGreaterThanOrEqual(withOutage);
    expect(countItems(svg, 'symbol')).toBe(20); // mean and p99 for 10 signals
    expect(axisTitles(svg)).toContain('Outage length (log scale)');
    expect(allTexts(svg)).toEqual(expect.arrayContaining(['1m', '10m', '1h', '14 of 20 runs']));
  });

  it('should stack cost by role with the total at the end of each bar', async () => {
    const svg = await renderSvg(costBreakdownSpec([{ label: 'x', summary }]));
    expect(countItems(svg, 'rect')).toBe(4); // prod: control plane, workers, lb; staging: control plane
    expect(axisTitles(svg)).toEqual(['Cost per month (USD)']);
    expect(allTexts(svg)).toEqual(expect.arrayContaining(['$33,722.35', '$138.70', 'workers']));
  });

  it('should mark the Pareto front in cost against availability', async () => {
    const points = [
      { label: 'a', cost: 100, availability: 0.999 },
      { label: 'b', cost: 200, availability: 0.9999 },
      { label: 'c', cost: 300, availability: 0.9995 },
    ];
    const spec = costVsAvailabilitySpec(points, { currency: 'EUR', signal: 'apiWrite' });
    const svg = await renderSvg(spec);
    expect(countItems(svg, 'symbol')).toBe(3);
    expect(countItems(svg, 'line')).toBe(1);
    expect(axisTitles(svg)).toEqual(['Cost per month (EUR)', 'Availability of apiWrite (nines)']);
    const layers = (spec as { layer: { data: { values: { label: string; front: string }[] } }[] }).layer;
    const marked = Object.fromEntries(layers[2]!.data.values.map((v) => [v.label, v.front]));
    expect(marked).toEqual({ a: 'on the Pareto front', b: 'on the Pareto front', c: 'beaten on cost and availability' });
    expect(layers[0]!.data.values.map((v) => v.label)).toEqual(['a', 'b']); // the front's line
  });

  it('should not put a dearer point on the Pareto front, nor call a cheaper one beaten, on a gap the significance test calls noise', async () => {
    // The sweep of etcd sizes: 3, 5, 7 and 9 members within 0.00001 of each other, CIs ±0.0001.
    const at = (label: string, cost: number, mean: number, half: number) => ({ label, cost, availability: mean, ci95: [mean - half, mean + half] as const, summary: signal(mean, half, 20, 10, 30) });
    const points = [at('members=1', 28_313, 0.9977, 0.0008), at('members=3', 28_590, 0.99993, 0.0001), at('members=5', 28_868, 0.999928, 0.0001), at('members=7', 29_145, 0.999931, 0.0001), at('members=9', 29_423, 0.999932, 0.0001)];
    const spec = costVsAvailabilitySpec(points, { signal: 'apiWrite' });
    const layers = (spec as { layer: { data: { values: { label: string; front: string }[] } }[] }).layer;
    const marked = Object.fromEntries(layers[2]!.data.values.map((v) => [v.label, v.front]));
    const matched = 'no measurable gain over a cheaper one';
    expect(marked).toEqual({ 'members=1': 'on the Pareto front', 'members=3': 'on the Pareto front', 'members=5': matched, 'members=7': matched, 'members=9': matched });
    expect(layers[0]!.data.values.map((v) => v.label)).toEqual(['members=1', 'members=3']); // the front's line
  });

  it('should show the legend of the cost-availability chart whole and keep its point labels apart at a real font width', async () => {
    const at = (label: string, cost: number, mean: number) => ({ label, cost, availability: mean });
    // Points 7 and 9 as close as in the sweep report, where their labels printed over each other.
    const points = [at('members=1', 28_313, 0.9977), at('members=3', 28_590, 0.99993), at('members=5', 28_868, 0.99992), at('members=7', 29_145, 0.99994), at('members=9', 29_423, 0.99995)];
    const spec = costVsAvailabilitySpec(points, { signal: 'apiWrite' });
    const svg = await renderSvg(spec);
    expect(allTexts(svg)).toEqual(expect.arrayContaining(['on the Pareto front', 'beaten on cost and availability', 'no measurable gain over a cheaper one']));
    expect(allTexts(svg).filter((t) => t.includes('…'))).toEqual([]);
    // Label boxes in pixels at 7.5 px a character (DejaVu Sans at 11 px), from the spec's own scales.
    const s = spec as unknown as { width: number; height: number; layer: { data: { values: { label: string; cost: number; nines: number; align?: string }[] }; encoding: { x: { scale: { domain: [number, number] } }; y: { scale: { domain: [number, number] } } } }[] };
    const [x0, x1] = s.layer[0]!.encoding.x.scale.domain;
    const [y0, y1] = s.layer[0]!.encoding.y.scale.domain;
    const labels = s.layer.at(-1)!.data.values.concat(s.layer.at(-2)!.data.values.filter((v) => !s.layer.at(-1)!.data.values.includes(v)));
    const boxes = [...new Map(labels.map((l) => [l.label, l])).values()].map((l) => {
      const x = ((l.cost - x0) / (x1 - x0)) * s.width;
      const y = (1 - (l.nines - y0) / (y1 - y0)) * s.height;
      const w = l.label.length * 7.5;
      return { label: l.label, left: l.align === 'right' ? x - w : x, right: l.align === 'right' ? x : x + w, top: y - 6, bottom: y + 6 };
    });
    expect(boxes).toHaveLength(5);
    for (const a of boxes) for (const b of boxes) if (a !== b) expect(a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom, `${a.label} over ${b.label}`).toBe(false);
  });

  it('should render an empty trace and a summary without outages without failing', async () => {
    const empty = { horizon: 3600, events: [], components: ['x/cp-1'], signals: ['x/apiWrite'] };
    await expect(renderSvg(timelineSpec(empty))).resolves.toContain('<svg');
    await expect(renderSvg(outageSpec(summary, []))).resolves.toContain('<svg');
  });
});
