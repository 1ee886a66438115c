/** Batches the changes of one instant into a single evaluation of the world, scheduled after them. */
import type { Simulation } from '../../kernel/index.js';

/**
 * State changes (failures, repairs, faults, timers) only call `wake`; the first call of an
 * instant schedules one "settle" event at that instant, after the changes already queued, which
 * re-evaluates every cluster and updates the signals. Simultaneous changes thus never produce a
 * zero-length blip.
 */
export class SettleScheduler {
  private pending = false;
  // One closure for the life of the replication: no allocation per wake.
  private readonly settle = () => {
    this.pending = false;
    this.evaluate();
  };

  constructor(
    private readonly sim: Simulation,
    private readonly evaluate: () => void,
  ) {}

  wake(): void {
    if (this.pending) return;
    this.pending = true;
    this.sim.schedule(0, this.settle);
  }
}
