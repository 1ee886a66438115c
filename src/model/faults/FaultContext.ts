/** What a scripted fault's behaviour may touch in the world of one replication. */
import type { Simulation } from '../../kernel/index.js';
import type { Fault, Scenario } from '../../scenario/Scenario.js';
import type { ClusterModel } from '../ClusterModel.js';
import type { Federation } from '../Federation.js';
import type { Network } from '../Network.js';
import type { Tenancy } from '../Tenancy.js';
import type { Topology } from '../Topology.js';
import type { TraceEvent } from '../Trace.js';

/** The parts of one replication's world a fault may read or change. */
export interface WorldParts {
  readonly s: Scenario;
  readonly sim: Simulation;
  readonly topology: Topology;
  readonly network: Network;
  readonly clusters: readonly ClusterModel[];
  readonly tenancy: Tenancy;
  readonly federation: Federation | undefined;
}

export interface FaultContext extends WorldParts {
  /** Add (d = 1) or remove (d = -1) a cause that holds a host, a component or a datacenter down. */
  holdHost(h: number, d: number, cause: string): void;
  holdComponent(c: number, d: number, cause: string): void;
  holdDatacenter(id: number, d: number, cause: string): void;
  record(e: TraceEvent): void;
  /** Asks for the clusters to be evaluated again at this instant, after every change of it. */
  wake(): void;
}

/** What a fault does, from its `at`: it changes the world and schedules its own end. */
/** Starts a fault; false when it found nothing to act on (a crash of the leader while there is none). */
export type FaultBehaviour<F extends Fault> = (w: FaultContext, f: F) => boolean;

/** Records the fault's own line in the trace (narration tells it, or leaves it to its effect). */
export function recordFault(w: FaultContext, f: Fault, text: string): void {
  w.record({ t: w.sim.now, kind: 'fault', fault: f.kind, text });
}
