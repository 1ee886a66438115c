/** Where the report zooms in on the traced replication: around each scripted fault until what it took down is back, and around the worst outage. */
import { DAY, formatClock, HOUR, MINUTE, type SimTime } from '../kernel/index.js';
import type { Trace } from '../model/Trace.js';
import { faultDefinition } from '../scenario/faults/faultKinds.js';
import type { Fault, Scenario } from '../scenario/Scenario.js';
import { describeFault } from './describeScenario.js';
import { formatSeconds } from './format.js';
import { traceIntervals, type Interval } from './traceIntervals.js';

/** Margins are a quarter of what a panel is about, rounded up to one of these. */
const MARGINS: readonly SimTime[] = [MINUTE, 2 * MINUTE, 5 * MINUTE, 10 * MINUTE, 15 * MINUTE, 30 * MINUTE, HOUR, 2 * HOUR, 3 * HOUR, 6 * HOUR, 12 * HOUR, DAY];
/** A panel follows the signals a fault took down at most this long after the fault ends (a day-long random outage is not the fault's). */
const RECOVERY_CAP: SimTime = DAY;

export interface ZoomWindow {
  /** The chart's id: `zoom-fault-<n>` (n counts the scenario's faults from 1) or `zoom-worst`. */
  readonly id: string;
  readonly title: string;
  readonly subtitle: readonly string[];
  readonly start: SimTime;
  readonly end: SimTime;
}

/**
 * A window per scripted fault that starts within the trace, from a margin before the fault to the
 * same margin after the last signal that went down while the fault was on is back up (or after
 * the fault ends, if none went down); the margin is a quarter of that span, rounded up (MARGINS).
 * Then one around the longest signal outage of the trace, unless a fault's window already holds
 * it (that window's subtitle then says so). Edges are whole minutes, inside the horizon.
 */
export function zoomWindows(scenario: Scenario, trace: Trace): ZoomWindow[] {
  const downs = traceIntervals(trace).signals.filter((s) => s.state === 'down');
  const windows: ZoomWindow[] = [];
  scenario.faults.forEach((f, i) => {
    if (f.at < trace.horizon) windows.push(faultWindow(f, i + 1, scenario, trace.horizon, downs));
  });
  const worst = worstOutage(downs);
  if (!worst) return windows;
  const what = `${worst.lane} down ${formatSeconds(worst.end - worst.start)} from ${formatClock(worst.start)}`;
  const holder = windows.findIndex((w) => w.start <= worst.start && worst.end <= w.end);
  if (holder >= 0) {
    const w = windows[holder]!;
    windows[holder] = { ...w, subtitle: [...w.subtitle, `It holds the worst outage of this replication: ${what}.`] };
    return windows;
  }
  const margin = marginFor(worst.end - worst.start);
  const [start, end] = edges(worst.start - margin, worst.end + margin, trace.horizon);
  windows.push({
    id: 'zoom-worst',
    title: `Worst outage: ${worst.lane} down ${formatSeconds(worst.end - worst.start)} · ${span(start, end, margin)}`,
    subtitle: [`The longest time a signal was down in this replication: ${what}; ${formatSeconds(margin)} either side.`],
    start,
    end,
  });
  return windows;
}

function faultWindow(f: Fault, n: number, scenario: Scenario, horizon: SimTime, downs: readonly Interval[]): ZoomWindow {
  const faultEnd = Math.min(horizon, f.at + activeSeconds(f, scenario));
  const affected = downs.filter((d) => d.start >= f.at && d.start <= faultEnd);
  const lastBack = Math.max(faultEnd, ...affected.map((d) => d.end));
  const back = Math.min(lastBack, faultEnd + RECOVERY_CAP, horizon);
  const margin = marginFor(back - f.at);
  const [start, end] = edges(f.at - margin, back + margin, horizon);
  const description = describeFault(f);
  const lanes = [...new Set(affected.map((d) => d.lane))];
  const until =
    lanes.length === 0
      ? `after it ended (${formatClock(faultEnd)}); no signal went down meanwhile`
      : back < lastBack
        ? `after it ended, plus ${formatSeconds(RECOVERY_CAP)}: ${lanes.join(', ')} went down meanwhile and were not all back by then`
        : `after the signals that went down meanwhile were back up (${lanes.join(', ')}; the last at ${formatClock(back)})`;
  return {
    id: `zoom-fault-${n}`,
    title: `${f.name ?? description} · ${span(start, end, margin)}`,
    subtitle: [`${f.name !== undefined ? `${description}. ` : ''}From ${formatSeconds(margin)} before the fault to ${formatSeconds(margin)} ${until}.`],
    start,
    end,
  };
}

/**
 * How long the fault is on: what it holds down at most (the kind's downSeconds), except for a
 * rolling upgrade, whose batches of `surge` hosts go down one after another, `each` apiece
 * (src/model/faults/startRollingUpgrade.ts).
 */
export function activeSeconds(f: Fault, scenario: Scenario): SimTime {
  if (f.kind !== 'rollingUpgrade') return faultDefinition(f).downSeconds(f, scenario);
  const [cluster, role] = f.target.split('/');
  const spec = scenario.clusters.find((c) => c.name === cluster);
  const hosts = !spec ? 1 : role === 'controlPlane' ? spec.controlPlane.nodes : role === 'etcd' ? spec.etcd.members + spec.etcd.learners : spec.workers.nodes;
  return Math.max(1, Math.ceil(hosts / f.surge)) * f.each;
}

/** The longest down span; the earliest among equals, then the first found. */
function worstOutage(downs: readonly Interval[]): Interval | undefined {
  let worst: Interval | undefined;
  for (const d of downs) if (!worst || d.end - d.start > worst.end - worst.start || (d.end - d.start === worst.end - worst.start && d.start < worst.start)) worst = d;
  return worst;
}

/** A quarter of the span, rounded up to a round duration (whole days past the last). */
export function marginFor(span: SimTime): SimTime {
  const quarter = span / 4;
  return MARGINS.find((m) => m >= quarter) ?? Math.ceil(quarter / DAY) * DAY;
}

function edges(start: SimTime, end: SimTime, horizon: SimTime): [SimTime, SimTime] {
  return [Math.max(0, Math.floor(start / MINUTE) * MINUTE), Math.min(horizon, Math.ceil(end / MINUTE) * MINUTE)];
}

/** "29d 23:30 to 30d 02:30 (±30m)": clock times without seconds when they are whole minutes. */
function span(start: SimTime, end: SimTime, margin: SimTime): string {
  const clock = (t: SimTime): string => formatClock(t).replace(/^(.*\d\d:\d\d):00$/, '$1');
  return `${clock(start)} to ${clock(end)} (±${formatSeconds(margin)})`;
}
