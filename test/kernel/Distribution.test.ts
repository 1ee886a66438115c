import { describe, expect, it } from 'vitest';
import {
  HOUR,
  checkDistribution,
  createStream,
  gamma,
  mean,
  sample,
  variance,
  type Distribution,
  type RandomStream,
} from '../../src/kernel/index.js';

const N = 200_000;

/** Sample mean, variance and fourth central moment of n draws from a seeded stream. */
function moments(d: Distribution, seed: string): { mean: number; variance: number; m4: number } {
  const rng = createStream(seed, 'distribution-test');
  const xs = new Float64Array(N);
  let sum = 0;
  for (let i = 0; i < N; i++) sum += xs[i] = sample(d, rng);
  const m = sum / N;
  let s2 = 0;
  let s4 = 0;
  for (const x of xs) {
    const dev2 = (x - m) * (x - m);
    s2 += dev2;
    s4 += dev2 * dev2;
  }
  return { mean: m, variance: s2 / (N - 1), m4: s4 / N };
}

/** A stream that returns the given numbers, for exact checks of the transforms. */
function fixedStream(...us: number[]): RandomStream {
  let i = 0;
  return { name: 'fixed', next: () => us[i++ % us.length]! };
}

const kinds: [string, Distribution][] = [
  ['exponential, mean 4 h', { kind: 'exponential', mean: 4 * HOUR }],
  ['weibull, shape 0.7 (infant mortality)', { kind: 'weibull', shape: 0.7, scale: 100 }],
  ['weibull, shape 1.5 (wear-out)', { kind: 'weibull', shape: 1.5, scale: 100 }],
  ['weibull, shape 3', { kind: 'weibull', shape: 3, scale: 2 * HOUR }],
  ['lognormal, sigma 0.5', { kind: 'lognormal', median: HOUR, sigma: 0.5 }],
  ['lognormal, sigma 1', { kind: 'lognormal', median: HOUR, sigma: 1 }],
  ['uniform', { kind: 'uniform', min: 60, max: 600 }],
];

describe('sample', () => {
  it.each(kinds)('should have a sample mean within 4 standard errors of mean(): %s', (_label, d) => {
    // Arrange / Act
    const m = moments(d, 'mean');
    const standardError = Math.sqrt(variance(d) / N);
    // Assert
    expect(Math.abs(m.mean - mean(d))).toBeLessThan(4 * standardError);
  });

  it.each(kinds)('should have a sample variance within 4 standard errors of variance(): %s', (_label, d) => {
    // Arrange / Act
    const m = moments(d, 'variance');
    // The standard error of a sample variance, from the sample's own fourth moment.
    const standardError = Math.sqrt((m.m4 - m.variance * m.variance) / N);
    // Assert
    expect(Math.abs(m.variance - variance(d))).toBeLessThan(4 * standardError);
  });

  it('should always return the fixed value', () => {
    // Arrange
    const d: Distribution = { kind: 'fixed', value: 90 };
    const rng = createStream(1, 'x');
    // Act / Assert
    expect([sample(d, rng), sample(d, rng), mean(d), variance(d)]).toEqual([90, 90, 90, 0]);
  });

  it('should invert the distribution function, so a larger uniform gives a larger value', () => {
    // Arrange: inverse transforms keep common random numbers effective when parameters change
    const us = [0, 0.1, 0.5, 0.9, 1 - 2 ** -53];
    const d: Distribution = { kind: 'exponential', mean: 10 };
    // Act
    const xs = us.map((u) => sample(d, fixedStream(u)));
    // Assert
    expect(xs[0]).toBe(0);
    expect(xs[2]).toBeCloseTo(10 * Math.LN2, 12);
    for (let i = 1; i < xs.length; i++) expect(xs[i]).toBeGreaterThan(xs[i - 1]!);
    expect(Number.isFinite(xs[4])).toBe(true);
  });

  it('should make a weibull of shape 1 the exponential of mean scale, draw for draw', () => {
    // Arrange
    const a = createStream(3, 'same');
    const b = createStream(3, 'same');
    // Act / Assert
    for (let i = 0; i < 1000; i++) {
      const w = sample({ kind: 'weibull', shape: 1, scale: 50 }, a);
      const e = sample({ kind: 'exponential', mean: 50 }, b);
      expect(w).toBeCloseTo(e, 9);
    }
  });

  it('should put half of the lognormal draws below the median', () => {
    // Arrange
    const d: Distribution = { kind: 'lognormal', median: 100, sigma: 2 };
    const rng = createStream(5, 'median');
    // Act
    let below = 0;
    for (let i = 0; i < N; i++) if (sample(d, rng) < 100) below++;
    // Assert: binomial standard error is sqrt(N / 4)
    expect(Math.abs(below - N / 2)).toBeLessThan(4 * Math.sqrt(N / 4));
  });

  it('should keep uniform draws within [min, max)', () => {
    // Arrange
    const d: Distribution = { kind: 'uniform', min: 5, max: 6 };
    const rng = createStream(9, 'u');
    // Act / Assert
    for (let i = 0; i < 10_000; i++) {
      const x = sample(d, rng);
      expect(x).toBeGreaterThanOrEqual(5);
      expect(x).toBeLessThan(6);
    }
  });
});

describe('checkDistribution', () => {
  it.each<[Distribution, string | undefined]>([
    [{ kind: 'exponential', mean: 3600 }, undefined],
    [{ kind: 'exponential', mean: 0 }, 'mean must be positive, found 0'],
    [{ kind: 'exponential', mean: -1 }, 'mean must be positive, found -1'],
    [{ kind: 'exponential', mean: Infinity }, 'mean must be a finite number, found Infinity'],
    [{ kind: 'exponential', mean: NaN }, 'mean must be a finite number, found NaN'],
    [{ kind: 'weibull', shape: 1.5, scale: 10 }, undefined],
    [{ kind: 'weibull', shape: 0, scale: 10 }, 'shape must be positive, found 0'],
    [{ kind: 'weibull', shape: 2, scale: -3 }, 'scale must be positive, found -3'],
    [{ kind: 'lognormal', median: 60, sigma: 0 }, undefined],
    [{ kind: 'lognormal', median: 0, sigma: 1 }, 'median must be positive, found 0'],
    [{ kind: 'lognormal', median: 60, sigma: -0.5 }, 'sigma must not be negative, found -0.5'],
    [{ kind: 'uniform', min: 0, max: 0 }, undefined],
    [{ kind: 'uniform', min: 7200, max: 3600 }, 'min (7200) must not exceed max (3600)'],
    [{ kind: 'uniform', min: -60, max: 60 }, 'min must not be negative, found -60'],
    [{ kind: 'uniform', min: 0, max: Infinity }, 'max must be a finite number, found Infinity'],
    [{ kind: 'fixed', value: 0 }, undefined],
    [{ kind: 'fixed', value: -1 }, 'value must not be negative, found -1'],
  ])('should judge %o as %s', (d, expected) => {
    // Arrange / Act / Assert
    expect(checkDistribution(d)).toBe(expected);
  });
});

describe('gamma', () => {
  it.each([
    [1, 1],
    [2, 1],
    [5, 24],
    [10, 362_880],
    [0.5, Math.sqrt(Math.PI)],
    [1.5, Math.sqrt(Math.PI) / 2],
    [2.5, (3 * Math.sqrt(Math.PI)) / 4],
    [0.1, 9.513507698668731836],
    [1 + 1 / 0.7, 1.2658235060572833], // Γ(1 + 1/k) for a Weibull of shape 0.7
    [-0.5, -2 * Math.sqrt(Math.PI)],
  ])('should give gamma(%s) = %s to 13 digits', (z, expected) => {
    // Arrange / Act
    const g = gamma(z);
    // Assert
    expect(Math.abs(g - expected) / Math.abs(expected)).toBeLessThan(1e-13);
  });
});
