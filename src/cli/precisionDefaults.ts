/** The caps of an adaptive run (`--precision`) when none are given; kept apart so that the help text does not load the model. */
export const DEFAULT_MAX_REPLICATIONS = 10_000;
export const DEFAULT_MAX_EPISODES = 2_000_000;
/** The work budget's default as the help prints it (experiment/workEstimate.ts's WORK_BUDGET). */
export const WORK_BUDGET_TEXT = '1e9';
