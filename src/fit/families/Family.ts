/** What every fitted family offers: its likelihood with censoring, its distribution function, quantiles, draws and its maximum-likelihood fit. */
import type { RandomStream } from '../../kernel/index.js';
import type { Observation } from '../Observation.js';

export const FAMILY_NAMES = ['exponential', 'weibull', 'lognormal', 'gamma'] as const;
export type FamilyName = (typeof FAMILY_NAMES)[number];

/**
 * A family's parameters, by name, in the scenario's own terms where the scenario has the family:
 * exponential `{ mean }`, weibull `{ shape, scale }`, lognormal `{ median, sigma }`; gamma
 * `{ shape, scale }` (mean = shape · scale). Times are in seconds.
 */
export type Params = Readonly<Record<string, number>>;

export interface Family {
  readonly name: FamilyName;
  /** Parameter names in a fixed order: the order of `toVector`/`fromVector`. */
  readonly paramNames: readonly string[];
  /** The parameters as an unconstrained vector (logarithms of positive parameters): what the optimizer and the information matrix work on. */
  toVector(p: Params): number[];
  fromVector(v: readonly number[]): Params;
  /** ln f(x) for an event, ln S(x) for a censored observation. */
  logLikelihood(p: Params, observations: readonly Observation[]): number;
  cdf(p: Params, x: number): number;
  quantile(p: Params, q: number): number;
  mean(p: Params): number;
  sample(p: Params, rng: RandomStream): number;
  /** The maximum-likelihood parameters; the caller guarantees at least one event and positive values. */
  fit(observations: readonly Observation[]): Params;
}
