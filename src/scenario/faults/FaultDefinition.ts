/** What one kind of scripted fault is in the scenario layer: its fields, schema, parser and description. */
import type { SimTime } from '../../kernel/index.js';
import type { Path } from '../_internals/Path.js';
import type { Problems } from '../_internals/Problems.js';
import type { RawObject } from '../_internals/read.js';
import type { Scenario } from '../Scenario.js';
import type { FaultTargets } from './FaultTargets.js';

/** What every fault has: its kind (the key that names it in a scenario), when it starts, and an optional name. */
export interface FaultBase {
  readonly kind: string;
  readonly at: SimTime;
  /** The user's name for it, unique among the scenario's faults: reports attribute downtime to it. */
  readonly name?: string;
}

/** A JSON Schema fragment, written out as it goes into schema/scenario.schema.json. */
export type SchemaFragment = Readonly<Record<string, unknown>>;

/** A field a kind takes besides `at` and its own key (`for`, `each`...). */
export interface FaultField {
  /** Whether the kind cannot do without it. */
  readonly needed: boolean;
  readonly schema: SchemaFragment;
}

/** What a kind's parser reads from: the raw fault, where it is, and the readers every kind shares. */
export interface FaultReading {
  readonly p: Problems;
  readonly obj: RawObject;
  readonly path: Path;
  readonly targets: FaultTargets;
  /** The start, undefined when it was unreadable (then the parser still reports the rest). */
  readonly at: SimTime | undefined;
  /** The raw value of the kind's own key, and its path. */
  readonly value: unknown;
  readonly valuePath: Path;
  /** The kind's own value as a non-empty string (a target, a version). */
  text(): string | undefined;
  /** The `for` field: a positive duration, reported when missing. */
  duration(): SimTime | undefined;
  /** Whether a name is good; reports the problem when every cluster was readable. */
  ok(name: string | undefined, problem: string | undefined): name is string;
}

/**
 * One kind of scripted fault, typed by the fault it reads. Its behaviour lives in the model
 * layer (src/model/faults/faultBehaviours.ts), keyed by the same kind, so that a kind without a
 * behaviour does not compile.
 */
export interface FaultDefinition<F extends FaultBase> {
  /** The schema of the kind's own key (its description says which fields it needs). */
  readonly schema: SchemaFragment;
  /** Its other fields, by name, in the order the schema lists them. */
  readonly fields: Readonly<Record<string, FaultField>>;
  /** Reads the fault; every problem goes to r.p, and undefined comes back when there was one. */
  read(r: FaultReading): F | undefined;
  /** One line for reports, with durations written by `duration`: "crash prod/etcd-1 for 2h". */
  describe(f: F, duration: (seconds: SimTime) => string): string;
  /**
   * Whether narration leaves out the fault's own line in a step that tells its effect (hosts
   * or datacenters going down), because the effect already names it.
   */
  readonly toldByItsEffect: boolean;
  /**
   * How long the fault holds anything down, at most (the outage length the zero-outage bound
   * assumes: docs/statistics.md). `s` is the whole scenario (a rollout's depends on its federation).
   */
  downSeconds(f: F, s: Scenario): SimTime;
}

/** The `for` field that most kinds need. */
export const FOR_FIELD: FaultField = {
  needed: true,
  schema: { $ref: '#/definitions/positiveDuration', description: 'How long the fault lasts.' },
};
