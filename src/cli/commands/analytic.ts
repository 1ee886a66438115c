/** `kubesim analytic`: the exact steady-state answer beside the simulated one, and whether the CI holds it. */
import { ownEntry } from '../../scenario/index.js';
import { analyzeScenario, type ClusterAnswer, type Route, type SignalAnswer } from '../../analytic/index.js';
import { withinCi } from '../../experiment/exactValues.js';
import { defaultJobs } from '../../experiment/pool.js';
import { runExperiment } from '../../experiment/runExperiment.js';
import type { SignalSummary } from '../../experiment/Summary.js';
import { formatDuration } from '../../kernel/index.js';
import { clusterCost } from '../../report/cost.js';
import { evidenceOf } from '../../report/evidence.js';
import { formatPercent, formatRate } from '../../report/format.js';
import type { Scenario } from '../../scenario/Scenario.js';
import { ANALYTIC_SIGNALS } from '../../scenario/signals.js';
import { InputError } from '../errors.js';
import { intFlag } from '../flags.js';
import { progress } from '../progress.js';
import { checkWork, type BudgetFlags } from '../workBudget.js';
import { loadWithOverrides, type OverrideFlags } from '../scenarioInput.js';
import { inputName } from '../stdinInput.js';
import { quoteName, quoteValue } from '../../kernel/quoteValue.js';
import { wantsWide, writeDocument, type OutputFlags } from '../outputFormat.js';

export interface AnalyticFlags extends OverrideFlags, BudgetFlags, OutputFlags {
  readonly jobs?: string;
  readonly route?: string;
  readonly anyDistribution?: boolean;
  /** Drop the scripted faults from the scenario, on both sides. */
  readonly ignoreFaults?: boolean;
}


export async function analyticCommand(path: string, flags: AnalyticFlags): Promise<void> {
  const jobs = flags.jobs === undefined ? defaultJobs() : intFlag('--jobs', flags.jobs, 1, 256);
  const route = (flags.route ?? 'auto') as Route;
  if (!['auto', 'enumeration', 'ctmc'].includes(route)) {
    throw new InputError(`--route: expected auto, enumeration or ctmc, found ${quoteValue(String(flags.route))}`);
  }
  const [loaded] = loadWithOverrides([path], flags) as [Scenario];
  const file = inputName(path);
  // Ignoring faults drops them from both sides, so the two answers stay comparable.
  const s = flags.ignoreFaults ? { ...loaded, faults: [] } : loaded;
  const exact = analyzeScenario(s, { route });
  if (!exact.ok) throw new InputError(`${file}: no analytic answer: ${exact.reason}`);
  for (const [name, c] of Object.entries(exact.clusters)) {
    if (!c.ok) throw new InputError(`${file}: no analytic answer for cluster ${quoteName(name)}: ${c.reason}`);
    const other = c.processes.find((p) => !p.exponential);
    if (other && (route === 'ctmc' || !flags.anyDistribution)) {
      throw new InputError(
        `${file}: no analytic answer: ${other.path} is not exponential: the Markov chain needs exponential distributions` +
          (route === 'ctmc' ? '' : ' (steady-state availability alone holds for any distribution: add --any-distribution)'),
      );
    }
  }
  checkWork([{ scenario: s, replications: s.replications }], jobs, flags);
  const bar = progress(s.name);
  const sim = await runExperiment(s, { costModel: clusterCost, jobs, onProgress: (d, t) => bar.update(d, t) });
  bar.done();
  const rows = Object.entries(exact.clusters).flatMap(([cluster, c]) =>
    ANALYTIC_SIGNALS.map((signal) => {
      const a = (c as ClusterAnswer).signals[signal];
      const simulated = ownEntry(sim.summary.clusters, cluster)!.signals[signal]!;
      const ok = withinCi(a.availability, simulated.availability.ci95) === true;
      return { cluster, signal, exact: a, simulated, inCi: ok, verdict: verdict(signal, ok, a, simulated) };
    }),
  );
  if (flags.json) {
    const doc = {
      scenario: s.name,
      seed: s.seed,
      replications: s.replications,
      horizonSeconds: s.horizon,
      signals: rows.map((r) => ({
        cluster: r.cluster,
        signal: r.signal,
        exact: r.exact,
        simulated: r.simulated.availability,
        inCi: r.inCi,
        verdict: r.verdict,
        trust: r.simulated.trust,
      })),
      clusters: exact.clusters,
      notes: exact.notes,
    };
    writeDocument(doc, flags);
    return;
  }
  const out: string[] = [`${s.name}: exact steady state beside ${s.replications} simulated replications of ${formatDuration(s.horizon)} (seed ${s.seed})`, ''];
  for (const [cluster, c] of Object.entries(exact.clusters)) {
    const q = (c as ClusterAnswer).signals.etcdQuorum;
    out.push(`${cluster}: ${q.voters} voters, quorum ${q.quorumSize}, tolerates ${q.failuresTolerated} failure${q.failuresTolerated === 1 ? '' : 's'}`);
    // -o wide: the simulated side's trust verdict and outages per year (column 7, a number: right-aligned), after the method.
    const wide = wantsWide(flags);
    const table = [['signal', 'exact', 'simulated', '95% CI', 'in CI', 'method', ...(wide ? ['trust', 'outages / yr'] : [])]];
    for (const r of rows.filter((x) => x.cluster === cluster)) {
      table.push([
        r.signal,
        formatPercent(r.exact.availability),
        evidenceOf(r.simulated).value,
        evidenceOf(r.simulated).interval,
        r.verdict,
        r.exact.method,
        ...(wide ? [r.simulated.trust.level, formatRate(r.simulated.outagesPerYear)] : []),
      ]);
    }
    const widths = table[0]!.map((_, i) => Math.max(...table.map((row) => row[i]!.length)));
    for (const row of table) out.push(`  ${row.map((cell, i) => (i === 0 || (i >= 4 && i !== 7) ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join('  ')}`.trimEnd());
    if (q.formula) out.push(`  etcdQuorum: ${q.formula}`);
    out.push(`  mean time to quorum loss from all up: ${q.mttqlSeconds.ok ? formatDuration(q.mttqlSeconds.value) : `n/a (${q.mttqlSeconds.reason})`}`);
    out.push('');
  }
  for (const n of exact.notes) out.push(`note: ${n}`);
  if (rows.some((r) => r.verdict.startsWith('not judged'))) {
    out.push(
      'note: "not judged": the simulated number is not trusted (its verdict, as in `kubesim run`: too few outages, none, one replication, or a few long outages holding most of the downtime), so a miss says nothing about either answer; raise --replications or --horizon.',
    );
  }
  process.stdout.write(`${out.join('\n')}\n`);
}

/**
 * The "in CI" column: yes; no (elections) for an apiWrite that the simulation's elections pull
 * below the exact value; not judged (<trust level>) when the simulated number is not trusted,
 * by the same verdict every summary carries (src/experiment/trust.ts); NO otherwise.
 */
function verdict(signal: string, ok: boolean, a: SignalAnswer, sim: SignalSummary): string {
  if (ok) return 'yes';
  if (signal === 'apiWrite' && sim.availability.ci95 !== null && a.availability > sim.availability.ci95[1]) return 'no (elections)';
  if (sim.trust.level !== 'ok') return `not judged (${sim.trust.level})`;
  return 'NO';
}
