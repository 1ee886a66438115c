import { describe, expect, it } from 'vitest';
import { DAY, HOUR, MINUTE, SECOND, WEEK, YEAR } from '../../src/kernel/index.js';

describe('SimTime', () => {
  it('should measure every unit in seconds, with a year of 365 days', () => {
    // Arrange / Act / Assert
    expect([SECOND, MINUTE, HOUR, DAY, WEEK, YEAR]).toEqual([1, 60, 3600, 86_400, 604_800, 31_536_000]);
  });
});
