/** What the readers produce: up and down periods by role, and where they came from. */
import type { Role } from '../../scenario/Scenario.js';
import type { Observation } from '../Observation.js';

export interface RoleRecords {
  /** Components seen with this role. */
  readonly components: Set<string>;
  /** Up periods: times to failure (censored where the window cut them). */
  readonly up: Observation[];
  /** Down periods: times to repair (censored when still open at the end). */
  readonly down: Observation[];
}

export interface SourceSummary {
  readonly file: string;
  readonly format: 'csv' | 'prometheus';
  /** Records read: rows of a CSV, series of a Prometheus result. */
  readonly records: number;
  /** The observation window, seconds since the epoch. */
  readonly window: readonly [number, number];
  /** How the window was set: by flags, inferred from the records, by the samples of each series, or one edge by flag and the other inferred. */
  readonly windowFrom: WindowSource;
}

export type WindowSource = 'flags' | 'records' | 'samples' | 'flags and records' | 'flags and samples';

/** `--window-start` and `--window-end`, seconds since the epoch. */
export interface WindowFlags {
  readonly start?: number;
  readonly end?: number;
}

/** Where a window came from, given the flags and what the file supplies otherwise. */
export function windowSource(window: WindowFlags, otherwise: 'records' | 'samples'): WindowSource {
  const given = Number(window.start !== undefined) + Number(window.end !== undefined);
  return given === 2 ? 'flags' : given === 0 ? otherwise : `flags and ${otherwise}`;
}

export type RecordsByRole = Map<Role, RoleRecords>;

export function recordsOf(byRole: RecordsByRole, role: Role): RoleRecords {
  let r = byRole.get(role);
  if (r === undefined) {
    r = { components: new Set(), up: [], down: [] };
    byRole.set(role, r);
  }
  return r;
}
