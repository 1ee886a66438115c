/** A worker thread that runs chunks of replications (or of rare-event episodes) for the pool and sends their digests back. */
import { parentPort } from 'node:worker_threads';
import type { BiasOptions } from '../model/rare/episodeBias.js';
import type { Scenario } from '../scenario/Scenario.js';
import { runEpisodes } from './rare/runEpisodes.js';
import { runDigests } from './runDigests.js';

type Message =
  | { kind?: undefined; scenario: Scenario; replications: number[]; traceReplication?: number }
  | { kind: 'episodes'; scenario: Scenario; first: number; count: number; bias: BiasOptions };

parentPort?.on('message', (m: Message) => {
  try {
    if (m.kind === 'episodes') parentPort!.postMessage({ episodes: runEpisodes(m.scenario, m.first, m.count, m.bias) });
    else parentPort!.postMessage(runDigests(m.scenario, m.replications, m.traceReplication));
  } catch (e) {
    parentPort!.postMessage({ digests: [], episodes: [], error: e instanceof Error ? e.message : String(e) });
  }
});
