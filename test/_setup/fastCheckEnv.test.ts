import { describe, expect, it } from 'vitest';
import { fastCheckEnv, scaledRuns } from './fastCheckEnv.js';

describe('fastCheckEnv', () => {
  it('should take the seed from FC_SEED, including negative seeds as fast-check prints them', () => {
    expect(fastCheckEnv({ FC_SEED: '1759686212' })).toEqual({ seed: 1759686212, drawn: false, runsScale: 1 });
    expect(fastCheckEnv({ FC_SEED: '-42' }).seed).toBe(-42);
  });

  it('should draw a seed once when FC_SEED is unset or empty', () => {
    expect(fastCheckEnv({}, () => 7)).toEqual({ seed: 7, drawn: true, runsScale: 1 });
    expect(fastCheckEnv({ FC_SEED: '' }, () => 8)).toMatchObject({ seed: 8, drawn: true });
  });

  // Values a typo could produce: each must stop the run rather than fall back to a random seed.
  it.each([
    ['a word', 'abc'],
    ['a fraction', '1.5'],
    ['a number with a unit', '12s'],
    ['above 2^31 - 1', '2147483648'],
    ['below -2^31', '-2147483649'],
  ])('should refuse FC_SEED that is %s', (_, value) => {
    expect(() => fastCheckEnv({ FC_SEED: value })).toThrow(`FC_SEED should be a whole number from -2147483648 to 2147483647, found "${value}"`);
  });

  it('should scale runs by FC_RUNS_SCALE and refuse a scale that is not positive', () => {
    expect(fastCheckEnv({ FC_SEED: '1', FC_RUNS_SCALE: '0.5' }).runsScale).toBe(0.5);
    expect(fastCheckEnv({ FC_SEED: '1', FC_RUNS_SCALE: '10' }).runsScale).toBe(10);
    for (const bad of ['0', '-1', 'x', '1e3']) {
      expect(() => fastCheckEnv({ FC_SEED: '1', FC_RUNS_SCALE: bad })).toThrow(`FC_RUNS_SCALE should be a positive number such as 0.5 or 10, found "${bad}"`);
    }
  });

  it('should round scaled runs and never go below one run', () => {
    expect(scaledRuns(100, 1)).toBe(100);
    expect(scaledRuns(300, 0.5)).toBe(150);
    expect(scaledRuns(20, 0.01)).toBe(1);
    expect(scaledRuns(60, 2.5)).toBe(150);
  });
});
