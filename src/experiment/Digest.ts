/** What one replication leaves behind for the summary: small, plain and serialisable (it crosses threads). */
import type { ReplicationResult } from '../model/Replication.js';

export interface SignalDigest {
  readonly cluster: string;
  readonly signal: string;
  readonly upSeconds: number;
  readonly downSeconds: number;
  readonly outages: number;
  readonly longestOutage: number;
  /** The replication's longest outages, up to 3, longest first (for the "dominated" verdict). */
  readonly longestOutages: readonly number[];
  readonly shortestOutage: number;
  /** Outage lengths as LogHistogram counts (sparse: [bucket, count] pairs). */
  readonly histogram: readonly (readonly [number, number])[];
  /** Seconds of downtime by cause (sparse: [cause id, seconds] pairs, ids of the model's DowntimeCauses). */
  readonly downtimeByCause: readonly (readonly [number, number])[];
}

export interface ReplicationDigest {
  readonly replication: number;
  readonly signals: readonly SignalDigest[];
  readonly replicaFraction: readonly (readonly [string, number])[];
  readonly tenants: ReplicationResult['tenants'];
  readonly badVersionReach: number | null;
  readonly events: number;
}

export function digest(r: ReplicationResult): ReplicationDigest {
  return {
    replication: r.replication,
    signals: r.signals.map(({ cluster, signal, stats, byCause }) => {
      const histogram: [number, number][] = [];
      stats.outageLengths.counts.forEach((c, i) => {
        if (c > 0) histogram.push([i, c]);
      });
      return {
        cluster,
        signal,
        upSeconds: stats.upTime,
        downSeconds: stats.downTime,
        outages: stats.outages,
        longestOutage: stats.longestOutage,
        longestOutages: [...stats.longestOutages],
        shortestOutage: stats.shortestOutage,
        histogram,
        downtimeByCause: sparse(byCause),
      };
    }),
    replicaFraction: [...r.replicaFraction.entries()],
    tenants: r.tenants,
    badVersionReach: r.badVersionReach,
    events: r.events,
  };
}

function sparse(xs: ArrayLike<number>): [number, number][] {
  const out: [number, number][] = [];
  for (let i = 0; i < xs.length; i++) if (xs[i]! > 0) out.push([i, xs[i]!]);
  return out;
}
