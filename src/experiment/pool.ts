/** Runs replications on worker threads (or inline for one job), with results identical to a serial run. */
import { cpus } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { Trace } from '../model/Trace.js';
import type { Scenario } from '../scenario/Scenario.js';
import type { BiasOptions } from '../model/rare/episodeBias.js';
import type { ReplicationDigest } from './Digest.js';
import type { EpisodeDigest } from './rare/EpisodeDigest.js';
import { runEpisodes } from './rare/runEpisodes.js';
import { runDigests } from './runDigests.js';

/** Some replications of one scenario. */
export interface Task {
  readonly scenario: Scenario;
  readonly replications: readonly number[];
  /** Record this replication's trace if it is among this task's. */
  readonly traceReplication?: number;
}

export interface TaskResult {
  readonly digests: readonly ReplicationDigest[];
  readonly trace?: Trace;
}

/** The machine's core count: the default for --jobs. */
export function defaultJobs(): number {
  return Math.max(1, cpus().length);
}

/**
 * Runs every task and returns their results in task order. Tasks are split into chunks of
 * replications handed to `jobs` worker threads as they free up; since each replication draws
 * only from its own named streams and the results are reassembled in order, the outcome does not
 * depend on `jobs` or on which thread ran what. `onProgress` counts replications done.
 */
export async function runTasks(tasks: readonly Task[], jobs: number, onProgress?: (done: number, total: number) => void, pool?: WorkerPool): Promise<TaskResult[]> {
  const total = tasks.reduce((a, t) => a + t.replications.length, 0);
  let done = 0;
  const tick = () => onProgress?.(++done, total);
  if (jobs <= 1 || total <= 1) {
    return tasks.map((t) => runDigests(t.scenario, t.replications, t.traceReplication, tick));
  }
  // Chunks small enough to balance the threads, large enough to keep messages rare.
  const chunkSize = Math.max(1, Math.min(25, Math.ceil(total / (jobs * 4))));
  const chunks: { task: number; reps: number[] }[] = [];
  tasks.forEach((t, i) => {
    for (let k = 0; k < t.replications.length; k += chunkSize) chunks.push({ task: i, reps: t.replications.slice(k, k + chunkSize) });
  });
  const digests: ReplicationDigest[][] = tasks.map(() => []);
  const traces: (Trace | undefined)[] = tasks.map(() => undefined);
  await dispatch(
    chunks,
    jobs,
    pool,
    (c) => {
      const t = tasks[c.task]!;
      return { scenario: t.scenario, replications: c.reps, traceReplication: t.traceReplication };
    },
    (c, m: { digests: ReplicationDigest[]; trace?: Trace }) => {
      digests[c.task]!.push(...m.digests);
      if (m.trace) traces[c.task] = m.trace;
      for (let i = 0; i < m.digests.length; i++) tick();
    },
  );
  return tasks.map((_, i) => {
    const sorted = digests[i]!.sort((a, b) => a.replication - b.replication);
    const trace = traces[i];
    return trace ? { digests: sorted, trace } : { digests: sorted };
  });
}

/** Episodes a worker runs per message: enough to make messages rare (an episode takes about a millisecond). */
const EPISODE_CHUNK = 500;

/**
 * Runs rare-event episodes first .. first + count - 1 of a scenario on `jobs` worker threads (or
 * inline for one job) and returns their digests in episode order. Each episode draws only from
 * its own streams (`e${k}/`), so the digests do not depend on `jobs`, on the chunking or on
 * which thread ran what: a batch run in pieces gives the same digests as one run whole.
 */
export async function runEpisodeBatch(s: Scenario, first: number, count: number, jobs: number, bias: BiasOptions = {}, pool?: WorkerPool): Promise<EpisodeDigest[]> {
  if (jobs <= 1 || count <= EPISODE_CHUNK) return runEpisodes(s, first, count, bias);
  const chunks: { first: number; count: number }[] = [];
  for (let k = 0; k < count; k += EPISODE_CHUNK) chunks.push({ first: first + k, count: Math.min(EPISODE_CHUNK, count - k) });
  const results = new Map<{ first: number; count: number }, EpisodeDigest[]>();
  await dispatch(
    chunks,
    jobs,
    pool,
    (c) => ({ kind: 'episodes', scenario: s, first: c.first, count: c.count, bias }),
    (c, m: { episodes: EpisodeDigest[] }) => results.set(c, m.episodes),
  );
  return chunks.flatMap((c) => results.get(c)!);
}

/** The compiled worker script; from the TypeScript sources (tests), the build's copy. */
function workerUrl(): URL {
  return import.meta.url.endsWith('.ts') ? new URL('../../dist/experiment/worker.js', import.meta.url) : new URL('./worker.js', import.meta.url);
}

/**
 * Worker threads kept between calls: an adaptive run (--precision) goes in many batches, and
 * starting threads for each (loading the model in each) cost more than a small batch's work.
 * Threads start on first use, at most `size` of them; `close` ends them.
 */
export class WorkerPool {
  private readonly workers: Worker[] = [];

  constructor(readonly size: number) {}

  /** Up to `count` threads, started as needed. */
  threads(count: number): readonly Worker[] {
    while (this.workers.length < Math.min(this.size, count)) this.workers.push(new Worker(workerUrl()));
    return this.workers.slice(0, Math.min(this.size, count));
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.splice(0).map((w) => w.terminate()));
  }
}

/**
 * Hands `chunks` to up to `jobs` worker threads (the pool's, or threads of its own that end with
 * the call) as they free up: each gets `message(chunk)`, and its reply goes to
 * `onReply(chunk, reply)`. A reply with `error`, or a thread that dies, fails the whole.
 */
async function dispatch<C, R>(chunks: readonly C[], jobs: number, pool: WorkerPool | undefined, message: (c: C) => unknown, onReply: (c: C, reply: R) => void): Promise<void> {
  const own = pool ?? new WorkerPool(jobs);
  const workers = own.threads(chunks.length);
  let next = 0;
  const errors: ((e: Error) => void)[] = [];
  try {
    await Promise.all(
      workers.map(
        (w) =>
          new Promise<void>((resolve, reject) => {
            const send = () => {
              const c = chunks[next++];
              if (c === undefined) {
                resolve();
                return;
              }
              w.once('message', (m: R & { error?: string }) => {
                if (m.error !== undefined) {
                  reject(new Error(m.error));
                  return;
                }
                onReply(c, m);
                send();
              });
              w.postMessage(message(c));
            };
            errors.push(reject);
            w.once('error', reject);
            send();
          }),
      ),
    );
  } catch (e) {
    // A thread that failed may still hold a listener or a chunk: a pool that failed is not reused.
    await own.close();
    throw e;
  } finally {
    workers.forEach((w, i) => w.off('error', errors[i]!));
    if (!pool) await own.close();
  }
}
