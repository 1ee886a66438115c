/** The fit page's charts compile without a vega-lite warning and draw to SVG offline; the page holds every chart it names. */
import { describe, expect, it } from 'vitest';
import { fitDurations } from '../../../src/fit/fitDurations.js';
import { FAMILIES } from '../../../src/fit/families/index.js';
import type { Observation } from '../../../src/fit/Observation.js';
import { createStream } from '../../../src/kernel/index.js';
import { cdfSpec, qqSpec } from '../../../src/report/fit/fitCharts.js';
import { renderFitHtml } from '../../../src/report/fit/renderFitHtml.js';
import { renderSvg } from '../../../src/report/renderSvg.js';

function sample(censored: boolean): Observation[] {
  const rng = createStream(3, 'test/fit/charts');
  return Array.from({ length: 60 }, (_, i) => {
    const value = FAMILIES.weibull.sample({ shape: 1.4, scale: 86400 }, rng);
    return censored && i % 4 === 0 ? { value: value / 2, censored: true } : { value, censored: false };
  });
}

describe('fit charts', () => {
  for (const censored of [false, true]) {
    it(`should draw the CDF and the Q-Q plot ${censored ? 'with censored periods' : 'of complete data'}`, async () => {
      const observations = sample(censored);
      const fit = fitDurations(observations, { bootstrap: 0, seed: 1, stream: 'test' });
      if (fit.status !== 'fitted') throw new Error('expected a fit');
      const cdf = await renderSvg(cdfSpec('etcd: time to failure', fit, observations));
      const qq = await renderSvg(qqSpec('etcd: time to failure, Q-Q', fit, observations));
      expect(cdf).toMatch(/^<svg/);
      expect(cdf).toContain(censored ? 'Kaplan–Meier' : 'empirical CDF');
      expect(qq).toContain(`${fit.best} quantile`);
    });
  }

  it('should put every chart of the page in its JSON and leave out roles that were not fitted', () => {
    const observations = sample(true);
    const fitted = fitDurations(observations, { bootstrap: 0, seed: 1, stream: 'test' });
    const few = fitDurations(observations.slice(0, 5), { bootstrap: 0, seed: 1, stream: 'test' });
    const html = renderFitHtml({
      kubesim: '0.0.0',
      seed: 1,
      bootstrap: 0,
      sources: [{ file: 'x.csv', format: 'csv', records: 60, window: [0, 1e7], windowFrom: 'records' }],
      fits: [
        { role: 'etcd', components: 3, timeToFailure: fitted, timeToRepair: fitted, up: observations, down: observations },
        { role: 'worker', components: 1, timeToFailure: few, timeToRepair: fitted, up: observations.slice(0, 5), down: observations },
      ],
    });
    for (const id of ['cdf-etcd-ttf', 'qq-etcd-ttr', 'cdf-worker-ttr']) expect(html).toContain(`data-chart="${id}"`);
    expect(html).not.toContain('data-chart="cdf-worker-ttf"');
    expect(html).toContain('not fitted, at least 10 failures are needed');
  });
});
