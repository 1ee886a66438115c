/** The fit's work estimate: linear in the periods read and in the bootstrap rounds. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fitWork, UNITS_PER_PERIOD } from '../../src/fit/fitWork.js';
import type { RecordsByRole } from '../../src/fit/records/RoleRecords.js';
import type { Observation } from '../../src/fit/Observation.js';

const periods = (n: number): Observation[] => Array.from({ length: n }, () => ({ value: 1, censored: false }));

describe('fitWork', () => {
  it('should count the up and down periods of every role, times the fit (2 rounds) and one round per bootstrap sample', () => {
    const byRole: RecordsByRole = new Map([
      ['etcd', { components: new Set(['a']), up: periods(20_000), down: periods(19_999) }],
      ['worker', { components: new Set(['w']), up: periods(3), down: periods(2) }],
    ]);
    expect(fitWork(byRole, 200)).toEqual({ periods: 40_004, rounds: 202, work: 40_004 * 202 * UNITS_PER_PERIOD });
  });

  it('should grow linearly with the bootstrap samples', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1000 }), fc.integer({ min: 0, max: 100_000 }), (n, b) => {
        const byRole: RecordsByRole = new Map([['etcd', { components: new Set(['a']), up: periods(n), down: [] }]]);
        expect(fitWork(byRole, b + 1).work - fitWork(byRole, b).work).toBe(n * UNITS_PER_PERIOD);
      }),
      { numRuns: 50 },
    );
  });
});
