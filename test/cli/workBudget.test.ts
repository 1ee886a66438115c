import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { flagValue, maxWorkFlag } from '../../src/cli/workBudget.js';
import { WORK_BUDGET_TEXT } from '../../src/cli/precisionDefaults.js';
import { WORK_BUDGET } from '../../src/experiment/workEstimate.js';

describe('--max-work', () => {
  it('suggests a value the flag accepts, at least the estimate and within 10% of it', () => {
    fc.assert(
      fc.property(fc.double({ min: 1, max: 1e300, noNaN: true }), (n) => {
        const v = maxWorkFlag(flagValue(n));
        expect(v).toBeGreaterThanOrEqual(n);
        expect(v).toBeLessThanOrEqual(n * 1.1 + 1);
      }),
    );
  });

  it('defaults to the budget the help states', () => {
    expect(maxWorkFlag(undefined)).toBe(WORK_BUDGET);
    expect(Number(WORK_BUDGET_TEXT)).toBe(WORK_BUDGET);
  });

  it.each(['-1', '', '5e9x', '0x10', 'Infinity', '1,000'])('refuses %j', (v) => {
    expect(() => maxWorkFlag(v)).toThrow(/--max-work: expected a number of events of at least 1/);
  });
});
