/** The node lifecycle controller's tainting: NotReady nodes tainted NoExecute zone by zone through rate limiters, and evicted after the toleration. */
import type { Simulation } from '../kernel/index.js';
import type { KubernetesSettings } from '../scenario/Scenario.js';
import { zoneEvictionRate, zoneState, type ZoneState } from './evictionRate.js';

export interface ZoneTainterListener {
  /** Worker w has been tainted for the toleration (300 s by default): its pods are to be evicted. */
  tolerationExpired(w: number): void;
  /**
   * Whether worker w has pods to evict. A tainted node gets no new pods (the scheduler places
   * none on a NotReady node), so one without pods needs no toleration timer.
   */
  hasPods(w: number): boolean;
  note(text: string): void;
  /** Some zone has a Ready node again after every zone had lost all of them. */
  leftAllDisrupted(): void;
  /** A node Ready again may move its zone: the states are to be computed at the next evaluation of the world (`flush`). */
  wake(): void;
}

/**
 * NotReady nodes are tainted NoExecute one zone (datacenter) at a time, through a token bucket of
 * burst 1 at the zone's rate (evictionRate.ts: 0.1 nodes/s normally, slower or not at all when a
 * zone is partly disrupted, nothing anywhere when every zone is fully disrupted, which also lifts
 * the taints already set). A tainted node's pods are evicted when their toleration runs out.
 * Tainting needs the controller to work (`canAct`); a queue waits while it cannot. A node Ready
 * again loses its taint and its place in the queue.
 */
export class ZoneTainter {
  private readonly taintedAt: Float64Array;
  private readonly zoneSize: Int32Array;
  private readonly notReadyIn: Int32Array;
  private readonly queue: number[][];
  private readonly rate: Float64Array;
  private readonly state: ZoneState[];
  /** Scratch for update: each zone's new state. */
  private readonly nextState: ZoneState[];
  private readonly nextToken: Float64Array;
  private readonly pumpAt: Float64Array;
  private suspended = false;
  /**
   * Whether readiness changed since the zone states were last computed in a way that may move
   * them: the states, rates and taints wait for `flush`, which comes later in the same instant
   * (the monitor pass's end, or the evaluation a Ready node wakes: the same one whatever else
   * woke it, so the order of what it narrates does not depend on which changes asked for it).
   */
  private stale = false;
  private readonly fireToleration: (sim: Simulation, w: number) => void;
  private readonly firePump: (sim: Simulation, z: number) => void;

  constructor(
    private readonly sim: Simulation,
    private readonly k8s: KubernetesSettings,
    /** Zone (index into zoneNames) of each worker. */
    private readonly zoneOf: Int32Array,
    private readonly zoneNames: readonly string[],
    private readonly canAct: () => boolean,
    private readonly listener: ZoneTainterListener,
  ) {
    const zones = zoneNames.length;
    this.taintedAt = new Float64Array(zoneOf.length).fill(NaN);
    this.zoneSize = new Int32Array(zones);
    for (const z of zoneOf) this.zoneSize[z]!++;
    this.notReadyIn = new Int32Array(zones);
    this.queue = Array.from({ length: zones }, () => []);
    this.rate = new Float64Array(zones).fill(k8s.nodeEvictionRate);
    this.state = Array.from({ length: zones }, (): ZoneState => 'normal');
    this.nextState = [...this.state];
    this.nextToken = new Float64Array(zones).fill(-Infinity);
    this.pumpAt = new Float64Array(zones).fill(NaN);
    this.fireToleration = (_sim, w) => {
      // A node Ready again has no taint; one tainted again later has a later time.
      const t = this.taintedAt[w]!;
      if (!Number.isNaN(t) && this.sim.now >= t + this.k8s.podEvictionTimeout) this.listener.tolerationExpired(w);
    };
    this.firePump = (_sim, z) => {
      this.pumpAt[z] = NaN;
      this.pump(z);
    };
  }

  /**
   * Worker w was marked NotReady by a monitor pass: it waits in its zone's queue for a taint. The
   * pass calls `flush` once it has marked every node due: the controller computes the zones'
   * states after the whole pass (handleDisruption), and taints only then.
   */
  notReady(w: number): void {
    const z = this.zoneOf[w]!;
    this.notReadyIn[z]!++;
    this.queue[z]!.push(w);
    this.stale = true;
  }

  /**
   * Worker w is Ready again: no taint, no place in the queue. When that may move its zone's state,
   * the states are computed again at the evaluation it wakes, once for every node Ready by then (a
   * datacenter back up brings all its nodes back at once).
   */
  ready(w: number): void {
    const z = this.zoneOf[w]!;
    this.notReadyIn[z]!--;
    this.taintedAt[w] = NaN;
    const q = this.queue[z]!;
    const i = q.indexOf(w);
    if (i >= 0) q.splice(i, 1);
    if (this.stale || zoneState(this.zoneSize[z]! - this.notReadyIn[z]!, this.notReadyIn[z]!, this.k8s.unhealthyZoneThreshold) === this.state[z]) return;
    this.stale = true;
    this.listener.wake();
  }

  /** Computes the zones' states and rates after the changes of readiness, and taints what the queues hold. */
  flush(): void {
    if (!this.stale) return;
    this.stale = false;
    this.update();
  }

  /** Taints what the queues hold, if the controller works now. */
  pumpAll(): void {
    for (let z = 0; z < this.queue.length; z++) if (this.queue[z]!.length > 0) this.pump(z);
  }

  /** Zone states and rates after a change of readiness; entering or leaving the all-disrupted mode. */
  private update(): void {
    const zones = this.queue.length;
    const states = this.nextState;
    let all = true;
    for (let z = 0; z < zones; z++) {
      states[z] = zoneState(this.zoneSize[z]! - this.notReadyIn[z]!, this.notReadyIn[z]!, this.k8s.unhealthyZoneThreshold);
      if (states[z] !== 'fullDisruption' && this.zoneSize[z] !== 0) all = false;
    }
    for (let z = 0; z < zones; z++) {
      if (states[z] !== this.state[z] && !all) this.noteZone(z, states[z]!);
      this.state[z] = states[z]!;
    }
    if (all && !this.suspended) {
      this.suspended = true;
      this.listener.note('node controller: every zone has lost all its nodes; it suspects its own network and stops evicting, lifting the taints it set');
      this.requeueTainted();
    } else if (!all && this.suspended) {
      this.suspended = false;
      this.listener.leftAllDisrupted();
    }
    for (let z = 0; z < zones; z++) {
      const rate = zoneEvictionRate(this.state[z]!, this.zoneSize[z]!, this.suspended, this.k8s);
      // A new limiter starts with its one token unless the old one had none, as a stopped one
      // never has (SwapLimiter in the controller's rate-limited queue).
      const drained = this.rate[z] === 0 || this.nextToken[z]! > this.sim.now;
      if (rate !== this.rate[z] && rate > 0 && drained) this.nextToken[z] = this.sim.now + 1 / rate;
      this.rate[z] = rate;
    }
    this.pumpAll();
  }

  /** Taints the heads of zone z's queue as its token bucket allows, and waits for the next token. */
  private pump(z: number): void {
    const q = this.queue[z]!;
    const rate = this.rate[z]!;
    // While stale, the rates may be outdated: the flush to come pumps every zone.
    if (q.length === 0 || rate <= 0 || this.stale || !this.canAct()) return;
    const now = this.sim.now;
    while (q.length > 0 && this.nextToken[z]! <= now) {
      const w = q.shift()!;
      this.taintedAt[w] = now;
      this.nextToken[z] = now + 1 / rate;
      if (this.listener.hasPods(w)) this.sim.schedule(this.k8s.podEvictionTimeout, this.fireToleration, w);
    }
    const next = this.nextToken[z]!;
    if (q.length > 0 && !(this.pumpAt[z] === next)) {
      this.pumpAt[z] = next;
      this.sim.at(next, this.firePump, z);
    }
  }

  /** Every tainted node loses its taint and waits in its zone's queue again, in worker order. */
  private requeueTainted(): void {
    for (let w = 0; w < this.taintedAt.length; w++) {
      if (!Number.isNaN(this.taintedAt[w]!)) {
        this.taintedAt[w] = NaN;
        this.queue[this.zoneOf[w]!]!.push(w);
      }
    }
    for (const q of this.queue) q.sort((a, b) => a - b);
  }

  private noteZone(z: number, state: ZoneState): void {
    const name = this.zoneNames[z]!;
    const counts = `${this.notReadyIn[z]} of ${this.zoneSize[z]} nodes NotReady`;
    if (state === 'partialDisruption') {
      const small = this.zoneSize[z]! <= this.k8s.largeClusterSizeThreshold;
      this.listener.note(`node controller: zone ${name} is partly disrupted (${counts}): evictions there ${small ? 'stop (a zone this small)' : `slow to ${this.k8s.secondaryNodeEvictionRate} nodes/s`}`);
    } else if (state === 'fullDisruption') {
      this.listener.note(`node controller: zone ${name} is fully disrupted (${counts}): its pods are evicted at ${this.k8s.nodeEvictionRate} nodes/s to move to other zones`);
    } else if (this.state[z] !== 'normal') {
      this.listener.note(`node controller: zone ${name} is back to normal (${counts})`);
    }
  }
}
