/**
 * A small scenario whose every name is a parameter, and how to rename a run's digests and summary,
 * for the properties that renaming things (to `__proto__`, `constructor`, anything) changes
 * nothing but the names.
 */
import fc from 'fast-check';
import type { ReplicationDigest } from '../../src/experiment/Digest.js';
import type { Summary } from '../../src/experiment/Summary.js';

export interface Names {
  readonly scenario: string;
  readonly clusters: readonly [string, string];
  readonly tenants: readonly [string, string];
  readonly datacenters: readonly [string, string, string];
  readonly workloads: readonly [string, string];
}

export const BASE_NAMES: Names = {
  scenario: 'names',
  clusters: ['prod', 'shared'],
  tenants: ['team-a', 'team-b'],
  datacenters: ['dc-a', 'dc-b', 'dc-c'],
  workloads: ['web', 'batch'],
};

/** Object.prototype's names, the ones that once broke reports. */
export const BUILTIN_NAMES = ['__proto__', 'constructor', 'prototype', 'toString', 'valueOf', 'hasOwnProperty', 'isPrototypeOf', 'toLocaleString', '__defineGetter__'];

// The schema's rule for names (definitions.name): no '/', no control or bidirectional characters.
const NAME_RULE = /^[^/\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069\u061c\u2028\u2029]+$/;

/** Any name the schema accepts, built-ins often. */
export const arbName = fc.oneof(fc.constantFrom(...BUILTIN_NAMES), fc.string({ minLength: 1, maxLength: 8, unit: 'grapheme' }).filter((s) => NAME_RULE.test(s)));

const distinct = (n: number, arb: fc.Arbitrary<string> = arbName) => fc.uniqueArray(arb, { minLength: n, maxLength: n });

export const arbNames: fc.Arbitrary<Names> = fc.record({
  scenario: arbName,
  clusters: distinct(2, arbName.filter((s) => s !== 'global')) as fc.Arbitrary<[string, string]>,
  tenants: distinct(2) as fc.Arbitrary<[string, string]>,
  datacenters: distinct(3) as fc.Arbitrary<[string, string, string]>,
  workloads: distinct(2) as fc.Arbitrary<[string, string]>,
});

/** The raw scenario with these names: a multi-master cluster over three datacenters and a multi-tenant one, scripted faults on each. */
export function rawScenario(n: Names): unknown {
  const [c1, c2] = n.clusters;
  const [t1, t2] = n.tenants;
  const [d1, d2, d3] = n.datacenters;
  const [w1, w2] = n.workloads;
  return {
    apiVersion: 'kubesim/v1',
    kind: 'Scenario',
    metadata: { name: n.scenario },
    spec: {
      horizon: '10d',
      replications: 2,
      seed: 7,
      datacenters: [{ name: d1, outage: { mttf: '20d', mttr: '2h' } }, { name: d2 }, { name: d3 }],
      failures: { controlPlane: { mttf: '5d', mttr: '2h' }, etcd: { mttf: '5d', mttr: '1h' }, worker: { mttf: '3d', mttr: '3h' } },
      clusters: [
        { name: c1, model: 'multi-master', datacenters: [d1, d2, d3], workers: { nodes: 3 }, workloads: [{ name: w1, replicas: 3 }] },
        {
          name: c2,
          model: 'multi-tenant',
          datacenters: [d2],
          workers: { nodes: 3 },
          tenants: [{ name: t1 }, { name: t2 }],
          workloads: [
            { name: w1, tenant: t1, replicas: 2 },
            { name: w2, tenant: t2, replicas: 2 },
          ],
        },
      ],
      faults: [
        { at: '2d', crash: `${c1}/etcd-1`, for: '1h' },
        { at: '3d', outage: d1, for: '1h' },
        { at: '4d', runaway: `${c2}/${t1}`, for: '1h' },
      ],
    },
  };
}

const TENANT = 'tenant:';

/** How names map from the base run to a renamed one. */
function renamer(from: Names, to: Names) {
  const cluster = new Map(from.clusters.map((c, i) => [c, to.clusters[i]!]));
  const tenant = new Map(from.tenants.map((t, i) => [t, to.tenants[i]!]));
  const signal = (s: string): string => (s.startsWith(TENANT) ? TENANT + tenant.get(s.slice(TENANT.length))! : s);
  return { cluster: (c: string): string => cluster.get(c) ?? c, tenant: (t: string): string => tenant.get(t)!, signal };
}

/** The digests of a run of `rawScenario(from)` as a run of `rawScenario(to)` would name things. */
export function renameDigests(digests: readonly ReplicationDigest[], from: Names, to: Names): ReplicationDigest[] {
  const r = renamer(from, to);
  return digests.map((d) => ({
    ...d,
    signals: d.signals.map((s) => ({ ...s, cluster: r.cluster(s.cluster), signal: r.signal(s.signal) })),
    replicaFraction: d.replicaFraction.map(([c, x]) => [r.cluster(c), x] as const),
    tenants: d.tenants.map((t) => ({ ...t, cluster: r.cluster(t.cluster), tenant: r.tenant(t.tenant) })),
  }));
}

/** An object from entries in order, with `__proto__` as a real key (defineProperty, not assignment). */
function objectOf(entries: readonly (readonly [string, unknown])[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of entries) Object.defineProperty(out, k, { value: v, enumerable: true, writable: true, configurable: true });
  return out;
}

const renameKeys = (o: unknown, f: (k: string) => string): Record<string, unknown> => objectOf(Object.entries(o as object).map(([k, v]) => [f(k), v]));

/** The downtime-by-cause keys of rawScenario's three unnamed faults (docs/downtime-by-cause.md), by hand. */
function faultKeys(n: Names): string[] {
  return [`fault 1: crash ${n.clusters[0]}/etcd-1 for 1h`, `fault 2: outage of ${n.datacenters[0]} for 1h`, `fault 3: runaway workload of tenant ${n.clusters[1]}/${n.tenants[0]} for 1h`];
}

/** The summary JSON of the base run with every name changed, written independently of the code under test. */
export function renameSummaryJson(summaryJson: string, from: Names, to: Names): string {
  const r = renamer(from, to);
  const causes = new Map(faultKeys(from).map((k, i) => [k, faultKeys(to)[i]!]));
  const cause = (k: string) => causes.get(k) ?? k;
  const signal = (v: unknown) => objectOf(Object.entries(v as object).map(([k, x]) => [k, k === 'downtimeByCause' && x ? renameKeys(x, cause) : x]));
  const signals = (v: unknown) => objectOf(Object.entries(v as object).map(([k, x]) => [r.signal(k), signal(x)]));
  const doc = JSON.parse(summaryJson) as Summary;
  const clusters = objectOf(
    Object.entries(doc.clusters).map(([name, c]) => {
      const renamed = objectOf(Object.entries(c).map(([k, v]) => [k, k === 'signals' ? signals(v) : k === 'tenants' ? renameKeys(v, r.tenant) : v]));
      return [r.cluster(name), renamed] as const;
    }),
  );
  return JSON.stringify({ ...doc, scenario: to.scenario, clusters });
}
