/** `kubesim merge`: combines the partial results of every shard into the summary and report a single run gives. */
import { KUBESIM_VERSION } from '../../experiment/version.js';
import { checkShardSet, gatherDigests, type NamedPartial } from '../../experiment/partial/index.js';
import { summarize } from '../../experiment/runExperiment.js';
import { summarizeSweep } from '../../experiment/sweep/index.js';
import { clusterCost } from '../../report/cost.js';
import { InputError } from '../errors.js';
import { readPartials } from '../partialFiles.js';
import { emitSweep } from '../sweep/sweepOutput.js';
import { finishScenario, printRunResults, type RunFlags } from './run.js';
import { runScenariosOf } from './runShard.js';
import { sweepPointsOf } from './sweep.js';

export interface MergeFlags {
  readonly out?: string;
  readonly json?: boolean;
  readonly report?: boolean;
}

/**
 * Refuses partials of different runs, versions or shard counts, and incomplete or repeated
 * sets; then rebuilds the job from the scenario texts the partials carry and summarises the
 * digests exactly as the unsharded command does, so the output is the same byte for byte.
 */
export async function mergeCommand(inputs: string[], flags: MergeFlags): Promise<void> {
  const parts = readPartials(inputs);
  const check = checkShardSet(parts, KUBESIM_VERSION);
  if (!check.ok) throw new InputError(`merge: ${check.message}`);
  const job = check.job;
  if (job.command === 'sweep') {
    const { name, points } = sweepPointsOf(job);
    const digests = gathered(parts, points.map((p) => p.scenario.replications));
    const summary = summarizeSweep({ scenario: name, parameters: job.parameters, objectives: job.objectives, points }, digests, clusterCost);
    await emitSweep(
      summary,
      points.map((p) => p.scenario),
      flags,
    );
    return;
  }
  const scenarios = runScenariosOf(job);
  const digests = gathered(parts, scenarios.map((s) => s.replications));
  const traces = parts.flatMap((p) => p.partial.traces);
  const runFlags: RunFlags = flags;
  const results = [];
  for (const [i, s] of scenarios.entries()) {
    const trace = traces.find((t) => t.task === i)?.trace;
    results.push(await finishScenario(s, summarize(s, digests[i]!, clusterCost, trace), runFlags, scenarios.length));
  }
  printRunResults(results, runFlags);
}

function gathered(parts: readonly NamedPartial[], counts: readonly number[]) {
  const g = gatherDigests(parts, counts);
  if (!g.ok) throw new InputError(`merge: ${g.message}`);
  return g.digests;
}
