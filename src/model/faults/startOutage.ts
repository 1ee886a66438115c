/** The outage fault's behaviour: a datacenter, or every host of a failure domain, is held down for a while. */
import { formatDuration } from '../../kernel/index.js';
import type { FaultOf } from '../../scenario/Scenario.js';
import { recordFault, type FaultContext } from './FaultContext.js';

export function startOutage(w: FaultContext, f: FaultOf<'outage'>): boolean {
  const dc = w.topology.datacenterByName.get(f.target);
  recordFault(w, f, `outage of ${f.target} for ${formatDuration(f.duration)}`);
  if (dc !== undefined) {
    w.holdDatacenter(dc, 1, `scripted outage: ${f.target} goes dark`);
    w.sim.schedule(f.duration, () => w.holdDatacenter(dc, -1, `scripted outage of ${f.target} ends`));
    return true;
  }
  const domain = w.s.failureDomains.find((d) => d.name === f.target)!;
  const hosts = [...new Set(domain.members.map((m) => w.topology.components[w.topology.componentByName.get(m)!]!.host))];
  const hold = (d: number, cause: string) => hosts.forEach((h) => w.holdHost(h, d, cause));
  hold(1, `scripted outage of failure domain ${f.target}`);
  w.sim.schedule(f.duration, () => hold(-1, `failure domain ${f.target} is back`));
  return true;
}
