/** Checks one sweep point against the objectives: availability of the named signals, and etcd's write p99. */
import type { EtcdPerformance } from '../../model/latency/index.js';
import type { Summary } from '../Summary.js';
import type { Check, Objectives, Verdict } from './Objectives.js';

/** Percent comparisons allow this much floating-point slack (99.99% read as 0.9999 * 100). */
const SLACK_PERCENT = 1e-9;

/**
 * An availability objective applies to every cluster that has the signal, and to the global
 * signals when they have it; it is met on the mean over replications (the 95% interval's low end
 * is kept beside it, for a reader who wants the cautious reading). A write-latency objective
 * applies to every cluster's etcd; a saturated etcd never meets it. A signal that no place has
 * counts as missed, so that a typo never passes silently (the CLI refuses unknown names first).
 */
export function checkPoint(summary: Summary, etcd: Readonly<Record<string, EtcdPerformance>>, objectives: Objectives): Verdict {
  const checks: Check[] = [];
  for (const o of objectives.availability) {
    const places = [...Object.entries(summary.clusters).map(([name, c]) => [name, c.signals] as const), ['global', summary.global.signals] as const];
    let found = false;
    for (const [where, signals] of places) {
      const s = signals[o.signal];
      if (!s) continue;
      found = true;
      const valuePercent = s.availability.mean * 100;
      checks.push({
        kind: 'availability',
        signal: o.signal,
        where,
        targetPercent: o.targetPercent,
        valuePercent,
        ci95LowPercent: (s.availability.ci95?.[0] ?? NaN) * 100,
        met: valuePercent >= o.targetPercent - SLACK_PERCENT,
      });
    }
    if (!found) checks.push({ kind: 'availability', signal: o.signal, where: '(none)', targetPercent: o.targetPercent, valuePercent: NaN, ci95LowPercent: NaN, met: false });
  }
  const limit = objectives.maxWriteP99Ms;
  if (limit !== null) {
    for (const [where, e] of Object.entries(etcd)) {
      const valueMs = e.write.kind === 'ok' ? e.write.p99Ms : null;
      checks.push({ kind: 'writeP99', where, limitMs: limit, valueMs, met: valueMs !== null && valueMs <= limit });
    }
  }
  return { met: checks.every((c) => c.met), checks };
}
