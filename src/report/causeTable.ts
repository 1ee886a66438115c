/** Each signal's downtime by cause (docs/downtime-by-cause.md), as the rows every format shows: biggest first, shares of the signal's downtime. */
import type { Summary } from '../experiment/Summary.js';

export interface CauseShare {
  readonly cause: string;
  readonly secondsPerYear: number;
  /** Its part of the signal's downtime, in [0, 1]. */
  readonly share: number;
}

export interface SignalCauses {
  readonly cluster: string;
  readonly signal: string;
  /** The signal's downtime per year, as the causes add it up. */
  readonly secondsPerYear: number;
  /** The causes that produced any, biggest first (equals in the summary's cause order). */
  readonly causes: readonly CauseShare[];
}

/** The signals the terminal shows by cause: what users and services see. */
export const MAIN_CAUSE_SIGNALS: readonly string[] = ['apiWrite', 'workloads', 'serving', 'service'];

/** Every signal (clusters in order, then global) that was down and has an attribution; `only` keeps some by name. */
export function signalCauses(summary: Summary, only?: readonly string[]): SignalCauses[] {
  const out: SignalCauses[] = [];
  const add = (cluster: string, signals: Summary['global']['signals']) => {
    for (const [signal, s] of Object.entries(signals)) {
      if (s.downtimeByCause === null || (only && !only.includes(signal))) continue;
      const entries = Object.entries(s.downtimeByCause).filter(([, x]) => x > 0);
      const total = entries.reduce((a, [, x]) => a + x, 0);
      if (total === 0) continue;
      const causes = entries.map(([cause, x]) => ({ cause, secondsPerYear: x, share: x / total })).sort((a, b) => b.secondsPerYear - a.secondsPerYear);
      out.push({ cluster, signal, secondsPerYear: total, causes });
    }
  };
  for (const [name, c] of Object.entries(summary.clusters)) add(name, c.signals);
  add('global', summary.global.signals);
  return out;
}

/** A share for people: whole percents, "<1%" for a sliver, never "0%" for a cause that produced any. */
export function formatShare(share: number): string {
  const pct = Math.round(share * 100);
  return pct === 0 ? '<1%' : `${pct}%`;
}

/** One line under the tables: the rule in a sentence. */
export const CAUSE_RULE =
  'Overlapping causes share the time evenly; time after every cause has ended goes to what the signal still waits for (leader election, lease handover, eviction and rescheduling).';
