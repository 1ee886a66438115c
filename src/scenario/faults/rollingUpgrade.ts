/** The rolling upgrade fault: a role's hosts restarted a few at a time, one batch after another. */
import type { SimTime } from '../../kernel/index.js';
import { didYouMean } from '../_internals/describe.js';
import { field, need, readDuration, readInteger } from '../_internals/read.js';
import type { FaultDefinition } from './FaultDefinition.js';
import { unknownCluster, type FaultTargets } from './FaultTargets.js';
import { quoteName, quoteValue } from '../../kernel/quoteValue.js';

export interface RollingUpgradeFault {
  readonly kind: 'rollingUpgrade';
  readonly at: SimTime;
  /** `<cluster>/controlPlane`, `<cluster>/etcd` or `<cluster>/workers`. */
  readonly target: string;
  /** How long each host is down. */
  readonly each: SimTime;
  /** Hosts upgraded at once (1 unless a surge is set). */
  readonly surge: number;
}

export const rollingUpgrade: FaultDefinition<RollingUpgradeFault> = {
  schema: {
    description: '<cluster>/controlPlane, <cluster>/etcd or <cluster>/workers: hosts restarted a few at a time. Needs `each`.',
    // The part is checked here for editors; validate words its own message, with a did-you-mean (checkUpgradeTarget).
    $comment: 'kubesim validate: checked here for editors; validate words its own message (rollingUpgrade.ts)',
    type: 'string',
    minLength: 1,
    pattern: '^[^/]+/(?:controlPlane|etcd|workers)$',
  },
  fields: {
    each: {
      needed: true,
      schema: { $ref: '#/definitions/positiveDuration', description: 'rollingUpgrade: how long each host is down.' },
    },
    surge: {
      needed: false,
      schema: { description: 'rollingUpgrade: hosts upgraded at once. Default 1.', type: 'integer', minimum: 1, default: 1 },
    },
  },
  read(r) {
    const name = r.text();
    const each = readDuration(r.p, need(r.p, r.obj, r.path, 'each'), [...r.path, 'each'], true);
    const surge = readInteger(r.p, field(r.obj, 'surge'), [...r.path, 'surge'], 1) ?? 1;
    const good = r.ok(name, name === undefined ? undefined : checkUpgradeTarget(name, r.targets));
    return good && r.at !== undefined && each !== undefined ? { kind: 'rollingUpgrade', at: r.at, target: name, each, surge } : undefined;
  },
  describe: (f, duration) => `rolling upgrade of ${f.target}, ${duration(f.each)} per host, ${f.surge} at a time`,
  toldByItsEffect: false,
  downSeconds: (f) => f.each,
};

const UPGRADE_PARTS = ['controlPlane', 'etcd', 'workers'] as const;

/** `<cluster>/controlPlane`, `<cluster>/etcd` or `<cluster>/workers`. */
function checkUpgradeTarget(name: string, t: FaultTargets): string | undefined {
  const [clusterName, part, ...rest] = name.split('/');
  const expected = `expected <cluster>/controlPlane, <cluster>/etcd or <cluster>/workers, found ${quoteValue(name)}`;
  if (part === undefined || rest.length > 0) return expected;
  const cluster = t.clusters.get(clusterName!);
  if (cluster === undefined) return unknownCluster(clusterName!, name, t);
  if (!(UPGRADE_PARTS as readonly string[]).includes(part)) return `${expected}${didYouMean(part, UPGRADE_PARTS)}`;
  if (part === 'workers' && cluster.workers.nodes === 0) return `${quoteName(cluster.name)} has no workers to upgrade`;
  return undefined;
}
