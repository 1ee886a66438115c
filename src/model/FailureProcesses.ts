/** Random failures: an alternating up/down renewal process per host, component, datacenter and failure domain. */
import { sample, type RandomStreams, type RandomStream, type Simulation } from '../kernel/index.js';
import type { FailureProcess, Scenario } from '../scenario/Scenario.js';
import type { Topology } from './Topology.js';

/** What a random failure takes down, as a cause of downtime: a role's hosts or processes, or a place. */
export type RandomCause = 'etcd' | 'controlPlane' | 'worker' | 'loadBalancer' | 'datacenter' | 'domain';

/** What a process takes down when it fails. */
export type Target =
  | { readonly kind: 'host'; readonly id: number }
  | { readonly kind: 'component'; readonly id: number }
  | { readonly kind: 'datacenter'; readonly id: number }
  | { readonly kind: 'domain'; readonly hosts: readonly number[]; readonly name: string };

export interface Process {
  readonly target: Target;
  readonly spec: FailureProcess;
  readonly rng: RandomStream;
  /** The role or cause, for narration ("etcd failure", "datacenter outage"). */
  readonly cause: string;
  /** What its downtime is attributed to (docs/downtime-by-cause.md). */
  readonly category: RandomCause;
  down: boolean;
}

/** A random failure process before it gets its stream: what it fails, its distributions, its stream's name and its cause. */
export interface ProcessSpec {
  readonly target: Target;
  readonly spec: FailureProcess;
  /** The name of its random stream, after the prefix (`prod/etcd-2/etcd`). */
  readonly name: string;
  readonly cause: string;
  readonly category: RandomCause;
}

/** Every random failure process of the scenario, in the order they are built (datacenters, failure domains, hosts, components). */
export function processSpecs(s: Scenario, t: Topology): ProcessSpec[] {
  const out: ProcessSpec[] = [];
  const add = (target: Target, spec: FailureProcess, name: string, cause: string, category: RandomCause) => out.push({ target, spec, name, cause, category });
  s.datacenters.forEach((d, i) => {
    if (d.outage) add({ kind: 'datacenter', id: i }, d.outage, d.name, 'datacenter outage', 'datacenter');
  });
  for (const d of s.failureDomains) {
    if (!d.outage) continue;
    const hosts = [...new Set(d.members.map((m) => t.components[t.componentByName.get(m)!]!.host))];
    add({ kind: 'domain', hosts, name: d.name }, d.outage, `domain/${d.name}`, `failure domain ${d.name} outage`, 'domain');
  }
  for (const h of t.hosts) {
    for (const f of h.failures) add({ kind: 'host', id: h.id }, f.process, `${h.name}/${f.role}`, `${f.role} failure`, f.role);
  }
  for (const c of t.components) {
    if (c.failure) add({ kind: 'component', id: c.id }, c.failure, `${c.name}/process`, `${c.kind} process failure`, c.kind);
  }
  return out;
}

/**
 * Every process has its own stream, named after what it fails (`r3/fail/prod/etcd-2/etcd`), so
 * the failure times of a component do not depend on which other components exist: two designs
 * compared with one seed see the same failures on the hosts they share.
 */
export function buildProcesses(s: Scenario, t: Topology, streams: RandomStreams, prefix: string): Process[] {
  return processSpecs(s, t).map(({ target, spec, name, cause, category }) => ({ target, spec, rng: streams.get(`${prefix}fail/${name}`), cause, category, down: false }));
}

/** Starts every process: each fails after a draw of its time to failure, and is repaired after a draw of its repair time. */
export function startProcesses(
  sim: Simulation,
  processes: readonly Process[],
  apply: (p: Process, down: boolean) => void,
): void {
  const fire = (_sim: Simulation, i: number) => {
    const p = processes[i]!;
    p.down = !p.down;
    apply(p, p.down);
    sim.schedule(sample(p.down ? p.spec.mttr : p.spec.mttf, p.rng), fire, i);
  };
  processes.forEach((p, i) => sim.schedule(sample(p.spec.mttf, p.rng), fire, i));
}
