/** The tenant incidents' behaviour: a runaway workload or a compromised pod, in force for a while. */
import { formatDuration } from '../../kernel/index.js';
import type { FaultOf } from '../../scenario/Scenario.js';
import { recordFault, type FaultContext } from './FaultContext.js';

export function startTenantIncident(w: FaultContext, f: FaultOf<'runaway' | 'compromise'>): boolean {
  const now = w.sim.now;
  recordFault(w, f, `${f.kind === 'runaway' ? 'runaway workload in' : 'compromised pod in'} tenant ${f.tenant} for ${formatDuration(f.duration)}`);
  const end = w.tenancy.start(f.kind, f.tenant, now);
  w.wake();
  w.sim.schedule(f.duration, () => {
    end(w.sim.now);
    w.wake();
  });
  return true;
}
