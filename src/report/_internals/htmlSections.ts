/** Sections shared by the single and the compare page: the scenario at a glance, signal tables, cost table. */
import type { Summary } from '../../experiment/Summary.js';
import type { Scenario } from '../../scenario/Scenario.js';
import { ROLES } from '../../scenario/Scenario.js';
import { ROLE_LABELS } from '../charts/costBreakdownSpec.js';

/** Roles as people say them, where (unlike in the cost table) etcd means every member. */
const ROLE_NAMES: Readonly<Record<string, string>> = { controlPlane: 'control plane', etcd: 'etcd members', worker: 'workers', loadBalancer: 'load balancer' };
import { describeScenario } from '../describeScenario.js';
import { escapeHtml } from '../escape.js';
import { formatMoney } from '../format.js';
import { OUTSIDE_CI_LEGEND, type Evidence } from '../evidence.js';
import { SIGNAL_COLUMNS, signalTables } from '../signalTable.js';
import { htmlFacts, htmlTable, ninesClass, type Cell } from './htmlTable.js';

export function glanceHtml(scenario: Scenario): string {
  const g = describeScenario(scenario);
  const clusters = htmlTable(
    ['Cluster', 'Model', 'Datacenters', 'Control plane', 'etcd', 'Workers', 'Load balancer', 'Workloads'],
    g.clusters.map((c) => [c.name, c.model, c.datacenters, c.controlPlane, c.etcd, c.workers, c.loadBalancer, c.workloads]),
  );
  const dcs = htmlTable(['Datacenter', 'Whole-datacenter outages'], g.datacenters.map(([n, o]) => [n, o]));
  const failures =
    g.failures.length === 0
      ? '<p class="notes">No role fails at random: only the scripted faults happen.</p>'
      : htmlTable(['Role', 'MTTF', 'MTTR'], g.failures.map(([r, f, t]) => [ROLE_NAMES[r] ?? r, f, t]));
  const faults =
    g.faults.length === 0
      ? '<p class="notes">None.</p>'
      : `<ul class="faults">${g.faults.map(([at, what]) => `<li><span class="at">${escapeHtml(at)}</span> ${escapeHtml(what)}</li>`).join('')}</ul>`;
  return `${htmlFacts(g.facts)}
<h3>Clusters</h3>
${clusters}
<div class="two-col"><div><h3>Datacenters</h3>${dcs}</div><div><h3>Random failures by role</h3>${failures}</div></div>
<h3>Scripted faults</h3>
${faults}`;
}

/** One table per cluster (and one for the global signals), with each flagged signal's reason and the cluster's other figures below. */
export function signalTablesHtml(summary: Summary): string {
  return signalTables(summary)
    .map((t) => {
      const model = t.model ? `<span class="model">${escapeHtml(t.model)}</span>` : '';
      const rows = t.rows.map((r) => r.cells.map((text, i): Cell => evidenceCell(t.head[i]!, text, r.evidence)));
      const head = t.head.map((c, i): Cell => (i === 0 ? c : { text: c, className: headClass(c) }));
      return `<h3>${escapeHtml(t.cluster)}${model}</h3>\n${htmlTable(head, rows, { className: t.head.length > SIGNAL_COLUMNS.length - 2 ? 'signals wide' : 'signals' })}${flagsHtml(t.flags, t.legend)}${notesHtml(t.notes)}`;
    })
    .join('\n');
}

/** A cell of a signal table: figures coloured by nines, the trust tag with its reason on hover, an exact value outside the CI flagged. */
export function evidenceCell(column: string, text: string, e: Evidence): Cell {
  if (column === 'Signal') return text;
  if (column === 'Availability' || column === 'Nines') return { text, className: `num ${ninesClass(e.colourNines)}`, ...(column === 'Availability' && e.tag !== '' ? { title: e.reason } : {}) };
  if (column === 'Trust') return e.tag === '' ? { text, className: 'trust' } : { text, className: 'trust flag', title: e.reason };
  if (column === 'Exact' && e.exactOutside) return { text, className: 'num flag', title: OUTSIDE_CI_LEGEND };
  // A bound's words may wrap; an interval never does.
  if (column === '95% CI' && e.bounded) return { text, className: 'num ci bound' };
  return { text, className: headClass(column) };
}

/** The class of a column's heading and plain cells: right-aligned figures, the CI column marked. */
export function headClass(column: string): string {
  if (column === 'Trust') return 'trust';
  return column === '95% CI' ? 'num ci' : 'num';
}

/** The reasons of the flagged signals and the legend of the marks, under a table. */
export function flagsHtml(flags: readonly string[], legend: readonly string[]): string {
  if (flags.length === 0 && legend.length === 0) return '';
  return `<ul class="flags">${flags.map((f) => `<li><span class="flag-mark" aria-hidden="true">⚠</span> ${escapeHtml(f)}</li>`).join('')}${legend.map((l) => `<li class="legend">${escapeHtml(l)}</li>`).join('')}</ul>`;
}

function notesHtml(notes: readonly (readonly [string, string])[]): string {
  return notes.length > 0 ? `<p class="notes">${notes.map(([k, v]) => `<span>${escapeHtml(k)}: ${escapeHtml(v)}</span>`).join('')}</p>` : '';
}

/** Monthly cost per cluster by role, with the expected cost of apiWrite downtime when priced. */
export function costTableHtml(entries: readonly { readonly label?: string; readonly summary: Summary }[]): string {
  const currency = entries[0]?.summary.cost.currency ?? 'USD';
  const withDowntime = entries.some((e) => e.summary.cost.downtimePerMonth !== undefined);
  const money = (x: number | undefined, className = 'num'): Cell => ({ text: x === undefined ? '—' : formatMoney(x, currency), className });
  const head: Cell[] = [
    entries.length > 1 ? 'Configuration / cluster' : 'Cluster',
    ...ROLES.map((r): Cell => ({ text: ROLE_LABELS[r] ?? r, className: 'num' })),
    { text: 'Hosts per month', className: 'num' },
    ...(withDowntime ? [{ text: 'Downtime per month', className: 'num', title: 'Expected cost of apiWrite downtime' } as Cell] : []),
  ];
  const rows: Cell[][] = [];
  for (const e of entries) {
    for (const [name, c] of Object.entries(e.summary.clusters)) {
      rows.push([
        e.label === undefined ? name : `${e.label} · ${name}`,
        ...ROLES.map((r) => money(c.cost.byRole[r])),
        money(c.cost.perMonth, 'num strong'),
        ...(withDowntime ? [money(c.cost.downtimePerMonth)] : []),
      ]);
    }
  }
  const table = htmlTable(head, rows, { className: 'cost' });
  if (entries.length !== 1) return table;
  const total = entries[0]!.summary.cost;
  const totalRow = `<tr class="total"><th scope="row">Total</th>${ROLES.map(() => '<td></td>').join('')}<td class="num">${escapeHtml(formatMoney(total.perMonth, currency))}</td>${
    withDowntime ? `<td class="num">${escapeHtml(total.downtimePerMonth === undefined ? '—' : formatMoney(total.downtimePerMonth, currency))}</td>` : ''
  }</tr>`;
  return table.replace('\n</tbody>', `\n${totalRow}\n</tbody>`);
}
