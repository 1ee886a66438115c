/** Fits time to failure and time to repair of every role found in the records. */
import { ROLES, type Role } from '../scenario/Scenario.js';
import { fitDurations, type DurationFit } from './fitDurations.js';
import type { Observation } from './Observation.js';
import type { RecordsByRole } from './records/RoleRecords.js';

export interface RoleFit {
  readonly role: Role;
  readonly components: number;
  /** From the up periods. */
  readonly timeToFailure: DurationFit;
  /** From the down periods. */
  readonly timeToRepair: DurationFit;
  /** The periods fitted (for charts). */
  readonly up: readonly Observation[];
  readonly down: readonly Observation[];
}

export interface FitRolesOptions {
  readonly seed: number;
  readonly bootstrap: number;
}

/** Roles in kubesim's order; each fit has its own random streams, `fit/<role>/ttf/<family>` and `fit/<role>/ttr/<family>`. */
export function fitRoles(byRole: RecordsByRole, options: FitRolesOptions): RoleFit[] {
  return ROLES.filter((role) => byRole.has(role)).map((role) => {
    const r = byRole.get(role)!;
    return {
      role,
      components: r.components.size,
      timeToFailure: fitDurations(r.up, { ...options, stream: `fit/${role}/ttf` }),
      timeToRepair: fitDurations(r.down, { ...options, stream: `fit/${role}/ttr` }),
      up: r.up,
      down: r.down,
    };
  });
}
