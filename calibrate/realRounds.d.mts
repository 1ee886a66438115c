/** Types of realRounds.mjs, for the tests (the rounds themselves need a real etcd and are not tested in the suite). */
export interface RequestRecord {
  readonly member: number;
  readonly start: number;
  readonly end: number;
  readonly ok: boolean;
  readonly error: string;
}
export declare const MAJORITY_DOWN_SECONDS: number;
export declare const FREEZE_SECONDS: number;
export declare function describeOutcomes(records: readonly RequestRecord[], origin?: number): string;
