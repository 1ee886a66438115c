/** The exact steady-state answer for the signals of a scenario that have one (docs/analytic.md). */
import type { Scenario } from '../scenario/Scenario.js';
import { nameRecordOf } from '../scenario/nameRecord.js';
import { answer, refuse, type Answer } from './Answer.js';
import type { AnalyticResult, AnalyzeOptions, ClusterResult, Method, Route, SignalAnswer } from './AnalyticResult.js';
import { failuresTolerated } from '../quorum/index.js';
import { closedForm, signalBlocks } from './_internals/closedForm.js';
import { ENUMERATION_UNIT_LIMIT, enumerateSignals, type SignalTotals } from './_internals/enumerate.js';
import { ctmcSignals, meanTimeToQuorumLossOf } from './_internals/jointChain.js';
import { signalAnswer } from './_internals/signalAnswer.js';
import { signalMasks } from './_internals/signalMasks.js';
import { buildStructure, type ClusterStructure } from './_internals/structure.js';
import { atomUnits, processUnits } from './_internals/units.js';

/**
 * Per cluster, the long-run availability, downtime, outage rate and mean outage length of
 * etcdQuorum, apiWrite and apiRead under the simulation's placement and failure rules, exact for
 * independent processes of any distributions, and the mean time to quorum loss for exponential
 * ones. Refuses (as a value) a scenario with scripted faults unless `ignoreFaults`, and a
 * cluster whose answer would need too many joint states or, on the `ctmc` route, a
 * non-exponential distribution.
 */
export function analyzeScenario(s: Scenario, options: AnalyzeOptions = {}): AnalyticResult {
  const faults = s.faults.length;
  if (faults > 0 && !options.ignoreFaults) {
    return refuse(
      `the scenario scripts ${faults} fault${faults === 1 ? '' : 's'} (spec.faults): the analytic answer is the steady state of random failures alone, while the simulated one includes them; remove them or ignore them to compare`,
    );
  }
  const route = options.route ?? 'auto';
  const clusters = nameRecordOf(s.clusters.map((c, ci) => [c.name, analyzeCluster(s, ci, route)] as const));
  return { ok: true, scenario: s.name, clusters, notes: notes(s, faults) };
}

function analyzeCluster(s: Scenario, ci: number, route: Route): ClusterResult {
  const built = buildStructure(s, ci);
  if (!built.ok) return built;
  const st = built.value;
  const solved = solve(st, route);
  if (!solved.ok) return solved;
  const [quorum, write, read] = solved.value.map((x) => signalAnswer(x.totals, x.method, x.formula)) as [SignalAnswer, SignalAnswer, SignalAnswer];
  const used = processUnits(st).units.flatMap((u) => u.processes);
  const c = st.cluster;
  return {
    ok: true,
    model: c.model,
    processes: used.map((p) => {
      const proc = st.processes[p]!;
      const exponential = proc.spec.mttf.kind === 'exponential' && proc.spec.mttr.kind === 'exponential';
      return { name: proc.name, path: proc.path, availability: proc.up, exponential };
    }),
    signals: {
      etcdQuorum: {
        ...quorum,
        voters: st.voters.length,
        quorumSize: st.quorum,
        failuresTolerated: failuresTolerated(st.voters.length),
        mttqlSeconds: meanTimeToQuorumLossOf(st),
      },
      apiWrite: write,
      apiRead: read,
    },
    unanswered: {
      scheduling:
        'equals apiWrite apart from the controller-manager and scheduler lease handovers (a 15 s lease and a 2-4.4 s retry after a leader is lost), which have no closed form here: apiWrite is an upper bound',
      workloads: 'depends on eviction timing (about 350 s after a worker stops heartbeating) and pod placement: no closed form here',
      ...Object.fromEntries(c.tenants.map((t) => [`tenant:${t.name}`, 'depends on workloads: no closed form here'])),
    },
  };
}

interface Solved {
  readonly totals: SignalTotals;
  readonly method: Method;
  readonly formula: string;
}

/** The three signals' totals by the route asked for; `auto` prefers closed forms, then enumeration. */
function solve(st: ClusterStructure, route: Route): Answer<Solved[]> {
  if (route === 'ctmc') {
    const t = ctmcSignals(st);
    if (!t.ok) return t;
    const k = processUnits(st).units.length;
    const formula = `πQ = 0, Σπ = 1 over the 2^${k} joint states of ${k} exponential processes`;
    return answer(t.value.map((totals) => ({ totals, method: 'ctmc' as const, formula })));
  }
  const closed = signalBlocks(st).map((b) => (route === 'auto' && b ? closedForm(st, b) : undefined));
  if (closed.every((c) => c !== undefined)) {
    return answer(closed.map((c) => ({ totals: c.totals, method: 'k-of-n' as const, formula: c.formula })));
  }
  const { units, unitOf } = atomUnits(st);
  const k = units.length;
  if (k > ENUMERATION_UNIT_LIMIT) {
    return refuse(
      `the signals depend on ${k} independent units (processes always needed together count once), above the limit of ${ENUMERATION_UNIT_LIMIT} for summing over 2^n joint states`,
    );
  }
  const sums = enumerateSignals(units, signalMasks(st, unitOf));
  const formula = `Σ over the 2^${k} joint states of ${k} independent units of Π P(unit up or down)`;
  return answer(
    sums.map((totals, i) => {
      const c = closed[i];
      return c ? { totals: c.totals, method: 'k-of-n' as const, formula: c.formula } : { totals, method: 'enumeration' as const, formula };
    }),
  );
}

function notes(s: Scenario, faults: number): string[] {
  const out = [
    'Each datacenter, failure domain, host and stacked etcd process is an independent alternating renewal process with its own repairer: P(up) = E[ttf] / (E[ttf] + E[ttr]) for any distributions (renewal theory), so the availabilities are exact for any distributions.',
    'Outage rates and mean outage lengths are long-run averages (Ross, systems with repair), also for any distributions; a simulated run starts with everything up, so a short horizon sees slightly fewer outages. Anything about the timing of outages beyond their mean (lengths, percentiles, the mean time to quorum loss) needs exponential distributions.',
    'apiWrite leaves out leader elections (about 1-2 s after each loss of the etcd leader, 2-3 s when a second round follows), which the simulation includes: the simulated apiWrite is slightly lower.',
  ];
  if (faults > 0) {
    const one = faults === 1;
    out.push(`The ${faults} scripted fault${one ? ' is' : 's are'} ignored: the simulated answer includes ${one ? 'it' : 'them'}.`);
  }
  if (s.clusters.length > 1 || s.management || s.federation) {
    out.push('Global signals (multi-cluster, federation) have no analytic answer here; clusters that share a datacenter are correlated.');
  }
  return out;
}
