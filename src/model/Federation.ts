/** A federation control plane that pushes configuration to member clusters, and its rollouts. */
import type { Simulation } from '../kernel/index.js';
import type { FederationSpec } from '../scenario/Scenario.js';
import type { ClusterModel } from './ClusterModel.js';

export interface FederationListener {
  wake(): void;
  note(text: string): void;
}

/**
 * Configuration reaches a member cluster only while the host cluster's API can write and the
 * member's can too. A rollout moves through steps: `hardCutover` is one step with every member;
 * `canary` sends the first member alone, then the rest after the bake time; `gradual` sends
 * `stepSize` members per step, one step per bake time. A step due while configuration cannot be
 * pushed waits. A bad version breaks every workload of the clusters it reached; health checks
 * catch it `detect` after it first lands, which stops the remaining steps, and the rollback
 * restores the reached clusters `rollback` later.
 */
export class Federation {
  private readonly host: ClusterModel | undefined;
  private readonly members: ClusterModel[];
  private steps: ClusterModel[][] = [];
  private nextStep = 0;
  private stepDue = false;
  private bad = false;
  private version = '';
  private detected = false;
  private reachedThisRollout: ClusterModel[] = [];
  private reachedBad = 0;
  private hadBad = false;

  constructor(
    private readonly sim: Simulation,
    private readonly spec: FederationSpec,
    clusters: readonly ClusterModel[],
    private readonly listener: FederationListener,
  ) {
    this.host = clusters.find((c) => c.name === spec.hostCluster);
    this.members = spec.members.map((m) => clusters.find((c) => c.name === m)!);
  }

  /** The federation control plane can push configuration (its host cluster's API can write). */
  get canPush(): boolean {
    return this.host !== undefined && this.host.signals.apiWrite;
  }

  /** Clusters bad versions reached in this replication; null when no bad version was rolled out. */
  get badVersionReach(): number | null {
    return this.hadBad ? this.reachedBad : null;
  }

  rollout(version: string, bad: boolean): void {
    const { strategy, stepSize } = this.spec.rollout;
    const m = this.members;
    if (strategy === 'hardCutover') this.steps = [m];
    else if (strategy === 'canary') this.steps = [m.slice(0, 1), m.slice(1)].filter((s) => s.length > 0);
    else {
      this.steps = [];
      for (let i = 0; i < m.length; i += stepSize) this.steps.push(m.slice(i, i + stepSize));
    }
    this.version = version;
    this.bad = bad;
    this.hadBad ||= bad;
    this.detected = false;
    this.reachedThisRollout = [];
    this.nextStep = 0;
    this.stepDue = true;
    this.listener.note(`federation: ${strategy} rollout of ${version} in ${this.steps.length} step(s)`);
    this.listener.wake();
  }

  /** Whether a rollout step waits for the next settle (evaluate applies it when configuration can be pushed). */
  get stepWaiting(): boolean {
    return this.stepDue && !this.detected;
  }

  /** Applies a due step when configuration can be pushed. Called on every settle. */
  evaluate(): void {
    if (!this.stepDue || this.detected || !this.canPush) return;
    const step = this.steps[this.nextStep];
    if (step === undefined) return;
    this.stepDue = false;
    const reached = step.filter((c) => c.signals.apiWrite);
    // Members whose API cannot take the configuration now get it at the next step (or never).
    if (reached.length < step.length && this.nextStep + 1 < this.steps.length) {
      this.steps[this.nextStep + 1]!.push(...step.filter((c) => !c.signals.apiWrite));
    }
    this.listener.note(`federation: ${this.version} reaches ${reached.map((c) => c.name).join(', ') || 'no cluster'}`);
    if (this.bad && reached.length > 0) {
      const first = this.reachedThisRollout.length === 0;
      for (const c of reached) c.workloads.broken = true;
      this.reachedThisRollout.push(...reached);
      this.reachedBad += reached.length;
      if (first) this.sim.schedule(this.spec.rollout.detect, () => this.detect());
    }
    this.nextStep++;
    if (this.nextStep < this.steps.length) {
      this.sim.schedule(this.spec.rollout.bake, () => {
        this.stepDue = true;
        this.listener.wake();
      });
    }
    this.listener.wake();
  }

  private detect(): void {
    this.detected = true;
    const clusters = this.reachedThisRollout;
    this.listener.note(`federation: health checks catch bad version ${this.version}; rolling back ${clusters.map((c) => c.name).join(', ')}`);
    this.sim.schedule(this.spec.rollout.rollback, () => {
      for (const c of clusters) c.workloads.broken = false;
      this.listener.note(`federation: rollback of ${this.version} complete`);
      this.listener.wake();
    });
    this.listener.wake();
  }
}
