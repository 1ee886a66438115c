/** Types of flags.mjs, for the tests. */
export declare const CASES: readonly string[];
export declare const MAX_ROUNDS: number;
export declare const MAX_MINUTES: number;
export declare class FlagError extends Error {}
export declare const DEFAULT_ROUNDS: Readonly<Record<string, number>>;
export interface CalibrationPlan {
  /** --rounds, when given. */
  readonly rounds: number | undefined;
  readonly members: readonly number[];
  readonly cases: readonly { readonly name: string; readonly rounds: number }[];
  readonly maxMinutes: number;
  readonly out: string;
  readonly gapsOut: string;
  readonly replications: number;
  readonly skipEtcd: boolean;
  /** Add the real rounds to those of --gaps-out, and compute the etcd rows from all of them. */
  readonly append: boolean;
}
export declare function parseFlags(argv: readonly string[]): CalibrationPlan;
