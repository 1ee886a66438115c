/** The rows of a fit table (one per family, best by AIC first), shared by the terminal and the page. */
import { formatDuration } from '../../kernel/index.js';
import type { DurationFit, FamilyFit } from '../../fit/fitDurations.js';
import type { Interval } from '../../fit/confidenceIntervals.js';
import { formatTimestamp } from '../../fit/records/parseTimestamp.js';
import type { SourceSummary } from '../../fit/records/RoleRecords.js';

export const FIT_COLUMNS = ['Family', 'Parameters (95% CI)', 'Mean (95% CI)', 'AIC', 'ΔAIC', 'KS D', 'p'] as const;

/** Parameters that are durations (the rest are plain numbers: shapes, sigma). */
const TIME_PARAMS = new Set(['mean', 'scale', 'median']);

export function fitRows(d: Extract<DurationFit, { status: 'fitted' }>): string[][] {
  return d.fits.map((f) => [
    f.family === d.best ? `${f.family} *` : f.family,
    paramsText(f),
    `${formatDuration(f.mean)}${f.intervals ? ` [${intervalText(f.intervals.mean, true)}]` : ''}`,
    f.aic.toFixed(1),
    f.deltaAic.toFixed(1),
    f.test.d.toFixed(3),
    f.test.pValue === null ? '—' : f.test.pValue.toFixed(3),
  ]);
}

function paramsText(f: FamilyFit): string {
  // The exponential's one parameter is its mean, shown in the next column.
  if (f.family === 'exponential') return '(the mean alone)';
  return Object.entries(f.params)
    .map(([name, v]) => {
      const time = TIME_PARAMS.has(name) && f.family !== 'gamma' ? true : name === 'scale';
      const ci = f.intervals?.params[name];
      return `${name} ${value(v, time)}${ci ? ` [${intervalText(ci, time)}]` : ''}`;
    })
    .join(', ');
}

function intervalText(ci: Interval, time: boolean): string {
  return `${value(ci[0], time)}, ${value(ci[1], time)}`;
}

function value(v: number, time: boolean): string {
  return time ? formatDuration(v) : Number(v.toPrecision(3)).toString();
}

/** "12 failures, 3 censored" or, when too few, what is missing. */
export function countsText(d: DurationFit, event: string): string {
  const counted = `${d.events} ${event}${d.events === 1 ? '' : 's'}, ${d.censored} censored`;
  if (d.status === 'fitted') return counted;
  if (d.status === 'no-spread') return `${counted}: not fitted, every ${event} lasted ${formatDuration(d.seconds)} (a fixed duration: write { fixed: ${formatDuration(d.seconds).replace(/ /g, '')} } yourself)`;
  return `${counted}: not fitted, at least ${d.needed} ${event}s are needed (docs/fit.md#how-many-events)`;
}

const WINDOW_TEXT: Readonly<Record<SourceSummary['windowFrom'], string>> = {
  flags: 'given by --window-start/--window-end',
  records: 'inferred: earliest start to latest end of the records',
  samples: 'the first to the last sample',
  'flags and records': 'one edge given by flag, the other inferred from the records',
  'flags and samples': 'one edge given by flag, the other the first or last sample',
};

/** The window of a source in words. */
export function windowText(s: SourceSummary): string {
  const how = WINDOW_TEXT[s.windowFrom];
  const what = s.format === 'csv' ? `${s.records} outage row${s.records === 1 ? '' : 's'}` : `${s.records} series`;
  return `${s.file}: ${what}, window ${formatTimestamp(s.window[0])} to ${formatTimestamp(s.window[1])} (${how})`;
}

/** How the p-values were made, for the notes under the tables. */
export function testText(bootstrap: number, seed: number): string {
  return bootstrap === 0 ? 'p: not computed (--bootstrap 0)' : `p: KS test, parametric bootstrap of ${bootstrap} samples, seed ${seed}`;
}
