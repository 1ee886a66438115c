/** The fitted models in the scenario's own words: durations that parse back, and blocks that validate. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { FAMILIES, FAMILY_NAMES } from '../../src/fit/families/index.js';
import { fitDurations } from '../../src/fit/fitDurations.js';
import type { RoleFit } from '../../src/fit/fitRoles.js';
import type { Observation } from '../../src/fit/Observation.js';
import { durationText, scenarioFailures } from '../../src/fit/scenarioFailures.js';
import { createStream, mean, parseDuration } from '../../src/kernel/index.js';
import { failuresYaml } from '../../src/report/fit/failuresYaml.js';
import { parseScenario } from '../../src/scenario/index.js';
import { runs } from '../runs.js';

const scenarioWith = (failures: unknown) =>
  JSON.stringify({ apiVersion: 'kubesim/v1', kind: 'Scenario', metadata: { name: 'f' }, spec: { failures, clusters: [{ name: 'prod', model: 'multi-master' }] } });

function roleFit(role: RoleFit['role'], ttf: Observation[], ttr: Observation[]): RoleFit {
  const options = { bootstrap: 0, seed: 1, stream: 'test' };
  return { role, components: 1, timeToFailure: fitDurations(ttf, options), timeToRepair: fitDurations(ttr, options), up: ttf, down: ttr };
}

describe('durationText', () => {
  it('should write any duration from a millisecond to centuries so that it parses back within 0.01%', () => {
    fc.assert(
      fc.property(fc.double({ min: 1e-3, max: 1e10, noNaN: true }), (seconds) => {
        const text = durationText(seconds);
        expect(text).toMatch(/^\d+(\.\d+)?(ms|s|m|h|d|y)$/);
        expect(Math.abs(parseDuration(text) / seconds - 1)).toBeLessThan(1e-4);
      }),
      { numRuns: runs(200) },
    );
  });

  it('should pick the largest unit that keeps the number at least 1', () => {
    expect(durationText(90)).toBe('1.5m');
    expect(durationText(3 * 86400)).toBe('3d');
    expect(durationText(400 * 86400)).toBe('1.0959y');
    expect(durationText(0.25)).toBe('250ms');
  });
});

describe('the failures: block', () => {
  const rng = createStream(2, 'test/fit/block');
  const draw = (name: (typeof FAMILY_NAMES)[number], p: Record<string, number>, n: number): Observation[] =>
    Array.from({ length: n }, () => ({ value: FAMILIES[name].sample(p, rng), censored: false }));
  const fits = [
    roleFit('etcd', draw('weibull', { shape: 3, scale: 30 * 86400 }, 200), draw('lognormal', { median: 1800, sigma: 1.2 }, 200)),
    roleFit('worker', draw('exponential', { mean: 60 * 86400 }, 200), draw('gamma', { shape: 8, scale: 600 }, 200)),
    roleFit('loadBalancer', draw('exponential', { mean: 86400 }, 3), draw('exponential', { mean: 600 }, 3)),
  ];

  it('should validate inside a scenario, the printed YAML and the object alike, with the means of the fits', () => {
    const printed = parseYaml(failuresYaml(fits)) as { failures: unknown };
    const fromYaml = parseScenario(scenarioWith(printed.failures), 'printed.json');
    const fromObject = parseScenario(scenarioWith(scenarioFailures(fits)), 'object.json');
    expect(fromYaml.failures).toEqual(fromObject.failures);
    expect(Object.keys(fromYaml.failures)).toEqual(['etcd', 'worker']); // too few load-balancer events
    expect(fromYaml.failures.etcd!.mttf.kind).toBe('weibull');
    expect(fromYaml.failures.etcd!.mttr.kind).toBe('lognormal');
    const etcd = fits[0]!.timeToFailure;
    if (etcd.status !== 'fitted') throw new Error('expected a fit');
    expect(Math.abs(mean(fromYaml.failures.etcd!.mttf) / etcd.fits[0]!.mean - 1)).toBeLessThan(1e-4);
  });

  it('should say in a comment when a gamma fitted better than anything a scenario holds', () => {
    const text = failuresYaml(fits);
    expect(text).toMatch(/# worker: .*mttr: gamma fitted better \(AIC lower by \d+\.\d\), but a scenario has no gamma/);
  });
});
