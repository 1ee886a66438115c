/**
 * 95% confidence intervals of fitted parameters and of the mean, as Wald intervals on the
 * logarithm of each (so they stay positive and skew the way lifetimes do), with standard errors
 * from the observed information: the inverse of a finite-difference Hessian of −ln L at the
 * maximum, taken in the families' log-parameters.
 */
import type { Family, Params } from './families/index.js';
import type { Observation } from './Observation.js';

/** The two-sided 95% normal quantile. */
const Z95 = 1.959963984540054;

export type Interval = readonly [number, number];

export interface ParameterIntervals {
  /** One interval per parameter name. */
  readonly params: Readonly<Record<string, Interval>>;
  /** The interval of the mean (delta method on ln mean). */
  readonly mean: Interval;
}

export function confidenceIntervals(family: Family, fitted: Params, observations: readonly Observation[]): ParameterIntervals | undefined {
  const at = family.toVector(fitted);
  const negLogL = (v: readonly number[]) => -family.logLikelihood(family.fromVector(v), observations);
  const cov = invert(hessian(negLogL, at));
  if (cov === undefined) return undefined;
  const params: Record<string, Interval> = {};
  family.paramNames.forEach((name, i) => {
    params[name] = logInterval(fitted[name]!, cov[i]![i]!);
  });
  // The gradient of ln mean in the log-parameters, by central differences.
  const logMean = (v: readonly number[]) => Math.log(family.mean(family.fromVector(v)));
  const h = 1e-5;
  const grad = at.map((_, i) => (logMean(shift(at, i, h)) - logMean(shift(at, i, -h))) / (2 * h));
  let variance = 0;
  for (let i = 0; i < at.length; i++) for (let j = 0; j < at.length; j++) variance += grad[i]! * cov[i]![j]! * grad[j]!;
  const mean = family.mean(fitted);
  return { params, mean: logInterval(mean, variance) };
}

function logInterval(value: number, logVariance: number): Interval {
  const half = Z95 * Math.sqrt(Math.max(logVariance, 0));
  return [value * Math.exp(-half), value * Math.exp(half)];
}

function shift(v: readonly number[], i: number, h: number): number[] {
  const out = v.slice();
  out[i] = out[i]! + h;
  return out;
}

/** The Hessian by central differences with a step of 1e-4 in each log-parameter (a relative change of 0.01%). */
function hessian(f: (v: readonly number[]) => number, at: readonly number[]): number[][] {
  const h = 1e-4;
  const n = at.length;
  const H = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  const f0 = f(at);
  for (let i = 0; i < n; i++) {
    H[i]![i] = (f(shift(at, i, h)) - 2 * f0 + f(shift(at, i, -h))) / (h * h);
    for (let j = 0; j < i; j++) {
      const pp = f(shift(shift(at, i, h), j, h));
      const pm = f(shift(shift(at, i, h), j, -h));
      const mp = f(shift(shift(at, i, -h), j, h));
      const mm = f(shift(shift(at, i, -h), j, -h));
      H[i]![j] = H[j]![i] = (pp - pm - mp + mm) / (4 * h * h);
    }
  }
  return H;
}

/** The inverse of a 1×1 or 2×2 positive-definite matrix; undefined when it is not (a flat or saddle likelihood). */
function invert(m: number[][]): number[][] | undefined {
  if (m.length === 1) return m[0]![0]! > 0 ? [[1 / m[0]![0]!]] : undefined;
  const [a, b] = m[0] as [number, number];
  const [c, d] = m[1] as [number, number];
  const det = a * d - b * c;
  if (!(a > 0 && det > 0)) return undefined;
  return [
    [d / det, -b / det],
    [-c / det, a / det],
  ];
}
