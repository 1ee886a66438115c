/** Types of csv.mjs, for the tests. */
export declare const RESULT_COLUMNS: readonly string[];
export declare const GAP_COLUMNS: readonly string[];
export declare function toCsv(columns: readonly string[], rows: readonly Record<string, unknown>[]): string;
export declare function parseCsv(text: string): { columns: string[]; rows: Record<string, string>[] };
