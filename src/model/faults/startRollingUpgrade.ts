/** The rolling upgrade's behaviour: a role's components go down in batches of `surge`, each for `each`, one batch after another. */
import { formatDuration } from '../../kernel/index.js';
import type { FaultOf } from '../../scenario/Scenario.js';
import { recordFault, type FaultContext } from './FaultContext.js';

export function startRollingUpgrade(w: FaultContext, f: FaultOf<'rollingUpgrade'>): boolean {
  const [clusterName, role] = f.target.split('/') as [string, string];
  const layout = w.topology.clusters.find((c) => c.spec.name === clusterName)!;
  const ids = role === 'controlPlane' ? layout.controlPlane : role === 'etcd' ? layout.etcd : layout.workers;
  recordFault(w, f, `rolling upgrade of ${f.target}: ${ids.length} at ${f.surge} a time, ${formatDuration(f.each)} each`);
  const batch = (start: number) => {
    const group = ids.slice(start, start + f.surge);
    for (const c of group) w.holdComponent(c, 1, `rolling upgrade takes ${w.topology.components[c]!.name} down`);
    w.sim.schedule(f.each, () => {
      for (const c of group) w.holdComponent(c, -1, `${w.topology.components[c]!.name} is back, upgraded`);
      if (start + f.surge < ids.length) batch(start + f.surge);
    });
  };
  if (ids.length === 0) return false;
  batch(0);
  return true;
}
