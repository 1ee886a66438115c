/** A signal's availability with its evidence, formatted once for every report: the figure, its CI or bound, nines, method, trust and exact value (docs/reports.md). */
import type { SignalSummary, TrustLevel } from '../experiment/Summary.js';
import { formatEstimate, formatEstimateInterval, formatEstimateNines, formatNinesBound, formatPercent, formatPercentDown, formatYears, ninesOf, percentDecimals } from './format.js';

/** The legend line of the rare-event marker, printed wherever a figure carries it. */
export const IS_LEGEND = 'IS: importance sampling (rare-event method)';

/** The legend line of an exact value that the simulated CI misses. */
export const OUTSIDE_CI_LEGEND = 'outside CI: the exact steady-state value (kubesim analytic) lies outside the simulated 95% CI';

/** The mark a figure from importance sampling carries. */
export const IS_MARK = 'IS';

export interface Evidence {
  /** The value without the IS mark, for tables with a Method column. */
  readonly figure: string;
  /** "99.991%", "≥ 99.9997%" (no outage: the bound), with " IS" when importance sampling produced it. */
  readonly value: string;
  /** "99.988–99.994%", "no CI (1 replication)", or for a bound "95% bound, no outage in 1,000 y". */
  readonly interval: string;
  /** The value and interval in one phrase, for running text and single cells: "≥ 99.9997% (95% bound, no outage in 1,000 y)". */
  readonly phrase: string;
  /** "4.9", "≥ 5.5" from a bound, "—" when there is nothing to take nines of. */
  readonly nines: string;
  /** Nines to colour by: the estimate's, the bound's, or null (never down, no bound). */
  readonly colourNines: number | null;
  /** The short trust tag ("few outages (4)", "dominated", "1 replication", "no outages"); '' when ok. */
  readonly tag: string;
  /** Why the tag, one sentence ('' when ok). */
  readonly reason: string;
  readonly level: TrustLevel;
  /** The exact steady-state value ("99.99944%", "99.99944% (outside CI)"); '' when there is none. */
  readonly exact: string;
  /** The exact value lies outside the CI. */
  readonly exactOutside: boolean;
  readonly importanceSampling: boolean;
  /** The figure is a bound (no outage seen), not an estimate. */
  readonly bounded: boolean;
}

/** The tag of each level that is not ok: short enough for a table cell. */
export function trustTag(s: SignalSummary): string {
  const t = s.trust;
  switch (t.level) {
    case 'ok':
      return '';
    case 'few-outages':
      if (t.basis !== 'etcdQuorum') return `few outages (${t.outages})`;
      // The signal had outages (elections), but the quorum was never lost: "few (0)" would read oddly.
      return t.outages === 0 ? 'no quorum loss seen' : `few quorum losses (${t.outages})`;
    case 'no-outages':
      return 'no outages';
    case 'dominated':
      return 'dominated';
    case 'single-replication':
      return '1 replication';
  }
}

export function evidenceOf(s: SignalSummary): Evidence {
  const a = s.availability;
  const is = s.method === 'importance-sampling';
  const mark = is ? ` ${IS_MARK}` : '';
  const tag = trustTag(s);
  const exact =
    s.exact === null ? '' : `${formatPercent(s.exact.availability)}${s.exact.withinCi === false ? ' (outside CI)' : ''}`;
  const common = { tag, reason: tag === '' ? '' : s.trust.reason, level: s.trust.level, exact, exactOutside: s.exact?.withinCi === false, importanceSampling: is, bounded: s.bound !== null };
  if (s.bound !== null) {
    const b = s.bound;
    // One significant digit of the unavailability: a rule-of-three bound is itself rough. Rounded
    // down, so the shown bound stays true.
    const figure = `≥ ${formatPercentDown(b.availability, Math.max(0, percentDecimals(b.availability) - 1))}`;
    const value = `${figure}${mark}`;
    const interval = `95% bound, no outage in ${formatYears(b.simulatedYears)}`;
    const n = b.availability < 1 ? ninesOf(b.availability) : null;
    return { ...common, figure, value, interval, phrase: `${value} (${interval})`, nines: n === null ? '—' : formatNinesBound(n), colourNines: n };
  }
  if (!(a.mean < 1)) {
    // Never down and no bound to read: say so rather than "100%".
    return { ...common, figure: 'no outage', value: `no outage${mark}`, interval: a.ci95 === null ? noCi(s) : 'no outage observed', phrase: `no outage observed${mark}`, nines: '—', colourNines: null };
  }
  const figure = formatEstimate(a.mean, a.ci95);
  const value = `${figure}${mark}`;
  const interval = a.ci95 === null ? noCi(s) : formatEstimateInterval(a.mean, a.ci95);
  return {
    ...common,
    figure,
    value,
    interval,
    phrase: a.ci95 === null ? `${value} (${interval})` : `${value} (95% CI ${interval})`,
    nines: formatEstimateNines(a.mean, a.ci95),
    colourNines: s.nines ?? ninesOf(a.mean),
  };
}

/** "no CI (1 replication)", or why else there is no interval. */
function noCi(s: SignalSummary): string {
  return s.trust.level === 'single-replication' ? 'no CI (1 replication)' : `no CI (${s.trust.reason.split(':')[0]})`;
}

/** A value with its tag for one-cell places (side-by-side tables): "99.991%, few outages (4)". */
export function valueWithTag(e: Evidence): string {
  return e.tag === '' ? e.value : `${e.value}, ${e.tag}`;
}
