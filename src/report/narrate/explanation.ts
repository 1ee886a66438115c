/** What `kubesim explain` shows for one replication: a heading, the narrated steps and the strip chart. */
import { formatClock, formatDuration, type SimTime } from '../../kernel/index.js';
import { runReplication } from '../../model/Replication.js';
import type { Trace } from '../../model/Trace.js';
import { buildTopology } from '../../model/Topology.js';
import type { Scenario } from '../../scenario/Scenario.js';
import { narrateSteps, narrationLines, type NarratedStep } from './narrate.js';
import { replaySteps } from './replaySteps.js';
import { signalFilter } from './signalCauses.js';
import { stripChart } from './stripChart.js';
import { workerPlaces } from './workerGroups.js';

export interface ExplanationOptions {
  /** Replication number, from 0 as in reports and signals.csv. */
  readonly replication: number;
  readonly from: SimTime;
  readonly to: SimTime;
  readonly chartWidth: number;
  readonly unicode: boolean;
  readonly color: boolean;
  /** Tell only the steps that move this signal or one of its causes (signalCauses.ts); the first line is always told. */
  readonly signal?: { readonly cluster: string; readonly signal: string };
  /** Name every worker instead of counting them by datacenter when a step touches many. */
  readonly verbose?: boolean;
}

export interface Explanation {
  /** One line naming the scenario, the replication, the seed and the window. */
  readonly heading: string;
  /** With a signal: how many steps are told of how many, and why (`12 of 2,549 steps: those that move ...`). */
  readonly kept?: string;
  readonly steps: readonly NarratedStep[];
  /** The steps as printed, one per step: a cluster's state only where it changed (narrationLines). */
  readonly lines: readonly string[];
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
  const all = narrateSteps(replayed, { from: o.from, to: o.to, places: workerPlaces(topology), verbose: o.verbose === true });
  let steps = all;
  let kept: string | undefined;
  if (o.signal !== undefined) {
    const f = signalFilter(scenario, topology, o.signal.cluster, o.signal.signal);
    // One step per distinct time: a narrated step is the replayed step at its time (or the window's opening line).
    const moving = new Set(replayed.filter(f.keeps).map((s) => s.t));
    steps = all.filter((s, i) => i === 0 || moving.has(s.t));
    const n = (x: number) => x.toLocaleString('en-US');
    kept = `${n(steps.length)} of ${n(all.length)} steps: the first and those that move ${f.key} or its causes (${f.causes})`;
  }
  const window = `${formatClock(o.from)} to ${formatClock(o.to)} of a ${formatDuration(scenario.horizon)} run`;
  const chart = { from: o.from, to: o.to, width: o.chartWidth, unicode: o.unicode, color: o.color };
  let whole: string | undefined;
  return {
    heading: `${scenario.name}, replication ${o.replication} (seed ${scenario.seed}), ${window}${bounded(trace)}`,
    ...(kept === undefined ? {} : { kept }),
    steps,
    lines: narrationLines(steps),
    // Drawn when read: `explain --json` prints no chart.
    get chart() {
      return (whole ??= stripChart(replayed, chart));
    },
    chartSoFar: (t) => stripChart(replayed, { ...chart, until: t }),
  };
}

/** The whole explanation as plain text, as `kubesim explain` prints it without --step. */
export function explanationText(e: Explanation): string {
  const kept = e.kept === undefined ? '' : `${e.kept}\n`;
  return `${e.heading}\n${kept}\n${e.lines.map((l) => `${l}\n`).join('')}\n${e.chart}`;
}

/** What a bounded trace left out, for the heading (docs/limits.md, "Traces"). */
function bounded(trace: Trace): string {
  const o = trace.omitted;
  if (!o) return '';
  return `; the trace is bounded: ${o.events.toLocaleString('en-US')} events outside this window and the faults' were counted, not recorded`;
}
