/**
 * The fitted models as a scenario's `failures:` entries, in the scenario file's own words: a
 * bare duration for an exponential, `{ weibull: { shape, scale } }`, `{ lognormal: { median,
 * sigma } }`. The scenario format has no gamma, so the entry uses the best family by AIC that it
 * can express, and says when the gamma was better.
 */
import { DURATION_UNITS } from '../kernel/index.js';
import type { Role } from '../scenario/Scenario.js';
import type { FamilyFit, DurationFit } from './fitDurations.js';
import type { FamilyName } from './families/index.js';
import type { RoleFit } from './fitRoles.js';

/** The families a scenario can hold. */
export const SCENARIO_FAMILIES: readonly FamilyName[] = ['exponential', 'weibull', 'lognormal'];

/** Significant digits of the numbers written: enough that a round trip changes a mean by less than 0.01%. */
const DIGITS = 5;

export type RawDistribution = string | { readonly weibull: { shape: number; scale: string } } | { readonly lognormal: { median: string; sigma: number } };

export interface ScenarioEntry {
  readonly mttf: RawDistribution;
  readonly mttr: RawDistribution;
  /** The fits written. */
  readonly ttf: FamilyFit;
  readonly ttr: FamilyFit;
  /** Families that fitted better (lower AIC) but the scenario cannot hold. */
  readonly notExpressible: readonly { readonly kind: 'mttf' | 'mttr'; readonly family: FamilyName; readonly deltaAic: number }[];
}

/** The entry of a role whose two fits both succeeded, else undefined. */
export function scenarioEntry(fit: RoleFit): ScenarioEntry | undefined {
  const ttf = writable(fit.timeToFailure);
  const ttr = writable(fit.timeToRepair);
  if (ttf === undefined || ttr === undefined) return undefined;
  const better = (kind: 'mttf' | 'mttr', d: DurationFit, chosen: FamilyFit) =>
    d.status === 'fitted' ? d.fits.filter((f) => f.aic < chosen.aic && !SCENARIO_FAMILIES.includes(f.family)).map((f) => ({ kind, family: f.family, deltaAic: chosen.aic - f.aic })) : [];
  return { mttf: rawDistribution(ttf), mttr: rawDistribution(ttr), ttf, ttr, notExpressible: [...better('mttf', fit.timeToFailure, ttf), ...better('mttr', fit.timeToRepair, ttr)] };
}

/** The `failures:` mapping of every role that could be fitted. */
export function scenarioFailures(fits: readonly RoleFit[]): Partial<Record<Role, { mttf: RawDistribution; mttr: RawDistribution }>> {
  const out: Partial<Record<Role, { mttf: RawDistribution; mttr: RawDistribution }>> = {};
  for (const f of fits) {
    const e = scenarioEntry(f);
    if (e !== undefined) out[f.role] = { mttf: e.mttf, mttr: e.mttr };
  }
  return out;
}

function writable(d: DurationFit): FamilyFit | undefined {
  return d.status === 'fitted' ? d.fits.find((f) => SCENARIO_FAMILIES.includes(f.family)) : undefined;
}

function rawDistribution(f: FamilyFit): RawDistribution {
  const p = f.params;
  switch (f.family) {
    case 'weibull':
      return { weibull: { shape: round(p['shape']!), scale: durationText(p['scale']!) } };
    case 'lognormal':
      return { lognormal: { median: durationText(p['median']!), sigma: round(p['sigma']!) } };
    default:
      return durationText(p['mean']!);
  }
}

/** Seconds as a duration of the scenario format in the largest unit that keeps the number at least 1: "97.312d", "42.5m". */
export function durationText(seconds: number): string {
  const units = ['y', 'd', 'h', 'm', 's'] as const;
  const unit = units.find((u) => seconds >= DURATION_UNITS[u]!) ?? 'ms';
  return `${round(seconds / DURATION_UNITS[unit]!)}${unit}`;
}

function round(x: number): number {
  return Number(x.toPrecision(DIGITS));
}
