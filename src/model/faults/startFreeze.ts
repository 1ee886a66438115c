/** The freeze fault's behaviour: an etcd member's process pauses (no messages, no ticks) and later resumes where it was. */
import { formatDuration } from '../../kernel/index.js';
import type { FaultOf } from '../../scenario/Scenario.js';
import { recordFault, type FaultContext } from './FaultContext.js';
import { leaderComponent, namesLeader } from './leaderTarget.js';

export function startFreeze(w: FaultContext, f: FaultOf<'freeze'>): boolean {
  const c = namesLeader(f.target) ? leaderComponent(w, f.target) : w.topology.componentByName.get(f.target);
  const cluster = c === undefined ? undefined : w.clusters.find((k) => k.layout.etcd.includes(c));
  if (c === undefined || cluster === undefined) {
    recordFault(w, f, `freeze ${f.target}: nothing to freeze (no leader right now)`);
    return false;
  }
  const member = cluster.layout.etcd.indexOf(c);
  const name = w.topology.components[c]!.name;
  recordFault(w, f, `freeze ${name} for ${formatDuration(f.duration)}`);
  const set = (frozen: boolean, cause: string) => {
    cluster.freezeMember(member, frozen, w.sim.now + f.duration);
    w.record({ t: w.sim.now, kind: 'component', name, up: !frozen, cause, ...(frozen ? { paused: true } : {}) });
    w.wake();
  };
  set(true, `${name}'s process is paused for ${formatDuration(f.duration)} (it neither answers nor counts time)`);
  w.sim.schedule(f.duration, () => set(false, `${name} resumes where it was`));
  return true;
}
