/** The FaultContext that scripted faults act through: the world's parts, and the causes, trace and settling behind them. */
import type { FaultContext, WorldParts } from '../faults/FaultContext.js';
import type { CauseTracker } from './CauseTracker.js';
import type { SettleScheduler } from './SettleScheduler.js';
import type { TraceRecorder } from './TraceRecorder.js';

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
