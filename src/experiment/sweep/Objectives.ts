/** Service-level objectives a sweep point must meet, and the verdict on one point. */

/** `--slo apiWrite=99.99`: the signal's mean availability must be at least `targetPercent`. */
export interface AvailabilityObjective {
  readonly signal: string;
  readonly targetPercent: number;
}

export interface Objectives {
  readonly availability: readonly AvailabilityObjective[];
  /** `--max-write-p99 100ms`: every cluster's etcd write p99 at most this; null when not asked. */
  readonly maxWriteP99Ms: number | null;
}

/** One objective checked in one place (a cluster, or `global`). */
export type Check =
  | {
      readonly kind: 'availability';
      readonly signal: string;
      readonly where: string;
      readonly targetPercent: number;
      /** Mean availability in percent, and the low end of its 95% confidence interval. */
      readonly valuePercent: number;
      readonly ci95LowPercent: number;
      readonly met: boolean;
    }
  | {
      readonly kind: 'writeP99';
      readonly where: string;
      readonly limitMs: number;
      /** null when etcd is saturated (the latency grows without bound). */
      readonly valueMs: number | null;
      readonly met: boolean;
    };

export interface Verdict {
  /** Every check met (true when there are no objectives). */
  readonly met: boolean;
  readonly checks: readonly Check[];
}

export function hasObjectives(o: Objectives): boolean {
  return o.availability.length > 0 || o.maxWriteP99Ms !== null;
}

/** `apiWrite >= 99.99%` or `write p99 <= 100 ms`: how a check reads in tables and messages. */
export function describeObjective(c: Check): string {
  return c.kind === 'availability' ? `${c.signal} >= ${c.targetPercent}%` : `write p99 <= ${c.limitMs} ms`;
}
