/**
 * Small random valid scenarios for property tests, built as raw documents and read by the
 * product's own scenarioFromRaw, so every generated scenario is one a user could write.
 */
import fc from 'fast-check';
import { scenarioFromRaw } from '../../src/scenario/scenarioFromRaw.js';
import { FAULT_KIND_NAMES } from '../../src/scenario/faults/faultKinds.js';
import type { DeploymentModel, FaultKind, Scenario } from '../../src/scenario/Scenario.js';

const HOUR = 3600;

/** The simulated time of a generated scenario: a day, so random failures (mean 10-50 h) and faults both happen. */
export const ARB_HORIZON = 24 * HOUR;

/** An exponential failure process as the scenario format writes it, in hours. */
const failure = (mttfH: number, mttrH: number) => ({ mttf: `${mttfH}h`, mttr: `${mttrH}h` });

/** Random failures by role: each role fails or not, with means that make a day eventful. */
const arbFailures = fc.record(
  {
    controlPlane: fc.constant(failure(20, 1)),
    etcd: fc.constant(failure(10, 1)),
    worker: fc.constant(failure(10, 2)),
    loadBalancer: fc.constant({ mttf: '50h', mttr: '10m' }),
  },
  { requiredKeys: [] },
);

interface ClusterShape {
  readonly name: string;
  readonly model: DeploymentModel;
  readonly datacenters: readonly string[];
  readonly cp: number;
  readonly members: number;
  readonly learners: number;
  readonly topology: 'stacked' | 'external';
  readonly workers: number;
  readonly lbDatacenters: readonly string[];
  readonly lbEnabled: boolean;
  readonly tenants: readonly string[];
}

/** One cluster of `model` over some of `dcs`: sizes valid for the model (stacked needs members + learners <= nodes). */
function arbCluster(name: string, model: DeploymentModel, dcs: readonly string[]): fc.Arbitrary<ClusterShape> {
  if (model === 'single-server') {
    return fc.constantFrom(...dcs).map((dc) => ({
      name,
      model,
      datacenters: [dc],
      cp: 1,
      members: 1,
      learners: 0,
      topology: 'stacked' as const,
      workers: 1,
      lbDatacenters: [dc],
      lbEnabled: false,
      tenants: [],
    }));
  }
  return fc
    .record({
      datacenters: fc.subarray([...dcs], { minLength: 1 }),
      members: fc.integer({ min: 1, max: 5 }),
      learners: fc.integer({ min: 0, max: 1 }),
      external: fc.boolean(),
      extraCp: fc.integer({ min: 0, max: 1 }),
      workers: fc.integer({ min: 0, max: 3 }),
      lbEnabled: fc.boolean(),
      lbDatacenters: fc.subarray([...dcs], { minLength: 1 }),
      tenants: model === 'multi-tenant' ? fc.subarray(['team-a', 'team-b'], { minLength: 1 }) : fc.constant([]),
    })
    .map((r) => ({
      name,
      model,
      datacenters: r.datacenters,
      cp: r.external ? 1 + r.extraCp * 2 : r.members + r.learners + r.extraCp,
      members: r.members,
      learners: r.learners,
      topology: r.external ? ('external' as const) : ('stacked' as const),
      workers: r.workers,
      lbDatacenters: r.lbDatacenters,
      lbEnabled: r.lbEnabled,
      tenants: r.tenants,
    }));
}

function rawCluster(c: ClusterShape, replicas: number): Record<string, unknown> {
  const base: Record<string, unknown> = {
    name: c.name,
    model: c.model,
    datacenters: c.datacenters,
    workloads: c.workers > 0 ? [{ name: 'web', replicas, minAvailable: 1, ...(c.tenants.length > 0 ? { tenant: c.tenants[0] } : {}) }] : [],
  };
  if (c.model === 'single-server') return base;
  return {
    ...base,
    controlPlane: { nodes: c.cp },
    etcd: { members: c.members, learners: c.learners, topology: c.topology },
    workers: { nodes: c.workers },
    loadBalancer: { enabled: c.lbEnabled, datacenters: c.lbDatacenters },
    ...(c.tenants.length > 0 ? { tenants: c.tenants.map((name, i) => ({ name, networkPolicy: i === 0, ...(i === 0 ? { quota: { pods: 20 } } : {}) })) } : {}),
  };
}

/** Every name a crash may target in a cluster: hosts, learners, load balancers and the etcd leader. */
function crashTargets(c: ClusterShape): string[] {
  const n = (prefix: string, k: number) => Array.from({ length: k }, (_, i) => `${c.name}/${prefix}-${i + 1}`);
  const lbs = !c.lbEnabled ? [] : c.lbDatacenters.length === 1 ? [`${c.name}/lb`] : n('lb', c.lbDatacenters.length);
  return [...n('cp', c.cp), ...n('etcd', c.members + c.learners), ...n('worker', c.workers), ...lbs, `${c.name}/etcd-leader`];
}


interface FaultDraw {
  readonly kind: FaultKind;
  readonly atMinutes: number;
  readonly forMinutes: number;
  readonly pick: number;
  readonly pick2: number;
  readonly flag: boolean;
}

/** A raw fault of the drawn kind, if the scenario has what it needs (tenants, a federation, workers). */
function rawFault(f: FaultDraw, dcs: readonly string[], clusters: readonly ClusterShape[], federation: boolean): Record<string, unknown> | undefined {
  const at = `${f.atMinutes}m`;
  const span = `${f.forMinutes}m`;
  const c = clusters[f.pick2 % clusters.length]!;
  const pick = <T>(xs: readonly T[]): T => xs[f.pick % xs.length]!;
  switch (f.kind) {
    case 'crash':
      return { at, crash: pick(crashTargets(c)), for: span };
    case 'freeze': {
      const members = crashTargets(c).filter((x) => /\/etcd-(\d+|leader)$/.test(x));
      return members.length > 0 ? { at, freeze: pick(members), for: span } : undefined;
    }
    case 'outage':
      return { at, outage: pick(dcs), for: span };
    case 'partition': {
      // Datacenters on one side, or one component (the etcd leader of the moment too) cut off from the rest.
      const side = f.flag ? [pick(dcs)] : [pick(crashTargets(c))];
      return { at, partition: [side], for: span };
    }
    case 'rollingUpgrade': {
      const parts = ['controlPlane', 'etcd', ...(c.workers > 0 ? ['workers'] : [])];
      return { at, rollingUpgrade: `${c.name}/${pick(parts)}`, each: `${1 + (f.forMinutes % 20)}m`, ...(f.flag ? { surge: 2 } : {}) };
    }
    case 'runaway':
    case 'compromise': {
      const tenants = clusters.filter((x) => x.tenants.length > 0);
      if (tenants.length === 0) return undefined;
      const t = tenants[f.pick2 % tenants.length]!;
      return { at, [f.kind]: `${t.name}/${pick(t.tenants)}`, for: span };
    }
    case 'rollout':
      return federation ? { at, rollout: `v${f.pick % 10}`, bad: f.flag } : undefined;
    default: {
      // Every kind of the registry is drawn: a new kind does not compile until it is written here.
      const unknown: never = f.kind;
      return unknown;
    }
  }
}

const arbFault: fc.Arbitrary<FaultDraw> = fc.record({
  kind: fc.constantFrom(...FAULT_KIND_NAMES),
  atMinutes: fc.integer({ min: 0, max: ARB_HORIZON / 60 - 1 }),
  forMinutes: fc.integer({ min: 1, max: 120 }),
  pick: fc.nat(),
  pick2: fc.nat(),
  flag: fc.boolean(),
});

/** The clusters of each deployment model: one for the single-cluster models, two or three for the others. */
function arbClusters(model: DeploymentModel, dcs: readonly string[]): fc.Arbitrary<ClusterShape[]> {
  if (model === 'multi-cluster' || model === 'federation') {
    const names = model === 'federation' ? ['host', 'member-a', 'member-b'] : ['prod', 'edge', 'mgmt'];
    return fc.integer({ min: 2, max: 3 }).chain((k) => fc.tuple(...names.slice(0, k).map((n) => arbCluster(n, model, dcs))));
  }
  return arbCluster('prod', model, dcs).map((c) => [c]);
}

/** Inputs of a generated scenario, kept apart so a failing case shrinks to something readable. */
const arbDraw = fc
  .record({
    model: fc.constantFrom<DeploymentModel>('single-server', 'multi-master', 'multi-tenant', 'multi-cluster', 'federation'),
    dcs: fc.integer({ min: 1, max: 3 }),
    outages: fc.array(fc.boolean(), { minLength: 3, maxLength: 3 }),
    failures: arbFailures,
    preVote: fc.boolean(),
    seed: fc.integer({ min: 0, max: 1000 }),
    replicas: fc.integer({ min: 1, max: 6 }),
    faults: fc.array(arbFault, { maxLength: 5 }),
    management: fc.boolean(),
  })
  .chain((d) => {
    const dcs = ['dc-a', 'dc-b', 'dc-c'].slice(0, d.dcs);
    return arbClusters(d.model, dcs).map((clusters) => ({ ...d, dcNames: dcs, clusters }));
  });

/** The raw document (as parsed YAML) of a small random scenario. */
export const arbRawScenario: fc.Arbitrary<Record<string, unknown>> = arbDraw.map((d) => {
  const federation = d.model === 'federation';
  const faults = d.faults.flatMap((f) => rawFault(f, d.dcNames, d.clusters, federation) ?? []);
  return {
    apiVersion: 'kubesim/v1',
    kind: 'Scenario',
    metadata: { name: 'generated' },
    spec: {
      horizon: `${ARB_HORIZON}s`,
      replications: 1,
      seed: d.seed,
      datacenters: d.dcNames.map((name, i) => ({ name, ...(d.outages[i] ? { outage: failure(40, 1) } : {}) })),
      failures: d.failures,
      raft: { preVote: d.preVote },
      clusters: d.clusters.map((c) => rawCluster(c, d.replicas)),
      ...(federation ? { federation: { hostCluster: 'host' } } : {}),
      ...(d.model === 'multi-cluster' && d.management ? { management: { cluster: 'prod' } } : {}),
      faults,
    },
  };
});

/** A small random valid Scenario: every deployment model, learners, stacked and external etcd,
 * 1-3 datacenters with outages, load balancers in one or several datacenters, random failures
 * of any role and every scripted fault kind the scenario can carry. */
export const arbScenario: fc.Arbitrary<Scenario> = arbRawScenario.map((raw) => scenarioFromRaw(raw, 'generated.yaml'));
