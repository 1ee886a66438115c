/** The fit as the machine-readable document of `kubesim fit --json`. */
import type { DurationFit } from '../../fit/fitDurations.js';
import { MIN_EVENTS } from '../../fit/fitDurations.js';
import { formatTimestamp } from '../../fit/records/parseTimestamp.js';
import { scenarioEntry, scenarioFailures } from '../../fit/scenarioFailures.js';
import type { FitInput } from './FitInput.js';

/**
 * `{ kubesim, seed, bootstrap, minEvents, sources, roles, failures }`: each role holds its two
 * fits (every family with its parameters in seconds, 95% intervals, AIC and KS test), the
 * entry written to a scenario and the availability that entry implies, mttf / (mttf + mttr).
 */
export function fitJson(input: FitInput): unknown {
  const roles: Record<string, unknown> = {};
  for (const f of input.fits) {
    const entry = scenarioEntry(f);
    roles[f.role] = {
      components: f.components,
      timeToFailure: durationJson(f.timeToFailure),
      timeToRepair: durationJson(f.timeToRepair),
      scenario: entry ? { mttf: entry.mttf, mttr: entry.mttr, mttfFamily: entry.ttf.family, mttrFamily: entry.ttr.family } : null,
      availability: entry ? entry.ttf.mean / (entry.ttf.mean + entry.ttr.mean) : null,
    };
  }
  return {
    kubesim: input.kubesim,
    seed: input.seed,
    bootstrap: input.bootstrap,
    minEvents: MIN_EVENTS,
    sources: input.sources.map((s) => ({ file: s.file, format: s.format, records: s.records, window: { start: formatTimestamp(s.window[0]), end: formatTimestamp(s.window[1]), from: s.windowFrom } })),
    roles,
    failures: scenarioFailures(input.fits),
  };
}

function durationJson(d: DurationFit): unknown {
  if (d.status !== 'fitted') return d;
  return {
    status: d.status,
    events: d.events,
    censored: d.censored,
    best: d.best,
    fits: d.fits.map((f) => ({
      family: f.family,
      params: f.params,
      ci95: f.intervals?.params ?? null,
      meanSeconds: f.mean,
      meanCi95: f.intervals?.mean ?? null,
      logLikelihood: f.logLikelihood,
      aic: f.aic,
      deltaAic: f.deltaAic,
      ks: { d: f.test.d, pValue: f.test.pValue, samples: f.test.samples },
    })),
  };
}
