/** A shard's partial result: its digests plus everything needed to rebuild the whole run and check the other shards against it. */
import type { Trace } from '../../model/Trace.js';
import type { ReplicationDigest } from '../Digest.js';
import type { PrecisionTarget } from '../precision/runToPrecision.js';
import type { EpisodeDigest } from '../rare/EpisodeDigest.js';
import type { Shard } from '../shard.js';
import type { Objectives } from '../sweep/Objectives.js';
import type { SweepParameter } from '../sweep/SweepSummary.js';

/**
 * The format marker and version of partial files; merge refuses anything else. v2: each signal
 * digest carries `longestOutages` (the replication's 3 longest, for the "dominated" verdict).
 * v3: adaptive runs (`precision` in the job) and their rare-event episodes. v4: a `checksum`
 * over everything else, and a schema check of every field before merging. v5: each signal
 * digest carries `downtimeByCause` (docs/downtime-by-cause.md).
 */
export const PARTIAL_FORMAT = 'kubesim/partial-v5';

/** An adaptive run's target as a shard runs it: no wall-clock cap (it would depend on the machine). */
export type PrecisionJob = Omit<PrecisionTarget, 'maxSeconds'>;

/** A scenario file as it was read: its path (for messages and labels) and its whole text. */
export interface ScenarioSource {
  readonly file: string;
  readonly text: string;
}

/** Seed, replications and horizon as the flags set them; absent ones come from the file. */
export interface Overrides {
  readonly seed?: number;
  readonly replications?: number;
  readonly horizon?: number;
  /** `--ignore-faults`: the scripted faults were dropped. */
  readonly ignoreFaults?: boolean;
}

/** `kubesim run <scenario>...`: one task per scenario. */
export interface RunJob {
  readonly command: 'run';
  readonly scenarios: readonly ScenarioSource[];
  readonly overrides: Overrides;
  /** `--precision`: each shard runs its share of the caps; merge stops where a serial run would. */
  readonly precision?: PrecisionJob;
}

/** `kubesim sweep <scenario> --set ...`: one task per grid point. */
export interface SweepJob {
  readonly command: 'sweep';
  readonly scenario: ScenarioSource;
  readonly overrides: Overrides;
  readonly parameters: readonly SweepParameter[];
  readonly objectives: Objectives;
  readonly precision?: PrecisionJob;
}

export type Job = RunJob | SweepJob;

export interface PartialResult {
  readonly format: typeof PARTIAL_FORMAT;
  /** The kubesim version that ran the shard: merging needs the same one. */
  readonly kubesim: string;
  readonly shard: Shard;
  readonly job: Job;
  /** Per task (scenario or grid point, in order), the digests of this shard's replications. */
  readonly digests: readonly (readonly ReplicationDigest[])[];
  /** A run's recorded replication 0 of a scenario, in the shard that ran it (for the report's timeline). */
  readonly traces: readonly { readonly task: number; readonly trace: Trace }[];
  /** Per task, this shard's block of rare-event episodes (adaptive runs; empty otherwise). */
  readonly episodes: readonly (readonly EpisodeDigest[])[];
  /** `sha256:<hex>` over a canonical serialisation of every other field (partialChecksum.ts). */
  readonly checksum: string;
}
