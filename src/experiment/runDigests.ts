/** Runs replications one after another in this thread and keeps their digests. */
import { runReplication } from '../model/Replication.js';
import { buildTopology } from '../model/Topology.js';
import type { Trace } from '../model/Trace.js';
import type { Scenario } from '../scenario/Scenario.js';
import { digest, type ReplicationDigest } from './Digest.js';

export function runDigests(s: Scenario, reps: readonly number[], traceReplication?: number, onProgress?: (done: number) => void): { digests: ReplicationDigest[]; trace?: Trace } {
  const topology = buildTopology(s);
  const digests: ReplicationDigest[] = [];
  let trace: Trace | undefined;
  for (const rep of reps) {
    const r = runReplication(s, topology, rep, { trace: rep === traceReplication });
    if (r.trace) trace = r.trace;
    digests.push(digest(r));
    onProgress?.(digests.length);
  }
  return trace ? { digests, trace } : { digests };
}

