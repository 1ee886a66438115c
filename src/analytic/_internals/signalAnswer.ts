/** The one constructor of a per-signal answer: whatever route summed the totals, what leaves the engine is a probability. */
import { YEAR } from '../../kernel/index.js';
import type { Method, SignalAnswer } from '../AnalyticResult.js';
import type { SignalTotals } from './enumerate.js';

/**
 * A signal's answer from a route's raw totals. Each route sums P(up) and P(down) separately
 * (so that a small P(down) keeps its digits), and rounding can leave their sum a few ulps away
 * from 1: a sum over 2^k joint states once gave P(up) = 1.0000000000000002. So both are
 * clamped at 0 and divided by their sum: x / (x + y) never exceeds 1 in IEEE arithmetic (the
 * rounded sum is at least x, and division rounds monotonically), the clamp to 1 only states it.
 * A 0 or NaN total is a programming error.
 */
export function signalAnswer(totals: SignalTotals, method: Method, formula?: string): SignalAnswer {
  const up = Math.max(0, totals.up);
  const down = Math.max(0, totals.down);
  const total = up + down;
  if (!(total > 0) || !Number.isFinite(total)) {
    throw new RangeError(`signalAnswer needs totals with a positive finite sum, found up ${totals.up} and down ${totals.down}`);
  }
  const availability = Math.min(1, up / total);
  const unavailability = Math.min(1, down / total);
  const outagesPerSecond = Math.max(0, totals.outagesPerSecond);
  return {
    availability,
    unavailability,
    downtimeSecondsPerYear: unavailability * YEAR,
    outagesPerYear: outagesPerSecond * YEAR,
    meanOutageSeconds: outagesPerSecond > 0 ? unavailability / outagesPerSecond : null,
    method,
    ...(formula === undefined ? {} : { formula }),
  };
}
