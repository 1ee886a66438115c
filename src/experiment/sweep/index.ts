/** Sweeps: grid points run with common random numbers, objectives, the recommendation and the summary document. */
export type { SweepSummary, SweepPointSummary, SweepParameter, GroupRecommendation } from './SweepSummary.js';
export { givenPaths } from './givenPaths.js';
export { describeObjective, hasObjectives, type AvailabilityObjective, type Check, type Objectives, type Verdict } from './Objectives.js';
export { checkPoint } from './checkPoint.js';
export { recommend, rejectedCheaper, shortfall, type BestAchieved, type Candidate, type Recommendation } from './recommend.js';
export { summarizeSweep, summarizePoints, pointLabel, type SweepDefinition, type SweepPoint } from './summarizeSweep.js';
export { runSweep } from './runSweep.js';
export { compareDesigns, worstP99, type Alternative, type Decision } from './compareDesigns.js';
export { compareAvailability, differenceHalfWidth, type AvailabilityComparison, type ComparisonBasis } from './compareAvailability.js';
