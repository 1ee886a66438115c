/** The crash fault: one component (or whoever leads etcd at that moment) goes down for a while. */
import type { SimTime } from '../../kernel/index.js';
import { checkComponentName } from '../components.js';
import { FOR_FIELD, type FaultDefinition } from './FaultDefinition.js';

/** `target` is a component name (`prod/etcd-2`, `prod/lb`) or `<cluster>/etcd-leader`. */
export interface CrashFault {
  readonly kind: 'crash';
  readonly at: SimTime;
  readonly target: string;
  readonly duration: SimTime;
}

export const crash: FaultDefinition<CrashFault> = {
  schema: {
    description:
      'A component to crash: <cluster>/cp-<i>, <cluster>/etcd-<i>, <cluster>/worker-<i>, <cluster>/lb, or <cluster>/etcd-leader (whoever leads at that moment). Needs `for`.',
    type: 'string',
    minLength: 1,
  },
  fields: { for: FOR_FIELD },
  read(r) {
    const name = r.text();
    const d = r.duration();
    const good = r.ok(name, name === undefined ? undefined : checkComponentName(name, r.targets.clusters, { allowLeader: true }));
    return good && r.at !== undefined && d !== undefined ? { kind: 'crash', at: r.at, target: name, duration: d } : undefined;
  },
  describe: (f, duration) => `crash ${f.target} for ${duration(f.duration)}`,
  toldByItsEffect: true,
  downSeconds: (f) => f.duration,
};
