/** Types of stats.mjs, for the tests. */
export declare function quantile(values: readonly number[], q: number): number;
export declare function writeGap(completions: readonly number[], from: number, to: number): number;
export declare const LONG_GAP_SECONDS: number;
export interface GapSummary {
  readonly rounds: number;
  readonly median: number;
  readonly p90: number;
  readonly max: number;
  readonly shareOver2s: number;
  readonly unmeasured: number;
}
export declare function summarize(gaps: readonly number[]): GapSummary;
