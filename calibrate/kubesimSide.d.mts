/** Types of kubesimSide.mjs, for the tests. */
export declare function scenarioFile(caseName: string, members: number): string;
export declare function kubesimGaps(caseName: string, members: number, replications: number): Promise<{ gaps: number[]; multiOutage: number }>;
