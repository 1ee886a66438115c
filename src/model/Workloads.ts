/** Pods of a cluster's workloads on its workers: failures, evictions, rescheduling and tenant isolation. */
import type { Simulation } from '../kernel/index.js';
import type { ClusterSpec, KubernetesSettings } from '../scenario/Scenario.js';
import { NodeLifecycle, type KubeletLeases, type NodeController } from './NodeLifecycle.js';

export interface WorkloadsListener {
  wake(): void;
  note(text: string): void;
  /** Whether notes are recorded; the per-node ones are not written otherwise. */
  readonly narrating?: boolean;
}

/**
 * Each workload's replicas are pods placed on workers (round-robin at the start, at most
 * `podsPerNode` on a worker). A pod runs while its worker is up and has started (pod startup
 * after the worker or the pod comes up). When a worker goes down its pods stop at once. When its
 * kubelet stops renewing its lease (host down, or cut off from every apiserver that can write)
 * the node controller marks it NotReady, taints it at its zone's eviction rate and evicts its
 * pods after the toleration (300 s default), only while the controller-manager works
 * (NodeLifecycle): then the pods are created again and the scheduler puts them on Ready,
 * connected workers with room, while scheduling works. Pods on healthy workers keep running
 * whatever the control plane does.
 *
 * What a cut-off worker's pods count as: the cluster's view. They keep running on the node, but
 * from the moment the controller marks the node NotReady it also marks its pods not ready
 * (MarkPodsNotReady), which takes them out of their Services' endpoints; so `running` stops
 * counting them then, counts them again if the node renews before eviction, and after eviction
 * counts their replacements instead (the kubelet kills the originals when it reconnects). A
 * worker whose host restarts while it is cut off restarts its pods all the same: the kubelet
 * only reads its pods to run them, and reads are served from the watch cache of an apiserver
 * that cannot write (ClusterModel, apiRead).
 */
export class Workloads {
  readonly desired: Int32Array;
  readonly running: Int32Array;
  readonly pending: Int32Array;
  private readonly k: number;
  private readonly n: number;
  private readonly podsOn: Int32Array;
  private readonly runningOn: Int32Array;
  private readonly load: Int32Array;
  private readonly workerUp: Uint8Array;
  /** Whether worker w's kubelet can reach an apiserver that can write. */
  private readonly connected: Uint8Array;
  private readonly lifecycle: NodeLifecycle;
  // Earliest time a worker's newest pods may run; start events before it are stale and ignored.
  private readonly startAt: Float64Array;
  private readonly awaitingEviction = new Set<number>();
  private cursor = 0;
  /** Tenants (indexes) whose pods are starved by a neighbour's runaway workload. */
  readonly starved: Uint8Array;
  /** Whether a bad configuration version breaks every workload (federation rollouts). */
  broken = false;
  /** Whether an unbounded runaway workload holds all free capacity. */
  capacityExhausted = false;
  private readonly tenantOf: Int32Array;
  private readonly fireStart: (sim: Simulation, w: number) => void;

  constructor(
    private readonly sim: Simulation,
    private readonly spec: ClusterSpec,
    private readonly k8s: KubernetesSettings,
    /** Zone (datacenter) of each worker, as an index into zoneNames. */
    zoneOf: Int32Array,
    zoneNames: readonly string[],
    private readonly listener: WorkloadsListener,
    private readonly controller: NodeController,
    private readonly canSchedule: () => boolean,
    leases: KubeletLeases,
  ) {
    this.k = spec.workloads.length;
    this.n = zoneOf.length;
    this.desired = Int32Array.from(spec.workloads.map((w) => w.replicas));
    this.running = new Int32Array(this.k);
    this.pending = new Int32Array(this.k);
    this.podsOn = new Int32Array(this.n * this.k);
    this.runningOn = new Int32Array(this.n * this.k);
    this.load = new Int32Array(this.n);
    this.workerUp = new Uint8Array(this.n).fill(1);
    this.connected = new Uint8Array(this.n).fill(1);
    this.startAt = new Float64Array(this.n);
    this.starved = new Uint8Array(spec.tenants.length);
    this.tenantOf = Int32Array.from(spec.workloads.map((w) => (w.tenant === undefined ? -1 : spec.tenants.findIndex((t) => t.name === w.tenant))));
    this.lifecycle = new NodeLifecycle(sim, k8s, leases, zoneOf, zoneNames, controller, {
      tolerationExpired: (w) => {
        if (this.load[w]! === 0) return;
        this.awaitingEviction.add(w);
        this.listener.wake();
      },
      hasPods: (w) => this.load[w]! > 0,
      wake: () => this.listener.wake(),
      readyChanged: (w, ready) => {
        // Only a node whose pods still run changes what the cluster counts (a crashed one has none).
        const base = w * this.k;
        let pods = 0;
        for (let j = 0; j < this.k; j++) {
          pods += this.runningOn[base + j]!;
          this.running[j]! += (ready ? 1 : -1) * this.runningOn[base + j]!;
        }
        if (pods > 0) this.listener.wake();
      },
      note: (text) => this.listener.note(text.startsWith('node controller') ? `${spec.name} ${text}` : text),
      get narrating() {
        return listener.narrating !== false;
      },
      name: (w) => `${spec.name}/worker-${w + 1}`,
    });
    // Initial placement: replicas spread round-robin, all running at time 0.
    for (let j = 0; j < this.k; j++) {
      for (let r = 0; r < this.desired[j]!; r++) {
        const w = this.findRoom();
        if (w < 0) {
          this.pending[j]!++;
          continue;
        }
        this.podsOn[w * this.k + j]!++;
        this.runningOn[w * this.k + j]!++;
        this.load[w]!++;
        this.running[j]!++;
      }
    }
    this.fireStart = (_sim, w) => {
      if (!this.workerUp[w] || this.sim.now < this.startAt[w]!) return;
      const base = w * this.k;
      const counted = this.lifecycle.ready(w);
      for (let j = 0; j < this.k; j++) {
        const delta = this.podsOn[base + j]! - this.runningOn[base + j]!;
        if (counted) this.running[j]! += delta;
        this.runningOn[base + j] = this.podsOn[base + j]!;
      }
      this.listener.wake();
    };
  }

  get workloadCount(): number {
    return this.k;
  }

  /** Replicas of workload j that serve right now (starved tenants and broken versions serve none). */
  effectiveRunning(j: number): number {
    if (this.broken) return 0;
    const t = this.tenantOf[j]!;
    if (t >= 0 && this.starved[t]) return 0;
    return this.running[j]!;
  }

  /**
   * Worker w's host went down or came back. Returns whether the workloads may see it at their
   * next evaluation: the worker holds pods, or pods wait for room (a worker back up may offer
   * it). A worker without pods while none wait changes nothing they count; its node's readiness
   * (NodeLifecycle) follows by its own events.
   */
  workerChanged(w: number, up: boolean): boolean {
    if (up === (this.workerUp[w] === 1)) return false;
    const base = w * this.k;
    if (!up) {
      this.workerUp[w] = 0;
      this.lifecycle.kubeletSilent(w);
      const counted = this.lifecycle.ready(w);
      for (let j = 0; j < this.k; j++) {
        if (counted) this.running[j]! -= this.runningOn[base + j]!;
        this.runningOn[base + j] = 0;
      }
    } else {
      this.workerUp[w] = 1;
      if (this.connected[w]) this.renews(w);
      if (this.load[w]! > 0) this.startLater(w);
    }
    if (this.load[w]! > 0) return true;
    for (let j = 0; j < this.k; j++) if (this.pending[j]! > 0) return true;
    return false;
  }

  /** Whether worker w's kubelet can reach an apiserver that can write (through the load balancer). */
  connectionChanged(w: number, connected: boolean): void {
    if (connected === (this.connected[w] === 1)) return;
    this.connected[w] = connected ? 1 : 0;
    if (!this.workerUp[w]) return;
    if (connected) this.renews(w);
    else this.lifecycle.kubeletSilent(w);
  }

  /** Whether worker w's host is up. */
  hostUp(w: number): boolean {
    return this.workerUp[w] === 1;
  }

  /** Whether worker w's kubelet reaches the API, as last told. */
  isConnected(w: number): boolean {
    return this.connected[w] === 1;
  }

  /** A live kubelet that reaches the API again renews its lease: its node is Ready and escapes eviction. */
  private renews(w: number): void {
    this.lifecycle.kubeletRenews(w);
    this.awaitingEviction.delete(w);
  }

  /** Runs the node controller and the scheduler for whatever is waiting. Call on every change. */
  evaluate(): void {
    this.lifecycle.resume();
    if (this.awaitingEviction.size > 0 && this.controller.canAct()) {
      for (const w of [...this.awaitingEviction].sort((a, b) => a - b)) this.evict(w);
      this.awaitingEviction.clear();
    }
    if (!this.capacityExhausted && this.canSchedule()) this.schedulePending();
  }

  private evict(w: number): void {
    const base = w * this.k;
    let pods = 0;
    for (let j = 0; j < this.k; j++) {
      this.pending[j]! += this.podsOn[base + j]!;
      pods += this.podsOn[base + j]!;
      this.podsOn[base + j] = 0;
      this.runningOn[base + j] = 0;
    }
    this.load[w] = 0;
    if (pods > 0) this.listener.note(`${this.spec.name}/worker-${w + 1}: node controller evicts ${pods} pod(s) for rescheduling`);
  }

  private schedulePending(): void {
    for (let j = 0; j < this.k; j++) {
      while (this.pending[j]! > 0) {
        const w = this.findRoom();
        if (w < 0) return;
        this.pending[j]!--;
        this.podsOn[w * this.k + j]!++;
        this.load[w]!++;
        this.startLater(w);
      }
    }
  }

  private startLater(w: number): void {
    this.startAt[w] = this.sim.now + this.k8s.podStartup;
    this.sim.schedule(this.k8s.podStartup, this.fireStart, w);
  }

  /** The next healthy worker with room, round-robin from a cursor (spreads pods, amortised O(1)). */
  private findRoom(): number {
    for (let step = 0; step < this.n; step++) {
      const w = this.cursor;
      this.cursor = (this.cursor + 1) % this.n;
      // A NotReady node carries the unreachable/not-ready NoSchedule taint; a pod bound to a
      // kubelet that cannot reach the API would never start, so such nodes get none.
      if (this.workerUp[w] && this.connected[w] && this.lifecycle.ready(w) && this.load[w]! < this.spec.workers.podsPerNode) return w;
    }
    return -1;
  }
}
