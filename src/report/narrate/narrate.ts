/** Narrates one replication's trace in plain language: one line per instant, with the state that matters after it. */
import { formatClock, type SimTime } from '../../kernel/index.js';
import { buildTopology } from '../../model/Topology.js';
import type { Trace } from '../../model/Trace.js';
import type { Scenario } from '../../scenario/Scenario.js';
import { happenedPhrases, type HappenedOptions } from './happenedPhrases.js';
import { changesPhrase, clusterPhrase, shortener, somethingFailed } from './phrases.js';
import { workerPlaces } from './workerGroups.js';
import { replaySteps, type ReplayedStep, type SignalChange } from './replaySteps.js';
import type { Snapshot } from './TraceReplay.js';

/** The part of the run to tell; both ends included. Defaults: the whole run. */
export interface NarrateWindow {
  readonly from?: SimTime;
  readonly to?: SimTime;
}

/** The window, and how to tell many workers (HappenedOptions). */
export interface NarrateOptions extends NarrateWindow, HappenedOptions {}

/** One cluster's state as a step tells it. */
export interface ToldState {
  /** As the line says it: `2 of 3 members up, ..., leader etcd-1 (term 1): still writable` (`[prod] ...` with several clusters). */
  readonly text: string;
  /**
   * The same without what the step did to it ("still writable" and "API writes work again" read
   * "writable"): equal keys are the same state, which `narrationLines` does not repeat.
   */
  readonly key: string;
}

export interface NarratedStep {
  readonly t: SimTime;
  /** `t` as a clock, `00:10:00` (with milliseconds when it has them). */
  readonly clock: string;
  /** What happened, one phrase per cause ("etcd-2 crashes", "etcd-3 wins the election for term 2"). */
  readonly happened: readonly string[];
  readonly changed: readonly SignalChange[];
  /** The state right after the step. */
  readonly state: Snapshot;
  /** `t=00:10:00 etcd-2 crashes`: the line up to the state. */
  readonly said: string;
  /** Each cluster's state after the step, in order. */
  readonly states: readonly ToldState[];
  /** The signals that changed, as the line ends: ` (apiWrite down)`, or empty. */
  readonly changes: string;
  /** The whole step as one line, state included: `t=00:10:00 etcd-2 crashes: 2 of 3 members up, ...: still writable`. */
  readonly line: string;
}

/** Narrates a trace of `scenario` (the topology is rebuilt from it, as the model built it). */
export function narrate(trace: Trace, scenario: Scenario, window: NarrateWindow = {}): NarratedStep[] {
  const topology = buildTopology(scenario);
  return narrateSteps(replaySteps(trace, topology), { ...window, places: workerPlaces(topology) });
}

/**
 * Narrates replayed steps within the window. The first line is always at the window's start:
 * the run's start at 0 ("start"), else the state the window opens on ("window opens") unless
 * something happens at exactly that instant.
 */
export function narrateSteps(steps: readonly ReplayedStep[], window: NarrateOptions = {}): NarratedStep[] {
  const first = steps[0];
  if (first === undefined) return [];
  const from = window.from ?? 0;
  const to = window.to ?? Infinity;
  const short = shortener(first.after.clusters.map((c) => c.name));
  const out: NarratedStep[] = [];
  const inside = steps.filter((s) => s.t >= from && s.t <= to);
  if (inside[0] === undefined || inside[0].t > from) {
    const last = [...steps].reverse().find((s) => s.t < from) ?? first;
    const state = { ...last.after, t: from };
    out.push(line(from, ['window opens'], [], undefined, state, false, short));
  }
  for (const s of inside) {
    // At the start the state already names the bootstrap leader: its trace event adds nothing.
    const happened = happenedPhrases(s.t === 0 ? s.events.filter((e) => e.kind !== 'leader') : s.events, short, window);
    if (s.t === 0) happened.unshift('start');
    out.push(line(s.t, happened, s.changed, s.t === 0 ? undefined : s.before, s.after, somethingFailed(s.before, s.after), short));
  }
  return out;
}

function line(
  t: SimTime,
  happened: string[],
  changed: readonly SignalChange[],
  before: Snapshot | undefined,
  state: Snapshot,
  failed: boolean,
  short: (s: string) => string,
): NarratedStep {
  const clock = formatClock(t);
  const single = state.clusters.length === 1;
  // Each cluster's own members are named without the cluster's prefix: `[four] leader etcd-1`.
  const states = state.clusters.map((c, i) => {
    const own = single ? short : shortener([c.name]);
    const label = single ? '' : `[${c.name}] `;
    return { text: `${label}${clusterPhrase(before?.clusters[i], c, failed, own)}`, key: `${label}${clusterPhrase(undefined, c, false, own)}` };
  });
  // A step of signal changes alone (pods started again) is told by its changes.
  const changes = changed.length > 0 && happened.length > 0 ? ` (${changesPhrase(changed, short)})` : '';
  const what = happened.length > 0 ? happened.join('; ') : changed.length > 0 ? changesPhrase(changed, short) : 'nothing changes';
  const said = `t=${clock} ${what}`;
  return { t, clock, happened, changed, state, said, states, changes, line: `${said}: ${states.map((x) => x.text).join(' ')}${changes}` };
}

/**
 * The steps as `kubesim explain` prints them: each line tells a cluster's state only when it is
 * not the state the last printed line told (the first line tells every cluster's), so that a
 * year of worker failures does not repeat "3 of 3 members up, ..." two thousand times.
 */
export function narrationLines(steps: readonly NarratedStep[]): string[] {
  let told: readonly string[] | undefined;
  return steps.map((s) => {
    const changed = s.states.filter((x, i) => told?.[i] !== x.key);
    told = s.states.map((x) => x.key);
    return `${s.said}${changed.length > 0 ? `: ${changed.map((x) => x.text).join(' ')}` : ''}${s.changes}`;
  });
}

/** A step as one JSON object, for `explain --json` (one per line). */
export function stepJson(step: NarratedStep): Record<string, unknown> {
  const s = step.state;
  return {
    t: step.t,
    clock: step.clock,
    happened: step.happened,
    changed: step.changed,
    clusters: s.clusters.map((c) => ({
      name: c.name,
      members: c.members.length,
      membersUp: c.up,
      quorum: c.quorum,
      tolerated: c.tolerated,
      sides: c.sides,
      quorumHeld: c.quorumSide !== null,
      leader: c.leader,
      term: c.term,
      down: c.members.filter((m) => !m.up).map((m) => m.name),
      signals: c.signals,
    })),
    global: s.global,
    down: s.down,
    partitions: s.partitions,
    line: step.line,
  };
}
