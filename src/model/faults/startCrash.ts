/** The crash fault's behaviour: the component (or the etcd leader of the moment) is held down, then restarts. */
import { formatDuration } from '../../kernel/index.js';
import type { FaultOf } from '../../scenario/Scenario.js';
import { recordFault, type FaultContext } from './FaultContext.js';
import { leaderComponent, namesLeader } from './leaderTarget.js';

export function startCrash(w: FaultContext, f: FaultOf<'crash'>): boolean {
  const c = namesLeader(f.target) ? leaderComponent(w, f.target) : w.topology.componentByName.get(f.target);
  if (c === undefined) {
    recordFault(w, f, `crash ${f.target}: nothing to crash (no leader right now)`);
    return false;
  }
  const name = w.topology.components[c]!.name;
  recordFault(w, f, `crash ${name} for ${formatDuration(f.duration)}`);
  w.holdComponent(c, 1, `scripted crash of ${name}`);
  w.sim.schedule(f.duration, () => w.holdComponent(c, -1, `${name} restarts after its scripted crash`));
  return true;
}
