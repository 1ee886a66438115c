/** The recommendation in words: which configuration to pick and why, or why none fits. */
import { ownEntry } from '../../scenario/nameRecord.js';
import { describeObjective, rejectedCheaper, type Check, type GroupRecommendation, type SweepSummary } from '../../experiment/sweep/index.js';
import type { SignalSummary } from '../../experiment/Summary.js';
import { evidenceOf } from '../evidence.js';
import { formatMoney, formatPercent } from '../format.js';
import { paretoFront } from '../paretoFront.js';
import { headlineAvailability, headlineSignal, headlineSummary } from './sweepAxes.js';
import { formatMs } from './sweepTable.js';

/** The objectives as asked: "apiWrite >= 99.99% and write p99 <= 100 ms". */
export function objectivesText(summary: SweepSummary): string {
  const o = summary.objectives;
  return [...o.availability.map((a) => `${a.signal} >= ${a.targetPercent}%`), ...(o.maxWriteP99Ms === null ? [] : [`write p99 <= ${o.maxWriteP99Ms} ms`])].join(' and ');
}

/**
 * One paragraph per line: for each group of given values (each worker count), the verdict first,
 * then the detail a design review asks for.
 */
export function recommendationLines(summary: SweepSummary): string[] {
  const groups = summary.recommendations;
  const money = (x: number) => formatMoney(x, summary.points[0]?.summary.cost.currency ?? 'USD');
  if (groups.every((g) => g.recommendation.kind === 'noObjectives')) {
    const signal = headlineSignal(summary);
    return [
      'No objectives given (--slo signal=percent, --max-write-p99 duration): no recommendation, only the configurations that no other beats on both cost and availability.',
      ...groups.map((g) => {
        const front = paretoFront(
          g.points.map((i) => {
            const p = summary.points[i]!;
            const s = headlineSummary(p, signal);
            return { label: p.label, cost: p.summary.cost.perMonth, availability: headlineAvailability(p, signal)?.mean ?? NaN, s };
          }),
        );
        const figure = (s: SignalSummary | undefined): string => {
          if (s === undefined) return '—';
          const caveat = s.bound !== null ? '' : caveatOf(s);
          return `${evidenceOf(s).value}${caveat === '' ? '' : `, ${caveat}`}`;
        };
        return `Pareto front of cost against ${signal}${g.label === '' ? '' : ` at ${g.label}`}: ${front.map((p) => `${p.label} (${money(p.cost)}, ${figure(p.s)})`).join('; ')}.`;
      }),
    ];
  }
  return groups.flatMap((g) => {
    const lines = groupLines(summary, g, money);
    return groups.length > 1 ? [`At ${g.label}:`, ...lines.map((l) => `  ${l}`)] : lines;
  });
}

function groupLines(summary: SweepSummary, g: GroupRecommendation, money: (x: number) => string): string[] {
  const r = g.recommendation;
  if (r.kind === 'noObjectives') return [];
  if (r.kind === 'cheapest') {
    const p = summary.points[r.point]!;
    const figures = p.verdict.checks.map((c) => checkText(c, signalOf(summary, r.point, c))).join('; ');
    const lines = [
      `Recommendation: ${r.label}, ${money(r.costPerMonth)} per month: the cheapest of the ${r.meeting} of ${r.of} configurations that meet ${objectivesText(summary)}.`,
      `It reaches ${figures}.`,
    ];
    const candidates = g.points.map((i) => {
      const q = summary.points[i]!;
      return { index: i, label: q.label, costPerMonth: q.summary.cost.perMonth, availability: NaN, verdict: q.verdict };
    });
    for (const i of rejectedCheaper(candidates, r)) {
      const q = summary.points[i]!;
      const thin = q.verdict.checks.filter((c) => !c.met && c.kind === 'availability' && untrusted(signalOf(summary, i, c)));
      if (thin.length === 0) continue;
      lines.push(
        `Caution: the cheaper ${q.label} was rejected on thin evidence: it misses ${thin.map((c) => `${describeObjective(c)} with ${checkText(c, signalOf(summary, i, c))}`).join('; ')}. Run more replications or a longer horizon before ruling it out.`,
      );
    }
    return lines;
  }
  const failing = r.failing.map((c) => `${describeObjective(c)}: ${checkText(c, signalOf(summary, r.closest, c))}`).join('; ');
  const best = r.best
    .map((b) => `${b.objective}: best ${b.value === null ? 'saturated everywhere' : b.objective.startsWith('write') ? formatMs(b.value) : formatPercent(b.value / 100)} at ${b.label}`)
    .join('; ');
  return [`No configuration of the ${r.of} meets ${objectivesText(summary)}.`, `Closest: ${r.label}, which misses ${failing}.`, `Best reached per objective: ${best}.`];
}

/** The signal an availability check was made on, at one point of the grid. */
function signalOf(summary: SweepSummary, point: number, c: Check): SignalSummary | undefined {
  if (c.kind !== 'availability') return undefined;
  const s = summary.points[point]?.summary;
  if (!s) return undefined;
  return c.where === 'global' ? ownEntry(s.global.signals, c.signal) : ownEntry(ownEntry(s.clusters, c.where)?.signals, c.signal);
}

function untrusted(s: SignalSummary | undefined): boolean {
  return s !== undefined && s.trust.level !== 'ok';
}

/** What a figure that is not trusted rests on, in a few words: "rests on 2 outages: rough". */
export function caveatOf(s: SignalSummary): string {
  const n = s.trust.outages;
  switch (s.trust.level) {
    case 'ok':
      return '';
    case 'few-outages':
      return s.trust.basis === 'etcdQuorum' ? `rests on ${n} quorum loss${n === 1 ? '' : 'es'}: rough` : `rests on ${n} outage${n === 1 ? '' : 's'}: rough`;
    case 'no-outages':
      return 'no outage seen: a bound, not an estimate';
    case 'dominated':
      return `dominated: a few of ${n} outages hold most of the downtime`;
    case 'single-replication':
      return 'one replication: no CI';
  }
}

/**
 * A check's figure: "prod apiWrite 99.995% (95% CI 99.993–99.998%)", with what an untrusted
 * figure rests on ("…; rests on 2 outages: rough"), "prod write p99 52.4 ms". Without the signal's
 * summary, the mean and the CI's low end.
 */
export function checkText(c: Check, s?: SignalSummary): string {
  if (c.kind === 'availability') {
    if (Number.isNaN(c.valuePercent)) return `no ${c.signal} signal`;
    if (s !== undefined) {
      const e = evidenceOf(s);
      const caveat = s.bound !== null ? '' : caveatOf(s);
      const inner = s.bound !== null ? e.interval : s.availability.ci95 === null ? e.interval : `95% CI ${e.interval}`;
      return `${c.where} ${c.signal} ${e.value} (${inner}${caveat === '' ? '' : `; ${caveat}`})`;
    }
    const low = Number.isNaN(c.ci95LowPercent) ? 'no CI' : `95% CI from ${formatPercent(c.ci95LowPercent / 100)}`;
    return `${c.where} ${c.signal} ${formatPercent(c.valuePercent / 100)} (${low})`;
  }
  return `${c.where} write p99 ${formatMs(c.valueMs)}`;
}
