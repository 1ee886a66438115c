/** Replays a trace event by event, keeping what a narrator needs: who is up, who reaches whom, who leads, each signal. */
import type { SimTime } from '../../kernel/index.js';
import { Network, type ResolvedPartition } from '../../model/Network.js';
import { failuresTolerated, findQuorum, quorumSize } from '../../quorum/index.js';
import type { Topology } from '../../model/Topology.js';
import type { TraceEvent } from '../../model/Trace.js';

/** One voting etcd member as the replay sees it. */
export interface MemberState {
  /** Component name (`prod/etcd-2`). */
  readonly name: string;
  readonly datacenter: string;
  readonly up: boolean;
  /** Network group of its host: members reach each other exactly when their groups are equal. */
  readonly side: number;
}

/** One cluster's etcd and signals at an instant. */
export interface ClusterSnapshot {
  readonly name: string;
  /** Voting members, in order (learners never count toward quorum). */
  readonly members: readonly MemberState[];
  /** Voting members that are up. */
  readonly up: number;
  /** Votes needed: floor(n/2) + 1. */
  readonly quorum: number;
  /** Failures the full cluster survives: n - quorum. */
  readonly tolerated: number;
  /** Live voters per group of mutually reachable members, largest first (one entry without a partition). */
  readonly sides: readonly number[];
  /** The network group holding a quorum of live voters, or null when none does. */
  readonly quorumSide: number | null;
  /** The member the model records as leader (component name), or null when there is none. */
  readonly leader: string | null;
  /** With no leader: the one that led until its process paused (it may resume still leading), or null. */
  readonly pausedLeader: string | null;
  readonly term: number;
  /** Whether clients reach the apiservers through a load balancer. */
  readonly loadBalancer: boolean;
  /** The cluster's signals by their short name (`etcdQuorum`, `apiWrite`, ...). */
  readonly signals: Readonly<Record<string, boolean>>;
}

/** The whole recorded state at an instant. */
export interface Snapshot {
  readonly t: SimTime;
  readonly clusters: readonly ClusterSnapshot[];
  /** Signals that belong to no cluster (`global/service`), by short name. */
  readonly global: Readonly<Record<string, boolean>>;
  /** Components that are down, by name, in topology order. */
  readonly down: readonly string[];
  /** Datacenters that are dark. */
  readonly darkDatacenters: readonly string[];
  /** Active partitions, as their groups of names. */
  readonly partitions: readonly (readonly (readonly string[])[])[];
}

/**
 * Life cycle: created in the state every replication starts from (everything up, no partition,
 * the first voter of each cluster leading term 1: the model's bootstrap convention, see
 * EtcdCluster), then fed the trace's events in order with `apply`, read with `snapshot` at any
 * point. Reachability is computed by the model's own Network and the quorum by its quorum rule,
 * so the replay cannot disagree with the simulation about who reaches whom.
 */
export class TraceReplay {
  /** Ids of the components down now (every one starts up): a snapshot lists them without a pass over every component (thousands of workers). */
  private readonly downIds = new Set<number>();
  /** Ids of the components down because their process is paused (a subset of downIds). */
  private readonly pausedIds = new Set<number>();
  /** Per cluster: the leader whose pause left it without one, until a leader is announced again. */
  private readonly pausedLeaders = new Map<string, number>();
  private readonly dark = new Set<string>();
  private readonly signals = new Map<string, boolean>();
  private readonly leaders = new Map<string, { leader: string | null; term: number }>();
  private readonly network: Network;
  private readonly active: { key: string; groups: readonly (readonly string[])[]; resolved: ResolvedPartition }[] = [];
  private now: SimTime = 0;

  constructor(private readonly topology: Topology) {
    this.network = new Network(topology);
    for (const layout of topology.clusters) {
      const first = layout.voters > 0 ? topology.components[layout.etcd[0]!]!.name : null;
      this.leaders.set(layout.spec.name, { leader: first, term: first === null ? 0 : 1 });
    }
  }

  /** A signal's value, or undefined before its first event (which gives its initial value). */
  signal(key: string): boolean | undefined {
    return this.signals.get(key);
  }

  apply(e: TraceEvent): void {
    this.now = e.t;
    switch (e.kind) {
      case 'component': {
        const id = this.topology.componentByName.get(e.name);
        if (id !== undefined) {
          if (e.up) this.downIds.delete(id);
          else this.downIds.add(id);
          if (e.paused === true) this.pausedIds.add(id);
          else this.pausedIds.delete(id);
        }
        break;
      }
      case 'datacenter':
        if (e.up) this.dark.delete(e.name);
        else this.dark.add(e.name);
        break;
      case 'partition': {
        const key = JSON.stringify(e.groups);
        if (e.active) {
          const resolved = this.network.resolve(e.groups);
          this.active.push({ key, groups: e.groups, resolved });
          this.network.add(resolved);
        } else {
          const i = this.active.findIndex((p) => p.key === key);
          if (i >= 0) this.network.remove(this.active.splice(i, 1)[0]!.resolved);
        }
        break;
      }
      case 'leader': {
        const was = this.leaders.get(e.cluster)?.leader;
        const wasId = was === null || was === undefined ? undefined : this.topology.componentByName.get(was);
        if (e.leader === null && wasId !== undefined && this.pausedIds.has(wasId)) this.pausedLeaders.set(e.cluster, wasId);
        else this.pausedLeaders.delete(e.cluster);
        this.leaders.set(e.cluster, { leader: e.leader, term: e.term });
        break;
      }
      case 'signal':
        this.signals.set(e.key, e.up);
        break;
      case 'fault':
      case 'note':
        break;
    }
  }

  snapshot(): Snapshot {
    const { topology } = this;
    const global: Record<string, boolean> = {};
    for (const [key, up] of this.signals) if (key.startsWith('global/')) global[key.slice('global/'.length)] = up;
    return {
      t: this.now,
      clusters: topology.clusters.map((layout) =>
        this.cluster(layout.spec.name, layout.etcd.slice(0, layout.voters), layout.loadBalancers.length > 0),
      ),
      global,
      // In the topology's order, as the components are numbered.
      down: [...this.downIds].sort((a, b) => a - b).map((id) => topology.components[id]!.name),
      darkDatacenters: topology.datacenters.filter((d) => this.dark.has(d)),
      partitions: this.active.map((p) => p.groups),
    };
  }

  private cluster(name: string, voterIds: readonly number[], loadBalancer: boolean): ClusterSnapshot {
    const comps = this.topology.components;
    const members: MemberState[] = voterIds.map((id) => {
      const c = comps[id]!;
      const host = this.topology.hosts[c.host]!;
      return {
        name: c.name,
        datacenter: this.topology.datacenters[host.datacenter]!,
        up: !this.downIds.has(id),
        side: this.network.group[c.host]!,
      };
    });
    const q = findQuorum(
      members.map((m) => m.up),
      members.map((m) => m.side),
    );
    const perSide = new Map<number, number>();
    for (const m of members) if (m.up) perSide.set(m.side, (perSide.get(m.side) ?? 0) + 1);
    const signals: Record<string, boolean> = {};
    const prefix = `${name}/`;
    for (const [key, up] of this.signals) if (key.startsWith(prefix)) signals[key.slice(prefix.length)] = up;
    const lead = this.leaders.get(name) ?? { leader: null, term: 0 };
    const paused = this.pausedLeaders.get(name);
    return {
      name,
      members,
      up: members.filter((m) => m.up).length,
      quorum: quorumSize(members.length),
      tolerated: failuresTolerated(members.length),
      sides: [...perSide.values()].sort((a, b) => b - a),
      quorumSide: q.kind === 'held' ? q.group : null,
      leader: lead.leader,
      pausedLeader: lead.leader === null && paused !== undefined && this.pausedIds.has(paused) ? comps[paused]!.name : null,
      term: lead.term,
      loadBalancer,
      signals,
    };
  }
}
