/** What one replication looked like over time: recorded only when a report or `explain` asks. */
import type { SimTime } from '../kernel/index.js';
import type { FaultKind } from '../scenario/Scenario.js';

/** One thing that happened, in the order it happened. */
export type TraceEvent =
  | {
      readonly t: SimTime;
      readonly kind: 'component';
      readonly name: string;
      readonly up: boolean;
      readonly cause: string;
      /** Down because its process is paused (the freeze fault): it resumes where it was. */
      readonly paused?: boolean;
    }
  | { readonly t: SimTime; readonly kind: 'datacenter'; readonly name: string; readonly up: boolean; readonly cause: string }
  | { readonly t: SimTime; readonly kind: 'partition'; readonly groups: readonly (readonly string[])[]; readonly active: boolean }
  | {
      readonly t: SimTime;
      readonly kind: 'leader';
      readonly cluster: string;
      /** The leader's component name, or null when there is none. */
      readonly leader: string | null;
      readonly term: number;
      readonly reason: string;
    }
  | { readonly t: SimTime; readonly kind: 'signal'; readonly key: string; readonly up: boolean }
  /** A scripted fault starts; `text` tells it as it happened (whom it took down). */
  | { readonly t: SimTime; readonly kind: 'fault'; readonly fault: FaultKind; readonly text: string }
  | { readonly t: SimTime; readonly kind: 'note'; readonly text: string };

/** A span in which the trace was paused: only the state at its end was recorded. */
export interface TraceGap {
  readonly start: SimTime;
  readonly end: SimTime;
}

/** What a bounded trace left out (see TraceRecorder). */
export interface TraceOmitted {
  readonly events: number;
  readonly byKind: Readonly<Record<string, number>>;
  readonly limits: { readonly free: number; readonly max: number };
}

/** A recording of one replication. */
export interface Trace {
  readonly horizon: SimTime;
  readonly events: readonly TraceEvent[];
  /** Every component and signal name in a stable order, for charts. */
  readonly components: readonly string[];
  readonly signals: readonly string[];
  /** Present only when the trace was bounded: the paused spans and what they left out. */
  readonly gaps?: readonly TraceGap[];
  readonly omitted?: TraceOmitted;
}
