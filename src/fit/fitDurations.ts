/** Fits every family to one set of durations by maximum likelihood, ranks them by AIC and tests each one's fit. */
import { confidenceIntervals, type ParameterIntervals } from './confidenceIntervals.js';
import { FAMILIES, FAMILY_NAMES, type FamilyName, type Params } from './families/index.js';
import { goodnessOfFit, type GoodnessOfFit } from './goodnessOfFit.js';
import { eventCount, type Observation } from './Observation.js';

/**
 * The fewest complete (uncensored) observations a fit is made from: 10. With fewer, a
 * two-parameter family fits the noise (the 95% interval of a Weibull shape spans about a factor
 * of 4 from 5 events, 2.6 from 10), and the KS test can reject almost nothing. See docs/fit.md.
 */
export const MIN_EVENTS = 10;

export interface FamilyFit {
  readonly family: FamilyName;
  readonly params: Params;
  readonly logLikelihood: number;
  /** Akaike's information criterion, 2k − 2 ln L: lower is better. */
  readonly aic: number;
  /** This family's AIC minus the best one's (0 for the best). */
  readonly deltaAic: number;
  readonly mean: number;
  /** 95% intervals; undefined when the likelihood is flat at the maximum (no information). */
  readonly intervals: ParameterIntervals | undefined;
  readonly test: GoodnessOfFit;
}

export type DurationFit =
  | { readonly status: 'fitted'; readonly events: number; readonly censored: number; readonly fits: readonly FamilyFit[]; readonly best: FamilyName }
  | { readonly status: 'too-few-events'; readonly events: number; readonly censored: number; readonly needed: number }
  /** Every event lasted the same: a fixed duration, which no family here describes (the fits run off to infinite shapes). */
  | { readonly status: 'no-spread'; readonly events: number; readonly censored: number; readonly seconds: number };

export interface FitOptions {
  /** Bootstrap samples of the KS test (0: no p-value). */
  readonly bootstrap: number;
  readonly seed: number;
  /** Prefix of the random streams' names, e.g. `fit/etcd/ttf`: the family's name is added. */
  readonly stream: string;
}

/** Observations of length 0 carry no information and are dropped; the fits come in AIC order, best first. */
export function fitDurations(all: readonly Observation[], options: FitOptions): DurationFit {
  const observations = all.filter((o) => o.value > 0);
  const events = eventCount(observations);
  const censored = observations.length - events;
  if (events < MIN_EVENTS) return { status: 'too-few-events', events, censored, needed: MIN_EVENTS };
  const first = observations.find((o) => !o.censored)!.value;
  if (observations.every((o) => o.censored || o.value === first)) return { status: 'no-spread', events, censored, seconds: first };
  const raw = FAMILY_NAMES.map((name) => {
    const family = FAMILIES[name];
    const params = family.fit(observations);
    const logLikelihood = family.logLikelihood(params, observations);
    return {
      family: name,
      params,
      logLikelihood,
      aic: 2 * family.paramNames.length - 2 * logLikelihood,
      mean: family.mean(params),
      intervals: confidenceIntervals(family, params, observations),
      test: goodnessOfFit(family, params, observations, { samples: options.bootstrap, seed: options.seed, stream: `${options.stream}/${name}` }),
    };
  });
  // Ties keep the listed order (simpler families first).
  const ranked = raw.map((f, i) => ({ f, i })).sort((a, b) => a.f.aic - b.f.aic || a.i - b.i).map((x) => x.f);
  const bestAic = ranked[0]!.aic;
  const fits = ranked.map((f) => ({ ...f, deltaAic: f.aic - bestAic }));
  return { status: 'fitted', events, censored, fits, best: fits[0]!.family };
}
