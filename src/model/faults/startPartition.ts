/** The partition fault's behaviour: the network splits into the groups for a while, then heals. */
import { formatDuration } from '../../kernel/index.js';
import type { FaultOf } from '../../scenario/Scenario.js';
import { recordFault, type FaultContext } from './FaultContext.js';

export function startPartition(w: FaultContext, f: FaultOf<'partition'>): void {
  const p = w.network.resolve(f.groups);
  const text = f.groups.map((g) => `[${g.join(', ')}]`).join(' | ');
  recordFault(w, f, `network partition ${text} for ${formatDuration(f.duration)}`);
  w.network.add(p);
  w.record({ t: w.sim.now, kind: 'partition', groups: f.groups, active: true });
  w.wake();
  w.sim.schedule(f.duration, () => {
    w.network.remove(p);
    w.record({ t: w.sim.now, kind: 'partition', groups: f.groups, active: false });
    w.wake();
  });
}
