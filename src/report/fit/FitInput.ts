/** What the fit pages and tables are rendered from: the sources read, the fits by role and how they were made. */
import type { RoleFit } from '../../fit/fitRoles.js';
import type { SourceSummary } from '../../fit/records/RoleRecords.js';

export interface FitInput {
  readonly kubesim: string;
  readonly sources: readonly SourceSummary[];
  readonly fits: readonly RoleFit[];
  readonly seed: number;
  /** Bootstrap samples of each KS test (0: no p-values). */
  readonly bootstrap: number;
}
