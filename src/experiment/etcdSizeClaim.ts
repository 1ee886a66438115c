/** The seed's guidance "5-7 etcd members around 100 workers", checked: what 3, 5 and 7 members give at 100 workers, exactly and by the load model. */
import { etcdPerformanceOf } from '../model/latency/index.js';
import { scenarioFromRaw } from '../scenario/index.js';
import { exactAvailabilities } from './exactValues.js';

/** The guidance as the seed states it (kubesim models prints it beside the check). */
export const ETCD_SIZE_CLAIM = '5-7 etcd members around 100 workers';

export interface EtcdSizeRow {
  readonly members: number;
  readonly failuresTolerated: number;
  /** Exact steady-state availability of etcd's quorum (kubesim analytic); null when it has no closed form. */
  readonly quorumAvailability: number | null;
  /** The load model's write p99 at 100 workers, ms; null when saturated. */
  readonly writeP99Ms: number | null;
  /** The leader's load at 100 workers: offered writes over its capacity. */
  readonly utilisation: number;
}

/** The rates checked with: those of scenarios/etcd-sizing.yaml (an etcd member fails every 60 days, is back in 2 hours on average), members over 3 datacenters. */
export const CLAIM_SETTING = 'external etcd over 3 datacenters, a member failing every 60 days and back in 2 hours on average (scenarios/etcd-sizing.yaml), 100 workers';

/** 3, 5 and 7 members under CLAIM_SETTING: pure computation (closed forms and the load model), a few milliseconds. */
export function etcdSizeClaim(): EtcdSizeRow[] {
  return [3, 5, 7].map((members) => {
    const s = scenarioFromRaw(
      {
        apiVersion: 'kubesim/v1',
        kind: 'Scenario',
        metadata: { name: `etcd-size-${members}` },
        spec: {
          datacenters: [{ name: 'dc-a' }, { name: 'dc-b' }, { name: 'dc-c' }],
          failures: { etcd: { mttf: '60d', mttr: '2h' } },
          clusters: [{ name: 'prod', model: 'multi-master', controlPlane: { nodes: 3 }, etcd: { members, topology: 'external' }, workers: { nodes: 100 } }],
        },
      },
      `<built-in etcd size check, ${members} members>`,
    );
    const perf = etcdPerformanceOf(s)['prod']!;
    return {
      members,
      failuresTolerated: perf.failuresTolerated,
      quorumAvailability: exactAvailabilities(s).get('prod\u0000etcdQuorum') ?? null,
      writeP99Ms: perf.write.kind === 'ok' ? perf.write.p99Ms : null,
      utilisation: perf.utilisation,
    };
  });
}
