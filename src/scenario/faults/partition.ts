/** The partition fault: groups of datacenters or components that cannot reach each other for a while. */
import type { SimTime } from '../../kernel/index.js';
import { checkComponentName } from '../components.js';
import { unknownName } from '../_internals/describe.js';
import type { Path } from '../_internals/Path.js';
import type { Problems } from '../_internals/Problems.js';
import { readList, readString } from '../_internals/read.js';
import { FOR_FIELD, type FaultDefinition } from './FaultDefinition.js';
import type { FaultTargets } from './FaultTargets.js';
import { quoteName } from '../../kernel/quoteValue.js';

export interface PartitionFault {
  readonly kind: 'partition';
  readonly at: SimTime;
  /** Groups of datacenter or component names; unnamed places form one more group. */
  readonly groups: readonly (readonly string[])[];
  readonly duration: SimTime;
}

export const partition: FaultDefinition<PartitionFault> = {
  schema: {
    description:
      'Groups of datacenter or component names (<cluster>/etcd-leader: whoever leads when it starts) that cannot reach each other; places not named form one more group. Needs `for`.',
    type: 'array',
    minItems: 1,
    items: { type: 'array', minItems: 1, items: { type: 'string', minLength: 1 } },
  },
  fields: { for: FOR_FIELD },
  read(r) {
    const groups = readGroups(r.p, r.value, r.valuePath, r.targets);
    const d = r.duration();
    return groups !== undefined && r.at !== undefined && d !== undefined ? { kind: 'partition', at: r.at, groups, duration: d } : undefined;
  },
  describe: (f, duration) => `partition ${f.groups.map((g) => `[${g.join(', ')}]`).join(' | ')} for ${duration(f.duration)}`,
  toldByItsEffect: false,
  downSeconds: (f) => f.duration,
};

/** Partition groups: datacenter or component names, each in one group only. */
function readGroups(p: Problems, v: unknown, path: Path, t: FaultTargets): string[][] | undefined {
  const groups: string[][] = [];
  const seen = new Set<string>();
  let good = true;
  readList(p, v, path).forEach((g, i) => {
    const group: string[] = [];
    readList(p, g, [...path, i]).forEach((item, j) => {
      const at = [...path, i, j];
      const name = readString(p, item, at);
      if (name === undefined) {
        good = false;
        return;
      }
      const problem = t.datacenters.names.includes(name)
        ? undefined
        : name.includes('/')
          ? checkComponentName(name, t.clusters, { allowLeader: true })
          : `${unknownName('datacenter', name, t.datacenters.names)}; a partition groups datacenters or components (prod/etcd-1)`;
      if (problem !== undefined) {
        if (t.clustersComplete && t.datacenters.complete) p.add(at, problem);
        good = false;
      } else if (seen.has(name)) {
        p.add(at, `${quoteName(name)} is in more than one group; partition groups must be disjoint`);
        good = false;
      }
      seen.add(name);
      group.push(name);
    });
    groups.push(group);
  });
  return good && groups.length > 0 ? groups : undefined;
}
