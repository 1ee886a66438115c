/** The outage fault: a datacenter or a failure domain goes dark for a while. */
import type { SimTime } from '../../kernel/index.js';
import { unknownName } from '../_internals/describe.js';
import { FOR_FIELD, type FaultDefinition } from './FaultDefinition.js';
import type { FaultTargets } from './FaultTargets.js';

/** `target` names a datacenter or a failure domain. */
export interface OutageFault {
  readonly kind: 'outage';
  readonly at: SimTime;
  readonly target: string;
  readonly duration: SimTime;
}

export const outage: FaultDefinition<OutageFault> = {
  schema: { description: 'A datacenter or failure domain that goes down. Needs `for`.', type: 'string', minLength: 1 },
  fields: { for: FOR_FIELD },
  read(r) {
    const name = r.text();
    const d = r.duration();
    const good = r.ok(name, name === undefined ? undefined : checkPlace(name, r.targets));
    return good && r.at !== undefined && d !== undefined ? { kind: 'outage', at: r.at, target: name, duration: d } : undefined;
  },
  describe: (f, duration) => `outage of ${f.target} for ${duration(f.duration)}`,
  toldByItsEffect: true,
  downSeconds: (f) => f.duration,
};

/** A datacenter or a failure domain. */
function checkPlace(name: string, t: FaultTargets): string | undefined {
  const places = [...t.datacenters.names, ...t.failureDomains.names];
  if (places.includes(name) || !t.datacenters.complete || !t.failureDomains.complete) return undefined;
  return unknownName('datacenter or failure domain', name, places);
}
