/** etcd's figures at every point of a sweep: load, capacity, utilisation and write latency per cluster. */
import type { SweepSummary } from '../../experiment/sweep/index.js';
import { formatMs } from './sweepTable.js';

export const ETCD_COLUMNS = ['Point', 'Cluster', 'Members', 'Tolerates', 'Datacenters', 'Writes/s', 'Capacity/s', 'Load', 'Commit (best–worst leader)', 'p50', 'p99'] as const;

export function etcdTable(summary: SweepSummary): string[][] {
  return summary.points.flatMap((p) =>
    Object.entries(p.etcd).map(([cluster, e]) => [
      p.label,
      cluster,
      `${e.members}${e.learners > 0 ? ` + ${e.learners} learner` : ''}`,
      String(e.failuresTolerated),
      String(e.datacenters),
      e.load.total.toFixed(1),
      Math.round(e.capacityWritesPerSecond).toLocaleString('en-US'),
      `${(e.utilisation * 100).toFixed(1)}%`,
      `${formatMs(e.commitMs.fastestLeader)}–${formatMs(e.commitMs.slowestLeader)}`,
      e.write.kind === 'ok' ? formatMs(e.write.p50Ms) : 'saturated',
      e.write.kind === 'ok' ? formatMs(e.write.p99Ms) : 'saturated',
    ]),
  );
}
