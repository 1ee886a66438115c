/** The node lifecycle controller: NotReady from the kubelet's last lease renewal, then rate-limited NoExecute taints per zone (ZoneTainter), then eviction after the toleration. */
import { formatClock, formatDuration, type Simulation, type SimTime } from '../kernel/index.js';
import type { KubernetesSettings } from '../scenario/Scenario.js';
import { MonitorPasses } from './MonitorPasses.js';
import { lastRenewal, notReadyAt } from './nodeHeartbeat.js';
import { ZoneTainter } from './ZoneTainter.js';

export interface NodeLifecycleListener {
  /** Worker w has been tainted for the toleration (300 s by default): its pods are to be evicted. */
  tolerationExpired(w: number): void;
  /** Whether worker w has pods (ZoneTainterListener.hasPods). */
  hasPods(w: number): boolean;
  /** Worker w turned NotReady (false) or Ready again (true) in the cluster's view. */
  readyChanged(w: number, ready: boolean): void;
  note(text: string): void;
  /** Whether notes are recorded: the per-node lines are written only then (they are frequent). */
  readonly narrating: boolean;
  /** Worker w's name, for the narration. */
  name(w: number): string;
  /** Something waits for the next evaluation of the world (`resume`): a zone's state to compute. */
  wake(): void;
}

/** The controller-manager the node lifecycle controller runs in. */
export interface NodeController {
  /** Whether it can act now: a controller-manager leads and can write through the apiserver on its own node (not through the load balancer). */
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
 * The checks fall on the multiples of nodeMonitorPeriod: the nodes due at one are marked in one
 * pass, and the zones' states are computed after it, once (handleDisruption follows the loop over
 * every node in monitorNodeHealth). NotReady nodes are tainted and their pods evicted zone by zone
 * (ZoneTainter); when the controller leaves its all-zones-disrupted mode it resets every node's
 * timestamp to now (handleDisruption). A kubelet that renews again makes its node Ready at once
 * (it writes its own status) and the taint goes.
 */
export class NodeLifecycle {
  private readonly silent: Uint8Array;
  private readonly lastRenew: Float64Array;
  private readonly phase: Float64Array;
  private readonly dueAt: Float64Array;
  private readonly notReady: Uint8Array;
  private readonly zones: ZoneTainter;
  private silentCount = 0;
  /** When the controller started watching: its leader's start, or its leaving the all-disrupted mode. */
  private observedSince: SimTime = 0;
  private acting: boolean;
  /** Whether a node fell silent while the controller could not act, and waits for a check. */
  private unchecked = false;
  private tenureSeen: number;
  /** The monitor passes to come that have nodes to check, each with its nodes in the order they were scheduled. */
  private readonly passes = new MonitorPasses();
  private readonly firePass: () => void;

  constructor(
    private readonly sim: Simulation,
    private readonly k8s: KubernetesSettings,
    private readonly leases: KubeletLeases,
    /** Zone (index into zoneNames) of each worker. */
    zoneOf: Int32Array,
    zoneNames: readonly string[],
    private readonly controller: NodeController,
    private readonly listener: NodeLifecycleListener,
  ) {
    const n = zoneOf.length;
    this.silent = new Uint8Array(n);
    this.lastRenew = new Float64Array(n);
    this.phase = Float64Array.from(leases.phase);
    this.dueAt = new Float64Array(n).fill(NaN);
    this.notReady = new Uint8Array(n);
    this.zones = new ZoneTainter(sim, k8s, zoneOf, zoneNames, () => controller.canAct(), {
      tolerationExpired: (w) => listener.tolerationExpired(w),
      hasPods: (w) => listener.hasPods(w),
      note: (text) => listener.note(text),
      wake: () => listener.wake(),
      leftAllDisrupted: () => {
        this.observedSince = this.sim.now;
        this.rescheduleSilent();
      },
    });
    this.tenureSeen = controller.tenure();
    this.acting = controller.canAct();
    this.firePass = () => {
      const now = this.sim.now;
      this.passes.open(now);
      for (let w = this.passes.take(); w >= 0; w = this.passes.take()) {
        if (!this.silent[w] || this.notReady[w] || this.dueAt[w] !== now) continue;
        this.dueAt[w] = NaN;
        // A controller that cannot write marks nothing; resume() schedules the check again.
        if (this.controller.canAct()) this.markNotReady(w);
      }
      // After the whole pass: the zones' states, then the taints (handleDisruption follows the
      // loop over every node in monitorNodeHealth; the tainting pass runs apart from it).
      this.zones.flush();
    };
  }

  /** Worker w's kubelet stops renewing (its host went down, or it lost the API). */
  kubeletSilent(w: number): void {
    if (this.silent[w]) return;
    this.silent[w] = 1;
    this.silentCount++;
    this.lastRenew[w] = lastRenewal(this.phase[w]!, this.leases.interval, this.sim.now);
    // A controller that cannot act now checks nothing; resume() schedules the check when it can.
    // (Why here: a quorum loss or an election silences every kubelet at once, and a check event
    // for each of thousands of nodes would only find the controller unable.)
    if (this.controller.canAct()) this.scheduleCheck(w);
    else this.unchecked = true;
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
    this.notReady[w] = 0;
    this.listener.readyChanged(w, true);
    if (this.listener.narrating) this.listener.note(`${this.listener.name(w)}: its kubelet renews its lease again: Ready`);
    this.zones.ready(w);
  }

  /** Whether worker w is Ready in the cluster's view. */
  ready(w: number): boolean {
    return this.notReady[w] === 0;
  }

  /** Computes the zones' states if a node Ready again may have moved them, follows the controller (a new leader, or acting again) and taints what the queues hold. Call at every evaluation. */
  resume(): void {
    this.zones.flush();
    const acting = this.controller.canAct();
    if (acting) {
      const tenure = this.controller.tenure();
      if (tenure !== this.tenureSeen) {
        this.tenureSeen = tenure;
        this.observedSince = this.sim.now;
        this.rescheduleSilent();
      } else if (!this.acting || this.unchecked) {
        this.rescheduleSilent();
      }
    }
    this.acting = acting;
    this.zones.pumpAll();
  }

  private scheduleCheck(w: number): void {
    const from = Math.max(this.lastRenew[w]!, this.observedSince);
    const due = notReadyAt(from, this.k8s.nodeMonitorGracePeriod, this.k8s.nodeMonitorPeriod, this.sim.now);
    if (this.dueAt[w] === due) return;
    this.dueAt[w] = due;
    // Checks fall on the multiples of the monitor period: nodes due at the same one share a pass.
    if (this.passes.add(due, w)) this.sim.at(due, this.firePass);
  }

  /** Checks again every silent node still Ready (the controller restarted or can act again). */
  private rescheduleSilent(): void {
    this.unchecked = false;
    if (this.silentCount === 0) return;
    for (let w = 0; w < this.silent.length; w++) if (this.silent[w] && !this.notReady[w]) this.scheduleCheck(w);
  }

  private markNotReady(w: number): void {
    this.notReady[w] = 1;
    this.listener.readyChanged(w, false);
    if (this.listener.narrating) this.narrateNotReady(w);
    this.zones.notReady(w);
  }

  private narrateNotReady(w: number): void {
    const last = this.lastRenew[w]!;
    const since = last >= this.observedSince ? '' : `, but the node controller counts from ${formatClock(this.observedSince)}, when it started watching`;
    const timing = `grace ${formatDuration(this.k8s.nodeMonitorGracePeriod)}, checked every ${formatDuration(this.k8s.nodeMonitorPeriod)}`;
    this.listener.note(`${this.listener.name(w)}: its kubelet last renewed its lease at ${formatClock(Math.max(0, last))}${since}; NotReady at ${formatClock(this.sim.now)} (${timing})`);
  }
}
