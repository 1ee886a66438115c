/** The recommendation in words: which configuration to pick and why, or why none fits. */
import { describeObjective, type Check, type Recommendation, type SweepSummary } from '../../experiment/sweep/index.js';
import { formatMoney, formatPercent } from '../format.js';
import { paretoFront } from '../paretoFront.js';
import { headlineAvailability, headlineSignal } from './sweepAxes.js';
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
            return { label: p.label, cost: p.summary.cost.perMonth, availability: headlineAvailability(p, signal)?.mean ?? NaN };
          }),
        );
        return `Pareto front of cost against ${signal}${g.label === '' ? '' : ` at ${g.label}`}: ${front.map((p) => `${p.label} (${money(p.cost)}, ${formatPercent(p.availability)})`).join('; ')}.`;
      }),
    ];
  }
  return groups.flatMap((g) => {
    const lines = groupLines(summary, g.recommendation, money);
    return groups.length > 1 ? [`At ${g.label}:`, ...lines.map((l) => `  ${l}`)] : lines;
  });
}

function groupLines(summary: SweepSummary, r: Recommendation, money: (x: number) => string): string[] {
  if (r.kind === 'noObjectives') return [];
  if (r.kind === 'cheapest') {
    const p = summary.points[r.point]!;
    const figures = p.verdict.checks.map(checkText).join('; ');
    return [
      `Recommendation: ${r.label}, ${money(r.costPerMonth)} per month: the cheapest of the ${r.meeting} of ${r.of} configurations that meet ${objectivesText(summary)}.`,
      `It reaches ${figures}.`,
    ];
  }
  const failing = r.failing.map((c) => `${describeObjective(c)}: ${checkText(c)}`).join('; ');
  const best = r.best
    .map((b) => `${b.objective}: best ${b.value === null ? 'saturated everywhere' : b.objective.startsWith('write') ? formatMs(b.value) : formatPercent(b.value / 100)} at ${b.label}`)
    .join('; ');
  return [`No configuration of the ${r.of} meets ${objectivesText(summary)}.`, `Closest: ${r.label}, which misses ${failing}.`, `Best reached per objective: ${best}.`];
}

/** A check's figure: "prod apiWrite 99.9953% (95% CI from 99.9931%)", "prod write p99 52.4 ms". */
export function checkText(c: Check): string {
  if (c.kind === 'availability') {
    if (Number.isNaN(c.valuePercent)) return `no ${c.signal} signal`;
    return `${c.where} ${c.signal} ${formatPercent(c.valuePercent / 100)} (95% CI from ${formatPercent(c.ci95LowPercent / 100)})`;
  }
  return `${c.where} write p99 ${formatMs(c.valueMs)}`;
}
