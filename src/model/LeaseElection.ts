/** Leader election by a Lease object, as kube-controller-manager and kube-scheduler run it. */
import type { RandomStream, Simulation, SimTime } from '../kernel/index.js';
import type { KubernetesSettings } from '../scenario/Scenario.js';

/** Who may hold the lease right now. */
export interface Candidates {
  readonly count: number;
  /** Whether candidate i's process is alive (its host is up). */
  alive(i: number): boolean;
  /** Whether candidate i can write to the API (renew or take the lease). */
  canWrite(i: number): boolean;
  name(i: number): string;
}

export interface LeaseListener {
  holderChanged(holder: number, reason: string): void;
  wake(): void;
  /** Whether reasons are read at all (a trace is recorded); false: they are passed empty, never composed. */
  readonly tracing?: boolean;
}

/**
 * client-go leader election (defaults from component-base: lease 15 s, renew deadline 10 s,
 * retry period 2 s with jitter 1.2):
 * - The holder renews through its own apiserver. A holder that cannot write for the renew
 *   deadline gives the lease up; one that dies simply stops renewing.
 * - Others retry every retry period (jittered to 2-4.4 s) and take the lease once it has expired,
 *   lease duration after the last renewal: a crashed holder is replaced after about 15 s plus a
 *   2-4.4 s retry; nothing can be taken while nobody can write to the API.
 * `active` says whether a leader is doing its work right now.
 */
export class LeaseElection {
  holder = -1;
  /** Counts the leaderships: a new holder, or the same one after giving the lease up, is a new tenure (a restarted process). */
  tenure = 0;
  private leaseExpiry: SimTime = 0;
  private unableSince: SimTime = -1;
  private acquireEvent = -1;
  private giveUpEvent = -1;
  private readonly fireAcquire: () => void;
  private readonly fireGiveUp: () => void;
  private readonly tracing: boolean;

  constructor(
    private readonly sim: Simulation,
    private readonly rng: RandomStream,
    private readonly k8s: KubernetesSettings,
    private readonly candidates: Candidates,
    private readonly label: string,
    private readonly listener: LeaseListener,
  ) {
    this.tracing = listener.tracing !== false;
    // Bootstrap: the first candidate holds the lease when the run starts.
    if (candidates.count > 0) this.holder = 0;
    this.fireAcquire = () => {
      this.acquireEvent = -1;
      this.acquire();
      this.listener.wake();
    };
    this.fireGiveUp = () => {
      this.giveUpEvent = -1;
      const h = this.holder;
      if (h >= 0 && !this.candidates.canWrite(h)) {
        this.holder = -1;
        this.leaseExpiry = this.unableSince + this.k8s.leaseDuration;
        this.listener.holderChanged(-1, this.tracing ? `${this.label} on ${this.candidates.name(h)} cannot renew its lease for ${this.k8s.renewDeadline} s and gives it up` : '');
      }
      this.listener.wake();
    };
  }

  /** Whether a leader exists and can work (reach the API). */
  get active(): boolean {
    return this.holder >= 0 && this.candidates.alive(this.holder) && this.candidates.canWrite(this.holder);
  }

  evaluate(): void {
    const now = this.sim.now;
    const c = this.candidates;
    const h = this.holder;
    if (h >= 0 && !c.alive(h)) {
      // It stopped renewing when it died (or when it lost the API, if that came first); the lease
      // runs out a lease duration later (docs/domain.md#leader-election: replaced after ~15 s plus a 2-4.4 s retry).
      const lastRenew = this.unableSince >= 0 ? this.unableSince : now;
      this.leaseExpiry = lastRenew + this.k8s.leaseDuration;
      this.holder = -1;
      this.clearGiveUp();
      this.listener.holderChanged(-1, this.tracing ? `${this.label} leader on ${c.name(h)} went down; its lease expires in ${round(this.leaseExpiry - now)} s` : '');
    } else if (h >= 0 && !c.canWrite(h)) {
      if (this.unableSince < 0) this.unableSince = now;
      if (this.giveUpEvent < 0) this.giveUpEvent = this.sim.at(this.unableSince + this.k8s.renewDeadline, this.fireGiveUp);
    } else if (h >= 0) {
      this.unableSince = -1;
      this.clearGiveUp();
    }
    if (this.holder < 0) {
      let any = false;
      for (let i = 0; i < c.count && !any; i++) any = c.alive(i) && c.canWrite(i);
      if (!any && this.acquireEvent >= 0) {
        this.sim.cancel(this.acquireEvent);
        this.acquireEvent = -1;
      } else if (any && this.acquireEvent < 0) {
        const retry = this.k8s.retryPeriod * (1 + JITTER * this.rng.next());
        this.acquireEvent = this.sim.at(Math.max(now, this.leaseExpiry) + retry, this.fireAcquire);
      }
    }
  }

  private acquire(): void {
    const c = this.candidates;
    if (this.holder >= 0) return;
    const able: number[] = [];
    for (let i = 0; i < c.count; i++) if (c.alive(i) && c.canWrite(i)) able.push(i);
    if (able.length === 0) return;
    // The candidate whose retry fires first wins; all are alike, so draw one.
    const w = able[Math.floor(this.rng.next() * able.length)]!;
    this.holder = w;
    this.tenure++;
    this.unableSince = -1;
    this.listener.holderChanged(w, this.tracing ? `${this.label} on ${c.name(w)} acquires the lease` : '');
  }

  private clearGiveUp(): void {
    if (this.giveUpEvent >= 0) {
      this.sim.cancel(this.giveUpEvent);
      this.giveUpEvent = -1;
    }
  }
}

/** client-go's wait.Jitter factor for the retry period (component-base default 1.2). */
const JITTER = 1.2;

function round(x: number): number {
  return Math.round(x * 10) / 10;
}
