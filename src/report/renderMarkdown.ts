/** The report's tables as GitHub-flavoured Markdown, for a pull request or a wiki page. */
import type { Summary } from '../experiment/Summary.js';
import { ROLES } from '../scenario/Scenario.js';
import { ROLE_LABELS } from './charts/costBreakdownSpec.js';
import { CAUSE_RULE, formatShare, signalCauses } from './causeTable.js';
import { baselineOf, comparePoints } from './comparePoints.js';
import { compareTable, signalsSideBySide } from './compareTable.js';
import { describeScenario } from './describeScenario.js';
import { escapeMarkdown } from './escape.js';
import { faultCostMarkdown } from './faultCostSections.js';
import { formatMoney, formatSeconds } from './format.js';
import { precisionLine } from './precisionLine.js';
import type { CompareInput, ReportInput } from './ReportInput.js';
import { signalTables } from './signalTable.js';

/** A table; every cell is escaped. `align` marks right-aligned columns by index. */
export function markdownTable(head: readonly string[], rows: readonly (readonly string[])[], right: (i: number) => boolean = (i) => i > 0): string {
  const line = (cells: readonly string[]): string => `| ${cells.map(escapeMarkdown).join(' | ')} |`;
  const rule = `|${head.map((_, i) => (right(i) ? ' ---: ' : ' --- ')).join('|')}|`;
  return [line(head), rule, ...rows.map(line)].join('\n');
}

export function renderMarkdown(input: ReportInput): string {
  const { scenario, summary } = input;
  const g = describeScenario(scenario);
  const parts = [
    `# ${escapeMarkdown(scenario.name)}`,
    ...(scenario.description ? [escapeMarkdown(scenario.description)] : []),
    g.facts.map(([k, v]) => `**${escapeMarkdown(k)}:** ${escapeMarkdown(v)}`).join(' · '),
    '## Clusters',
    markdownTable(
      ['Cluster', 'Model', 'Datacenters', 'Control plane', 'etcd', 'Workers', 'Load balancer', 'Workloads'],
      g.clusters.map((c) => [c.name, c.model, c.datacenters, c.controlPlane, c.etcd, c.workers, c.loadBalancer, c.workloads]),
      () => false,
    ),
    ...(g.faults.length > 0 ? ['## Scripted faults', g.faults.map(([at, what]) => `- ${escapeMarkdown(at)}: ${escapeMarkdown(what)}`).join('\n')] : []),
    '## Availability',
    ...(summary.precision ? [escapeMarkdown(precisionLine(summary.precision))] : []),
    signalsMarkdown(summary),
    ...faultCostMarkdown(summary),
    ...causesMarkdown(summary),
    '## Cost per month',
    costMarkdown(summary),
    `<sub>kubesim ${escapeMarkdown(summary.kubesim)} · seed ${summary.seed} · ${summary.replications} replications of ${escapeMarkdown(formatSeconds(summary.horizonSeconds))}</sub>`,
  ];
  return `${parts.join('\n\n')}\n`;
}

function signalsMarkdown(summary: Summary): string {
  return signalTables(summary)
    .map((t) => {
      const heading = `### ${escapeMarkdown(t.cluster)}${t.model ? ` (${escapeMarkdown(t.model)})` : ''}`;
      const notes = t.notes.map(([k, v]) => `${escapeMarkdown(k)}: ${escapeMarkdown(v)}`).join(' · ');
      const table = markdownTable(t.head, t.rows.map((r) => r.cells), (i) => i > 0 && t.head[i] !== 'Trust');
      return [heading, table, ...flagsMarkdown(t.flags, t.legend), ...(notes ? [notes] : [])].join('\n\n');
    })
    .join('\n\n');
}

/** Every signal that was down, each cause that produced any of its downtime; nothing when none was down. */
function causesMarkdown(summary: Summary): string[] {
  const signals = signalCauses(summary);
  if (signals.length === 0) return [];
  const rows = signals.flatMap((s) =>
    s.causes.map((c, i) => [i === 0 ? `${s.cluster}/${s.signal}` : '', i === 0 ? formatSeconds(s.secondsPerYear) : '', c.cause, formatSeconds(c.secondsPerYear), formatShare(c.share)]),
  );
  return ['## Downtime by cause', markdownTable(['Signal', 'Downtime per year', 'Cause', 'Per year', 'Share'], rows, (i) => i === 1 || i > 2), escapeMarkdown(CAUSE_RULE)];
}

function costMarkdown(summary: Summary): string {
  const currency = summary.cost.currency;
  const money = (x: number | undefined): string => (x === undefined ? '—' : formatMoney(x, currency));
  const withDowntime = summary.cost.downtimePerMonth !== undefined;
  const rows = Object.entries(summary.clusters).map(([name, c]) => [
    name,
    ...ROLES.map((r) => money(c.cost.byRole[r])),
    money(c.cost.perMonth),
    ...(withDowntime ? [money(c.cost.downtimePerMonth)] : []),
  ]);
  rows.push(['Total', ...ROLES.map(() => ''), money(summary.cost.perMonth), ...(withDowntime ? [money(summary.cost.downtimePerMonth)] : [])]);
  return markdownTable(['Cluster', ...ROLES.map((r) => ROLE_LABELS[r] ?? r), 'Hosts', ...(withDowntime ? ['apiWrite downtime'] : [])], rows);
}

/** The compare or sweep page's tables: configurations, properties, every signal side by side. */
export function renderCompareMarkdown(input: CompareInput): string {
  const configs = compareTable(input);
  const base = baselineOf(input.kind, comparePoints(input));
  const side = signalsSideBySide(input);
  const parts = [
    `# ${escapeMarkdown(input.title)}`,
    ...(input.description ? [escapeMarkdown(input.description)] : []),
    '## Configurations',
    markdownTable(configs.head, configs.rows.map((r) => r.cells), (i) => i > 1 && configs.head[i] !== 'Trust' && configs.head[i] !== 'Signal'),
    ...flagsMarkdown(configs.flags, configs.legend),
    ...(base
      ? [
          `${configs.rows.length > input.entries.length ? 'A scenario with several clusters has a row per cluster (the global service counts the clusters that serve it together), with the hosts and cost of that cluster alone. ' : ''}Cost per added nine: the extra monthly cost for each nine of ${input.kind === 'compare' && !input.headline ? 'the row\'s signal' : escapeMarkdown(input.headline?.signal ?? 'apiWrite')} gained over ${escapeMarkdown(base.label)}${input.kind === 'compare' ? ' (the cheapest row)' : ''}. Pareto front: no other row is both cheaper and more available.`,
        ]
      : []),
    ...(input.properties
      ? [
          `## ${escapeMarkdown(input.properties.title ?? 'Properties')}`,
          markdownTable(
            ['', ...input.properties.columns],
            input.properties.rows.map((r) => [r.label, ...input.properties!.columns.map((c) => { const v = r.values[c]; return v === undefined ? '—' : typeof v === 'boolean' ? (v ? 'yes' : 'no') : v; })]),
            () => false,
          ),
        ]
      : []),
    '## Every signal side by side',
    markdownTable(side.head, side.rows.map((r) => [r.label, ...r.cells.map((c) => c.text)])),
    ...flagsMarkdown(side.flags, side.legend),
  ];
  return `${parts.join('\n\n')}\n`;
}

/** Each flagged signal with its reason (⚠), then the legend of the marks used; nothing when there are none. */
export function flagsMarkdown(flags: readonly string[], legend: readonly string[]): string[] {
  const lines = [...flags.map((f) => `- ⚠ ${escapeMarkdown(f)}`), ...legend.map((l) => `- ${escapeMarkdown(l)}`)];
  return lines.length === 0 ? [] : [lines.join('\n')];
}
