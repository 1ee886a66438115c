import { describe, expect, it } from 'vitest';
import { baselineOf, comparePoints, perAddedNine } from '../../src/report/comparePoints.js';
import { compareTable } from '../../src/report/compareTable.js';
import { renderCompareMarkdown } from '../../src/report/renderMarkdown.js';
import { compareCharts } from '../../src/report/reportCharts.js';
import type { CompareEntry, CompareInput } from '../../src/report/ReportInput.js';
import { compareEntries } from './fixtures.js';

const [single, stacked3] = compareEntries as [CompareEntry, CompareEntry];

/** One scenario holding two independent clusters: "3 stacked" as `big` and the single server as `small`. */
const twoClusters: CompareEntry = (() => {
  const big = { ...stacked3.scenario.clusters[0]!, name: 'big' };
  const small = { ...single.scenario.clusters[0]!, name: 'small' };
  const bigSummary = Object.values(stacked3.summary.clusters)[0]!;
  const smallSummary = Object.values(single.summary.clusters)[0]!;
  const perMonth = bigSummary.cost.perMonth + smallSummary.cost.perMonth;
  return {
    label: 'both',
    scenario: { ...stacked3.scenario, name: 'both', clusters: [big, small] },
    summary: { ...stacked3.summary, clusters: { big: bigSummary, small: smallSummary }, cost: { currency: 'USD', perMonth } },
  };
})();

const input: CompareInput = { kind: 'compare', title: 'one cluster against two', entries: [single, twoClusters] };

describe('comparePoints', () => {
  it('should give a scenario with several clusters a row per cluster, each with that cluster\'s availability, hosts and cost', () => {
    const points = comparePoints(input);
    expect(points.map((p) => [p.label, `${p.h?.where}/${p.h?.signal}`, p.cost, p.hosts])).toEqual([
      ['single-server', 'prod/apiWrite', 138.7, 1],
      // The first cluster's apiWrite beside the first cluster's cost, not beside both clusters'.
      ['both · big', 'big/apiWrite', stacked3.summary.cost.perMonth, 3 + 120 + 1],
      ['both · small', 'small/apiWrite', 138.7, 1],
    ]);
    // The rows of one scenario add up to its cost: nothing is counted twice or left out.
    expect(points[1]!.cost + points[2]!.cost).toBeCloseTo(twoClusters.summary.cost.perMonth, 2);
  });

  it('should price each added nine from the cheapest row, like with like', () => {
    const points = comparePoints(input);
    const base = baselineOf('compare', points)!;
    expect(base.label).toBe('single-server');
    // big: 99.991% (4.05 nines) over 99.75% (2.60 nines) for its own cost, not both clusters'.
    const big = perAddedNine('compare', base, points[1]!) as number;
    const nines = (a: number) => -Math.log10(1 - a);
    expect(big).toBeCloseTo((points[1]!.cost - 138.7) / (nines(0.99991) - nines(0.9975)), 6);
    // Equal availability at equal cost: no price.
    expect(perAddedNine('compare', base, points[2]!)).toBeNull();
  });

  it('should show the same rows in the table, the Markdown and the chart', () => {
    const t = compareTable(input);
    expect(t.rows.map((r) => [r.cells[0], r.cells[2], r.cells[3], r.cells[4]])).toEqual([
      ['single-server', '1', '$138.70', 'prod/apiWrite'],
      ['both · big', '124', '$33,722.35', 'big/apiWrite'],
      ['both · small', '1', '$138.70', 'small/apiWrite'],
    ]);
    expect(renderCompareMarkdown(input)).toContain('| both · big | multi-master | 124 | $33,722.35 | big/apiWrite |');
    const chart = JSON.stringify(compareCharts(input).find((c) => c.id === 'cost-vs-availability')!.spec);
    expect(chart).toContain('both · small');
    expect(chart).toContain('33722.35');
  });

  it('should keep one row per configuration, priced in full, in a sweep', () => {
    expect(comparePoints({ ...input, kind: 'sweep' }).map((p) => [p.label, p.cost])).toEqual([
      ['single-server', 138.7],
      ['both', twoClusters.summary.cost.perMonth],
    ]);
  });
});
