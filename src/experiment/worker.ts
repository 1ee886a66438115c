/** A worker thread that runs chunks of replications for the pool and sends their digests back. */
import { parentPort } from 'node:worker_threads';
import type { Scenario } from '../scenario/Scenario.js';
import { runDigests } from './runDigests.js';

parentPort?.on('message', (m: { scenario: Scenario; replications: number[]; traceReplication?: number }) => {
  try {
    parentPort!.postMessage(runDigests(m.scenario, m.replications, m.traceReplication));
  } catch (e) {
    parentPort!.postMessage({ digests: [], error: e instanceof Error ? e.message : String(e) });
  }
});
