/** Counts the causes that hold hosts, processes and datacenters down, and passes each change of state on. */
import type { Simulation } from '../../kernel/index.js';
import type { CauseScopes } from '../causes/causeScopes.js';
import type { DowntimeCauses } from '../causes/downtimeCauses.js';
import type { DowntimeLedger } from '../causes/DowntimeLedger.js';
import type { ClusterModel } from '../ClusterModel.js';
import type { Process } from '../FailureProcesses.js';
import type { Infrastructure } from '../Infrastructure.js';
import type { Topology } from '../Topology.js';
import type { SettleScheduler } from './SettleScheduler.js';
import type { TraceRecorder } from './TraceRecorder.js';

/**
 * A host, process or datacenter is down while at least one cause holds it (a random failure, a
 * scripted crash, its datacenter's outage...). A change that flips a host tells the worker it
 * runs, traces the components it takes with it, and wakes the settle scheduler.
 */
export class CauseTracker {
  /** Each host's last known state (1 up), to pass on only real changes. */
  private readonly hostUp: Uint8Array;
  /** For each host: [cluster index, worker index] when it is a worker's host, else -1. */
  private readonly workerOfHost: Int32Array;
  /** Component ids by host, for tracing what a host takes down with it. */
  private readonly componentsOnHost: number[][];
  /** 1 for a host that carries workers only: its changes move workloads, never a control plane. */
  private readonly workersOnly: Uint8Array;

  constructor(
    private readonly sim: Simulation,
    private readonly topology: Topology,
    private readonly infra: Infrastructure,
    private readonly clusters: readonly ClusterModel[],
    private readonly trace: TraceRecorder,
    private readonly settle: SettleScheduler,
    private readonly attribution: { readonly ledger: DowntimeLedger; readonly scopes: CauseScopes; readonly causes: DowntimeCauses },
  ) {
    this.hostUp = new Uint8Array(topology.hosts.length).fill(1);
    this.componentsOnHost = topology.hosts.map(() => []);
    for (const c of topology.components) this.componentsOnHost[c.host]!.push(c.id);
    this.workersOnly = Uint8Array.from(this.componentsOnHost, (ids) => (ids.length > 0 && ids.every((id) => topology.components[id]!.kind === 'worker') ? 1 : 0));
    this.workerOfHost = new Int32Array(topology.hosts.length * 2).fill(-1);
    for (const layout of topology.clusters) {
      layout.workers.forEach((c, w) => {
        const h = topology.components[c]!.host;
        this.workerOfHost[2 * h] = layout.index;
        this.workerOfHost[2 * h + 1] = w;
      });
    }
  }

  /** A random failure process fails (down) or is repaired. */
  applyProcess(p: Process, down: boolean): void {
    const d = down ? 1 : -1;
    const t = p.target;
    const verb = down ? 'fails' : 'is repaired';
    // The cause is only read by the trace: no string per event without one.
    const traced = this.trace.events !== undefined;
    const { ledger, scopes, causes } = this.attribution;
    ledger.hold(scopes.of(t), causes.random[p.category]!, d, this.sim.now);
    switch (t.kind) {
      case 'host':
        this.holdHost(t.id, d, traced ? `${p.cause}: ${this.topology.hosts[t.id]!.name} ${verb}` : '');
        break;
      case 'component':
        this.holdProcess(t.id, d, traced ? `${p.cause}: ${this.topology.components[t.id]!.name} ${verb}` : '');
        break;
      case 'datacenter':
        this.holdDatacenter(t.id, d, `datacenter outage: ${this.topology.datacenters[t.id]} ${down ? 'goes dark' : 'is back'}`);
        break;
      case 'domain':
        for (const h of t.hosts) this.holdHost(h, d, `failure domain ${t.name} ${down ? 'fails' : 'is back'}`);
        break;
      default: {
        const unknown: never = t;
        throw new Error(`applyProcess: unknown target ${JSON.stringify(unknown)}`);
      }
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
    this.trace.record({ t: this.sim.now, kind: 'datacenter', name: this.topology.datacenters[id]!, up: this.infra.datacenterUp(id), cause });
    for (const h of this.topology.hosts) if (h.datacenter === id) this.touchHost(h.id, cause);
    this.settle.wake();
  }

  /** Takes a component down (by its host, or by itself when it shares the host) and back. */
  holdComponent(c: number, d: number, cause: string): void {
    const comp = this.topology.components[c]!;
    if (comp.sharesHost && comp.kind === 'etcd') this.holdProcess(c, d, cause);
    else this.holdHost(comp.host, d, cause);
  }

  /** Propagates a host's possible change of state to its components and workers. */
  private touchHost(h: number, cause: string): void {
    const up = this.infra.hostUp(h);
    if (up === (this.hostUp[h] === 1)) return;
    this.hostUp[h] = up ? 1 : 0;
    if (this.trace.events) {
      for (const id of this.componentsOnHost[h]!) {
        if (this.infra.componentCauses[id] === 0) {
          this.trace.record({ t: this.sim.now, kind: 'component', name: this.topology.components[id]!.name, up, cause });
        }
      }
    }
    const ci = this.workerOfHost[2 * h]!;
    const seen = ci < 0 || this.clusters[ci]!.workerChanged(this.workerOfHost[2 * h + 1]!, up);
    if (!this.workersOnly[h]) this.settle.wake();
    else if (seen) this.settle.wakeWorkloads();
    else this.settle.unseen();
  }

  private touchComponent(c: number, cause: string): void {
    const comp = this.topology.components[c]!;
    if (this.trace.events && this.infra.hostUp(comp.host)) {
      this.trace.record({ t: this.sim.now, kind: 'component', name: comp.name, up: this.infra.componentCauses[c] === 0, cause });
    }
    this.settle.wake();
  }
}
