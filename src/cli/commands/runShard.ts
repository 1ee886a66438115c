/** `kubesim run --shard i/n` and the partial result file every sharded command writes. */
import { join } from 'node:path';
import { KUBESIM_VERSION } from '../../experiment/version.js';
import type { ReplicationDigest } from '../../experiment/Digest.js';
import { PARTIAL_FORMAT, type Job, type PartialResult, type RunJob } from '../../experiment/partial/index.js';
import { runTasks } from '../../experiment/pool.js';
import { shardReplications, type Shard } from '../../experiment/shard.js';
import type { Trace } from '../../model/Trace.js';
import { parseScenario, readScenarioFile } from '../../scenario/index.js';
import type { Scenario } from '../../scenario/Scenario.js';
import { applyOverrides, parseOverrides } from '../overrides.js';
import { partialFileName, partialJson, writePartialFile } from '../partialFiles.js';
import { progress } from '../progress.js';
import { TRACE_REPLICATION } from '../reportFiles.js';
import { reportFolderName, type OverrideFlags } from '../scenarioInput.js';

/** The scenarios of a run job, as `run` loads them: what a shard runs and what `merge` rebuilds. */
export function runScenariosOf(job: RunJob): Scenario[] {
  return job.scenarios.map((src) => applyOverrides(parseScenario(src.text, src.file), job.overrides));
}

/**
 * Runs this shard's slice of every scenario's replications (replication 0 of each is traced, as
 * `run` does, by whichever shard owns it) and writes the partial result.
 */
export async function runShard(files: readonly string[], flags: OverrideFlags & { readonly out?: string; readonly json?: boolean }, shard: Shard, jobs: number): Promise<void> {
  const overrides = parseOverrides(flags);
  const job: RunJob = { command: 'run', scenarios: files.map((file) => ({ file, text: readScenarioFile(file) })), overrides };
  const scenarios = runScenariosOf(job);
  const reps = shardReplications(
    scenarios.map((s) => s.replications),
    shard,
  );
  const name = reportFolderName(scenarios[0]!.name) + (scenarios.length > 1 ? `-and-${scenarios.length - 1}-more` : '');
  const bar = progress(`${name} shard ${shard.index}/${shard.count}`);
  const results = await runTasks(
    scenarios.map((scenario, i) => ({ scenario, replications: reps[i]!, traceReplication: TRACE_REPLICATION })),
    jobs,
    (d, t) => bar.update(d, t),
  );
  bar.done();
  const traces = results.flatMap((r, task) => (r.trace ? [{ task, trace: r.trace }] : []));
  await writeShardResult(
    name,
    job,
    shard,
    results.map((r) => r.digests),
    traces,
    flags,
  );
}

/**
 * Writes `<out>/<name>.shard-i-of-n.json` (default out: reports/<name>-shards). With --json the
 * partial goes to stdout instead, and to a file only when --out is given.
 */
export async function writeShardResult(
  name: string,
  job: Job,
  shard: Shard,
  digests: readonly (readonly ReplicationDigest[])[],
  traces: readonly { readonly task: number; readonly trace: Trace }[],
  flags: { readonly out?: string; readonly json?: boolean },
): Promise<void> {
  const partial: PartialResult = { format: PARTIAL_FORMAT, kubesim: KUBESIM_VERSION, shard, job, digests, traces };
  const dir = flags.out ?? (flags.json ? undefined : join('reports', `${reportFolderName(name)}-shards`));
  const file = dir === undefined ? undefined : join(dir, partialFileName(reportFolderName(name), shard));
  if (file !== undefined) await writePartialFile(file, partial);
  if (flags.json) {
    process.stdout.write(`${partialJson(partial)}\n`);
    return;
  }
  const done = digests.reduce((a, d) => a + d.length, 0);
  process.stdout.write(`Shard ${shard.index}/${shard.count} of ${name}: ${done} replications written to ${file}\n`);
  process.stdout.write(`When all ${shard.count} shards are done: kubesim merge ${dir}\n`);
}
