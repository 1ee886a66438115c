import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/cli/errors.js';
import { parsePrecision, precisionFlag } from '../../src/cli/precisionFlags.js';
import { DEFAULT_MAX_EPISODES, DEFAULT_MAX_REPLICATIONS } from '../../src/cli/precisionDefaults.js';

describe('precisionFlag', () => {
  it.each([
    ['10%', 0.1], // the documented form
    ['0.1', 0.1], // a plain fraction
    [' 2.5% ', 0.025], // spaces and decimals
    ['99%', 0.99], // just below the top
    ['.05', 0.05], // no leading zero
  ])('should read %j as %f', (text, value) => {
    expect(precisionFlag(text)).toBeCloseTo(value, 12);
  });

  it.each([
    '0', // no run reaches zero width
    '0%',
    '-5%', // negative
    '150%', // above 100%
    '100%', // a half-width as wide as the value says nothing
    '1', // the same as a fraction
    'lots', // not a number
    '10 %%',
    '',
    '1e-1', // exponent forms are not accepted: say 10%
  ])('should refuse %j with one line that names the flag', (text) => {
    expect(() => precisionFlag(text)).toThrow(InputError);
    expect(() => precisionFlag(text)).toThrow(/^--precision: expected a relative 95% half-width above 0 and below 100%, like 10% or 0.1, found ".*"$/);
  });
});

describe('parsePrecision', () => {
  it('should give the defaults: apiWrite and the documented caps, no wall-clock cap', () => {
    expect(parsePrecision({ precision: '10%' })).toEqual({ relative: 0.1, signals: ['apiWrite'], maxReplications: DEFAULT_MAX_REPLICATIONS, maxEpisodes: DEFAULT_MAX_EPISODES });
  });

  it('should read every cap and the signals, without duplicates', () => {
    expect(parsePrecision({ precision: '5%', signals: 'etcdQuorum, apiWrite,etcdQuorum', maxReplications: '300', maxEpisodes: '1000', maxTime: '2m' })).toEqual({
      relative: 0.05,
      signals: ['etcdQuorum', 'apiWrite'],
      maxReplications: 300,
      maxEpisodes: 1000,
      maxSeconds: 120,
    });
  });

  it('should keep the naive method alone with --no-rare-events', () => {
    expect(parsePrecision({ precision: '10%', rareEvents: false })?.rareEvents).toBe(false);
    expect(parsePrecision({ precision: '10%', rareEvents: true })).not.toHaveProperty('rareEvents');
  });

  it('should be undefined without --precision', () => {
    expect(parsePrecision({})).toBeUndefined();
  });

  it.each([
    [{ precision: '10%', maxReplications: '0' }, /^--max-replications: expected a whole number at least 1, found "0"$/],
    [{ precision: '10%', maxEpisodes: '0' }, /^--max-episodes: expected a whole number at least 1, found "0"$/],
    [{ precision: '10%', maxTime: '0s' }, /^--max-time: /],
    [{ precision: '10%', maxTime: 'soon' }, /^--max-time: /],
    [{ precision: '10%', signals: 'apiWrite,' }, /^--signals: expected comma-separated signal names/],
    [{ maxReplications: '100' }, /^--max-replications: only with --precision/], // a cap alone would do nothing
    [{ signals: 'apiWrite' }, /^--signals: only with --precision/],
    [{ rareEvents: false }, /^--no-rare-events: only with --precision/],
  ])('should refuse %j', (flags, message) => {
    expect(() => parsePrecision(flags)).toThrow(message);
  });
});
