/** points.csv: one row per sweep point and cluster, with the swept values, availability of every signal, etcd figures and cost. */
import { ownEntry } from '../../scenario/nameRecord.js';
import type { SweepSummary } from '../../experiment/sweep/index.js';
import type { SignalSummary } from '../../experiment/Summary.js';
import { csvField } from '../renderCsv.js';

/**
 * Columns: the swept paths, then cluster, members, failuresTolerated, writesPerSecond,
 * capacityWritesPerSecond, utilisation, writeP50Ms, writeP99Ms (empty when saturated),
 * saturated, costPerMonth (the whole point's), objectivesMet, then one availability column per
 * signal seen anywhere (`apiWrite`, ...; empty where a cluster lacks it), then for each signal its
 * evidence: `<signal>.method` (naive, importance-sampling), `<signal>.trust` (ok, few-outages, ...),
 * `<signal>.ci95Low` and `<signal>.ci95High` (empty without a CI), `<signal>.bound` (the 95% lower
 * bound when no outage was seen) and `<signal>.exact` (the exact steady-state value), each empty
 * where it does not apply. Numbers keep full precision.
 */
/** The evidence columns of each signal, after its availability. */
export const EVIDENCE_COLUMNS = ['method', 'trust', 'ci95Low', 'ci95High', 'bound', 'exact'] as const;

/** A signal's evidence as CSV fields, in EVIDENCE_COLUMNS order; all empty when the place lacks the signal. */
export function evidenceFields(s: SignalSummary | undefined): (string | number)[] {
  if (s === undefined) return EVIDENCE_COLUMNS.map(() => '');
  const ci = s.availability.ci95;
  return [s.method, s.trust.level, ci?.[0] ?? '', ci?.[1] ?? '', s.bound?.availability ?? '', s.exact?.availability ?? ''];
}

export function renderSweepCsv(summary: SweepSummary): string {
  const signals: string[] = [];
  for (const p of summary.points) for (const c of Object.values(p.summary.clusters)) for (const s of Object.keys(c.signals)) if (!signals.includes(s)) signals.push(s);
  const head = [
    ...summary.parameters.map((p) => p.path),
    'cluster',
    'members',
    'failuresTolerated',
    'writesPerSecond',
    'capacityWritesPerSecond',
    'utilisation',
    'writeP50Ms',
    'writeP99Ms',
    'saturated',
    'costPerMonth',
    'objectivesMet',
    ...signals,
    ...signals.flatMap((s) => EVIDENCE_COLUMNS.map((c) => `${s}.${c}`)),
  ];
  const lines = [head.map(csvField).join(',')];
  for (const p of summary.points) {
    for (const [cluster, c] of Object.entries(p.summary.clusters)) {
      const e = ownEntry(p.etcd, cluster);
      const ok = e?.write.kind === 'ok' ? e.write : undefined;
      const row: (string | number)[] = [
        ...summary.parameters.map((param) => {
          const v = p.values[param.path];
          return typeof v === 'number' || typeof v === 'string' ? v : JSON.stringify(v);
        }),
        cluster,
        e?.members ?? '',
        e?.failuresTolerated ?? '',
        e?.load.total ?? '',
        e?.capacityWritesPerSecond ?? '',
        e?.utilisation ?? '',
        ok?.p50Ms ?? '',
        ok?.p99Ms ?? '',
        e ? String(e.write.kind === 'saturated') : '',
        p.summary.cost.perMonth,
        String(p.verdict.met),
        ...signals.map((s) => c.signals[s]?.availability.mean ?? ''),
        ...signals.flatMap((s) => evidenceFields(c.signals[s])),
      ];
      lines.push(row.map(csvField).join(','));
    }
  }
  return `${lines.join('\n')}\n`;
}
