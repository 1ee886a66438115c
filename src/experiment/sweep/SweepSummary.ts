/** The sweep's summary.json: one entry per grid point, with its verdict and the recommendation (docs/capacity-planning.md#what-you-get). */
import type { EtcdModelAssumptions, EtcdPerformance, Headroom } from '../../model/latency/index.js';
import type { Role } from '../../scenario/Scenario.js';
import type { Summary } from '../Summary.js';
import type { Objectives, Verdict } from './Objectives.js';
import type { Recommendation } from './recommend.js';
import type { Alternative } from './compareDesigns.js';

/** One swept path and its values, in the order given (`--set etcd.members=1,3,5`). */
export interface SweepParameter {
  readonly path: string;
  readonly values: readonly unknown[];
}

export interface SweepPointSummary {
  /** `etcd.members=5, workers.nodes=1000` */
  readonly label: string;
  /** The value of every swept path at this point. */
  readonly values: Readonly<Record<string, unknown>>;
  /** The same document `kubesim run` writes for this configuration. */
  readonly summary: Summary;
  /** Per cluster: etcd's write load, capacity and latency (model figures, rounded to 4 decimals). */
  readonly etcd: Readonly<Record<string, EtcdPerformance>>;
  /**
   * Per cluster: the worker counts at which its etcd (this design: size, topology, timings)
   * saturates and passes --max-write-p99, solved on the load model (rounded to 4 decimals).
   */
  readonly headroom: Readonly<Record<string, Headroom>>;
  /** Hosts over every cluster, by role (what the cost prices). */
  readonly hosts: Readonly<Record<Role, number>>;
  readonly verdict: Verdict;
}

/** The recommendation among the points that share the given values (`workers.nodes=1000`). */
export interface GroupRecommendation {
  readonly given: Readonly<Record<string, unknown>>;
  /** `workers.nodes=1000`; '' when nothing is given. */
  readonly label: string;
  /** Indices of the points compared (those with these given values). */
  readonly points: readonly number[];
  readonly recommendation: Recommendation;
  /** The next cheapest point that meets every objective; null when none does, or no objectives. */
  readonly runnerUp: number | null;
  /** Every other point of the group against the recommended one (or the closest miss): what it costs more, what it buys. */
  readonly alternatives: readonly Alternative[];
}

export interface SweepSummary {
  readonly kubesim: string;
  readonly kind: 'sweep';
  readonly scenario: string;
  readonly seed: number;
  /** Replications per point, and simulated seconds per replication (those of the first point). */
  readonly replications: number;
  readonly horizonSeconds: number;
  readonly parameters: readonly SweepParameter[];
  readonly objectives: Objectives;
  /** Grid order: the last parameter varies fastest. */
  readonly points: readonly SweepPointSummary[];
  /** Swept paths taken as given (the load: workers.nodes, workers.podsPerNode); the others are the design choices. */
  readonly given: readonly string[];
  /** One recommendation per combination of given values (one in all when none is swept), in grid order. */
  readonly recommendations: readonly GroupRecommendation[];
  /** The assumptions of the etcd load and latency model, so that the figures can be checked. */
  readonly assumptions: { readonly etcd: EtcdModelAssumptions };
}
