/** Continuous-time Markov chains on a dense generator: the steady state (mathjs' lusolve) and mean times to absorption. */
import { createRequire } from 'node:module';
import type { MathJsInstance } from 'mathjs';
import { answer, refuse, type Answer } from './Answer.js';
import { hasSingleClosedClass } from './_internals/closedClass.js';
import { absorptionTimes } from './_internals/stateReduction.js';

// A private instance, so that no one else's configuration of mathjs can change these results.
// absTol 0: mathjs calls a pivot below absTol "singular", and the pivots of a chain whose rates
// differ by orders of magnitude (failures per year, repairs per hour) are legitimately tiny.
// Loaded on first use: mathjs takes about a second to load, and every summary asks the analytic
// engine for its exact values, which the closed forms and enumerations answer without it.
let instance: MathJsInstance | undefined;
function math(): MathJsInstance {
  if (!instance) {
    const { all, create } = createRequire(import.meta.url)('mathjs') as typeof import('mathjs');
    instance = create(all!, { absTol: 0 });
  }
  return instance;
}

/** A move from one state to another at a constant rate (per second). */
export interface Transition {
  readonly from: number;
  readonly to: number;
  readonly rate: number;
}

/** States 0..states-1 and the rates between them. */
export interface Ctmc {
  readonly states: number;
  readonly transitions: readonly Transition[];
}

/**
 * The largest chain `stationaryDistribution` solves. mathjs' lusolve is dense and generic: measured on this
 * project's machines it takes ~0.3 s for 256 states, ~1.5 s for 512, ~14 s for 1,024 and ~3 min
 * for 2,048, so the limit sits where an answer still comes back in about a second.
 */
export const CTMC_STATE_LIMIT = 512;

/** The generator Q: Q[i][j] is the rate from i to j, and each row sums to 0. */
export function generatorMatrix(c: Ctmc): number[][] {
  checkChain(c);
  const q = Array.from({ length: c.states }, () => new Array<number>(c.states).fill(0));
  for (const t of c.transitions) {
    if (t.from === t.to) continue;
    q[t.from]![t.to]! += t.rate;
    q[t.from]![t.from]! -= t.rate;
  }
  return q;
}

/**
 * The stationary distribution: pi Q = 0 with sum(pi) = 1, solved as Q^T pi = 0 with the last
 * equation replaced by the normalisation. Refuses a chain above CTMC_STATE_LIMIT states, and one
 * with more than one closed class of states (it has no unique steady state).
 */
export function stationaryDistribution(c: Ctmc): Answer<number[]> {
  if (c.states > CTMC_STATE_LIMIT) return tooLarge(c.states);
  const q = generatorMatrix(c);
  if (!hasSingleClosedClass(c)) return refuse('the chain has no unique steady state: it has more than one closed class of states');
  const n = c.states;
  const a = Array.from({ length: n }, (_, i) => (i === n - 1 ? new Array<number>(n).fill(1) : q.map((row) => row[i]!)));
  const b = Array.from({ length: n }, (_, i) => (i === n - 1 ? 1 : 0));
  const pi = solve(a, b);
  if (pi === undefined) return refuse('the chain has no unique steady state: its system is singular');
  // LU leaves rounding noise of order 1e-17 around states of probability 0; clamp it.
  return answer(pi.map((p) => Math.max(0, p)));
}

/** The largest number of non-absorbing states `meanTimeToAbsorption` takes: O(m^3) work, ~3 s at 1,024 on a busy two-core machine, 8 times that at 2,048. */
export const ABSORPTION_STATE_LIMIT = 1024;

/**
 * Mean time to absorption from every state: m_i = 0 on absorbing states, and on the others
 * (-Q_TT) m = 1 where T are the non-absorbing states. Solved by state reduction rather than
 * mathjs' LU (see `absorptionTimes` for why: LU loses the answer when repairs are orders of
 * magnitude faster than failures). Refuses when more than ABSORPTION_STATE_LIMIT states are not
 * absorbing, and when the absorbing set cannot be reached from some state.
 */
export function meanTimeToAbsorption(c: Ctmc, absorbing: (state: number) => boolean): Answer<number[]> {
  checkChain(c);
  const transient: number[] = [];
  const position = new Int32Array(c.states).fill(-1);
  for (let s = 0; s < c.states; s++) {
    if (!absorbing(s)) {
      position[s] = transient.length;
      transient.push(s);
    }
  }
  const m = transient.length;
  if (m > ABSORPTION_STATE_LIMIT) {
    return refuse(`the Markov chain has ${m} non-absorbing states, above the limit of ${ABSORPTION_STATE_LIMIT}`);
  }
  const rates = Array.from({ length: m }, () => new Array<number>(m).fill(0));
  const exit = new Array<number>(m).fill(0);
  for (const t of c.transitions) {
    const i = position[t.from]!;
    if (i < 0 || t.from === t.to) continue;
    const j = position[t.to]!;
    if (j >= 0) rates[i]![j]! += t.rate;
    else exit[i]! += t.rate;
  }
  const x = absorptionTimes(rates, exit);
  if (x === undefined) return refuse('the absorbing states cannot be reached from every state: the mean time is infinite');
  const times = new Array<number>(c.states).fill(0);
  transient.forEach((s, i) => (times[s] = x[i]!));
  return answer(times);
}

function solve(a: number[][], b: number[]): number[] | undefined {
  try {
    const x = math().lusolve(a, b) as number[][];
    return x.map((row) => row[0]!);
  } catch (e) {
    // mathjs signals a singular matrix with an Error whose message says so; anything else is a bug.
    if (e instanceof Error && /singular/i.test(e.message)) return undefined;
    throw e;
  }
}

function tooLarge(states: number): Answer<never> {
  return refuse(`the Markov chain has ${states} states to solve, above the limit of ${CTMC_STATE_LIMIT}`);
}

function checkChain(c: Ctmc): void {
  if (!Number.isInteger(c.states) || c.states < 1) throw new RangeError(`Ctmc needs at least one state, found ${c.states}`);
  for (const t of c.transitions) {
    const inRange = (s: number) => Number.isInteger(s) && s >= 0 && s < c.states;
    if (!inRange(t.from) || !inRange(t.to)) {
      throw new RangeError(`Ctmc transition ${t.from} -> ${t.to} leaves states 0..${c.states - 1}`);
    }
    if (!(t.rate >= 0) || !Number.isFinite(t.rate)) {
      throw new RangeError(`Ctmc transition ${t.from} -> ${t.to} needs a finite rate >= 0, found ${t.rate}`);
    }
  }
}
