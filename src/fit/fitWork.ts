/** The work of a fit before it runs, in the work budget's units (docs/limits.md), from the periods read and the bootstrap samples. */
import type { RecordsByRole } from './records/RoleRecords.js';

/**
 * Units (about a microsecond each on the reference machine) one period costs in one round of
 * fitting every family: maximum likelihood by Nelder–Mead (hundreds of passes over the data),
 * the Kaplan–Meier estimate and the KS distance. Measured on 20,000 outages of one component
 * (40,000 periods): 1.1 s with --bootstrap 0, 8.4 s with --bootstrap 20, so about 9 units per
 * period per bootstrap sample; the fit itself, with its confidence intervals, counts as two rounds.
 */
export const UNITS_PER_PERIOD = 10;

export interface FitWork {
  /** Up and down periods of every role: what each round of fitting goes over. */
  readonly periods: number;
  /** Rounds: the fit itself (2) and one per bootstrap sample. */
  readonly rounds: number;
  readonly work: number;
}

/** Every period is fitted by every family once, then once per bootstrap sample; the cost is linear in both. */
export function fitWork(byRole: RecordsByRole, bootstrap: number): FitWork {
  let periods = 0;
  for (const r of byRole.values()) periods += r.up.length + r.down.length;
  const rounds = bootstrap + 2;
  return { periods, rounds, work: periods * rounds * UNITS_PER_PERIOD };
}
