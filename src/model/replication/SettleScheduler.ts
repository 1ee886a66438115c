/** Batches the changes of one instant into a single evaluation of the world, scheduled after them. */
import type { Simulation } from '../../kernel/index.js';

/**
 * State changes (failures, repairs, faults, timers) only call `wake`; the first call of an
 * instant schedules one "settle" event at that instant, after the changes already queued, which
 * re-evaluates every cluster and updates the signals. Simultaneous changes thus never produce a
 * zero-length blip.
 *
 * A change that can only move workloads (a worker's host, a pod starting, a node marked
 * NotReady) calls `wakeWorkloads` instead: its settle tells the clusters that their control
 * planes saw nothing new (`full` false), so they skip Raft, the apiservers and the leases
 * (ClusterModel.evaluate). Any `wake` of the instant makes the settle full.
 */
export class SettleScheduler {
  private pending = false;
  private full = false;
  // One closure for the life of the replication: no allocation per wake.
  private readonly settle = () => {
    const full = this.full;
    this.pending = false;
    this.full = false;
    this.evaluate(full);
  };

  constructor(
    private readonly sim: Simulation,
    private readonly evaluate: (full: boolean) => void,
    /** Whether an evaluation would have work of its own (SignalRecorder.hasDeferredWork); without it, `unseen` needs no settle. */
    private readonly hasDeferredWork: () => boolean = () => true,
  ) {}

  /** Something may have changed anywhere: every layer of every cluster is evaluated. */
  wake(): void {
    this.full = true;
    this.wakeWorkloads();
  }

  /**
   * Something changed that no model reads at an evaluation (a worker without pods, while no pod
   * waits for room): a settle is needed only if the world has work waiting for one anyway,
   * which it then does as the workloads-only settle it always was.
   */
  unseen(): void {
    if (!this.pending && this.hasDeferredWork()) this.wakeWorkloads();
  }

  /** Only workloads (pods, nodes) may have changed. */
  wakeWorkloads(): void {
    if (this.pending) return;
    this.pending = true;
    this.sim.schedule(0, this.settle);
  }
}
