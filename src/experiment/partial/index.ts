/** Shards and merging: partial results, and the checks that make a merge give the summary a single run gives. */
export { PARTIAL_FORMAT, type Job, type Overrides, type PartialResult, type PrecisionJob, type RunJob, type ScenarioSource, type SweepJob } from './PartialResult.js';
export { checkShardSet, gatherDigests, gatherEpisodes, jobDifference, type NamedPartial, type ShardSetCheck } from './checkShardSet.js';
export { canonicalJson, partialChecksum } from './partialChecksum.js';
export { checkPartial } from './schema/checkPartial.js';
export { printable } from './schema/check.js';
export { HORIZON_TOLERANCE, checkAgainstJob } from './checkAgainstJob.js';
