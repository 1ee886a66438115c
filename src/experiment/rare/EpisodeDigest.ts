/** What one rare-event episode leaves behind: plain and serialisable (it crosses worker threads and may go into shard files). */
export type { EpisodeResult as EpisodeDigest } from '../../model/rare/runEpisode.js';
