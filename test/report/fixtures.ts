/** Hand-made results for the report tests: a realistic scenario, summary, per-replication rows and trace. */
import { DAY, HOUR, MINUTE, YEAR } from '../../src/kernel/index.js';
import type { ClusterSummary, ReplicationRow, SignalSummary, Summary } from '../../src/experiment/Summary.js';
import type { Trace, TraceEvent } from '../../src/model/Trace.js';
import { ETCD_LOAD_DEFAULTS, KUBERNETES_DEFAULTS } from '../../src/scenario/defaults.js';
import type { ClusterSpec, Scenario } from '../../src/scenario/Scenario.js';
import type { CompareEntry, CompareInput, PropertyTable } from '../../src/report/ReportInput.js';

const exp = (mean: number) => ({ kind: 'exponential', mean }) as const;

export const prodSpec: ClusterSpec = {
  name: 'prod',
  model: 'multi-master',
  datacenters: ['dc-a', 'dc-b', 'dc-c'],
  controlPlane: { nodes: 3 },
  etcd: { members: 3, learners: 0, topology: 'stacked' },
  workers: { nodes: 120, podsPerNode: 110 },
  loadBalancer: { enabled: true, datacenters: ['dc-a'] },
  workloads: [
    { name: 'web', replicas: 6, minAvailable: 1 },
    { name: 'api', replicas: 4, minAvailable: 1 },
  ],
  tenants: [],
  failures: {},
};

export const stagingSpec: ClusterSpec = {
  name: 'staging',
  model: 'single-server',
  datacenters: ['dc-a'],
  controlPlane: { nodes: 1 },
  etcd: { members: 1, learners: 0, topology: 'stacked' },
  workers: { nodes: 0, podsPerNode: 110 },
  loadBalancer: { enabled: false, datacenters: ['dc-a'] },
  workloads: [{ name: 'web', replicas: 1, minAvailable: 1 }],
  tenants: [],
  failures: {},
};

export const scenario: Scenario = {
  name: 'ha-three-dcs',
  description: 'Stacked 3-member etcd spread over three datacenters, 120 workers; a single-server staging cluster.',
  horizon: YEAR,
  replications: 20,
  seed: 42,
  datacenters: [{ name: 'dc-a', outage: { mttf: exp(5 * YEAR), mttr: exp(4 * HOUR) } }, { name: 'dc-b' }, { name: 'dc-c' }],
  failureDomains: [],
  failures: {
    controlPlane: { mttf: exp(90 * DAY), mttr: exp(2 * HOUR) },
    etcd: { mttf: exp(120 * DAY), mttr: { kind: 'lognormal', median: HOUR, sigma: 1 } },
    worker: { mttf: exp(60 * DAY), mttr: exp(4 * HOUR) },
    loadBalancer: { mttf: exp(YEAR), mttr: exp(10 * MINUTE) },
  },
  clusters: [prodSpec, stagingSpec],
  faults: [
    { kind: 'crash', at: 30 * MINUTE, target: 'prod/etcd-1', duration: 2 * HOUR },
    { kind: 'partition', at: 3 * HOUR, groups: [['dc-a'], ['dc-b', 'dc-c']], duration: 15 * MINUTE },
    { kind: 'outage', at: 4 * HOUR, target: 'dc-c', duration: HOUR },
  ],
  raft: { heartbeatInterval: 0.1, electionTimeout: 1, preVote: true, rttIntraDc: 0.0005, rttInterDc: 0.01, fsync: 0.002 },
  // Kubernetes' defaults but the pre-1.32 grace period.
  kubernetes: { ...KUBERNETES_DEFAULTS, nodeMonitorGracePeriod: 40 },
  etcdLoad: ETCD_LOAD_DEFAULTS,
  cost: { currency: 'USD', hourly: { controlPlane: 0.19, etcd: 0.19, worker: 0.38, loadBalancer: 0.025 }, downtimePerMinute: 50 },
};

/** Replications of the fixture summary: outages in all = outages per year × 20 one-year runs. */
const REPLICATIONS = 20;

/**
 * A signal summary from an availability and outage figures; downtime follows from availability.
 * Its trust is what 20 one-year replications give: fewer than 10 outages in all is "few".
 */
export function signal(mean: number, halfWidth: number, outagesPerYear: number, meanOutage: number, p99: number): SignalSummary {
  const outages = Math.round(outagesPerYear * REPLICATIONS);
  return {
    availability: { mean, ci95: [mean - halfWidth, Math.min(1, mean + halfWidth)] },
    method: 'naive',
    trust:
      outages >= 10
        ? { level: 'ok', outages, reason: `${outages} outages observed` }
        : { level: 'few-outages', outages, reason: `only ${outages} outage${outages === 1 ? '' : 's'} observed (fewer than 10): the interval is rough` },
    bound: null,
    exact: null,
    nines: mean === 1 ? null : -Math.log10(1 - mean),
    downtimeSecondsPerYear: (1 - mean) * YEAR,
    outagesPerYear,
    meanOutageSeconds: outagesPerYear === 0 ? null : meanOutage,
    p99OutageSeconds: outagesPerYear === 0 ? null : p99,
    longestOutageSeconds: outagesPerYear === 0 ? null : p99 * 1.4,
    worstReplication: null,
    downtimeByCause: null,
  };
}

/**
 * A signal never seen down in `years` simulated years: every replication read 1, and the rule of
 * three bounds the unavailability by 3 outages of `assumedOutage` seconds in that time. By hand,
 * 1,000 y and 2 h: 3 × 7,200 s / (1,000 × 31,536,000 s) = 6.85e-7, so the bound is 99.9999315%.
 */
export function neverDown(years: number, assumedOutage: number): SignalSummary {
  const availability = 1 - (3 * assumedOutage) / (years * YEAR);
  return {
    availability: { mean: 1, ci95: [1, 1] },
    method: 'naive',
    trust: { level: 'no-outages', outages: 0, reason: 'no outage was observed: the availability is a bound, not an estimate' },
    bound: { availability, method: 'rule-of-three', simulatedYears: years, assumedOutageSeconds: assumedOutage },
    exact: null,
    nines: null,
    downtimeSecondsPerYear: 0,
    outagesPerYear: 0,
    meanOutageSeconds: null,
    p99OutageSeconds: null,
    longestOutageSeconds: null,
    worstReplication: null,
    downtimeByCause: null,
  };
}

/** The same signal from one replication: no interval. */
export function oneReplication(s: SignalSummary): SignalSummary {
  return {
    ...s,
    availability: { mean: s.availability.mean, ci95: null },
    trust: { level: 'single-replication', outages: s.trust.outages, reason: 'one replication: no spread to estimate a confidence interval from' },
  };
}

/** The same signal with most of its downtime in its three longest outages. */
export function dominated(s: SignalSummary, share: number): SignalSummary {
  const pct = Math.round(share * 100);
  return { ...s, trust: { level: 'dominated', outages: s.trust.outages, reason: `the 3 longest of ${s.trust.outages} outages hold ${pct}% of the downtime: another run may differ a lot` } };
}

/** The same figures from importance sampling: the outage-length percentiles are not estimated. */
export function importanceSampled(s: SignalSummary, cycles: number): SignalSummary {
  return { ...s, method: 'importance-sampling', trust: { ...s.trust, outages: cycles }, p99OutageSeconds: null, longestOutageSeconds: null };
}

/** The same signal with the exact steady-state value beside it; whether the CI holds it is worked out here. */
export function withExact(s: SignalSummary, availability: number): SignalSummary {
  const ci = s.availability.ci95;
  return { ...s, exact: { availability, withinCi: ci === null ? null : availability >= ci[0] && availability <= ci[1] } };
}

// By hand: 3 control-plane nodes at 0.19/h, 120 workers at 0.38/h, one load balancer at 0.025/h, 730 h.
const prodCost = { controlPlane: 3 * 0.19 * 730, worker: 120 * 0.38 * 730, loadBalancer: 0.025 * 730 };
const prodApiWrite = signal(0.99991, 0.00003, 5.2, 545, 3000);

const prod: ClusterSummary = {
  model: 'multi-master',
  signals: {
    etcdQuorum: signal(0.999987, 0.000005, 0.9, 455, 2400),
    apiWrite: prodApiWrite,
    apiRead: signal(0.99993, 0.00003, 4.1, 540, 2900),
    scheduling: signal(0.99989, 0.00004, 6.3, 560, 3100),
    workloads: signal(0.99975, 0.00008, 11.5, 690, 4200),
  },
  replicaFraction: { mean: 0.99931, ci95: [0.99925, 0.99937] },
  etcdFailuresTolerated: 1,
  cost: {
    currency: 'USD',
    perMonth: prodCost.controlPlane + prodCost.worker + prodCost.loadBalancer,
    byRole: prodCost,
    downtimePerMonth: (prodApiWrite.downtimeSecondsPerYear / 12 / 60) * 50,
  },
};

const stagingApiWrite = signal(0.99751, 0.0006, 9.8, 8050, 36000);
const staging: ClusterSummary = {
  model: 'single-server',
  signals: {
    etcdQuorum: signal(0.99762, 0.0006, 9.1, 8200, 36500),
    apiWrite: stagingApiWrite,
    apiRead: signal(0.99755, 0.0006, 9.5, 8100, 36200),
    scheduling: signal(0.99748, 0.0006, 10.2, 7800, 35900),
    workloads: signal(0.99702, 0.0007, 12.4, 7600, 35000),
  },
  replicaFraction: { mean: 0.99702, ci95: [0.99632, 0.99772] },
  etcdFailuresTolerated: 0,
  cost: {
    currency: 'USD',
    perMonth: 0.19 * 730,
    byRole: { controlPlane: 0.19 * 730 },
    downtimePerMonth: (stagingApiWrite.downtimeSecondsPerYear / 12 / 60) * 50,
  },
};

export const summary: Summary = {
  kubesim: '0.1.0',
  scenario: 'ha-three-dcs',
  seed: 42,
  replications: 20,
  horizonSeconds: YEAR,
  clusters: { prod, staging },
  global: { signals: {} },
  cost: {
    currency: 'USD',
    perMonth: prod.cost.perMonth + staging.cost.perMonth,
    downtimePerMonth: prod.cost.downtimePerMonth! + staging.cost.downtimePerMonth!,
  },
};

/**
 * The fixture summary with prod's signals covering every trust level: never down in 1,000 years
 * (bound), few outages (0.2 a year × 20 runs = 4), one replication, dominated, and importance
 * sampling with an exact value (99.985%) above its CI (99.967–99.983%).
 */
export const flaggedSummary: Summary = (() => {
  const s = prod.signals;
  return {
    ...summary,
    clusters: {
      ...summary.clusters,
      prod: {
        ...prod,
        signals: {
          etcdQuorum: neverDown(1000, 7200),
          apiWrite: signal(0.99999, 0.000005, 0.2, 455, 600),
          apiRead: oneReplication(s['apiRead']!),
          scheduling: dominated(s['scheduling']!, 0.72),
          workloads: importanceSampled(withExact(s['workloads']!, 0.99985), 340),
        },
      },
    },
  };
})();

/** A tiny deterministic generator (a linear congruential one), so the rows never change. */
function lcg(seed: number): () => number {
  let x = seed >>> 0;
  return () => {
    x = (Math.imul(x, 1664525) + 1013904223) >>> 0;
    return x / 2 ** 32;
  };
}

/** Per-replication rows consistent in spirit with the summary: 20 replications of each signal. */
export const rows: ReplicationRow[] = (() => {
  const rnd = lcg(7);
  const out: ReplicationRow[] = [];
  for (let replication = 1; replication <= summary.replications; replication++) {
    for (const [cluster, cs] of Object.entries(summary.clusters)) {
      for (const [name, s] of Object.entries(cs.signals)) {
        // Poisson-ish count around the yearly rate, and exponential lengths around the mean.
        let outages = 0;
        for (let k = 0; k < 3 * s.outagesPerYear; k++) if (rnd() < 1 / 3) outages++;
        let downSeconds = 0;
        let longest = 0;
        for (let k = 0; k < outages; k++) {
          const len = -(s.meanOutageSeconds ?? 0) * Math.log(1 - rnd());
          downSeconds += len;
          longest = Math.max(longest, len);
        }
        out.push({
          replication,
          cluster,
          signal: name,
          availability: 1 - downSeconds / YEAR,
          upSeconds: YEAR - downSeconds,
          downSeconds,
          outages,
          longestOutageSeconds: longest,
        });
      }
    }
  }
  return out;
})();

const signalNames = ['etcdQuorum', 'apiWrite', 'apiRead', 'scheduling', 'workloads'];

/** Six hours of one replication: an etcd crash with a new leader, a partition, a datacenter outage. */
export const trace: Trace = {
  horizon: 6 * HOUR,
  components: [
    'prod/cp-1', 'prod/cp-2', 'prod/cp-3',
    'prod/etcd-1', 'prod/etcd-2', 'prod/etcd-3',
    'prod/worker-1', 'prod/worker-2', 'prod/worker-3', 'prod/worker-4',
    'prod/lb',
    'staging/cp-1', 'staging/etcd-1',
  ],
  signals: [...signalNames.map((s) => `prod/${s}`), ...signalNames.map((s) => `staging/${s}`)],
  events: (
    [
      { t: 0, kind: 'leader', cluster: 'prod', leader: 'prod/etcd-1', term: 2, reason: 'initial election' },
      { t: 0, kind: 'leader', cluster: 'staging', leader: 'staging/etcd-1', term: 1, reason: 'initial election' },
      // 00:30 the scripted crash of the prod leader: 1.2 s without a leader, then etcd-2 leads.
      { t: 1800, kind: 'fault', fault: 'crash', text: 'crash prod/etcd-1 for 2h' },
      { t: 1800, kind: 'component', name: 'prod/etcd-1', up: false, cause: 'fault: crash' },
      { t: 1800, kind: 'leader', cluster: 'prod', leader: null, term: 2, reason: 'leader crashed' },
      { t: 1800, kind: 'signal', key: 'prod/apiWrite', up: false },
      { t: 1800, kind: 'signal', key: 'prod/scheduling', up: false },
      { t: 1801.2, kind: 'leader', cluster: 'prod', leader: 'prod/etcd-2', term: 3, reason: 'won election' },
      { t: 1801.2, kind: 'signal', key: 'prod/apiWrite', up: true },
      { t: 1816, kind: 'signal', key: 'prod/scheduling', up: true },
      // 01:06 a worker fails at random; its pods come back elsewhere after the eviction timeout.
      { t: 4000, kind: 'component', name: 'prod/worker-3', up: false, cause: 'random failure' },
      { t: 4000, kind: 'signal', key: 'prod/workloads', up: false },
      { t: 4340, kind: 'signal', key: 'prod/workloads', up: true },
      { t: 9000, kind: 'component', name: 'prod/etcd-1', up: true, cause: 'fault ended' },
      // 03:00 dc-a is cut off: the load balancer there loses the apiservers in dc-b and dc-c.
      { t: 10800, kind: 'fault', fault: 'partition', text: 'partition [dc-a] | [dc-b, dc-c] for 15m' },
      { t: 10800, kind: 'partition', groups: [['dc-a'], ['dc-b', 'dc-c']], active: true },
      { t: 10800, kind: 'signal', key: 'prod/apiWrite', up: false },
      { t: 10800, kind: 'signal', key: 'prod/apiRead', up: false },
      { t: 11700, kind: 'partition', groups: [['dc-a'], ['dc-b', 'dc-c']], active: false },
      { t: 11700, kind: 'signal', key: 'prod/apiWrite', up: true },
      { t: 11700, kind: 'signal', key: 'prod/apiRead', up: true },
      // 04:00 dc-c goes dark for an hour: etcd-3 and cp-3 with it; quorum holds with 2 of 3.
      { t: 14400, kind: 'fault', fault: 'outage', text: 'outage of dc-c for 1h' },
      { t: 14400, kind: 'datacenter', name: 'dc-c', up: false, cause: 'fault: outage' },
      { t: 14400, kind: 'component', name: 'prod/cp-3', up: false, cause: 'datacenter down' },
      { t: 14400, kind: 'component', name: 'prod/etcd-3', up: false, cause: 'datacenter down' },
      { t: 14400, kind: 'note', text: 'quorum holds: 2 of 3 members up' },
      // 04:26 staging's only server fails: everything in staging is down for 40 minutes.
      { t: 16000, kind: 'component', name: 'staging/cp-1', up: false, cause: 'random failure' },
      { t: 16000, kind: 'component', name: 'staging/etcd-1', up: false, cause: 'host down' },
      { t: 16000, kind: 'leader', cluster: 'staging', leader: null, term: 1, reason: 'leader crashed' },
      ...signalNames.map((s) => ({ t: 16000, kind: 'signal', key: `staging/${s}`, up: false }) as const),
      { t: 18000, kind: 'datacenter', name: 'dc-c', up: true, cause: 'repaired' },
      { t: 18000, kind: 'component', name: 'prod/cp-3', up: true, cause: 'datacenter up' },
      { t: 18000, kind: 'component', name: 'prod/etcd-3', up: true, cause: 'datacenter up' },
      { t: 18400, kind: 'component', name: 'prod/worker-3', up: true, cause: 'repaired' },
      { t: 18400, kind: 'component', name: 'staging/cp-1', up: true, cause: 'repaired' },
      { t: 18400, kind: 'component', name: 'staging/etcd-1', up: true, cause: 'host up' },
      { t: 18401, kind: 'leader', cluster: 'staging', leader: 'staging/etcd-1', term: 2, reason: 'won election' },
      ...signalNames.map((s) => ({ t: s === 'workloads' ? 18420 : 18401, kind: 'signal', key: `staging/${s}`, up: true }) as const),
    ] satisfies TraceEvent[]
  ).sort((a, b) => a.t - b.t),
};

/** A variant of the scenario: another name, other clusters, its summary built from `apiWrite` alone. */
function variant(label: string, spec: ClusterSpec, api: number, halfWidth: number, perMonth: Record<string, number>): CompareEntry {
  const s: Scenario = { ...scenario, name: `ha-${label}`, description: `${spec.model}: ${label}`, clusters: [spec] };
  const total = Object.values(perMonth).reduce((a, b) => a + b, 0);
  const cs: ClusterSummary = {
    model: spec.model,
    signals: {
      etcdQuorum: signal(Math.min(0.9999995, api + (1 - api) * 0.6), halfWidth, 1, 400, 2000),
      apiWrite: signal(api, halfWidth, 5, 500, 3000),
      apiRead: signal(Math.min(0.9999995, api + (1 - api) * 0.2), halfWidth, 4, 500, 2900),
      scheduling: signal(api - (1 - api) * 0.1, halfWidth, 6, 520, 3100),
      workloads: signal(api - (1 - api) * 0.5, halfWidth, 10, 600, 4000),
    },
    etcdFailuresTolerated: Math.floor((spec.etcd.members - 1) / 2),
    cost: { currency: 'USD', perMonth: total, byRole: perMonth },
  };
  return {
    label,
    scenario: s,
    summary: { ...summary, scenario: s.name, clusters: { [spec.name]: cs }, cost: { currency: 'USD', perMonth: total } },
  };
}

const mm = (members: number, topology: 'stacked' | 'external', cp: number): ClusterSpec => ({
  ...prodSpec,
  controlPlane: { nodes: cp },
  etcd: { members, learners: 0, topology },
});

/** Four configurations of one cluster, for the compare page: one of them is dominated. */
export const compareEntries: CompareEntry[] = [
  // One host for everything: the cheapest by far, and the least available.
  variant('single-server', { ...stagingSpec, name: 'prod' }, 0.9975, 0.0006, { controlPlane: 138.7 }),
  variant('3 stacked', mm(3, 'stacked', 3), 0.99991, 0.00003, { controlPlane: 416.1, worker: 33288, loadBalancer: 18.25 }),
  variant('5 stacked', mm(5, 'stacked', 5), 0.999962, 0.00001, { controlPlane: 693.5, worker: 33288, loadBalancer: 18.25 }),
  // Dearer than "5 stacked" and less available: dominated.
  variant('3 external', mm(3, 'external', 3), 0.99993, 0.00003, { controlPlane: 416.1, etcd: 416.1, worker: 33288, loadBalancer: 18.25 }),
];

/** The properties table of the deployment models, passed in as data. */
export const properties: PropertyTable = {
  title: 'What each configuration guarantees',
  columns: ['highly available', 'replicated config', 'namespace isolation'],
  rows: [
    { label: 'single-server', values: { 'highly available': false, 'replicated config': false, 'namespace isolation': 'namespaces only' } },
    { label: '3 stacked', values: { 'highly available': true, 'replicated config': true, 'namespace isolation': 'namespaces only' } },
    { label: '5 stacked', values: { 'highly available': true, 'replicated config': true, 'namespace isolation': 'namespaces only' } },
    { label: '3 external', values: { 'highly available': true, 'replicated config': true } },
  ],
};

export const compareInput: CompareInput = {
  kind: 'compare',
  title: 'etcd layouts compared',
  description: 'The same 120-worker cluster with four control-plane layouts.',
  entries: compareEntries,
  properties,
};
