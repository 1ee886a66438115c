/** The schema of a replication digest in a partial file: every field's type and range. */
import { LogHistogram } from '../../../kernel/index.js';
import { array, fail, first, number, object, string, type Problem } from './check.js';

const SECONDS = { min: 0 } as const;
const COUNT = { min: 0, whole: true } as const;
const BUCKETS = LogHistogram.PER_DECADE * LogHistogram.DECADES;

export function checkReplicationDigest(v: unknown, path: string): Problem {
  return first(
    () => object(v, path, ['replication', 'signals', 'replicaFraction', 'tenants', 'badVersionReach', 'events']),
    () => {
      const d = v as Record<string, unknown>;
      return first(
        () => number(d['replication'], `${path}.replication`, COUNT),
        () => array(d['signals'], `${path}.signals`, checkSignalDigest),
        () => array(d['replicaFraction'], `${path}.replicaFraction`, checkFraction),
        () => array(d['tenants'], `${path}.tenants`, checkTenant),
        () => (d['badVersionReach'] === null ? undefined : number(d['badVersionReach'], `${path}.badVersionReach`, COUNT)),
        () => number(d['events'], `${path}.events`, COUNT),
      );
    },
  );
}

function checkSignalDigest(v: unknown, path: string): Problem {
  return first(
    () => object(v, path, ['cluster', 'signal', 'upSeconds', 'downSeconds', 'outages', 'longestOutage', 'longestOutages', 'shortestOutage', 'histogram', 'downtimeByCause']),
    () => {
      const s = v as Record<string, unknown>;
      return first(
        () => string(s['cluster'], `${path}.cluster`, true),
        () => string(s['signal'], `${path}.signal`, true),
        () => number(s['upSeconds'], `${path}.upSeconds`, SECONDS),
        () => number(s['downSeconds'], `${path}.downSeconds`, SECONDS),
        () => number(s['outages'], `${path}.outages`, COUNT),
        () => number(s['longestOutage'], `${path}.longestOutage`, SECONDS),
        () => array(s['longestOutages'], `${path}.longestOutages`, (x, p) => number(x, p, SECONDS), undefined, 'an array of numbers'),
        () => ((s['longestOutages'] as unknown[]).length > 3 ? `${path}.longestOutages: expected at most 3 items, found ${(s['longestOutages'] as unknown[]).length}` : undefined),
        () => (isDescending(s['longestOutages'] as number[]) ? undefined : `${path}.longestOutages: expected the longest first`),
        () => number(s['shortestOutage'], `${path}.shortestOutage`, { min: 0, infinite: true }),
        () => array(s['histogram'], `${path}.histogram`, checkBucket),
        () => array(s['downtimeByCause'], `${path}.downtimeByCause`, checkCauseSeconds),
        () => (isIncreasing(s['downtimeByCause'] as [number, number][]) ? undefined : `${path}.downtimeByCause: expected cause ids in increasing order`),
      );
    },
  );
}

const isIncreasing = (pairs: readonly (readonly [number, number])[]) => pairs.every((x, i) => i === 0 || x[0] > pairs[i - 1]![0]);
const isDescending = (xs: readonly number[]) => xs.every((x, i) => i === 0 || x <= xs[i - 1]!);

/** A sparse histogram entry: [bucket, count], the bucket within LogHistogram's range, the count positive. */
function checkBucket(v: unknown, path: string): Problem {
  if (!Array.isArray(v) || v.length !== 2) return fail(path, 'a [bucket, count] pair', v);
  return first(
    () => number(v[0], `${path}[0]`, { min: 0, max: BUCKETS - 1, whole: true }),
    () => number(v[1], `${path}[1]`, { min: 1, whole: true }),
  );
}

/** A sparse downtime-by-cause entry: [cause id, seconds], the seconds positive. */
function checkCauseSeconds(v: unknown, path: string): Problem {
  if (!Array.isArray(v) || v.length !== 2) return fail(path, 'a [cause, seconds] pair', v);
  return first(
    () => number(v[0], `${path}[0]`, COUNT),
    () => number(v[1], `${path}[1]`, SECONDS),
  );
}

/** [cluster, fraction of desired replicas running]: NaN for a cluster without workloads. */
function checkFraction(v: unknown, path: string): Problem {
  if (!Array.isArray(v) || v.length !== 2) return fail(path, 'a [cluster, fraction] pair', v);
  return first(
    () => string(v[0], `${path}[0]`, true),
    () => number(v[1], `${path}[1]`, { min: 0, max: 1, nan: true }),
  );
}

function checkTenant(v: unknown, path: string): Problem {
  return first(
    () => object(v, path, ['cluster', 'tenant', 'harmedSeconds', 'exposedSeconds', 'incidents', 'tenantsTouched']),
    () => {
      const t = v as Record<string, unknown>;
      return first(
        () => string(t['cluster'], `${path}.cluster`, true),
        () => string(t['tenant'], `${path}.tenant`, true),
        () => number(t['harmedSeconds'], `${path}.harmedSeconds`, SECONDS),
        () => number(t['exposedSeconds'], `${path}.exposedSeconds`, SECONDS),
        () => number(t['incidents'], `${path}.incidents`, COUNT),
        () => number(t['tenantsTouched'], `${path}.tenantsTouched`, COUNT),
      );
    },
  );
}
