/** The sweep report page: recommendation, the grid, the trade-off charts, etcd's figures and the model's assumptions. */
import type { SweepSummary } from '../../experiment/sweep/index.js';
import type { Scenario } from '../../scenario/Scenario.js';
import { chartFigure, htmlPage } from '../_internals/htmlPage.js';
import { evidenceCell, flagsHtml } from '../_internals/htmlSections.js';
import { htmlTable, type Cell } from '../_internals/htmlTable.js';
import { sideBySideHtml } from '../renderCompareHtml.js';
import { signalsSideBySide } from '../compareTable.js';
import { escapeHtml } from '../escape.js';
import { formatSeconds } from '../format.js';
import type { Chart } from '../reportCharts.js';
import { assumptionLines } from './assumptionLines.js';
import { sweepWork } from './sweepWork.js';
import { ETCD_COLUMNS, etcdTable } from './etcdTable.js';
import { recommendationLines } from './recommendationText.js';
import { DECISION_LEGEND, decisionTable, type DecisionTable } from './decisionTable.js';
import { HEADROOM_TITLE, headroomLegend, headroomTable } from './headroomTable.js';
import { sweepTable } from './sweepTable.js';

/** What the page shows: the sweep's summary and the scenario of each point (same order). */
export interface SweepReportInput {
  readonly summary: SweepSummary;
  readonly scenarios: readonly Scenario[];
}

export function renderSweepHtml(input: SweepReportInput, charts: readonly Chart[]): string {
  const { summary } = input;
  const chart = (id: string): string => {
    const c = charts.find((x) => x.id === id);
    return c ? chartFigure(c) : '';
  };
  const grid = sweepTable(summary);
  const params = summary.parameters.length;
  // One estimator for every point: its column says nothing the legend does not (and the table fits the page).
  const methodAt = grid.head.indexOf('Method');
  const oneMethod = methodAt >= 0 && new Set(grid.rows.map((r) => r.cells[methodAt])).size === 1;
  const keep = (i: number) => !(oneMethod && i === methodAt);
  const gridHtml =
    htmlTable(
      grid.head.flatMap((h, i): Cell[] => (!keep(i) ? [] : [i < params || i === grid.head.length - 1 || h === 'Method' ? breakable(h) : { text: h, className: h === 'Trust' ? 'trust' : 'num' }])),
      grid.rows.map((r) =>
        r.cells.flatMap((text, i): Cell[] => {
          if (!keep(i)) return [];
          const column = grid.head[i]!;
          if (i === 0 && r.marked) return [{ text: `${text} ★`, title: r.marked === 'recommended' ? 'recommended' : 'closest to the objectives' }];
          if (i < params) return [text];
          if (r.evidence && (i === params + 1 || column === 'Nines' || column === 'Trust' || column === '95% CI')) return [evidenceCell(i === params + 1 ? 'Availability' : column, text, r.evidence)];
          if (column === 'Method') return [text];
          if (i === r.cells.length - 1) return [r.met === null ? text : { text, className: r.met ? 'yes' : 'no' }];
          return [{ text, className: 'num' }];
        }),
      ),
      { className: 'configs' },
    ) + flagsHtml(grid.flags, oneMethod ? [`Method: ${grid.rows[0]!.cells[methodAt]} for every point. ${grid.legend[0] ?? ''}`, ...grid.legend.slice(1)] : grid.legend);
  const etcdHtml = htmlTable(
    ETCD_COLUMNS.map((h, i): Cell => (i <= 1 ? h : { text: h, className: 'num' })),
    etcdTable(summary).map((r) => r.map((text, i): Cell => (i <= 1 ? text : { text, className: 'num' }))),
    { className: 'etcd' },
  );
  const side = signalsSideBySide({ kind: 'sweep', title: summary.scenario, entries: summary.points.map((p, i) => ({ label: p.label, scenario: input.scenarios[i]!, summary: p.summary })) });
  const sideHtml = sideBySideHtml(side);
  const decision = decisionTable(summary);
  const decisionHtml =
    decision.rows.length === 0
      ? ''
      : htmlTable(
          // Two-line cells keep the table inside the page: the extra cost over the total, the trust tag
          // under the availability, the p99's change under it.
          decision.head.flatMap((h, i): Cell[] => {
            if (h === 'Trust' || h === 'Cost / month') return [];
            if (h === 'Costs more / month') return [{ text: 'Costs more / month (total)', className: 'num' }];
            return [decision.numeric[i] ? { text: h, className: 'num' } : breakable(h)];
          }),
          decision.rows.map((r, k) =>
            r.cells.flatMap((text, i): Cell[] => {
              const h = decision.head[i]!;
              const next = r.cells[i + 1] ?? '';
              if (h === 'Trust' || h === 'Cost / month') return [];
              if (h === 'Costs more / month') return [{ text: r.choice === 'recommended' || r.choice === 'closest' ? r.cells[i - 1]! : `${text}\n(${r.cells[i - 1]!})`, className: 'num tagged' }];
              if (decision.head[i + 1] === 'Trust') return [{ text: next === '' ? text : `${text}\n${next}`, className: 'num tagged' }];
              if (h === 'Write p99') return [{ text: text.replace(' (', '\n('), className: 'num tagged' }];
              return [decisionCell(decision, summary.given.length, text, i, k)];
            }),
          ),
          { className: 'decision' },
        ) + `<p class="note">${escapeHtml(DECISION_LEGEND)}</p>`;
  const room = headroomTable(summary);
  const headroomHtml =
    room.rows.length === 0
      ? ''
      : htmlTable(
          room.head.map((h, i): Cell => (room.numeric[i] ? { text: h, className: 'num' } : breakable(h))),
          room.rows.map((r) => r.cells.map((text, i): Cell => (room.numeric[i] ? { text, className: 'num' } : text))),
          { className: 'headroom' },
        ) + `<p class="note">${escapeHtml(headroomLegend(summary))}</p>${chart('headroom')}`;
  const paragraphs = (lines: readonly string[]) => lines.map((l) => `<p>${escapeHtml(l)}</p>`).join('\n');
  const sections: [id: string, title: string, lead: string, body: string][] = [
    ['recommendation', 'Recommendation', 'Against the objectives given with the sweep; ★ marks the point in the grid.', `${paragraphs(recommendationLines(summary))}\n${decisionHtml}`],
    ...(headroomHtml === '' ? [] : [['headroom', 'Headroom', HEADROOM_TITLE + '.', headroomHtml] as [string, string, string, string]]),
    [
      'grid',
      'The grid',
      `${summary.points.length} configurations, ${sweepWork(summary)} of ${formatSeconds(summary.horizonSeconds)}, all with seed ${summary.seed} (common random numbers: the differences are the design's, not noise).`,
      gridHtml,
    ],
    ['tradeoff', 'The trade-off', 'More members tolerate more failures, but every write waits for more of them and the one leader commits no more: availability and write latency both grow with size.', `${chart('availability-by-size')}\n${chart('quorum-by-size')}\n${chart('write-latency')}`],
    [
      'cost',
      'Cost and the Pareto front',
      `Configurations on the front are not beaten on both cost and availability by any other${summary.given.length > 0 ? ` with the same ${summary.given.join(', ')}` : ''}, measurably: a gap the significance test (95%) calls noise decides nothing.`,
      `${charts.filter((c) => c.id.startsWith('cost-vs-availability')).map(chartFigure).join('\n')}\n${chart('cost-by-size')}`,
    ],
    ['etcd', 'etcd load and latency', 'Model figures per cluster: offered writes, the leader\'s capacity, and the write latency they give.', etcdHtml],
    ['assumptions', 'The model\'s assumptions', 'Availability is simulated; write latency and load come from this model. Each line says where its numbers come from.', `<ul>${assumptionLines(summary.assumptions.etcd).map((l) => `<li>${escapeHtml(l)}</li>`).join('')}</ul>`],
    ['signals', 'Every signal side by side', 'Mean availability over replications.', `<details><summary>Show every signal of every configuration</summary>${sideHtml}</details>`],
  ];
  const body = `<header class="top"><div class="inner">
<p class="kicker">kubesim sweep</p>
<h1>${escapeHtml(summary.scenario)}: ${escapeHtml(summary.parameters.map((p) => p.path).join(' × '))}</h1>
<p class="description">${escapeHtml(input.scenarios[0]?.description ?? '')}</p>
<nav class="toc">${sections.map(([id, title]) => `<a href="#${id}">${escapeHtml(title)}</a>`).join('')}</nav>
</div></header>
<main>
${sections.map(([id, title, lead, html]) => `<section class="card" id="${id}"><h2>${escapeHtml(title)}</h2><p class="lead">${escapeHtml(lead)}</p>\n${html}\n</section>`).join('\n')}
</main>
<footer>Generated by kubesim ${escapeHtml(summary.kubesim)}. Charts specified in Vega-Lite and drawn with Vega, inlined so the page works offline.</footer>`;
  return htmlPage({ title: `${summary.scenario} sweep — kubesim`, body, charts });
}

/** A cell of the decision table: the worker count once per block, the choice coloured, figures right-aligned. */
function decisionCell(decision: DecisionTable, given: number, text: string, i: number, k: number): Cell {
  const r = decision.rows[k]!;
  const column = decision.head[i]!;
  if (i < given) return k > 0 && decision.rows[k - 1]!.cells[i] === text ? '' : text;
  if (column === 'Choice') return r.choice === 'recommended' || r.choice === 'runner-up' ? { text, className: r.choice === 'runner-up' ? 'runner-up' : 'pick' } : { text, className: r.met ? 'meets' : 'no' };
  return decision.numeric[i] ? { text, className: 'num' } : text;
}

/** A swept path as a column head that may wrap after each dot ("etcd.members" over two lines), never inside a word. */
function breakable(path: string): string {
  return path.replace(/\./g, '.\u200b');
}
