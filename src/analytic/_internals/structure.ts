/** The independent on/off processes behind one cluster's signals, and which of them each component needs up. */
import { mean } from '../../kernel/index.js';
import type { ClusterSpec, FailureProcess, Role, Scenario } from '../../scenario/Scenario.js';
import { loadBalancerNames } from '../../scenario/components.js';
import { answer, refuse, type Answer } from '../Answer.js';
import { quorumSize } from '../../quorum/index.js';

/** One alternating renewal process with its own repairer (a datacenter, a domain, a host, a process). */
export interface BinaryProcess {
  /** What fails, for people: `datacenter dc-a`, `prod/cp-1 controlPlane`. */
  readonly name: string;
  /** Where it is set in the scenario: `spec.failures.etcd`, `spec.datacenters[0].outage`. */
  readonly path: string;
  readonly spec: FailureProcess;
  /** P(up) = E[ttf] / (E[ttf] + E[ttr]) and P(down) = E[ttr] / (E[ttf] + E[ttr]), each computed directly. */
  readonly up: number;
  readonly down: number;
  /** 1 / E[ttf]: failures per second of time spent up (its long-run failure rate is up / E[ttf]). */
  readonly failureRate: number;
}

/** Indices of processes that must all be up; empty means always up. */
export type Condition = readonly number[];

/** An apiserver as a reader: its own condition, and whether it also needs any etcd member up. */
export interface Reader {
  readonly condition: Condition;
  readonly needsAnyMember: boolean;
}

/**
 * A cluster reduced to conditions over independent processes:
 * - etcdQuorum: at least `quorum` of `voters` up;
 * - apiWrite: the load balancer up (or none), quorum, and some writer up;
 * - apiRead: the load balancer up, and some reader up (with some member up if it needs one).
 */
export interface ClusterStructure {
  readonly cluster: ClusterSpec;
  readonly processes: readonly BinaryProcess[];
  readonly quorum: number;
  /** The voting members; they alone serve an apiserver (etcd refuses watches on learners). */
  readonly voters: readonly Condition[];
  /** The load balancer instances: the API needs any one of them. */
  readonly loadBalancers: readonly Condition[];
  /** Apiservers that can write while quorum holds: stacked, those whose local member votes. */
  readonly writers: readonly Condition[];
  readonly readers: readonly Reader[];
}

/**
 * Builds the structure of cluster `ci` with the simulation's placement rules (src/model/Topology.ts):
 * node i in datacenter (i - 1) mod D; stacked member i on control-plane node ((i - 1) mod C) + 1
 * with an `etcd` process of its own; external member i on a host of its own; the load balancer in
 * its datacenter; a single server is one host carrying every role's failures. A stacked apiserver
 * talks only to its local member (kubeadm); one without a local member, or with external etcd,
 * writes while quorum holds and reads while any member (learners too) is up, as the model does.
 */
export function buildStructure(s: Scenario, ci: number): Answer<ClusterStructure> {
  const c = s.clusters[ci]!;
  const processes: BinaryProcess[] = [];
  const byKey = new Map<string, number>();
  let problem: string | undefined;
  const add = (key: string, name: string, path: string, spec: FailureProcess): number[] => {
    const known = byKey.get(key);
    if (known !== undefined) return [known];
    const f = mean(spec.mttf);
    const r = mean(spec.mttr);
    if (r === 0) return []; // repaired at once: never down for any length of time
    if (!(f > 0) || !Number.isFinite(f + r)) {
      problem ??= `${path}.mttf has mean ${f}: availability needs a positive, finite mean time to failure`;
      return [];
    }
    byKey.set(key, processes.length);
    processes.push({ name, path, spec, up: f / (f + r), down: r / (f + r), failureRate: 1 / f });
    return [processes.length - 1];
  };

  const rolePath = (role: Role) => (c.failures[role] ? `spec.clusters[${ci}].failures.${role}` : `spec.failures.${role}`);
  const role = (host: string, r: Role): number[] => {
    const spec = c.failures[r] ?? s.failures[r];
    return spec ? add(`${host}/${r}`, `${host} ${r}`, rolePath(r), spec) : [];
  };
  const datacenter = (name: string): number[] => {
    const di = s.datacenters.findIndex((d) => d.name === name);
    const outage = s.datacenters[di]?.outage;
    return outage ? add(`dc/${name}`, `datacenter ${name}`, `spec.datacenters[${di}].outage`, outage) : [];
  };
  const hostOf = hostNames(c);
  const domains = (host: string): number[] =>
    s.failureDomains.flatMap((d, fi) =>
      d.outage && d.members.some((m) => hostOf.get(m) === host)
        ? add(`domain/${d.name}`, `failure domain ${d.name}`, `spec.failureDomains[${fi}].outage`, d.outage)
        : [],
    );
  const host = (name: string, dc: string, roles: readonly Role[]): Condition =>
    normalise([...roles.flatMap((r) => role(name, r)), ...datacenter(dc), ...domains(name)]);

  const dcOf = (i: number) => c.datacenters[(i - 1) % c.datacenters.length] ?? '';
  const name = (suffix: string) => `${c.name}/${suffix}`;

  if (c.model === 'single-server') {
    const one = host(name('cp-1'), dcOf(1), ['controlPlane', 'etcd', 'worker', 'loadBalancer']);
    const reader = { condition: one, needsAnyMember: false };
    return done({ cluster: c, processes, quorum: 1, voters: [one], loadBalancers: [], writers: [one], readers: [reader] });
  }
  const nodes = c.controlPlane.nodes;
  const stacked = c.etcd.topology === 'stacked';
  if (stacked && nodes < 1 && c.etcd.members + c.etcd.learners > 0) {
    return refuse(`cluster ${c.name}: stacked etcd needs at least one control-plane node to run on`);
  }
  const cps = range(nodes).map((i) => host(name(`cp-${i}`), dcOf(i), ['controlPlane']));
  const members = range(c.etcd.members + c.etcd.learners).map((i) =>
    stacked
      ? normalise([...cps[(i - 1) % nodes]!, ...memberProcess(name(`etcd-${i}`))])
      : host(name(`etcd-${i}`), dcOf(i), ['etcd']),
  );
  const writers: Condition[] = [];
  const readers: Reader[] = [];
  cps.forEach((cp, k) => {
    const local = stacked ? members[k] : undefined;
    if (local === undefined) {
      writers.push(cp);
      readers.push({ condition: cp, needsAnyMember: true });
    } else if (k < c.etcd.members) {
      writers.push(local);
      readers.push({ condition: local, needsAnyMember: false });
    }
    // A node whose local member is a learner neither writes nor reads: its apiserver talks to
    // that member alone, and a learner serves no watch, so the apiserver has no cache to read from.
  });
  const lbs = loadBalancerNames(c).map((lb, i) => host(name(lb), c.loadBalancer.datacenters[i]!, ['loadBalancer']));
  return done({
    cluster: c,
    processes,
    quorum: quorumSize(c.etcd.members),
    voters: members.slice(0, c.etcd.members),
    loadBalancers: lbs,
    writers,
    readers,
  });

  /** A stacked member's own `etcd` failure process (the host's failures are its node's). */
  function memberProcess(member: string): number[] {
    const p = c.failures.etcd ?? s.failures.etcd;
    return p ? add(`${member}/process`, `${member} etcd process`, rolePath('etcd'), p) : [];
  }
  function done(st: ClusterStructure): Answer<ClusterStructure> {
    return problem === undefined ? answer(st) : refuse(problem);
  }
}

/** Component name -> name of the host it runs on, for resolving failure-domain members. */
function hostNames(c: ClusterSpec): Map<string, string> {
  const m = new Map<string, string>();
  const n = (suffix: string) => `${c.name}/${suffix}`;
  if (c.model === 'single-server') {
    for (const x of ['cp-1', 'etcd-1', 'worker-1']) m.set(n(x), n('cp-1'));
    return m;
  }
  const nodes = c.controlPlane.nodes;
  for (const i of range(nodes)) m.set(n(`cp-${i}`), n(`cp-${i}`));
  for (const i of range(c.etcd.members + c.etcd.learners)) {
    m.set(n(`etcd-${i}`), c.etcd.topology === 'stacked' ? n(`cp-${((i - 1) % nodes) + 1}`) : n(`etcd-${i}`));
  }
  for (const lb of loadBalancerNames(c)) m.set(n(lb), n(lb));
  return m;
}

/** 1..n */
function range(n: number): number[] {
  return Array.from({ length: n }, (_, i) => i + 1);
}

function normalise(c: readonly number[]): Condition {
  return [...new Set(c)].sort((a, b) => a - b);
}
