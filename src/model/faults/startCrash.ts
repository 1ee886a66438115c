/** The crash fault's behaviour: the component (or the etcd leader of the moment) is held down, then restarts. */
import { formatDuration } from '../../kernel/index.js';
import type { FaultOf } from '../../scenario/Scenario.js';
import { recordFault, type FaultContext } from './FaultContext.js';

export function startCrash(w: FaultContext, f: FaultOf<'crash'>): void {
  const c = resolveCrashTarget(w, f.target);
  if (c === undefined) {
    recordFault(w, f, `crash ${f.target}: nothing to crash (no leader right now)`);
    return;
  }
  const name = w.topology.components[c]!.name;
  recordFault(w, f, `crash ${name} for ${formatDuration(f.duration)}`);
  w.holdComponent(c, 1, `scripted crash of ${name}`);
  w.sim.schedule(f.duration, () => w.holdComponent(c, -1, `${name} restarts after its scripted crash`));
}

function resolveCrashTarget(w: FaultContext, target: string): number | undefined {
  if (target.endsWith('/etcd-leader')) {
    const cluster = w.clusters.find((c) => `${c.name}/etcd-leader` === target);
    if (!cluster || cluster.etcd.leader < 0) return undefined;
    return cluster.layout.etcd[cluster.etcd.leader];
  }
  return w.topology.componentByName.get(target);
}
