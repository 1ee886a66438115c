/** Probability distributions of durations: sampling from a stream, and their analytic moments. */
import type { RandomStream } from './RandomStreams.js';
import type { SimTime } from './SimTime.js';

/** A distribution of durations in seconds; parameters are already in seconds. */
export type Distribution =
  | { readonly kind: 'exponential'; readonly mean: SimTime }
  | { readonly kind: 'weibull'; readonly shape: number; readonly scale: SimTime }
  | { readonly kind: 'lognormal'; readonly median: SimTime; readonly sigma: number }
  | { readonly kind: 'uniform'; readonly min: SimTime; readonly max: SimTime }
  | { readonly kind: 'fixed'; readonly value: SimTime };

/**
 * Draws one value. Exponential, Weibull and uniform invert the distribution function: one
 * uniform per draw, and a larger uniform gives a larger value (common random numbers stay
 * aligned when a parameter changes). The lognormal uses Box-Muller: two uniforms per draw.
 * Uses 1 - u so that the logarithms never see 0 (u is in [0, 1)), and 0 - x rather than -x so
 * that u = 0 gives +0.
 */
export function sample(d: Distribution, rng: RandomStream): SimTime {
  // The exponential, by far the commonest, is kept apart from the rest so that this function
  // stays small enough for V8 to inline into a model's handler: a call that is not inlined
  // returns its double boxed, an allocation per draw (see bench/).
  if (d.kind === 'exponential') return 0 - d.mean * Math.log(1 - rng.next());
  return sampleOther(d, rng);
}

function sampleOther(d: Exclude<Distribution, { kind: 'exponential' }>, rng: RandomStream): SimTime {
  switch (d.kind) {
    case 'weibull':
      return d.scale * Math.pow(0 - Math.log(1 - rng.next()), 1 / d.shape);
    case 'lognormal':
      return d.median * Math.exp(d.sigma * standardNormal(rng));
    case 'uniform':
      return d.min + (d.max - d.min) * rng.next();
    case 'fixed':
      return d.value;
  }
}

/** The analytic mean, in seconds. */
export function mean(d: Distribution): SimTime {
  switch (d.kind) {
    case 'exponential':
      return d.mean;
    case 'weibull':
      // Through the logarithm: Γ(1 + 1/k) overflows for a shape k below about 0.006, where the
      // mean is astronomically large (Infinity), not 0 or NaN as scale · Γ would make it.
      return 1 + 1 / d.shape < 100 ? d.scale * gamma(1 + 1 / d.shape) : Math.exp(Math.log(d.scale) + logGamma(1 + 1 / d.shape));
    case 'lognormal':
      return d.median * Math.exp((d.sigma * d.sigma) / 2);
    case 'uniform':
      return (d.min + d.max) / 2;
    case 'fixed':
      return d.value;
  }
}

/** The analytic variance, in seconds squared. */
export function variance(d: Distribution): number {
  switch (d.kind) {
    case 'exponential':
      return d.mean * d.mean;
    case 'weibull': {
      const g1 = gamma(1 + 1 / d.shape);
      return d.scale * d.scale * (gamma(1 + 2 / d.shape) - g1 * g1);
    }
    case 'lognormal': {
      const s2 = d.sigma * d.sigma;
      return (Math.exp(s2) - 1) * d.median * d.median * Math.exp(s2);
    }
    case 'uniform':
      return ((d.max - d.min) * (d.max - d.min)) / 12;
    case 'fixed':
      return 0;
  }
}

/** Checks a distribution's parameters; returns the problem in words, or undefined when valid. */
export function checkDistribution(d: Distribution): string | undefined {
  switch (d.kind) {
    case 'exponential':
      return positive('mean', d.mean);
    case 'weibull':
      return positive('shape', d.shape) ?? positive('scale', d.scale);
    case 'lognormal':
      return positive('median', d.median) ?? notNegative('sigma', d.sigma);
    case 'uniform':
      // A duration cannot be negative, so neither can the lower bound.
      return (
        notNegative('min', d.min) ??
        finite('max', d.max) ??
        (d.min <= d.max ? undefined : `min (${d.min}) must not exceed max (${d.max})`)
      );
    case 'fixed':
      return notNegative('value', d.value);
  }
}

function finite(name: string, x: number): string | undefined {
  return Number.isFinite(x) ? undefined : `${name} must be a finite number, found ${x}`;
}

function positive(name: string, x: number): string | undefined {
  return finite(name, x) ?? (x > 0 ? undefined : `${name} must be positive, found ${x}`);
}

function notNegative(name: string, x: number): string | undefined {
  return finite(name, x) ?? (x >= 0 ? undefined : `${name} must not be negative, found ${x}`);
}

/** A standard normal draw by Box-Muller (two uniforms per draw, no cached spare: simpler replay). */
export function standardNormal(rng: RandomStream): number {
  const u1 = 1 - rng.next();
  const u2 = rng.next();
  return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
}

// Lanczos approximation (g = 7, n = 9), accurate to ~15 digits for the arguments used here.
const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
  12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
];

/** The gamma function, for Weibull moments. */
export function gamma(z: number): number {
  if (z < 0.5) return Math.PI / (Math.sin(Math.PI * z) * gamma(1 - z));
  const x = z - 1;
  let a = LANCZOS[0]!;
  const t = x + 7.5;
  for (let i = 1; i < 9; i++) a += LANCZOS[i]! / (x + i);
  return Math.sqrt(2 * Math.PI) * Math.pow(t, x + 0.5) * Math.exp(-t) * a;
}

/** ln Γ(a) for a > 0: from the Lanczos gamma where it does not overflow, by Stirling's series beyond. */
export function logGamma(a: number): number {
  if (a < 100) return Math.log(gamma(a));
  const inv = 1 / a;
  const inv2 = inv * inv;
  return (a - 0.5) * Math.log(a) - a + 0.5 * Math.log(2 * Math.PI) + inv * (1 / 12 - inv2 * (1 / 360 - inv2 / 1260));
}
