/** What `kubesim explain` shows for one replication: a heading, the narrated steps and the strip chart. */
import { formatClock, formatDuration, type SimTime } from '../../kernel/index.js';
import { runReplication } from '../../model/Replication.js';
import type { Trace } from '../../model/Trace.js';
import { buildTopology } from '../../model/Topology.js';
import type { Scenario } from '../../scenario/Scenario.js';
import { narrateSteps, type NarratedStep } from './narrate.js';
import { replaySteps } from './replaySteps.js';
import { stripChart } from './stripChart.js';

export interface ExplanationOptions {
  /** Replication number, from 0 as in reports and signals.csv. */
  readonly replication: number;
  readonly from: SimTime;
  readonly to: SimTime;
  readonly chartWidth: number;
  readonly unicode: boolean;
  readonly color: boolean;
}

export interface Explanation {
  /** One line naming the scenario, the replication, the seed and the window. */
  readonly heading: string;
  readonly steps: readonly NarratedStep[];
  /** The strip chart of the window, several lines ending in a newline. */
  readonly chart: string;
  /** The strip chart of what happened up to time t, on the window's scale (`explain --step` draws it at each step). */
  readonly chartSoFar: (t: SimTime) => string;
}

/** Runs the replication with a trace, and narrates and charts the window [from, to]. */
export function explanation(scenario: Scenario, o: ExplanationOptions): Explanation {
  const topology = buildTopology(scenario);
  const trace = runReplication(scenario, topology, o.replication, { trace: true, traceWindow: { start: o.from, end: o.to } }).trace!;
  const replayed = replaySteps(trace, topology);
  const window = `${formatClock(o.from)} to ${formatClock(o.to)} of a ${formatDuration(scenario.horizon)} run`;
  const chart = { from: o.from, to: o.to, width: o.chartWidth, unicode: o.unicode, color: o.color };
  return {
    heading: `${scenario.name}, replication ${o.replication} (seed ${scenario.seed}), ${window}${bounded(trace)}`,
    steps: narrateSteps(replayed, { from: o.from, to: o.to }),
    chart: stripChart(replayed, chart),
    chartSoFar: (t) => stripChart(replayed, { ...chart, until: t }),
  };
}

/** The whole explanation as plain text, as `kubesim explain` prints it without --step. */
export function explanationText(e: Explanation): string {
  return `${e.heading}\n\n${e.steps.map((s) => `${s.line}\n`).join('')}\n${e.chart}`;
}

/** What a bounded trace left out, for the heading (docs/limits.md, "Traces"). */
function bounded(trace: Trace): string {
  const o = trace.omitted;
  if (!o) return '';
  return `; the trace is bounded: ${o.events.toLocaleString('en-US')} events outside this window and the faults' were counted, not recorded`;
}
