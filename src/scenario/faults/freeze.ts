/** The freeze fault: an etcd member's process is paused (SIGSTOP, a VM pause, a stalled disk) for a while, then resumes. */
import type { SimTime } from '../../kernel/index.js';
import { checkComponentName } from '../components.js';
import { FOR_FIELD, type FaultDefinition } from './FaultDefinition.js';
import { quoteValue } from '../../kernel/quoteValue.js';

/** `target` is an etcd member (`prod/etcd-2`) or `<cluster>/etcd-leader`. */
export interface FreezeFault {
  readonly kind: 'freeze';
  readonly at: SimTime;
  readonly target: string;
  readonly duration: SimTime;
}

const ETCD_MEMBER = /\/etcd-([1-9]\d*|leader)$/;

export const freeze: FaultDefinition<FreezeFault> = {
  schema: {
    description:
      'An etcd member whose process is paused (SIGSTOP, a VM pause, a stalled disk): it neither answers nor counts time, and resumes where it was, unlike a crash. <cluster>/etcd-<i> or <cluster>/etcd-leader (whoever leads at that moment). Needs `for`.',
    type: 'string',
    minLength: 1,
  },
  fields: { for: FOR_FIELD },
  read(r) {
    const name = r.text();
    const d = r.duration();
    const problem =
      name === undefined
        ? undefined
        : (checkComponentName(name, r.targets.clusters, { allowLeader: true }) ??
          (ETCD_MEMBER.test(name) ? undefined : `only an etcd member can be frozen (<cluster>/etcd-<i> or <cluster>/etcd-leader), found ${quoteValue(name)}`));
    const good = r.ok(name, problem);
    return good && r.at !== undefined && d !== undefined ? { kind: 'freeze', at: r.at, target: name, duration: d } : undefined;
  },
  describe: (f, duration) => `freeze ${f.target} for ${duration(f.duration)}`,
  toldByItsEffect: true,
  downSeconds: (f) => f.duration,
};
