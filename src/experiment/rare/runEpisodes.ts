/** Runs episodes first .. first + count - 1 one after another in this thread. */
import type { BiasOptions } from '../../model/rare/episodeBias.js';
import { runEpisode } from '../../model/rare/runEpisode.js';
import type { Scenario } from '../../scenario/Scenario.js';
import type { EpisodeDigest } from './EpisodeDigest.js';
import { rareEventSupport } from './rareEventSupport.js';

/** `bias` changes only the variance, never the expectation (test/experiment/rare checks that). */
export function runEpisodes(s: Scenario, first: number, count: number, bias: BiasOptions = {}, onProgress?: (done: number) => void): EpisodeDigest[] {
  const support = rareEventSupport(s, bias);
  if (!support.ok) throw new Error(`runEpisodes: ${support.reason}`);
  const out: EpisodeDigest[] = [];
  for (let k = first; k < first + count; k++) {
    out.push(runEpisode(s, support.topology, support.setup, k));
    onProgress?.(out.length);
  }
  return out;
}
