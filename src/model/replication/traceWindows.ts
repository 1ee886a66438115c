/** The spans a bounded trace always keeps: around each scripted fault (TraceRecorder). */
import type { Scenario } from '../../scenario/Scenario.js';
import { faultDefinition } from '../../scenario/faults/faultKinds.js';
import type { TraceWindow } from './TraceRecorder.js';

/** How long before a fault, and after what it holds down, a trace keeps everything. */
export const FAULT_WINDOW_BEFORE = 60;
export const FAULT_WINDOW_AFTER = 600;

export function traceWindows(s: Scenario): TraceWindow[] {
  return s.faults.map((f) => ({
    start: Math.max(0, f.at - FAULT_WINDOW_BEFORE),
    end: f.at + faultDefinition(f).downSeconds(f, s) + FAULT_WINDOW_AFTER,
  }));
}
