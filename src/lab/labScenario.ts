/** The quorum lab's world as a scenario: the student's setup and actions become scripted faults for the model. */
import { HOUR, type SimTime } from '../kernel/index.js';
import { COST_DEFAULTS, ETCD_LOAD_DEFAULTS, KUBERNETES_DEFAULTS, RAFT_DEFAULTS } from '../scenario/defaults.js';
import type { ClusterSpec, Fault, Scenario } from '../scenario/Scenario.js';

/** What the student sets up before acting. */
export interface LabConfig {
  /** Voting etcd members, 1 to 9 (each on its own control-plane node: kubeadm's stacked topology). */
  readonly members: number;
  /** Datacenters, 1 to 3; members are placed round-robin over them, as the model places hosts. */
  readonly datacenters: number;
  readonly seed: number;
  /** etcd's pre-vote (on by default since etcd 3.5). */
  readonly preVote: boolean;
}

/** One thing the student does at the current simulated time. */
export type LabAction =
  | { readonly kind: 'advance'; readonly seconds: SimTime }
  /** Members are numbered from 1, as their names are (`etcd-2`). */
  | { readonly kind: 'crash'; readonly member: number }
  | { readonly kind: 'recover'; readonly member: number }
  /** Cuts these places (datacenter names or member numbers) off from the rest. */
  | { readonly kind: 'partition'; readonly datacenters: readonly string[]; readonly members: readonly number[] }
  | { readonly kind: 'heal' };

export const LAB_DEFAULTS: LabConfig = { members: 3, datacenters: 3, seed: 1, preVote: true };
/** The lab's run ends here: the student cannot advance past it, and open faults last until then. */
export const LAB_HORIZON: SimTime = 4 * HOUR;
export const LAB_CLUSTER = 'prod';
const DATACENTER_NAMES = ['dc-a', 'dc-b', 'dc-c'] as const;

export function labDatacenters(config: LabConfig): string[] {
  return DATACENTER_NAMES.slice(0, config.datacenters);
}

/** Component name of member i (from 1). */
export function memberName(i: number): string {
  return `${LAB_CLUSTER}/etcd-${i}`;
}

/** The simulated time after the actions: the sum of their advances, capped at the horizon. */
export function labTime(actions: readonly LabAction[]): SimTime {
  let t = 0;
  for (const a of actions) if (a.kind === 'advance') t = advance(t, a.seconds);
  return t;
}

/**
 * Moves the lab's clock on. Lab times are whole milliseconds, so that a scenario file written
 * with them (`labScenarioYaml`) holds exactly the lab's times, with no binary rounding between.
 */
export function advance(t: SimTime, seconds: SimTime): SimTime {
  return Math.min(LAB_HORIZON, Math.round((t + Math.max(0, seconds)) * 1000) / 1000);
}

/** The datacenter of member i (from 1): round-robin, as the model places hosts. */
export function memberDatacenter(config: LabConfig, i: number): string {
  return DATACENTER_NAMES[(i - 1) % config.datacenters]!;
}

/**
 * The actions as they apply to a configuration (after a change of configuration, or in another
 * cluster of a side-by-side comparison): crashing or recovering a member it does not have does
 * nothing, and a cut keeps the datacenters and members it has; a cut that then leaves out no
 * member, or every member, cuts nothing and is dropped.
 */
export function fitActions(config: LabConfig, actions: readonly LabAction[]): LabAction[] {
  const dcs = labDatacenters(config);
  const out: LabAction[] = [];
  for (const a of actions) {
    if ((a.kind === 'crash' || a.kind === 'recover') && a.member > config.members) continue;
    if (a.kind === 'partition') {
      const datacenters = a.datacenters.filter((d) => dcs.includes(d));
      const members = a.members.filter((i) => i <= config.members);
      let cut = 0;
      for (let i = 1; i <= config.members; i++) if (datacenters.includes(memberDatacenter(config, i)) || members.includes(i)) cut++;
      if (cut === 0 || cut === config.members) continue;
      out.push(datacenters.length === a.datacenters.length && members.length === a.members.length ? a : { kind: 'partition', datacenters, members });
    } else out.push(a);
  }
  return out;
}

/** What is down or cut off after the actions, as the student set it (the model decides the rest). */
export interface LabSettings {
  readonly crashed: ReadonlySet<number>;
  readonly partition: { readonly datacenters: readonly string[]; readonly members: readonly number[] } | null;
}

export function labSettings(actions: readonly LabAction[]): LabSettings {
  const crashed = new Set<number>();
  let partition: LabSettings['partition'] = null;
  for (const a of actions) {
    if (a.kind === 'crash') crashed.add(a.member);
    else if (a.kind === 'recover') crashed.delete(a.member);
    else if (a.kind === 'partition' && partition === null) partition = { datacenters: a.datacenters, members: a.members };
    else if (a.kind === 'heal') partition = null;
  }
  return { crashed, partition };
}

/**
 * The scripted faults the actions amount to, in the order they start: a crash lasts until the
 * member is recovered (or until the horizon), a partition until it is healed. A crash and a
 * recovery at the same instant cancel out (nothing went down). Crashing a member that is down,
 * recovering one that is up, cutting the network twice or healing it when whole do nothing.
 */
export function labFaults(actions: readonly LabAction[]): Fault[] {
  const faults: { fault: Fault; order: number }[] = [];
  const open = new Map<number, { at: SimTime; order: number }>();
  let cut: { at: SimTime; order: number; groups: string[][] } | undefined;
  let t = 0;
  actions.forEach((a, order) => {
    switch (a.kind) {
      case 'advance':
        t = advance(t, a.seconds);
        return;
      case 'crash':
        if (!open.has(a.member)) open.set(a.member, { at: t, order });
        return;
      case 'recover': {
        const o = open.get(a.member);
        if (o === undefined) return;
        open.delete(a.member);
        if (t > o.at) faults.push({ order: o.order, fault: { kind: 'crash', at: o.at, target: memberName(a.member), duration: t - o.at } });
        return;
      }
      case 'partition':
        if (cut === undefined) cut = { at: t, order, groups: [[...a.datacenters, ...a.members.map(memberName)]] };
        return;
      case 'heal':
        if (cut !== undefined && t > cut.at) faults.push({ order: cut.order, fault: { kind: 'partition', at: cut.at, groups: cut.groups, duration: t - cut.at } });
        cut = undefined;
        return;
    }
  });
  for (const [member, o] of open) {
    if (o.at < LAB_HORIZON) faults.push({ order: o.order, fault: { kind: 'crash', at: o.at, target: memberName(member), duration: LAB_HORIZON - o.at } });
  }
  if (cut !== undefined && cut.at < LAB_HORIZON) {
    faults.push({ order: cut.order, fault: { kind: 'partition', at: cut.at, groups: cut.groups, duration: LAB_HORIZON - cut.at } });
  }
  return faults.sort((x, y) => x.fault.at - y.fault.at || x.order - y.order).map((f) => f.fault);
}

/**
 * The scenario the lab runs: one multi-master cluster with stacked etcd (member i on control-plane
 * node i), no load balancer (clients reach every apiserver, so only quorum and leadership decide
 * whether writes work), no workers, no random failures, the documented Raft and Kubernetes
 * defaults. `labScenarioYaml` writes the same scenario as a file that `kubesim explain` reads.
 */
export function labScenario(config: LabConfig, actions: readonly LabAction[]): Scenario {
  const datacenters = labDatacenters(config);
  const cluster: ClusterSpec = {
    name: LAB_CLUSTER,
    model: 'multi-master',
    datacenters,
    controlPlane: { nodes: config.members },
    etcd: { members: config.members, learners: 0, topology: 'stacked' },
    workers: { nodes: 0, podsPerNode: 110 },
    loadBalancer: { enabled: false, datacenters: [datacenters[0]!] },
    workloads: [],
    tenants: [],
    failures: {},
  };
  return {
    name: 'quorum-lab',
    description: `The quorum lab: ${config.members} etcd member${config.members === 1 ? '' : 's'} over ${datacenters.length} datacenter${datacenters.length === 1 ? '' : 's'}.`,
    horizon: LAB_HORIZON,
    replications: 1,
    seed: config.seed,
    datacenters: datacenters.map((name) => ({ name })),
    failureDomains: [],
    failures: {},
    clusters: [cluster],
    faults: labFaults(actions),
    raft: { ...RAFT_DEFAULTS, preVote: config.preVote },
    kubernetes: KUBERNETES_DEFAULTS,
    etcdLoad: ETCD_LOAD_DEFAULTS,
    cost: COST_DEFAULTS,
  };
}

/** The lab's scenario as a YAML file, for `kubesim explain` (times in seconds, as the lab counts them). */
export function labScenarioYaml(config: LabConfig, actions: readonly LabAction[]): string {
  const s = labScenario(config, actions);
  const dcs = labDatacenters(config);
  const num = (x: number) => String(x);
  const faults = s.faults.map((f) => {
    if (f.kind === 'crash') return `    - { at: ${num(f.at)}, crash: ${f.target}, for: ${num(f.duration)} }`;
    if (f.kind === 'partition') return `    - { at: ${num(f.at)}, partition: [${f.groups.map((g) => `[${g.join(', ')}]`).join(', ')}], for: ${num(f.duration)} }`;
    throw new Error(`labScenarioYaml: the lab makes no ${f.kind} faults`);
  });
  return [
    '# yaml-language-server: $schema=../schema/scenario.schema.json',
    '#',
    '# Written by the kubesim quorum lab: what you did, as scripted faults (times in seconds).',
    '# Narrate it with: kubesim explain <this file>',
    'apiVersion: kubesim/v1',
    'kind: Scenario',
    'metadata:',
    `  name: ${s.name}`,
    `  description: ${JSON.stringify(s.description)}`,
    'spec:',
    `  horizon: ${num(s.horizon)}`,
    '  replications: 1',
    `  seed: ${s.seed}`,
    '  datacenters:',
    ...dcs.map((d) => `    - name: ${d}`),
    '  clusters:',
    `    - name: ${LAB_CLUSTER}`,
    '      model: multi-master',
    `      datacenters: [${dcs.join(', ')}]`,
    `      controlPlane: { nodes: ${config.members} }`,
    `      etcd: { members: ${config.members}, topology: stacked }`,
    '      workers: { nodes: 0 }',
    '      loadBalancer: { enabled: false }',
    ...(config.preVote === RAFT_DEFAULTS.preVote ? [] : ['  raft:', `    preVote: ${config.preVote}`]),
    ...(faults.length > 0 ? ['  faults:', ...faults] : ['  faults: []']),
    '',
  ].join('\n');
}
