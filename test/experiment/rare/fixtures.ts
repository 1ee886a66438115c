/** Small scenarios for the rare-event tests, read by the product's own scenarioFromRaw. */
import { scenarioFromRaw } from '../../../src/scenario/scenarioFromRaw.js';
import type { Scenario } from '../../../src/scenario/Scenario.js';

/** `members` external etcd members failing with mttf / mttr (exponential unless given as objects), nothing else failing. */
export function etcdScenario(members: number, seed: number, etcd: unknown = { mttf: '30d', mttr: '6h' }, spec: Record<string, unknown> = {}): Scenario {
  return scenarioFromRaw({
    apiVersion: 'kubesim/v1',
    kind: 'Scenario',
    metadata: { name: `etcd-${members}` },
    spec: {
      horizon: '1y',
      replications: 10,
      seed,
      datacenters: [{ name: 'dc-a' }],
      failures: { etcd },
      clusters: [
        { name: 'prod', model: 'multi-master', datacenters: ['dc-a'], controlPlane: { nodes: 3 }, etcd: { members, topology: 'external' }, workers: { nodes: 2 } },
      ],
      ...spec,
    },
  }, `etcd-${members}.yaml`);
}
