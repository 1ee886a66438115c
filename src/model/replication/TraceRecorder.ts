/** Records a replication's trace events when a report or `explain` asks for them, and nothing otherwise. */
import type { Simulation } from '../../kernel/index.js';
import type { TraceEvent } from '../Trace.js';

export class TraceRecorder {
  /** The events so far, or undefined when nobody asked for a trace. */
  readonly events: TraceEvent[] | undefined;

  constructor(
    private readonly sim: Simulation,
    enabled: boolean,
  ) {
    this.events = enabled ? [] : undefined;
  }

  record(e: TraceEvent): void {
    this.events?.push(e);
  }

  /** A line of narration at the current instant. */
  note(text: string): void {
    this.record({ t: this.sim.now, kind: 'note', text });
  }
}
