/** The FaultContext that scripted faults act through: the world's parts, and the causes, trace and settling behind them. */
import type { Simulation } from '../../kernel/index.js';
import type { Scenario } from '../../scenario/Scenario.js';
import type { ClusterModel } from '../ClusterModel.js';
import type { FaultContext } from '../faults/FaultContext.js';
import type { Federation } from '../Federation.js';
import type { Network } from '../Network.js';
import type { Tenancy } from '../Tenancy.js';
import type { Topology } from '../Topology.js';
import type { CauseTracker } from './CauseTracker.js';
import type { SettleScheduler } from './SettleScheduler.js';
import type { TraceRecorder } from './TraceRecorder.js';

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

/** Built once per replication; faults are rare, so the small closures cost nothing that matters. */
export function worldFaultContext(parts: WorldParts, causes: CauseTracker, trace: TraceRecorder, settle: SettleScheduler): FaultContext {
  return {
    ...parts,
    holdHost: (h, d, cause) => causes.holdHost(h, d, cause),
    holdComponent: (c, d, cause) => causes.holdComponent(c, d, cause),
    holdDatacenter: (id, d, cause) => causes.holdDatacenter(id, d, cause),
    record: (e) => trace.record(e),
    wake: () => settle.wake(),
  };
}
