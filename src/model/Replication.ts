/** One replication: builds the world for a scenario, runs it to the horizon and returns its statistics. */
import { RandomStreams, SignalStats, Simulation, type SimTime } from '../kernel/index.js';
import type { Scenario } from '../scenario/Scenario.js';
import { CLUSTER_SIGNALS } from '../scenario/signals.js';
import { ClusterModel } from './ClusterModel.js';
import { buildProcesses, startProcesses, type Process } from './FailureProcesses.js';
import { Federation } from './Federation.js';
import { Infrastructure } from './Infrastructure.js';
import { Network } from './Network.js';
import { startFault } from './ScriptedFaults.js';
import { Tenancy } from './Tenancy.js';
import type { Topology } from './Topology.js';
import type { Trace, TraceEvent } from './Trace.js';

/** A signal's statistics in one replication; `cluster` is `global` for the global signals. */
export interface SignalResult {
  readonly cluster: string;
  readonly signal: string;
  readonly stats: SignalStats;
}

export interface TenantResult {
  readonly cluster: string;
  readonly tenant: string;
  /** Seconds this tenant's workloads were starved by a neighbour's runaway workload. */
  readonly harmedSeconds: number;
  /** Seconds a compromised neighbour could reach this tenant's services. */
  readonly exposedSeconds: number;
  /** Incidents this tenant caused, and how many other tenants they touched in total. */
  readonly incidents: number;
  readonly tenantsTouched: number;
}

export interface ReplicationResult {
  readonly replication: number;
  readonly signals: readonly SignalResult[];
  /** Per cluster: time-weighted fraction of desired replicas running (NaN without workloads). */
  readonly replicaFraction: ReadonlyMap<string, number>;
  readonly tenants: readonly TenantResult[];
  /** Clusters the bad versions reached (federation rollouts), or null without bad rollouts. */
  readonly badVersionReach: number | null;
  readonly events: number;
  readonly trace?: Trace;
}

export interface ReplicationOptions {
  /** Record a Trace of everything that happened (for reports and `explain`). */
  readonly trace?: boolean;
}

/**
 * Runs replication `rep` of the scenario. Every random draw comes from a stream named after the
 * replication and what it drives (`r3/fail/prod/etcd-2/etcd`), so replications are independent
 * and the same (scenario, seed, rep) always gives the same result.
 *
 * State changes (failures, repairs, faults, timers) only mark the world dirty; one "settle"
 * event at the same instant, after them, re-evaluates every cluster and updates the signals, so
 * simultaneous changes never produce a zero-length blip.
 */
export function runReplication(s: Scenario, topology: Topology, rep: number, options: ReplicationOptions = {}): ReplicationResult {
  return new World(s, topology, rep, options.trace === true).run();
}

class World {
  readonly sim = new Simulation();
  private readonly infra: Infrastructure;
  readonly network: Network;
  readonly clusters: ClusterModel[];
  readonly tenancy: Tenancy;
  readonly federation: Federation | undefined;
  private readonly stats: SignalResult[] = [];
  private readonly clusterStats: SignalStats[][] = [];
  /** Signals derived from the clusters after they settle: tenants' and the global ones. */
  private readonly derivedStats: { name: string; stats: SignalStats; value: () => boolean }[] = [];
  private readonly hostUp: Uint8Array;
  /** For each host: [cluster index, worker index] when it is a worker's host. */
  private readonly workerOfHost: Int32Array;
  private readonly events: TraceEvent[] | undefined;
  /** Component ids by host, for tracing what a host takes down with it. */
  private readonly componentsOnHost: number[][];
  private settlePending = false;
  private readonly settle = () => {
    this.settlePending = false;
    this.evaluate();
  };

  constructor(
    readonly s: Scenario,
    readonly topology: Topology,
    private readonly rep: number,
    trace: boolean,
  ) {
    const prefix = `r${rep}/`;
    const streams = new RandomStreams(s.seed);
    if (trace) this.events = [];
    this.infra = new Infrastructure(topology);
    this.network = new Network(topology);
    this.hostUp = new Uint8Array(topology.hosts.length).fill(1);
    this.componentsOnHost = topology.hosts.map(() => []);
    for (const c of topology.components) this.componentsOnHost[c.host]!.push(c.id);
    this.workerOfHost = new Int32Array(topology.hosts.length * 2).fill(-1);
    for (const layout of topology.clusters) {
      layout.workers.forEach((c, w) => {
        const h = topology.components[c]!.host;
        this.workerOfHost[2 * h] = layout.index;
        this.workerOfHost[2 * h + 1] = w;
      });
    }
    const listener = {
      wake: () => this.wake(),
      note: (text: string) => this.record({ t: this.sim.now, kind: 'note', text }),
      leader: (cluster: string, leader: string | null, term: number, reason: string) =>
        this.record({ t: this.sim.now, kind: 'leader', cluster, leader, term, reason }),
    };
    this.clusters = topology.clusters.map(
      (layout) => new ClusterModel(this.sim, streams, s, topology, layout, this.infra, this.network, listener, prefix),
    );
    this.tenancy = new Tenancy(this.clusters, (text) => this.record({ t: this.sim.now, kind: 'note', text }));
    this.federation = s.federation
      ? new Federation(this.sim, s.federation, this.clusters, {
          wake: () => this.wake(),
          note: (text) => this.record({ t: this.sim.now, kind: 'note', text }),
        })
      : undefined;
    this.createSignals();
    const processes = buildProcesses(s, topology, streams, prefix);
    startProcesses(this.sim, processes, (p, down) => this.applyProcess(p, down));
    for (const f of s.faults) this.sim.at(f.at, () => startFault(this, f));
    // The bootstrap leader, so that a timeline knows who leads from the start.
    for (const c of this.clusters) {
      if (c.etcd.leader >= 0) {
        const name = topology.components[c.layout.etcd[c.etcd.leader]!]!.name;
        this.record({ t: 0, kind: 'leader', cluster: c.name, leader: name, term: c.etcd.term, reason: `${name} leads term ${c.etcd.term} from the start` });
      }
    }
    this.wake();
  }

  run(): ReplicationResult {
    const horizon = this.s.horizon;
    this.sim.run(horizon);
    for (const r of this.stats) r.stats.finish(horizon);
    return {
      replication: this.rep,
      signals: this.stats,
      replicaFraction: new Map(this.clusters.map((c) => [c.name, c.replicaFraction(horizon)])),
      tenants: this.tenancy.results(horizon),
      badVersionReach: this.federation?.badVersionReach ?? null,
      events: this.sim.eventsProcessed,
      ...(this.events
        ? {
            trace: {
              horizon,
              events: this.events,
              components: this.topology.components.map((c) => c.name),
              signals: this.stats.map((r) => `${r.cluster}/${r.signal}`),
            },
          }
        : {}),
    };
  }

  private createSignals(): void {
    const onChange = (key: string) =>
      this.events ? (t: SimTime, up: boolean) => this.record({ t, kind: 'signal', key, up }) : undefined;
    for (const c of this.clusters) {
      const row: SignalStats[] = [];
      for (const name of CLUSTER_SIGNALS) {
        if (name === 'workloads' && c.layout.spec.workloads.length === 0) continue;
        const stats = new SignalStats(0, true, onChange(`${c.name}/${name}`));
        row.push(stats);
        this.stats.push({ cluster: c.name, signal: name, stats });
      }
      this.clusterStats.push(row);
      for (const t of c.layout.spec.tenants) {
        const signal = `tenant:${t.name}`;
        const stats = new SignalStats(0, true, onChange(`${c.name}/${signal}`));
        this.stats.push({ cluster: c.name, signal, stats });
        this.derivedStats.push({ name: `${c.name}\u0000${signal}`, stats, value: () => c.tenantUp(t.name) });
      }
    }
    const global = (name: string, value: () => boolean) => {
      const stats = new SignalStats(0, value(), onChange(`global/${name}`));
      this.stats.push({ cluster: 'global', signal: name, stats });
      this.derivedStats.push({ name, stats, value });
    };
    // The global service exists where clusters serve together (multi-cluster, federation); a file
    // that holds independent designs side by side (multi-master.yaml) gets none.
    const serving = this.clusters.filter(
      (c) => c.layout.spec.workloads.length > 0 && (c.layout.spec.model === 'multi-cluster' || c.layout.spec.model === 'federation'),
    );
    if (serving.length > 1) global('service', () => serving.some((c) => c.serving));
    const mgmt = this.s.management && this.clusters.find((c) => c.name === this.s.management!.cluster);
    if (mgmt) global('management', () => mgmt.signals.apiWrite);
    if (this.federation) {
      const f = this.federation;
      global('configPush', () => f.canPush);
    }
  }

  wake(): void {
    if (this.settlePending) return;
    this.settlePending = true;
    this.sim.schedule(0, this.settle);
  }

  private evaluate(): void {
    const now = this.sim.now;
    for (let i = 0; i < this.clusters.length; i++) {
      const c = this.clusters[i]!;
      c.evaluate();
      const row = this.clusterStats[i]!;
      let k = 0;
      for (const name of CLUSTER_SIGNALS) {
        if (name === 'workloads' && c.layout.spec.workloads.length === 0) continue;
        row[k++]!.set(now, c.signals[name]);
      }
    }
    this.federation?.evaluate();
    for (const g of this.derivedStats) g.stats.set(now, g.value());
  }

  record(e: TraceEvent): void {
    this.events?.push(e);
  }

  // ---- changes of state -------------------------------------------------------------------

  private applyProcess(p: Process, down: boolean): void {
    const d = down ? 1 : -1;
    const t = p.target;
    const verb = down ? 'fails' : 'is repaired';
    switch (t.kind) {
      case 'host':
        this.holdHost(t.id, d, `${p.cause}: ${this.topology.hosts[t.id]!.name} ${verb}`);
        break;
      case 'component':
        this.holdProcess(t.id, d, `${p.cause}: ${this.topology.components[t.id]!.name} ${verb}`);
        break;
      case 'datacenter':
        this.holdDatacenter(t.id, d, `datacenter outage: ${this.topology.datacenters[t.id]} ${down ? 'goes dark' : 'is back'}`);
        break;
      case 'domain':
        for (const h of t.hosts) this.holdHost(h, d, `failure domain ${t.name} ${down ? 'fails' : 'is back'}`);
        break;
    }
  }

  /** Adds (d = 1) or removes (d = -1) a cause that holds a host down. */
  holdHost(h: number, d: number, cause: string): void {
    this.infra.hostCauses[h]! += d;
    this.touchHost(h, cause);
  }

  /** Adds or removes a cause that holds one process down (a stacked etcd member), not its host. */
  holdProcess(c: number, d: number, cause: string): void {
    this.infra.componentCauses[c]! += d;
    this.touchComponent(c, cause);
  }

  holdDatacenter(id: number, d: number, cause: string): void {
    this.infra.datacenterCauses[id]! += d;
    this.record({ t: this.sim.now, kind: 'datacenter', name: this.topology.datacenters[id]!, up: this.infra.datacenterUp(id), cause });
    for (const h of this.topology.hosts) if (h.datacenter === id) this.touchHost(h.id, cause);
    this.wake();
  }

  /** Propagates a host's possible change of state to its components and workers. */
  private touchHost(h: number, cause: string): void {
    const up = this.infra.hostUp(h);
    if (up === (this.hostUp[h] === 1)) return;
    this.hostUp[h] = up ? 1 : 0;
    if (this.events) {
      for (const id of this.componentsOnHost[h]!) {
        if (this.infra.componentCauses[id] === 0) {
          this.record({ t: this.sim.now, kind: 'component', name: this.topology.components[id]!.name, up, cause });
        }
      }
    }
    const ci = this.workerOfHost[2 * h]!;
    if (ci >= 0) this.clusters[ci]!.workerChanged(this.workerOfHost[2 * h + 1]!, up);
    this.wake();
  }

  private touchComponent(c: number, cause: string): void {
    const comp = this.topology.components[c]!;
    if (this.events && this.infra.hostUp(comp.host)) {
      this.record({ t: this.sim.now, kind: 'component', name: comp.name, up: this.infra.componentCauses[c] === 0, cause });
    }
    this.wake();
  }

  /** Takes a component down (by its host, or by itself when it shares the host) and back. */
  holdComponent(c: number, d: number, cause: string): void {
    const comp = this.topology.components[c]!;
    if (comp.sharesHost && comp.kind === 'etcd') this.holdProcess(c, d, cause);
    else this.holdHost(comp.host, d, cause);
  }
}
