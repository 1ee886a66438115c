/** The Markov-chain route for exponential models: the joint chain of the processes, its steady state and first passage to quorum loss. */
import { mean } from '../../kernel/index.js';
import { answer, refuse, type Answer } from '../Answer.js';
import { ABSORPTION_STATE_LIMIT, CTMC_STATE_LIMIT, meanTimeToAbsorption, stationaryDistribution, type Transition } from '../Ctmc.js';
import type { SignalTotals } from './enumerate.js';
import { evaluateSignals, QUORUM, SIGNAL_BITS, signalMasks } from './signalMasks.js';
import type { ClusterStructure } from './structure.js';
import { processUnits, type Units } from './units.js';

/** Above this many processes the chain for the mean time to quorum loss is not even built. */
export const MTTQL_PROCESS_LIMIT = 16;

/**
 * The steady state of the joint chain of every process the signals read (2^k states, each
 * process failing at 1 / E[ttf] and repaired at 1 / E[ttr]), and each signal's outage rate as
 * sum over up states of pi(s) times the rate into down states.
 */
export function ctmcSignals(st: ClusterStructure): Answer<SignalTotals[]> {
  const units = processUnits(st);
  const k = units.units.length;
  const problem = notExponential(st, units, 'the Markov chain');
  if (problem) return refuse(problem);
  if (2 ** k > CTMC_STATE_LIMIT) {
    return refuse(`the Markov chain of ${k} processes has 2^${k} states, above the limit of ${CTMC_STATE_LIMIT}`);
  }
  const masks = signalMasks(st, units.unitOf);
  const states = 1 << k;
  const pi = stationaryDistribution({ states, transitions: flips(st, units, states, () => true) });
  if (!pi.ok) return pi;
  const totals = SIGNAL_BITS.map(() => ({ up: 0, down: 0, outagesPerSecond: 0 }));
  for (let s = 0; s < states; s++) {
    const v = evaluateSignals(masks, s);
    const p = pi.value[s]!;
    SIGNAL_BITS.forEach((bit, i) => {
      const t = totals[i]!;
      if (!(v & bit)) {
        t.down += p;
        return;
      }
      t.up += p;
      units.units.forEach((u, j) => {
        const to = s & ~(1 << j);
        if (to !== s && !(evaluateSignals(masks, to) & bit)) t.outagesPerSecond += p * u.failureRate;
      });
    });
  }
  return answer(totals);
}

/**
 * Mean time from everything up to the first loss of etcd quorum, by first-passage times of the
 * joint chain of the processes the voters need (Ctmc.meanTimeToAbsorption). Only the states
 * that still hold quorum enter the linear system.
 */
export function meanTimeToQuorumLossOf(st: ClusterStructure): Answer<number> {
  // Voters that need no process never fail; if they alone make a quorum, it is never lost.
  if (st.voters.length > 0 && st.voters.filter((v) => v.length === 0).length >= st.quorum) {
    return refuse('etcd quorum is never lost: too few voters can fail at random');
  }
  const units = processUnits(st, st.voters);
  const k = units.units.length;
  const problem = notExponential(st, units, 'the mean time to quorum loss');
  if (problem) return refuse(problem);
  if (k > MTTQL_PROCESS_LIMIT) {
    return refuse(`the voters depend on ${k} processes, above the limit of ${MTTQL_PROCESS_LIMIT} for the mean time to quorum loss`);
  }
  const masks = signalMasks(st, units.unitOf);
  const lost = (s: number) => !(evaluateSignals(masks, s) & QUORUM);
  const states = 1 << k;
  let holding = 0;
  for (let s = 0; s < states; s++) if (!lost(s)) holding++;
  if (holding > ABSORPTION_STATE_LIMIT) {
    return refuse(`the chain for the mean time to quorum loss has ${holding} states that hold quorum, above the limit of ${ABSORPTION_STATE_LIMIT}`);
  }
  const times = meanTimeToAbsorption({ states, transitions: flips(st, units, states, (s) => !lost(s)) }, lost);
  return times.ok ? answer(times.value[states - 1]!) : times;
}

/** Each process fails (up -> down) at 1 / E[ttf] and is repaired at 1 / E[ttr], from the states `from` accepts. */
function flips(st: ClusterStructure, units: Units, states: number, from: (s: number) => boolean): Transition[] {
  const rates = units.units.map((u) => {
    const p = st.processes[u.processes[0]!]!;
    return { fail: 1 / mean(p.spec.mttf), repair: 1 / mean(p.spec.mttr) };
  });
  const out: Transition[] = [];
  for (let s = 0; s < states; s++) {
    if (!from(s)) continue;
    rates.forEach((r, j) => {
      const bit = 1 << j;
      out.push(s & bit ? { from: s, to: s & ~bit, rate: r.fail } : { from: s, to: s | bit, rate: r.repair });
    });
  }
  return out;
}

/** The first distribution that is not exponential, as `<path>.mttr is lognormal: <what> needs exponential distributions`. */
function notExponential(st: ClusterStructure, units: Units, what: string): string | undefined {
  for (const u of units.units) {
    for (const p of u.processes) {
      const proc = st.processes[p]!;
      for (const which of ['mttf', 'mttr'] as const) {
        const d = proc.spec[which];
        if (d.kind !== 'exponential') return `${proc.path}.${which} is ${d.kind}: ${what} needs exponential distributions`;
      }
    }
  }
  return undefined;
}
