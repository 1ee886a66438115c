/** The node lifecycle controller: NotReady from the kubelet's last lease renewal, then rate-limited NoExecute taints per zone, then eviction after the toleration. */
import { formatClock, formatDuration, type Simulation, type SimTime } from '../kernel/index.js';
import type { KubernetesSettings } from '../scenario/Scenario.js';
import { zoneEvictionRate, zoneState, type ZoneState } from './evictionRate.js';
import { lastRenewal, notReadyAt } from './nodeHeartbeat.js';

export interface NodeLifecycleListener {
  /** Worker w has been tainted for the toleration (300 s by default): its pods are to be evicted. */
  tolerationExpired(w: number): void;
  /** Worker w turned NotReady (false) or Ready again (true) in the cluster's view. */
  readyChanged(w: number, ready: boolean): void;
  note(text: string): void;
  /** Worker w's name, for the narration. */
  name(w: number): string;
}

/** The controller-manager the node lifecycle controller runs in. */
export interface NodeController {
  /** Whether it can act now: a controller-manager leads and can write to the API. */
  canAct(): boolean;
  /** Which leadership is the current one; a new one starts a fresh process with no observations. */
  tenure(): number;
}

/** The kubelets' node Lease renewals: every `interval`, each at its own phase in [0, interval). */
export interface KubeletLeases {
  readonly interval: SimTime;
  readonly phase: Float64Array;
}

/**
 * A kubelet that stops renewing its node Lease (its host is down, or it cannot reach an apiserver
 * that can write) leaves its last renewal behind (nodeHeartbeat.ts). The controller marks the
 * node NotReady at its first check (every nodeMonitorPeriod) at or after that renewal +
 * nodeMonitorGracePeriod, counting from its own start instead when it started later; marking is
 * a write, so it happens only while the controller can act, and an overdue node is marked at the
 * next check once it can (monitorNodeHealth skips a node whose status it cannot write: "Skipping -
 * no pods will be evicted"). A controller-manager that loses its lease exits ("leaderelection
 * lost") and the next leader starts with no timestamps, so a quorum loss, which silences every
 * kubelet and the controller alike, evicts nothing: the kubelets renew as soon as writes work
 * again, before any grace period counted from the new leader's start can run out.
 *
 * NotReady nodes are tainted NoExecute one zone at a time through a token bucket of burst 1 at
 * the zone's rate (evictionRate.ts: 0.1 nodes/s normally, slower or not at all when a zone is
 * partly disrupted, nothing anywhere when every zone is fully disrupted, which also lifts the
 * taints already set; leaving that mode resets every node's timestamp). A tainted node's pods
 * are evicted when their toleration runs out. A kubelet that renews again makes its node Ready at
 * once (it writes its own status) and the taint goes.
 */
export class NodeLifecycle {
  private readonly silent: Uint8Array;
  private readonly lastRenew: Float64Array;
  private readonly phase: Float64Array;
  private readonly dueAt: Float64Array;
  private readonly notReady: Uint8Array;
  private readonly taintedAt: Float64Array;
  private readonly zoneSize: Int32Array;
  private readonly notReadyIn: Int32Array;
  private readonly queue: number[][];
  private readonly rate: Float64Array;
  private readonly state: ZoneState[];
  private readonly nextToken: Float64Array;
  private readonly pumpAt: Float64Array;
  private suspended = false;
  private silentCount = 0;
  /** When the controller started watching: its leader's start, or its leaving the all-disrupted mode. */
  private observedSince: SimTime = 0;
  private acting: boolean;
  private tenureSeen: number;
  private readonly fireCheck: (sim: Simulation, w: number) => void;
  private readonly fireToleration: (sim: Simulation, w: number) => void;
  private readonly firePump: (sim: Simulation, z: number) => void;

  constructor(
    private readonly sim: Simulation,
    private readonly k8s: KubernetesSettings,
    private readonly leases: KubeletLeases,
    /** Zone (index into zoneNames) of each worker. */
    private readonly zoneOf: Int32Array,
    private readonly zoneNames: readonly string[],
    private readonly controller: NodeController,
    private readonly listener: NodeLifecycleListener,
  ) {
    const n = zoneOf.length;
    const zones = zoneNames.length;
    this.silent = new Uint8Array(n);
    this.lastRenew = new Float64Array(n);
    this.phase = Float64Array.from(leases.phase);
    this.dueAt = new Float64Array(n).fill(NaN);
    this.notReady = new Uint8Array(n);
    this.taintedAt = new Float64Array(n).fill(NaN);
    this.zoneSize = new Int32Array(zones);
    for (const z of zoneOf) this.zoneSize[z]!++;
    this.notReadyIn = new Int32Array(zones);
    this.queue = Array.from({ length: zones }, () => []);
    this.rate = new Float64Array(zones).fill(k8s.nodeEvictionRate);
    this.state = Array.from({ length: zones }, (): ZoneState => 'normal');
    this.nextToken = new Float64Array(zones).fill(-Infinity);
    this.pumpAt = new Float64Array(zones).fill(NaN);
    this.tenureSeen = controller.tenure();
    this.acting = controller.canAct();
    this.fireCheck = (_sim, w) => {
      if (!this.silent[w] || this.notReady[w] || this.dueAt[w] !== this.sim.now) return;
      this.dueAt[w] = NaN;
      // A controller that cannot write marks nothing; resume() schedules the check again.
      if (this.controller.canAct()) this.markNotReady(w);
    };
    this.fireToleration = (_sim, w) => {
      const t = this.taintedAt[w]!;
      if (this.silent[w] && !Number.isNaN(t) && this.sim.now >= t + this.k8s.podEvictionTimeout) this.listener.tolerationExpired(w);
    };
    this.firePump = (_sim, z) => {
      this.pumpAt[z] = NaN;
      this.pump(z);
    };
  }

  /** Worker w's kubelet stops renewing (its host went down, or it lost the API). */
  kubeletSilent(w: number): void {
    if (this.silent[w]) return;
    this.silent[w] = 1;
    this.silentCount++;
    this.lastRenew[w] = lastRenewal(this.phase[w]!, this.leases.interval, this.sim.now);
    this.scheduleCheck(w);
  }

  /** Worker w's kubelet renews again: at once, and every interval from now on if it missed one. */
  kubeletRenews(w: number): void {
    if (!this.silent[w]) return;
    const now = this.sim.now;
    const interval = this.leases.interval;
    this.silent[w] = 0;
    this.silentCount--;
    this.dueAt[w] = NaN;
    // The lease controller retries a failed renewal until it succeeds, then waits a full interval.
    if (lastRenewal(this.phase[w]!, interval, now) > this.lastRenew[w]!) this.phase[w] = now % interval;
    if (!this.notReady[w]) return;
    const z = this.zoneOf[w]!;
    this.notReady[w] = 0;
    this.notReadyIn[z]!--;
    this.taintedAt[w] = NaN;
    const q = this.queue[z]!;
    const i = q.indexOf(w);
    if (i >= 0) q.splice(i, 1);
    this.listener.readyChanged(w, true);
    this.listener.note(`${this.listener.name(w)}: its kubelet renews its lease again: Ready`);
    this.update();
  }

  /** Whether worker w is Ready in the cluster's view. */
  ready(w: number): boolean {
    return this.notReady[w] === 0;
  }

  /** Follows the controller (a new leader, or acting again) and taints what the queues hold. Call on every change. */
  resume(): void {
    const acting = this.controller.canAct();
    if (acting) {
      const tenure = this.controller.tenure();
      if (tenure !== this.tenureSeen) {
        this.tenureSeen = tenure;
        this.observedSince = this.sim.now;
        this.rescheduleSilent();
      } else if (!this.acting) {
        this.rescheduleSilent();
      }
    }
    this.acting = acting;
    for (let z = 0; z < this.queue.length; z++) if (this.queue[z]!.length > 0) this.pump(z);
  }

  private scheduleCheck(w: number): void {
    const from = Math.max(this.lastRenew[w]!, this.observedSince);
    const due = notReadyAt(from, this.k8s.nodeMonitorGracePeriod, this.k8s.nodeMonitorPeriod, this.sim.now);
    if (this.dueAt[w] === due) return;
    this.dueAt[w] = due;
    this.sim.at(due, this.fireCheck, w);
  }

  /** Checks again every silent node still Ready (the controller restarted or can act again). */
  private rescheduleSilent(): void {
    if (this.silentCount === 0) return;
    for (let w = 0; w < this.silent.length; w++) if (this.silent[w] && !this.notReady[w]) this.scheduleCheck(w);
  }

  private markNotReady(w: number): void {
    const z = this.zoneOf[w]!;
    this.notReady[w] = 1;
    this.notReadyIn[z]!++;
    this.queue[z]!.push(w);
    this.listener.readyChanged(w, false);
    const last = this.lastRenew[w]!;
    const since = last >= this.observedSince ? '' : `, but the node controller counts from ${formatClock(this.observedSince)}, when it started watching`;
    const timing = `grace ${formatDuration(this.k8s.nodeMonitorGracePeriod)}, checked every ${formatDuration(this.k8s.nodeMonitorPeriod)}`;
    this.listener.note(`${this.listener.name(w)}: its kubelet last renewed its lease at ${formatClock(Math.max(0, last))}${since}; NotReady at ${formatClock(this.sim.now)} (${timing})`);
    this.update();
  }
  /** Zone states and rates after a change of readiness; entering or leaving the all-disrupted mode. */
  private update(): void {
    const zones = this.queue.length;
    const states = this.state.map((_, z) => zoneState(this.zoneSize[z]! - this.notReadyIn[z]!, this.notReadyIn[z]!, this.k8s.unhealthyZoneThreshold));
    const all = states.every((st, z) => st === 'fullDisruption' || this.zoneSize[z] === 0);
    for (let z = 0; z < zones; z++) {
      if (states[z] !== this.state[z] && !all) this.noteZone(z, states[z]!);
      this.state[z] = states[z]!;
    }
    if (all && !this.suspended) {
      this.suspended = true;
      this.listener.note('node controller: every zone has lost all its nodes; it suspects its own network and stops evicting, lifting the taints it set');
      this.requeueTainted();
    } else if (!all && this.suspended) {
      // Leaving the mode, the controller resets every node's timestamp to now (handleDisruption).
      this.suspended = false;
      this.observedSince = this.sim.now;
      this.rescheduleSilent();
    }
    for (let z = 0; z < zones; z++) {
      const rate = zoneEvictionRate(this.state[z]!, this.zoneSize[z]!, this.suspended, this.k8s);
      // A new limiter starts with its one token unless the old one had none, as a stopped one
      // never has (SwapLimiter in the controller's rate-limited queue).
      const drained = this.rate[z] === 0 || this.nextToken[z]! > this.sim.now;
      if (rate !== this.rate[z] && rate > 0 && drained) this.nextToken[z] = this.sim.now + 1 / rate;
      this.rate[z] = rate;
    }
    this.resume();
  }

  /** Taints the heads of zone z's queue as its token bucket allows, and waits for the next token. */
  private pump(z: number): void {
    const q = this.queue[z]!;
    const rate = this.rate[z]!;
    if (q.length === 0 || rate <= 0 || !this.controller.canAct()) return;
    const now = this.sim.now;
    while (q.length > 0 && this.nextToken[z]! <= now) {
      const w = q.shift()!;
      this.taintedAt[w] = now;
      this.nextToken[z] = now + 1 / rate;
      this.sim.schedule(this.k8s.podEvictionTimeout, this.fireToleration, w);
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
