/** Runs the lab's scenario with the project's model and tells what happened up to the lab's current time. */
import type { SimTime } from '../kernel/index.js';
import { runReplication } from '../model/Replication.js';
import { buildTopology } from '../model/Topology.js';
import type { Trace } from '../model/Trace.js';
import { narrateSteps, type NarratedStep } from '../report/narrate/narrate.js';
import { replaySteps, type ReplayedStep } from '../report/narrate/replaySteps.js';
import type { Snapshot } from '../report/narrate/TraceReplay.js';
import { workerPlaces } from '../report/narrate/workerGroups.js';
import type { Scenario } from '../scenario/Scenario.js';
import { labScenario, labTime, type LabAction, type LabConfig } from './labScenario.js';

export interface LabRun {
  readonly scenario: Scenario;
  /** The lab's current simulated time. */
  readonly now: SimTime;
  /** The whole replication's trace, to the horizon (what the page shows stops at `now`). */
  readonly trace: Trace;
  /** Steps up to and including `now`. */
  readonly replayed: readonly ReplayedStep[];
  readonly narrated: readonly NarratedStep[];
  /** The state at `now`. */
  readonly state: Snapshot;
}

/**
 * Runs replication 0 of the lab's scenario, as `kubesim explain` would run the same scenario
 * from a file, and keeps what happened up to now. The model is causal (nothing at time t depends
 * on a fault that starts later), so running to the horizon and cutting at `now` shows exactly
 * what a run stopped at `now` would; a fault that lasts "until the student recovers it" ends at
 * the horizon until then, which no event before the recovery can see.
 */
export function labRun(config: LabConfig, actions: readonly LabAction[]): LabRun {
  const scenario = labScenario(config, actions);
  const topology = buildTopology(scenario);
  const trace = runReplication(scenario, topology, 0, { trace: true }).trace!;
  const now = labTime(actions);
  const replayed = replaySteps(trace, topology).filter((s) => s.t <= now);
  const state = { ...replayed.at(-1)!.after, t: now };
  return { scenario, now, trace, replayed, narrated: narrateSteps(replayed, { from: 0, to: now, places: workerPlaces(topology) }), state };
}
