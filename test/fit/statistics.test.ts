/** Kaplan–Meier, the KS distance, the bootstrap's determinism and the refusal below the event threshold. */
import { describe, expect, it } from 'vitest';
import { FAMILIES } from '../../src/fit/families/index.js';
import { fitDurations, MIN_EVENTS } from '../../src/fit/fitDurations.js';
import { goodnessOfFit } from '../../src/fit/goodnessOfFit.js';
import { kaplanMeier } from '../../src/fit/kaplanMeier.js';
import { ksStatistic } from '../../src/fit/ksStatistic.js';
import type { Observation } from '../../src/fit/Observation.js';
import { createStream } from '../../src/kernel/index.js';

const events = (values: number[]): Observation[] => values.map((value) => ({ value, censored: false }));

describe('kaplanMeier', () => {
  it('should be the empirical CDF without censoring, ties in one step', () => {
    expect(kaplanMeier(events([3, 1, 2, 2]))).toEqual([
      { time: 1, before: 0, after: 0.25, events: 1 },
      { time: 2, before: 0.25, after: 0.75, events: 2 },
      { time: 3, before: 0.75, after: 1, events: 1 },
    ]);
  });

  it('should spread a censored observation’s mass over the later events (worked by hand)', () => {
    // 1 event, 2 censored, 3 event, 4 event: S = 3/4 after 1; 2 leaves; S = 3/4 · 1/2 after 3; 0 after 4.
    const steps = kaplanMeier([...events([1, 3, 4]), { value: 2, censored: true }]);
    expect(steps.map((s) => s.after)).toEqual([0.25, 1 - 0.375, 1]);
  });

  it('should count a censoring at an event’s time as after the event', () => {
    expect(kaplanMeier([{ value: 1, censored: true }, ...events([1, 2])])[0]!.after).toBeCloseTo(1 / 3, 15);
  });
});

describe('ksStatistic', () => {
  it('should find the largest gap on either side of a step', () => {
    // F(x) = x on [0, 1]; the empirical CDF of {0.5} jumps 0 -> 1 at 0.5: the gap is 0.5 on both sides.
    expect(ksStatistic(kaplanMeier(events([0.5])), (x) => x)).toBe(0.5);
    expect(ksStatistic(kaplanMeier(events([0.9])), (x) => x)).toBeCloseTo(0.9, 15);
  });
});

describe('goodnessOfFit', () => {
  const rng = createStream(1, 'test/gof');
  const data = Array.from({ length: 80 }, () => ({ value: FAMILIES.lognormal.sample({ median: 100, sigma: 0.3 }, rng), censored: false }));

  it('should give the same p-value for the same seed and stream, and others for other streams', () => {
    const fit = FAMILIES.lognormal.fit(data);
    const test = (stream: string) => goodnessOfFit(FAMILIES.lognormal, fit, data, { samples: 100, seed: 9, stream });
    expect(test('s')).toEqual(test('s'));
    // p-values are multiples of 1/101: three streams could share one by chance, not all five.
    const others = ['t', 'u', 'v', 'w', 'x'].map((s) => test(s));
    expect(new Set(others.map((t) => t.pValue)).size).toBeGreaterThan(1);
    expect(others.every((t) => t.d === test('s').d)).toBe(true);
  });

  it('should reject an exponential for lognormal data of sigma 0.3 (far from constant hazard)', () => {
    const exp = goodnessOfFit(FAMILIES.exponential, FAMILIES.exponential.fit(data), data, { samples: 200, seed: 1, stream: 'e' });
    expect(exp.pValue!).toBeLessThan(0.01);
  });

  // Under the null hypothesis p is uniform: about 10% of true-family samples have p <= 0.1. With
  // censoring, this holds only because the bootstrap censors as the data were (censoringTimes.ts).
  it.each([
    ['lognormal', false],
    ['weibull', true],
  ] as const)('should give %s samples (censored: %s) p <= 0.1 about a tenth of the time', (name, censor) => {
    const family = FAMILIES[name];
    const truth = name === 'lognormal' ? { median: 100, sigma: 0.8 } : { shape: 1.5, scale: 100 };
    const draws = createStream(4, `test/gof/null/${name}`);
    const pValues = Array.from({ length: 100 }, (_, k) => {
      const sample = Array.from({ length: 40 }, (): Observation => {
        const x = family.sample(truth, draws);
        const c = censor ? family.quantile(truth, 0.5 + 0.5 * draws.next()) : Infinity;
        return x > c ? { value: c, censored: true } : { value: x, censored: false };
      });
      return goodnessOfFit(family, family.fit(sample), sample, { samples: 50, seed: k, stream: 'null' }).pValue!;
    });
    const small = pValues.filter((p) => p <= 0.1).length;
    // Binomial(100, 0.1): 3..18 holds 99.6% of it.
    expect(small).toBeGreaterThanOrEqual(3);
    expect(small).toBeLessThanOrEqual(18);
  });
});

describe('fitDurations', () => {
  it(`should refuse fewer than ${MIN_EVENTS} events, saying how many it has and needs`, () => {
    const few = [...events([1, 2, 3, 4, 5, 6, 7, 8, 9]), { value: 10, censored: true }];
    expect(fitDurations(few, { bootstrap: 0, seed: 1, stream: 's' })).toEqual({ status: 'too-few-events', events: 9, censored: 1, needed: MIN_EVENTS });
    expect(fitDurations([...few, ...events([11])], { bootstrap: 0, seed: 1, stream: 's' }).status).toBe('fitted');
  });

  it('should refuse events that all last the same (a fixed duration: the shapes would run off to infinity), and handle 100,000 periods', () => {
    const same = [...events(Array.from({ length: 12 }, () => 3600)), { value: 100, censored: true }];
    expect(fitDurations(same, { bootstrap: 0, seed: 1, stream: 's' })).toEqual({ status: 'no-spread', events: 12, censored: 1, seconds: 3600 });
    // No spread of a 100,000-element array into Math.max's arguments (it overflows the stack).
    const many = events(Array.from({ length: 100_000 }, (_, i) => 1 + (i % 997)));
    expect(FAMILIES.weibull.fit(many)['shape']).toBeGreaterThan(1);
  });
});
