/** Rare-event estimation of the control-plane signals by importance sampling over episodes (docs/rare-events.md). */
export { rareEventSupport, RARE_CLUSTER_SIGNALS, settleSeconds, type RareSupport, type RareSupportResult } from './rareEventSupport.js';
export type { EpisodeDigest } from './EpisodeDigest.js';
export { runEpisodes } from './runEpisodes.js';
export { rareEstimate, type RareEstimate, type RareSignalEstimate } from './rareEstimate.js';
export { rareSignalSummaries, rareSignalSummary, type RareSummaries } from './rareSummary.js';
export { runEpisodeBatch } from '../pool.js';
