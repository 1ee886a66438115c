/** Refuses, before anything runs, work past the budget (docs/limits.md): `--max-work` raises it. */
import { MEMORY_BUDGET, WORK_BUDGET, estimateWork, worldEstimate, type WorkEstimate, type WorkItem } from '../experiment/workEstimate.js';
import type { PrecisionTarget } from '../experiment/precision/runToPrecision.js';
import type { Scenario } from '../scenario/Scenario.js';
import { UNITS_PER_PERIOD, type FitWork } from '../fit/fitWork.js';
import { InputError } from './errors.js';

export interface BudgetFlags {
  /** Event-equivalents a run may take: a number like 5e9. */
  readonly maxWork?: string;
}

/**
 * Replications a run may make: the scenario's, or an adaptive run's cap; with a wall-clock cap
 * (--max-time) the clock bounds it, so only one replication must fit.
 */
export function workReplications(s: Scenario, target: PrecisionTarget | undefined): number {
  if (!target) return s.replications;
  return target.maxSeconds !== undefined ? 1 : target.maxReplications;
}

/** What one unit of work takes on the reference machine (one core): for the message only. */
const UNITS_PER_SECOND = 1e6;

/** `--max-work`: a positive number of event-equivalents, plain or in exponent form (5e9). */
export function maxWorkFlag(value: string | undefined): number {
  if (value === undefined) return WORK_BUDGET;
  const n = Number(value);
  if (!/^\s*\d+(\.\d+)?(e\+?\d+)?\s*$/i.test(value) || !(n >= 1) || !Number.isFinite(n)) {
    throw new InputError(`--max-work: expected a number of events of at least 1, like 5e9, found "${value.slice(0, 40)}"`);
  }
  return n;
}

/**
 * Checks memory and world building first (cheap: a scenario too big to build is refused without
 * building it), then pilots the scenarios and checks the events. Returns the estimate.
 */
export function checkWork(items: readonly WorkItem[], jobs: number, flags: BudgetFlags): WorkEstimate {
  const budget = maxWorkFlag(flags.maxWork);
  const worlds = worldEstimate(items, jobs);
  if (worlds.memoryBytes > MEMORY_BUDGET) {
    throw new InputError(
      `this run would need about ${gib(worlds.memoryBytes)} of memory (a world of ${count(worlds.components)} components per thread on ${jobs} thread${jobs === 1 ? '' : 's'}, and the results of ${plural(worlds.replications, 'replication')}), past the limit of ${gib(MEMORY_BUDGET)}; simulate fewer clusters, workers or replications, or use fewer --jobs (docs/limits.md)`,
    );
  }
  if (worlds.work > budget) throw tooMuch(worlds, budget);
  // A quick estimate under a quarter of the budget stands; closer to it, a longer pilot decides.
  const estimate = estimateWork(items, jobs, budget / 4);
  if (estimate.work > budget) throw tooMuch(estimate, budget);
  return estimate;
}

/**
 * `fit`'s check, against the same budget and --max-work: the estimate (fitWork.ts) grows with
 * the periods read and the bootstrap samples, so the message offers the most samples that fit.
 */
export function checkFitWork(estimate: FitWork, bootstrap: number, flags: BudgetFlags): void {
  const budget = maxWorkFlag(flags.maxWork);
  if (estimate.work <= budget) return;
  const samples = Math.floor(budget / (estimate.periods * UNITS_PER_PERIOD)) - 2;
  const fewer = samples >= 0 && samples < bootstrap ? `use fewer bootstrap samples (--bootstrap ${samples}) or fewer records` : 'fit fewer records (a shorter --window-start/--window-end)';
  throw new InputError(
    `this fit is too big: ${plural(estimate.periods, 'period')} with ${plural(bootstrap, 'bootstrap sample')}, about ${sci(estimate.work)} units of work (${duration(estimate.work / UNITS_PER_SECOND)} on one core), past the budget of ${sci(budget)}; ${fewer}, or raise the budget with --max-work ${flagValue(estimate.work * 1.1)} (docs/limits.md)`,
  );
}

function tooMuch(e: WorkEstimate, budget: number): InputError {
  const what = e.events > 0 ? `about ${sci(e.events)} events over ${plural(e.replications, 'replication')}` : `${plural(e.replications, 'replication')} of ${count(e.components)} components`;
  return new InputError(
    `this run is too big: ${what}, about ${sci(e.work)} units of work (${duration(e.work / UNITS_PER_SECOND)} on one core), past the budget of ${sci(budget)}; run fewer replications or a shorter horizon, or raise the budget with --max-work ${flagValue(e.work * 1.1)} (docs/limits.md)`,
  );
}

function sci(n: number): string {
  if (n < 1e6) return Math.round(n).toLocaleString('en-US');
  const [m, x] = n.toExponential(1).split('e');
  return `${m}e${Number(x)}`;
}

/** A value --max-work accepts, at least `n`: 331360, or 2.6e11 (rounded up). */
export function flagValue(n: number): string {
  if (n < 1e6) return String(Math.ceil(n));
  const exponent = Math.floor(Math.log10(n));
  const mantissa = Math.ceil(n / 10 ** (exponent - 1)) / 10;
  return mantissa >= 10 ? `1e${exponent + 1}` : `${mantissa}e${exponent}`;
}

function plural(n: number, noun: string): string {
  return `${count(n)} ${noun}${n === 1 ? '' : 's'}`;
}

function count(n: number): string {
  return n.toLocaleString('en-US');
}

function gib(bytes: number): string {
  return bytes >= 1024 ** 4 ? `${(bytes / 1024 ** 4).toFixed(1)} TB` : bytes >= 1024 ** 3 ? `${(bytes / 1024 ** 3).toFixed(1)} GB` : `${Math.ceil(bytes / 1024 ** 2)} MB`;
}

function duration(seconds: number): string {
  if (seconds < 120) return `${Math.ceil(seconds)} s`;
  if (seconds < 7200) return `${Math.round(seconds / 60)} min`;
  if (seconds < 172800) return `${Math.round(seconds / 3600)} h`;
  if (seconds < 3.15e7 * 2) return `${Math.round(seconds / 86400)} days`;
  return `${sci(seconds / 3.15e7)} years`;
}
