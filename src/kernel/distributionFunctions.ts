/** Densities, survival functions and equilibrium (stationary excess) distributions of the duration Distributions. */
import { mean, sample, type Distribution } from './Distribution.js';
import type { RandomStream } from './RandomStreams.js';
import type { SimTime } from './SimTime.js';
import { normalTail, upperGammaQ } from './specialFunctions.js';

/** P(X > x). */
export function survival(d: Distribution, x: SimTime): number {
  if (x < 0) return 1;
  switch (d.kind) {
    case 'exponential':
      return Math.exp(-x / d.mean);
    case 'weibull':
      return Math.exp(-Math.pow(x / d.scale, d.shape));
    case 'lognormal':
      if (d.sigma === 0) return x < d.median ? 1 : 0;
      return x === 0 ? 1 : normalTail(Math.log(x / d.median) / d.sigma);
    case 'uniform':
      if (x < d.min) return 1;
      return x >= d.max ? 0 : (d.max - x) / (d.max - d.min);
    case 'fixed':
      return x < d.value ? 1 : 0;
  }
}

/**
 * The probability density at x >= 0. A fixed value (and a lognormal with sigma 0, or a uniform
 * with min = max) has none: asking for it is a programming error, since the biasing never draws
 * such a value from a density (see src/model/rare/biasedDraw.ts).
 */
export function density(d: Distribution, x: SimTime): number {
  if (!hasDensity(d)) throw new Error(`density: a ${d.kind} distribution without spread has no density`);
  if (x < 0) return 0;
  switch (d.kind) {
    case 'exponential':
      return Math.exp(-x / d.mean) / d.mean;
    case 'weibull': {
      const z = x / d.scale;
      return (d.shape / d.scale) * Math.pow(z, d.shape - 1) * Math.exp(-Math.pow(z, d.shape));
    }
    case 'lognormal': {
      if (x === 0) return 0;
      const z = Math.log(x / d.median) / d.sigma;
      return Math.exp(-0.5 * z * z) / (x * d.sigma * Math.sqrt(2 * Math.PI));
    }
    case 'uniform':
      return x >= d.min && x <= d.max ? 1 / (d.max - d.min) : 0;
    case 'fixed':
      return NaN; // unreachable: hasDensity is false
  }
}

/** Whether the distribution has a density (every kind but a point mass). */
export function hasDensity(d: Distribution): boolean {
  switch (d.kind) {
    case 'fixed':
      return false;
    case 'lognormal':
      return d.sigma > 0;
    case 'uniform':
      return d.max > d.min;
    default:
      return true;
  }
}

/**
 * The survival function of the equilibrium (stationary excess) distribution: the residual life of
 * a renewal process observed at a random time, F̄_eq(c) = (∫_c^∞ F̄(u) du) / E[X]. F̄_eq(0) = 1,
 * and for the exponential F̄_eq = F̄ (no memory).
 * - Weibull(k, s): ∫_c^∞ e^{-(u/s)^k} du = (s/k) Γ(1/k) Q(1/k, (c/s)^k) and E[X] = (s/k) Γ(1/k),
 *   so F̄_eq(c) = Q(1/k, (c/s)^k).
 * - lognormal(μ = ln median, σ): ∫_c^∞ F̄ = E[(X - c)+] = E[X] Φ((μ + σ² - ln c)/σ) - c Φ((μ - ln c)/σ).
 * - uniform(a, b): (E[X] - c) / E[X] below a, (b - c)² / (2 (b - a) E[X]) between a and b.
 * - fixed v: 1 - c/v on [0, v] (the residual is uniform).
 */
export function equilibriumSurvival(d: Distribution, c: SimTime): number {
  if (c <= 0) return 1;
  switch (d.kind) {
    case 'exponential':
      return Math.exp(-c / d.mean);
    case 'weibull':
      return upperGammaQ(1 / d.shape, Math.pow(c / d.scale, d.shape));
    case 'lognormal': {
      if (d.sigma === 0) return Math.max(0, 1 - c / d.median);
      const m = mean(d);
      const l = Math.log(c / d.median);
      // Φ(y) = normalTail(-y).
      const v = normalTail((l - d.sigma * d.sigma) / d.sigma) - (c / m) * normalTail(l / d.sigma);
      return Math.min(1, Math.max(0, v));
    }
    case 'uniform': {
      const m = mean(d);
      if (c >= d.max) return 0;
      if (c <= d.min) return (m - c) / m;
      return ((d.max - c) * (d.max - c)) / (2 * (d.max - d.min) * m);
    }
    case 'fixed':
      return Math.max(0, 1 - c / d.value);
  }
}

/** The equilibrium density F̄(x) / E[X]: it exists for every kind, the fixed one included (uniform on [0, v]). */
export function equilibriumDensity(d: Distribution, x: SimTime): number {
  if (x < 0) return 0;
  return survival(d, x) / mean(d);
}

/**
 * Draws a residual life from the equilibrium distribution: U · X*, where X* is length-biased
 * (density x f(x) / E[X]) and U uniform on [0, 1), independent. Length-biased forms:
 * exponential: the equilibrium is the distribution itself; Weibull(k, s): s G^(1/k) with G a
 * Gamma(1 + 1/k) draw; lognormal: the same sigma with median · e^{σ²}; uniform(a, b): the
 * inverse of (x² - a²)/(b² - a²); fixed v: v.
 */
export function sampleEquilibrium(d: Distribution, rng: RandomStream): SimTime {
  if (d.kind === 'exponential') return sample(d, rng);
  const u = rng.next();
  switch (d.kind) {
    case 'weibull':
      return u * d.scale * Math.pow(gammaDraw(1 + 1 / d.shape, rng), 1 / d.shape);
    case 'lognormal':
      return u * sample({ kind: 'lognormal', median: d.median * Math.exp(d.sigma * d.sigma), sigma: d.sigma }, rng);
    case 'uniform': {
      const a2 = d.min * d.min;
      return u * Math.sqrt(a2 + rng.next() * (d.max * d.max - a2));
    }
    case 'fixed':
      return u * d.value;
  }
}

/**
 * A Gamma(shape, 1) draw for shape >= 1 by Marsaglia and Tsang's squeeze-free method (2000): a
 * transformed normal, accepted with probability above 0.95 for every shape.
 */
function gammaDraw(shape: number, rng: RandomStream): number {
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    const z = Math.sqrt(-2 * Math.log(1 - rng.next())) * Math.cos(2 * Math.PI * rng.next());
    const v0 = 1 + c * z;
    if (v0 <= 0) continue;
    const v = v0 * v0 * v0;
    const u = 1 - rng.next();
    if (Math.log(u) < 0.5 * z * z + d - d * v + d * Math.log(v)) return d * v;
  }
}
