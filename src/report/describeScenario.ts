/** The scenario at a glance, as plain strings (not escaped) that the HTML and Markdown pages lay out. */
import type { Distribution } from '../kernel/index.js';
import type { ClusterSpec, Fault, FailureProcess, Scenario } from '../scenario/Scenario.js';
import { ROLES } from '../scenario/Scenario.js';
import { faultDefinition } from '../scenario/faults/faultKinds.js';
import { formatSeconds } from './format.js';

export interface ScenarioGlance {
  readonly name: string;
  readonly description: string;
  readonly facts: readonly (readonly [label: string, value: string])[];
  readonly clusters: readonly ClusterGlance[];
  readonly datacenters: readonly (readonly [name: string, outages: string])[];
  readonly failures: readonly (readonly [role: string, mttf: string, mttr: string])[];
  readonly faults: readonly (readonly [at: string, what: string])[];
}

export interface ClusterGlance {
  readonly name: string;
  readonly model: string;
  readonly datacenters: string;
  readonly controlPlane: string;
  readonly etcd: string;
  readonly workers: string;
  readonly loadBalancer: string;
  readonly workloads: string;
}

export function describeScenario(scenario: Scenario): ScenarioGlance {
  return {
    name: scenario.name,
    description: scenario.description,
    facts: [
      ['Horizon of a replication', formatSeconds(scenario.horizon)],
      ['Replications', String(scenario.replications)],
      ['Seed', String(scenario.seed)],
      ['Clusters', String(scenario.clusters.length)],
      ['Datacenters', String(scenario.datacenters.length)],
      ['Scripted faults', String(scenario.faults.length)],
    ],
    clusters: scenario.clusters.map(describeCluster),
    datacenters: scenario.datacenters.map((dc) => [dc.name, dc.outage ? describeProcess(dc.outage) : 'never fails'] as const),
    failures: ROLES.flatMap((role) => {
      const f = scenario.failures[role];
      return f ? [[role, describeDistribution(f.mttf), describeDistribution(f.mttr)] as const] : [];
    }),
    faults: scenario.faults.map((f) => [`at ${formatSeconds(f.at)}`, describeFault(f)] as const),
  };
}

function describeCluster(c: ClusterSpec): ClusterGlance {
  const learners = c.etcd.learners > 0 ? ` + ${c.etcd.learners} learner${c.etcd.learners === 1 ? '' : 's'}` : '';
  return {
    name: c.name,
    model: c.model,
    datacenters: c.datacenters.join(', '),
    controlPlane: `${c.controlPlane.nodes} node${c.controlPlane.nodes === 1 ? '' : 's'}`,
    etcd: `${c.etcd.members} member${c.etcd.members === 1 ? '' : 's'}${learners}, ${c.etcd.topology}`,
    workers: `${c.workers.nodes} × ${c.workers.podsPerNode} pods`,
    loadBalancer: !c.loadBalancer.enabled
      ? 'none'
      : c.loadBalancer.datacenters.length === 1
        ? `in ${c.loadBalancer.datacenters[0]!}`
        : `one in each of ${c.loadBalancer.datacenters.join(', ')}`,
    workloads: c.workloads.length === 0 ? 'none' : c.workloads.map((w) => `${w.name} ×${w.replicas}`).join(', '),
  };
}

function describeProcess(p: FailureProcess): string {
  return `MTTF ${describeDistribution(p.mttf)}, MTTR ${describeDistribution(p.mttr)}`;
}

/** "4h" for an exponential with mean 4h (the scenario's bare duration), else the family and parameters. */
export function describeDistribution(d: Distribution): string {
  switch (d.kind) {
    case 'exponential':
      return formatSeconds(d.mean);
    case 'weibull':
      return `Weibull(shape ${d.shape}, scale ${formatSeconds(d.scale)})`;
    case 'lognormal':
      return `lognormal(median ${formatSeconds(d.median)}, σ ${d.sigma})`;
    case 'uniform':
      return `uniform(${formatSeconds(d.min)} to ${formatSeconds(d.max)})`;
    case 'fixed':
      return `exactly ${formatSeconds(d.value)}`;
  }
}

/** One line for the fault, as its kind's definition writes it. */
export function describeFault(f: Fault): string {
  return faultDefinition(f).describe(f, formatSeconds);
}
