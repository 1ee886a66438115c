/** Reads distributions of durations and failure processes (mttf and mttr). */
import { checkDistribution, logGamma, mean, type Distribution } from '../../kernel/index.js';
import { ROLES, type FailureProcess, type RoleFailures } from '../Scenario.js';
import { describeValue } from './describe.js';
import type { Path } from './Path.js';
import type { Problems } from './Problems.js';
import { field, isRawObject, need, readDuration, readNumber, readObject } from './read.js';

/**
 * The shortest mean time to failure a failure process may have: with it, every component's
 * cycle takes a second on average, so simulated time always moves on (docs/limits.md).
 */
export const MIN_MTTF_SECONDS = 1;

const KINDS = ['exponential', 'weibull', 'lognormal', 'uniform', 'fixed'] as const;

/** A bare duration (the mean of an exponential) or `{ <kind>: parameters }`. */
export function readDistribution(p: Problems, v: unknown, path: Path): Distribution | undefined {
  if (v === undefined) return undefined;
  const d = readShape(p, v, path);
  if (d === undefined) return undefined;
  const problem = checkDistribution(d);
  if (problem !== undefined) {
    p.invalid(path, `invalid ${d.kind} distribution: ${problem}`);
    return undefined;
  }
  return d;
}

function readShape(p: Problems, v: unknown, path: Path): Distribution | undefined {
  if (typeof v === 'string' || typeof v === 'number') {
    const m = readDuration(p, v, path);
    return m === undefined ? undefined : { kind: 'exponential', mean: m };
  }
  const keys = isRawObject(v) ? Object.keys(v) : [];
  const kind = KINDS.find((k) => k === keys[0]);
  if (keys.length !== 1 || kind === undefined) {
    p.invalid(path, `expected a duration or one of { ${KINDS.join(' | ')}: ... }, found ${describeValue(v)}`);
    return undefined;
  }
  const body = field(v, kind);
  const at = [...path, kind];
  const duration = (key: string, positive = false) => readDuration(p, need(p, body, at, key), [...at, key], positive);
  switch (kind) {
    case 'fixed': {
      const value = readDuration(p, body, at);
      return value === undefined ? undefined : { kind, value };
    }
    case 'exponential': {
      const m = duration('mean', true);
      return m === undefined ? undefined : { kind, mean: m };
    }
    case 'weibull': {
      const shape = readNumber(p, need(p, body, at, 'shape'), [...at, 'shape'], true);
      const scale = duration('scale', true);
      return shape === undefined || scale === undefined ? undefined : { kind, shape, scale };
    }
    case 'lognormal': {
      const median = duration('median', true);
      const sigma = readNumber(p, need(p, body, at, 'sigma'), [...at, 'sigma']);
      return median === undefined || sigma === undefined ? undefined : { kind, median, sigma };
    }
    case 'uniform': {
      const min = duration('min');
      const max = duration('max');
      return min === undefined || max === undefined ? undefined : { kind, min, max };
    }
  }
}

/** `{ mttf, mttr }`; a time to failure must have a mean of at least MIN_MTTF_SECONDS, or failures would be an event storm. */
export function readFailureProcess(p: Problems, v: unknown, path: Path): FailureProcess | undefined {
  const obj = readObject(p, v, path);
  if (obj === undefined) return undefined;
  const mttf = readDistribution(p, need(p, obj, path, 'mttf'), [...path, 'mttf']);
  const mttr = readDistribution(p, need(p, obj, path, 'mttr'), [...path, 'mttr']);
  const huge = (d: Distribution | undefined) => d !== undefined && !Number.isFinite(mean(d)) && Number.isFinite(logMean(d));
  for (const [key, d] of [['mttf', mttf], ['mttr', mttr]] as const) {
    if (huge(d)) {
      const years = Math.floor((logMean(d!) - Math.log(SECONDS_PER_YEAR)) / Math.LN10);
      p.invalid([...path, key], `expected a distribution whose mean can be simulated, found ${describeValue(field(obj, key))}: its mean is about 10^${years} years, beyond what can be simulated`);
      return undefined;
    }
  }
  // Also keeps 1/mttf, the failure rate of the Markov chains, a finite number.
  if (mttf !== undefined && !(mean(mttf) >= MIN_MTTF_SECONDS)) {
    p.invalid(
      [...path, 'mttf'],
      `expected a time to failure with a mean of at least ${MIN_MTTF_SECONDS} s, found ${describeValue(field(obj, 'mttf'))} (failures faster than that are an event storm, not a failure model)`,
    );
    return undefined;
  }
  return mttf === undefined || mttr === undefined ? undefined : { mttf, mttr };
}

const SECONDS_PER_YEAR = 365 * 86_400;


/** ln of the distribution's mean, finite even where the mean itself overflows to Infinity. */
function logMean(d: Distribution): number {
  switch (d.kind) {
    case 'weibull':
      return Math.log(d.scale) + logGamma(1 + 1 / d.shape);
    case 'lognormal':
      return Math.log(d.median) + (d.sigma * d.sigma) / 2;
    default:
      return Math.log(mean(d));
  }
}

/** Failures by role; a role left out never fails at random. */
export function readRoleFailures(p: Problems, v: unknown, path: Path): RoleFailures {
  const obj = readObject(p, v, path);
  const out: { -readonly [K in keyof RoleFailures]: RoleFailures[K] } = {};
  for (const role of ROLES) {
    const process = readFailureProcess(p, field(obj, role), [...path, role]);
    if (process !== undefined) out[role] = process;
  }
  return out;
}
