/** Monthly cost of each cluster as a bar stacked by role (control plane, etcd, workers, load balancer). */
import type { TopLevelSpec } from 'vega-lite';
import type { Summary } from '../../experiment/Summary.js';
import { ROLES } from '../../scenario/Scenario.js';
import { formatMoney } from '../format.js';
import { CHART_WIDTH, CONFIG } from './theme.js';

/** A summary to draw, with the label of its configuration when several are compared. */
export interface LabelledSummary {
  readonly label: string;
  readonly summary: Summary;
}

export const ROLE_LABELS: Readonly<Record<string, string>> = {
  controlPlane: 'control plane',
  etcd: 'etcd (external)',
  worker: 'workers',
  loadBalancer: 'load balancer',
};

export interface CostBreakdownOptions {
  readonly title?: string;
  readonly width?: number;
}

/**
 * One horizontal bar per cluster (per configuration and cluster when there are several entries),
 * stacked by role, with the total at the end of the bar. Costs are in the first entry's currency;
 * entries priced in another currency are left out rather than added up wrongly.
 */
export function costBreakdownSpec(entries: readonly LabelledSummary[], options: CostBreakdownOptions = {}): TopLevelSpec {
  const currency = entries[0]?.summary.cost.currency ?? 'USD';
  const several = entries.length > 1;
  const values = entries
    .filter((e) => e.summary.cost.currency === currency)
    .flatMap((e) =>
      Object.entries(e.summary.clusters).flatMap(([cluster, c]) =>
        Object.entries(c.cost.byRole).map(([role, cost]) => ({
          bar: several ? `${e.label} · ${cluster}` : cluster,
          role: ROLE_LABELS[role] ?? role,
          order: roleOrder(role),
          cost,
          costText: formatMoney(cost, currency),
          total: c.cost.perMonth,
          totalText: formatMoney(c.cost.perMonth, currency),
        })),
      ),
    );
  const bars = [...new Set(values.map((v) => v.bar))];
  const totals = bars.map((bar) => {
    const v = values.find((d) => d.bar === bar)!;
    return { bar, total: v.total, totalText: v.totalText };
  });
  const roles = [...ROLES.map((r) => ROLE_LABELS[r]!), ...new Set(values.map((v) => v.role).filter((r) => !Object.values(ROLE_LABELS).includes(r)))];
  const y = { field: 'bar', type: 'nominal', sort: bars, axis: { title: null, labelLimit: 260 } } as const;
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: { text: options.title ?? 'Monthly cost by role', subtitle: `Host prices per hour × 730 hours, in ${currency}` },
    config: CONFIG,
    width: options.width ?? CHART_WIDTH - 60,
    height: { step: 28 },
    layer: [
      {
        data: { values },
        mark: { type: 'bar', height: 18 },
        encoding: {
          y,
          x: { field: 'cost', type: 'quantitative', stack: 'zero', title: `Cost per month (${currency})`, axis: { format: ',.0f', tickCount: 8 } },
          color: { field: 'role', type: 'nominal', legend: { title: 'Role', orient: 'bottom', direction: 'horizontal' }, scale: { domain: roles, range: ['#4e79a7', '#b07aa1', '#59a14f', '#f28e2b', '#bab0ac'] } },
          order: { field: 'order' },
          tooltip: [
            { field: 'bar', title: 'Cluster' },
            { field: 'role', title: 'Role' },
            { field: 'costText', title: 'Per month' },
            { field: 'totalText', title: 'Cluster total' },
          ],
        },
      },
      {
        data: { values: totals },
        mark: { type: 'text', align: 'left', dx: 6, fontSize: 11, color: '#3c4043' },
        encoding: { y, x: { field: 'total', type: 'quantitative' }, text: { field: 'totalText' } },
      },
    ],
  };
}

function roleOrder(role: string): number {
  const i = (ROLES as readonly string[]).indexOf(role);
  return i === -1 ? ROLES.length : i;
}
